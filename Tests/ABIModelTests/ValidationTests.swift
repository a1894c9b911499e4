import ABIModel
import Testing

/// Each structural rule with a good and a broken input; the broken one must name the problem.
@Suite struct ValidationTests {
  func errors(_ model: ABIModel) -> [String] {
    model.validate().filter { $0.severity == .error }.map(\.message)
  }

  func single(_ multiplex: Multiplex, release: String = "4.5") -> ABIModel {
    Fixtures.model([Fixtures.release(release, [Hypercall(name: "memory_op", number: 12, multiplex: multiplex)])])
  }

  @Test func theMiniatureXenHistoryIsValid() {
    #expect(errors(Fixtures.xenShiftWidening) == [])
  }

  @Test func emptyReleaseList() {
    #expect(errors(Fixtures.model([])) == ["the release list of 'test' is empty"])
  }

  @Test func duplicateSubOpNumbers() {
    let broken = Fixtures.memoryOp(maskBits: 6, extraOps: [SubOp(name: "XENMEM_clash", number: 2)])
    #expect(
      errors(single(broken)) == [
        "4.5: memory_op: sub-op number 2 is used by both 'XENMEM_maximum_ram_page' and 'XENMEM_clash'"
      ])
  }

  @Test func duplicateSubOpNames() {
    let broken = Fixtures.memoryOp(maskBits: 6, extraOps: [SubOp(name: "XENMEM_maximum_ram_page", number: 3)])
    #expect(errors(single(broken)) == ["4.5: memory_op: sub-op 'XENMEM_maximum_ram_page' is defined 2 times"])
  }

  @Test func numberThatDoesNotFitTheMask() {
    let good = Fixtures.memoryOp(maskBits: 6, extraOps: [SubOp(name: "XENMEM_set_pod_target", number: 16)])
    let broken = Fixtures.memoryOp(maskBits: 4, extraOps: [SubOp(name: "XENMEM_set_pod_target", number: 16)])
    #expect(errors(single(good)) == [])
    #expect(
      errors(single(broken)) == ["4.5: memory_op: sub-op 'XENMEM_set_pod_target' = 16 does not fit the op mask 0xf"])
  }

  @Test func numberThatDoesNotFitTheRegister() {
    let grant = Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt), opMask: .wholeRegister,
      unusedBits: .rejected, subOps: [SubOp(name: "GNTTABOP_huge", number: 0x1_0000_0000)])
    #expect(
      errors(single(grant)) == [
        "4.5: memory_op: sub-op 'GNTTABOP_huge' = 4294967296 does not fit the 32-bit 'cmd' register"
      ])
  }

  @Test func maskWiderThanTheRegister() {
    let broken = Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt), opMask: OpMask(bits: 33),
      unusedBits: .rejected, subOps: [])
    #expect(errors(single(broken)) == ["4.5: memory_op: the op mask of 33 bits does not fit the 32-bit 'cmd' register"])
  }

  @Test func shiftSmallerThanTheMask() {
    var broken = Fixtures.memoryOp(maskBits: 6)
    broken.subOps[0].continuation = Fixtures.shifted(4)
    #expect(
      errors(single(broken)) == [
        "4.5: memory_op: XENMEM_increase_reservation: the progress shift 4 is smaller than the 6-bit op mask, so progress overlaps the op field"
      ])
  }

  @Test func shiftBeyondTheRegister() {
    var broken = Fixtures.memoryOp(maskBits: 6)
    broken.subOps[0].continuation = Fixtures.shifted(32)
    #expect(
      errors(single(broken)) == [
        "4.5: memory_op: XENMEM_increase_reservation: the progress shift 32 leaves no room in the 32-bit 'cmd' register"
      ])
  }

  @Test func contradictoryEncodings() {
    var broken = Fixtures.memoryOp(maskBits: 6)
    broken.subOps[0].continuation = ContinuationEncoding(kinds: [.cmdShiftedIndex, .cmdRawIndexAligned], shift: 6)
    #expect(
      errors(single(broken)) == [
        "4.5: memory_op: XENMEM_increase_reservation: contradictory encodings: progress cannot be both shifted and raw in 'cmd'"
      ])
  }

  @Test func progressInTheRegisterNeedsAMask() {
    var broken = Fixtures.memoryOp(maskBits: 6)
    broken.opMask = .wholeRegister
    broken.subOps = [
      SubOp(name: "HVMOP_set_mem_type", number: 8, continuation: ContinuationEncoding(kinds: [.cmdRawIndexAligned]))
    ]
    #expect(
      errors(single(broken)) == [
        "4.5: memory_op: HVMOP_set_mem_type: progress kept in 'cmd' needs an op mask, but the whole register is the op"
      ])
  }

  @Test func duplicateHypercallNumbersPerGuest() {
    let good = Fixtures.model([
      Fixtures.release(
        "3.0.0",
        [
          Hypercall(name: "switch_vm86", number: 23, guestABIs: ["x86_32"]),
          Hypercall(name: "switch_to_user", number: 23, guestABIs: ["x86_64"]),
        ])
    ])
    let broken = Fixtures.model([
      Fixtures.release("3.0.0", [Hypercall(name: "switch_vm86", number: 23), Hypercall(name: "iret", number: 23)])
    ])
    #expect(errors(good) == [])
    #expect(
      errors(broken) == [
        "3.0.0: hypercall number 23 is used by both 'switch_vm86' and 'iret' for x86_64",
        "3.0.0: hypercall number 23 is used by both 'switch_vm86' and 'iret' for x86_32",
      ])
  }

  @Test func unknownGuestABI() {
    let broken = Fixtures.model([Fixtures.release("1", [Hypercall(name: "iret", number: 23, guestABIs: ["ia64"])])])
    #expect(errors(broken) == ["1: hypercall 'iret' names unknown guest ABI 'ia64' (known: x86_64, x86_32)"])
  }

  @Test func guestWidthOutOfRange() {
    var broken = Fixtures.xenShiftWidening
    broken.guestABIs.append(GuestABI(name: "wide", width: 65))
    #expect(errors(broken).contains("guest ABI 'wide' has width 65; widths must be 1 to 64 bits"))
  }

  @Test func developmentReleaseMustBeLast() {
    var broken = Fixtures.xenShiftWidening
    broken.releases[0].status = .development
    #expect(
      errors(broken) == [
        "release '3.3' is in development but is not the newest release; only the last release can still change"
      ])
  }

  @Test func countFlagBeyondTheArgument() {
    let broken = Fixtures.model([
      Fixtures.release(
        "1",
        [
          Hypercall(
            name: "mmu_update", number: 1,
            countFlag: CountFlagEncoding(
              argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt), flagBit: 32))
        ])
    ])
    #expect(errors(broken) == ["1: mmu_update: count flag bit 32 does not fit the 32-bit 'count' argument"])
  }

  @Test func acceptedBreakNamingUnknownThings() {
    let good = AcceptedBreak(
      id: "memop-shift", hypercall: "memory_op", introducedIn: "3.4", classes: [.alias],
      subOps: ["XENMEM_increase_reservation"], reason: "r", source: "36e3044132")
    var unknownRelease = good
    unknownRelease.introducedIn = "3.5"
    var unknownOp = good
    unknownOp.subOps = ["XENMEM_nonesuch"]
    var unknownHypercall = good
    unknownHypercall.hypercall = "mem_op"
    let base = Fixtures.xenShiftWidening
    func with(_ accepted: AcceptedBreak) -> ABIModel {
      var model = base
      model.acceptedBreaks = [accepted]
      return model
    }
    #expect(errors(with(good)) == [])
    #expect(errors(with(unknownRelease)) == ["accepted break 'memop-shift': unknown release '3.5' (known: 3.3, 3.4)"])
    #expect(
      errors(with(unknownOp)) == ["accepted break 'memop-shift': unknown sub-op 'XENMEM_nonesuch' of 'memory_op'"])
    #expect(errors(with(unknownHypercall)) == ["accepted break 'memop-shift': unknown hypercall 'mem_op'"])
  }

  @Test func aCNameNamesOneValuePerRelease() {
    let count = ArgumentSlot(index: 1, name: "count", type: .unsignedInt)
    func flagged(_ name: String, _ bit: Int) -> Hypercall {
      Hypercall(
        name: name, number: name == "mmu_update" ? 1 : 26,
        countFlag: CountFlagEncoding(argument: count, flagBit: bit, flagName: "MMU_UPDATE_PREEMPTED"))
    }
    let good = Fixtures.model([Fixtures.release("1", [flagged("mmu_update", 31), flagged("mmuext_op", 31)])])
    let broken = Fixtures.model([Fixtures.release("1", [flagged("mmu_update", 31), flagged("mmuext_op", 30)])])
    #expect(errors(good) == [])
    #expect(
      errors(broken) == [
        "1: mmuext_op: C name 'MMU_UPDATE_PREEMPTED' = 1073741824 clashes with 'MMU_UPDATE_PREEMPTED' = 2147483648 of mmu_update"
      ])
    var clash = Fixtures.memoryOp(maskBits: 6)
    clash.subOps[2].cName = "XENMEM_increase_reservation"
    #expect(
      errors(single(clash)) == [
        "4.5: memory_op: C name 'XENMEM_increase_reservation' = 2 clashes with 'XENMEM_increase_reservation' = 0 of memory_op"
      ])
  }

  @Test func diagnosticsPrintLikeACompiler() {
    let diagnostic = Diagnostic.error("boom", at: SourceLocation(file: "Spec/Xen/MemoryOp.swift", line: 42))
    #expect(diagnostic.description == "Spec/Xen/MemoryOp.swift:42: error: boom")
  }
}
