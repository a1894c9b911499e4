import ABIModel
import PropertyBased
import Testing

@Suite struct DecoderTests {
  let memory33 = Fixtures.memoryOp(maskBits: 4)
  let memory34 = Fixtures.memoryOp(
    maskBits: 6, extraOps: [SubOp(name: "XENMEM_set_pod_target", number: 16)])

  @Test func shiftedProgressDecodesUnderItsOwnShift() {
    let decoded = memory33.decode(0x10, guestWidth: 64)
    #expect(decoded.subOp?.name == "XENMEM_increase_reservation")
    #expect(decoded.progress == 1)
  }

  @Test func theSameValueIsSetPodTargetAfterTheWidening() {
    let decoded = memory34.decode(0x10, guestWidth: 64)
    #expect(decoded.subOp?.name == "XENMEM_set_pod_target")
    #expect(decoded.progress == 0)
  }

  @Test func unknownOpIsRejected() {
    #expect(memory34.decode(0x3e, guestWidth: 64) == .rejected(.unknownOp))
  }

  @Test func highBitsOnANonContinuableOpFollowThePolicy() {
    let ignoring = Fixtures.memoryOp(maskBits: 6, unusedBits: .ignored)
    let rejecting = Fixtures.memoryOp(maskBits: 6, unusedBits: .rejected)
    #expect(ignoring.decode(0x42, guestWidth: 64).subOp?.name == "XENMEM_maximum_ram_page")
    #expect(ignoring.decode(0x42, guestWidth: 64).progress == 0)
    #expect(rejecting.decode(0x42, guestWidth: 64) == .rejected(.unusedBitsSet))
    #expect(rejecting.decode(0x02, guestWidth: 64).subOp?.name == "XENMEM_maximum_ram_page")
  }

  @Test func wholeRegisterOpRejectsAnyHighBit() {
    let hvm = Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "op", type: .unsignedLong), opMask: .wholeRegister,
      unusedBits: .rejected, subOps: [SubOp(name: "HVMOP_set_param", number: 0)])
    #expect(hvm.decode(0, guestWidth: 64).subOp?.name == "HVMOP_set_param")
    #expect(hvm.decode(0x100, guestWidth: 64) == .rejected(.unknownOp))
  }

  @Test func rawAlignedProgressIsTheHighBitsUnshifted() {
    let hvm = Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "op", type: .unsignedLong),
      opMask: OpMask(bits: 8, maskName: "HVMOP_op_mask"), unusedBits: .rejected,
      subOps: [
        SubOp(name: "HVMOP_set_mem_type", number: 8, continuation: ContinuationEncoding(kinds: [.cmdRawIndexAligned]))
      ])
    let op = hvm.subOps[0]
    #expect(hvm.encode(op, progress: 0x300, guestWidth: 64) == 0x308)
    #expect(hvm.encode(op, progress: 0x301, guestWidth: 64) == nil)
    #expect(hvm.decode(0x308, guestWidth: 64).progress == 0x300)
    #expect(hvm.maximumProgress(of: op, guestWidth: 32) == 0xffff_ff00)
  }

  @Test func anUnsignedIntArgumentDropsTheUpperHalfOnEveryGuest() {
    let grant = Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt), opMask: .wholeRegister,
      unusedBits: .rejected, subOps: [SubOp(name: "GNTTABOP_map_grant_ref", number: 0)])
    #expect(grant.decode(0x1_0000_0000, guestWidth: 64).subOp?.name == "GNTTABOP_map_grant_ref")
  }

  @Test func boundsFollowTheGuestWidth() {
    let op = SubOp(
      name: "x", number: 0, continuation: Fixtures.shifted(6, bound: .typeMaximum(.unsignedInt, shiftedRightBy: 6)))
    let multiplex = Fixtures.memoryOp(maskBits: 6, extraOps: [])
    #expect(multiplex.maximumProgress(of: op, guestWidth: 64) == 0x3ff_ffff)
    let native = SubOp(
      name: "y", number: 0, continuation: Fixtures.shifted(6, bound: .typeMaximum(.unsignedLong, shiftedRightBy: 6)))
    #expect(multiplex.maximumProgress(of: native, guestWidth: 64) == UInt64.max >> 6)
    #expect(multiplex.maximumProgress(of: native, guestWidth: 32) == 0x3ff_ffff)
  }

  @Test func countFlagRoundTrips() {
    let flag = CountFlagEncoding(
      argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt), flagBit: 31, flagName: "MMU_UPDATE_PREEMPTED"
    )
    #expect(flag.encode(remaining: 5, guestWidth: 64) == 0x8000_0005)
    let decoded = flag.decode(0x8000_0005, guestWidth: 64)
    #expect(decoded.resumed && decoded.remaining == 5)
    #expect(!flag.decode(5, guestWidth: 32).resumed)
  }

  /// Encoding then decoding gives back the op and the progress, for any progress the register
  /// can hold, on both widths.
  @Test func shiftedEncodingRoundTripsWithinCapacity() async {
    await propertyCheck(count: 300, input: Gen.uint64(), Gen.bool) { raw, narrow in
      let width = narrow ? 32 : 64
      let op = memory34.subOps[1]
      let progress = raw & memory34.maximumProgress(of: op, guestWidth: width)
      let value = memory34.encode(op, progress: progress, guestWidth: width)!
      let decoded = memory34.decode(value, guestWidth: width)
      #expect(decoded.subOp?.name == op.name)
      #expect(decoded.progress == progress)
    }
  }
}
