import ABIModel
import Testing

@testable import ReleaseLock

/// The digest covers everything that decodes or encodes a call and nothing else.
@Suite struct ReleaseDescriptionTests {
  static let base = LockFixtures.hvmOp()

  static func digest(_ hypercall: Hypercall) -> String {
    let release = Release(name: "4.5", hypercalls: [hypercall, LockFixtures.mmuUpdate])
    return ReleaseLock.Entry(release, of: ABIModel(family: "mini", guestABIs: [], releases: [release])).digest
  }

  /// Edits that are not ABI: where facts are stated, where they were read, report-only names.
  static let notABI: [(String, @Sendable (inout Hypercall) -> Void)] = [
    ("hypercall location", { $0.location = SourceLocation(file: "Spec/Other.swift", line: 99) }),
    ("hypercall source", { $0.source = "abcdef" }),
    ("multiplex location", { $0.multiplex!.location = SourceLocation(file: "x", line: 1) }),
    ("multiplex source", { $0.multiplex!.source = nil }),
    ("sub-op location", { $0.multiplex!.subOps[1].location = SourceLocation(file: "y", line: 2) }),
    ("sub-op source", { $0.multiplex!.subOps[1].source = "1234" }),
    ("continuation source", { $0.multiplex!.subOps[1].continuation!.source = nil }),
    ("progress name", { $0.multiplex!.subOps[1].continuation!.progressName = "iter" }),
    ("argument name", { $0.multiplex!.opArgument.name = "cmd" }),
  ]

  /// Edits that change how a call decodes or what it is called.
  static let abi: [(String, @Sendable (inout Hypercall) -> Void)] = [
    ("hypercall number", { $0.number = 35 }),
    ("hypercall lineage", { $0.lineage = "hypercall:hvm_op@4.5" }),
    ("hypercall guest ABIs", { $0.guestABIs = ["x86_64"] }),
    ("hypercall former names", { $0.formerNames = ["hvm_old"] }),
    ("mask bits", { $0.multiplex!.opMask.bits = 12 }),
    ("no mask", { $0.multiplex!.opMask = .wholeRegister }),
    ("mask name", { $0.multiplex!.opMask.maskName = nil }),
    ("shift name", { $0.multiplex!.opMask.shiftName = "HVMOP_SHIFT" }),
    ("unused bits", { $0.multiplex!.unusedBits = .ignored }),
    ("argument slot", { $0.multiplex!.opArgument.index = 1 }),
    ("argument type", { $0.multiplex!.opArgument.type = .unsignedInt }),
    ("sub-op number", { $0.multiplex!.subOps[1].number = 8 }),
    ("sub-op name", { $0.multiplex!.subOps[1].name = "HVMOP_x" }),
    ("sub-op lineage", { $0.multiplex!.subOps[1].lineage = "hvm_op:other" }),
    ("sub-op C name", { $0.multiplex!.subOps[1].cName = "HVMOP_C" }),
    ("sub-op former names", { $0.multiplex!.subOps[1].formerNames = ["HVMOP_old"] }),
    ("tools-only", { $0.multiplex!.subOps[1].toolsOnly = false }),
    ("guard", { $0.multiplex!.subOps[1].guardCondition = "__XEN_INTERFACE_VERSION__ >= 0x00040500" }),
    ("continuation kind", { $0.multiplex!.subOps[1].continuation!.kinds = [.guestStruct] }),
    ("continuation dropped", { $0.multiplex!.subOps[1].continuation = nil }),
    ("continuation bound", { $0.multiplex!.subOps[1].continuation!.bound = .constant(0xffff_ff00) }),
    ("sub-op added", { $0.multiplex!.subOps.append(SubOp(name: "HVMOP_new", number: 9)) }),
    ("sub-op removed", { $0.multiplex!.subOps.removeFirst() }),
    ("count flag", { $0.countFlag = LockFixtures.mmuUpdate.countFlag }),
  ]

  @Test(arguments: notABI.map(\.0))
  func aChangeThatIsNotABIKeepsTheDigest(_ name: String) {
    var edited = Self.base
    Self.notABI.first { $0.0 == name }!.1(&edited)
    #expect(edited != Self.base)
    #expect(Self.digest(edited) == Self.digest(Self.base))
  }

  @Test(arguments: abi.map(\.0))
  func anABIChangeChangesTheDigest(_ name: String) {
    var edited = Self.base
    Self.abi.first { $0.0 == name }!.1(&edited)
    #expect(Self.digest(edited) != Self.digest(Self.base))
  }

  @Test func theCountFlagIsDescribed() {
    var mmu = LockFixtures.mmuUpdate
    let before = Self.digestOf(mmu)
    mmu.countFlag!.flagBit = 30
    #expect(Self.digestOf(mmu) != before)
    #expect(
      ReleaseDescription.facts(of: LockFixtures.mmuUpdate).map(\.line) == [
        "number: 1", "lineage: mmu_update", "count flag: bit 31 MMU_UPDATE_PREEMPTED of argument 1 (unsigned int)",
      ])
  }

  @Test func theShiftOfAContinuationIsDescribed() {
    let six = ContinuationEncoding(
      kinds: [.cmdShiftedIndex], shift: 6, bound: .typeMaximum(.unsignedInt, shiftedRightBy: 6))
    var eight = six
    eight.shift = 8
    #expect(ReleaseDescription.describe(six) == "cmd_shifted_index, shift 6, bound unsigned int max >> 6")
    #expect(ReleaseDescription.describe(eight) != ReleaseDescription.describe(six))
  }

  static func digestOf(_ hypercall: Hypercall) -> String {
    let release = Release(name: "4.5", hypercalls: [hypercall])
    return ReleaseLock.Entry(release, of: ABIModel(family: "mini", guestABIs: [], releases: [release])).digest
  }

  @Test func factsReadAsTheSpecStatesThem() {
    #expect(
      ReleaseDescription.facts(of: Self.base).map(\.line) == [
        "number: 34", "lineage: hvm_op", "op argument: 0 (unsigned long)", "op mask: 0xff",
        "op mask name: HVMOP_op_mask", "unused bits: rejected", "op 0: HVMOP_set_param",
        "op 7: HVMOP_modified_memory", "op 7 tools-only: yes",
        "op 7 continues: cmd_raw_index_aligned, bound register capacity",
      ])
  }
}
