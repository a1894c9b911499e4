import Testing
import XenDispatch

/// The generated handler protocols and dispatchers, used as a hypervisor would.
@Suite struct DispatchTests {
  /// The known Xen break, concretely: 3.3's `XENMEM_increase_reservation` preempted at extent 1
  /// leaves `cmd = 0 | 1 << 4 = 0x10`; 3.4 (`MEMOP_EXTENT_SHIFT` 6) runs that as
  /// `XENMEM_set_pod_target`.
  @Test func a33ContinuationRunsSetPodTargetOn34() {
    var on33 = MemoryOp33()
    let first = Xen_3_3.MemoryOp.dispatch(HypercallArguments(0, 0xdead), guestWidth: 64, to: &on33)
    #expect(
      first
        == .preempted(
          .increaseReservation, progress: 1, continuation: HypercallArguments(0x10, 0xdead)))
    guard case .preempted(_, _, let continuation) = first else { return }

    var on34 = MemoryOp34()
    let resumed = Xen_3_4.MemoryOp.dispatch(continuation, guestWidth: 64, to: &on34)
    #expect(resumed == .completed(.setPodTarget, returnValue: 0))
    #expect(on34.calls.map(\.op) == ["setPodTarget"])

    // On 3.3 itself the same continuation resumes the op at extent 1 and finishes it.
    var again = MemoryOp33()
    let second = Xen_3_3.MemoryOp.dispatch(continuation, guestWidth: 64, to: &again)
    #expect(
      second
        == .preempted(
          .increaseReservation, progress: 2, continuation: HypercallArguments(0x20, 0xdead)))
    #expect(again.calls.map(\.progress) == [1])
  }

  /// 3.2 and 3.3 keep 3.1's memory_op table exactly, so theirs is 3.1's type and one handler runs
  /// all three; 3.4 changed it, so its table is a type of its own.
  @Test func aTableReleasesKeptIsOneTypeWithOneHandler() {
    #expect(Xen_3_3.MemoryOp.self == Xen_3_1.MemoryOp.self)
    #expect(Xen_3_2.MemoryOp.self == Xen_3_1.MemoryOp.self)
    #expect(Xen_3_4.MemoryOp.self != Xen_3_3.MemoryOp.self)
    var handler = MemoryOp33()
    let result = Xen_3_1.MemoryOp.dispatch(HypercallArguments(0x10), guestWidth: 64, to: &handler)
    #expect(
      result
        == .preempted(.increaseReservation, progress: 2, continuation: HypercallArguments(0x20)))
  }

  @Test func on34TheSameOpCarriesItsExtentAboveBit6() {
    var handler = MemoryOp34()
    let result = Xen_3_4.MemoryOp.dispatch(HypercallArguments(0), guestWidth: 32, to: &handler)
    #expect(
      result
        == .preempted(.increaseReservation, progress: 1, continuation: HypercallArguments(0x40)))
  }

  @Test func highBitsOnAPlainOpGetENOSYSFrom45Only() {
    // XENMEM_maximum_ram_page (2) with a bit above the mask.
    #expect(Xen_4_4.MemoryOp.decode(0x42, guestWidth: 64) == .subOp(.maximumRamPage, progress: 0))
    #expect(Xen_4_5.MemoryOp.decode(0x42, guestWidth: 64) == .rejected(.unusedBitsSet))
    #expect(Rejection.unusedBitsSet.returnValue == -38)
    let result = Xen_4_5.MemoryOp.dispatch(HypercallArguments(0x42), guestWidth: 64) { _, _ in
      Issue.record("a rejected call must not reach a handler")
      return .completed(returnValue: 0)
    }
    #expect(result == .rejected(.unusedBitsSet))
  }

  @Test func unknownOpIsRejected() {
    #expect(Xen_3_3.MemoryOp.decode(15, guestWidth: 64) == .rejected(.unknownOp))
    #expect(Xen_4_19.HvmOp.decode(0x1_0000_0000, guestWidth: 64) == .rejected(.unknownOp))
  }

  @Test func aPreemptionTheReleaseCannotEncodeIsReported() {
    // A plain op keeps no progress in cmd; a raw op's progress must be a multiple of 64.
    let plain = Xen_4_19.MemoryOp.dispatch(HypercallArguments(2), guestWidth: 64) { _, _ in
      .preempted(progress: 3)
    }
    #expect(plain == .unencodable(.maximumRamPage, progress: 3))
    let raw = Xen_4_19.MemoryOp.dispatch(HypercallArguments(21), guestWidth: 64) { _, _ in
      .preempted(progress: 65)
    }
    #expect(raw == .unencodable(.accessOp, progress: 65))
    // Past UINT_MAX >> 6 for a shifted op.
    let bound = Xen_4_19.MemoryOp.dispatch(HypercallArguments(0), guestWidth: 64) { _, _ in
      .preempted(progress: UInt64(UInt32.max >> 6) + 1)
    }
    #expect(bound == .unencodable(.increaseReservation, progress: UInt64(UInt32.max >> 6) + 1))
  }

  @Test func aHandlerThatKeepsProgressInTheArgumentsHasThemReissued() {
    // GNTTABOP_copy continues by advancing the handle and decrementing the count.
    let result = Xen_4_19.GrantTableOp.dispatch(HypercallArguments(5, 0x1000, 8), guestWidth: 64) {
      op, call in
      #expect(op == .copy)
      call.arguments[1] += 3 * 40
      call.arguments[2] -= 3
      return .preempted(progress: 0)
    }
    #expect(
      result == .preempted(.copy, progress: 0, continuation: HypercallArguments(5, 0x1000 + 120, 5))
    )
  }

  @Test func dmOpReadsItsOpFromGuestMemoryAndLeavesTheSlotAlone() {
    // The caller passes struct xen_dm_op.op in argument 2; a continuation re-issues the same.
    let result = Xen_4_19.DmOp.dispatch(HypercallArguments(7, 1, 11), guestWidth: 64) { op, _ in
      #expect(op == .modifiedMemory)
      return .preempted(progress: 0)
    }
    #expect(
      result == .preempted(.modifiedMemory, progress: 0, continuation: HypercallArguments(7, 1, 11))
    )
  }

  @Test func anUnsignedIntOpDropsTheUpperHalf() {
    #expect(
      Xen_4_19.GrantTableOp.decode(0x1_0000_0005, guestWidth: 64) == .subOp(.copy, progress: 0))
    #expect(Xen_4_19.MemoryOp.decode(0x1_0000_0005, guestWidth: 64) == .rejected(.unusedBitsSet))
    #expect(
      Xen_4_19.MemoryOp.decode(0x1_0000_0005, guestWidth: 32)
        == .subOp(.machphysMfnList, progress: 0))
  }

  @Test func releasesAreIndexedOldestFirst() {
    #expect(XenReleases.all.first?.name == "3.0.0")
    #expect(XenReleases.all.last?.name == "master")
    #expect(XenReleases.release(named: "master")?.inDevelopment == true)
    #expect(Xen_4_19.HypercallNumber.memoryOp == 12)
    #expect(Xen_3_0_0.HypercallNumber.switchVm86 == 23)
  }
}
