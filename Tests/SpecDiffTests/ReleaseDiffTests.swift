import ABIModel
import Obligations
import SpecDiff
import Testing

/// The structural diff and the labels, on small models built directly, and on Xen 3.3 -> 3.4.
@Suite struct ReleaseDiffTests {
  static let cmd = ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)

  static func shifted(_ shift: Int) -> ContinuationEncoding {
    ContinuationEncoding(
      kinds: [.cmdShiftedIndex], shift: shift, bound: .typeMaximum(.unsignedLong, shiftedRightBy: shift),
      progressName: "start")
  }

  static func release(_ name: String, mask bits: Int, ops: [SubOp], extra: [Hypercall] = []) -> Release {
    let memory = Hypercall(
      name: "memory_op", number: 12,
      multiplex: Multiplex(
        opArgument: cmd, opMask: OpMask(bits: bits, maskName: "CMD_MASK", shiftName: "SHIFT"), unusedBits: .ignored,
        subOps: ops))
    return Release(name: name, hypercalls: [memory] + extra)
  }

  static func model(_ releases: [Release], accepted: [AcceptedBreak] = []) -> ABIModel {
    ABIModel(
      family: "test", guestABIs: [GuestABI(name: "x86_64", width: 64)], releases: releases, acceptedBreaks: accepted)
  }

  static let older = release(
    "1", mask: 4,
    ops: [
      SubOp(name: "grow", number: 0, continuation: shifted(4)), SubOp(name: "old_name", number: 1, lineage: "query"),
      SubOp(name: "gone", number: 2),
    ],
    extra: [Hypercall(name: "ancient", number: 20)])
  static let newer = release(
    "2", mask: 6,
    ops: [
      SubOp(name: "grow", number: 0, continuation: shifted(6)),
      SubOp(name: "new_name", number: 1, lineage: "query", formerNames: ["old_name"]),
      SubOp(name: "fresh", number: 16),
    ],
    extra: [Hypercall(name: "modern", number: 20), Hypercall(name: "extra", number: 21)])

  @Test func changesAreFoundByLineage() {
    let changes = ReleaseDiff.changes(from: Self.older, to: Self.newer)
    #expect(
      changes.map(\.summary) == [
        "hypercall 20 reused: __HYPERVISOR_ancient -> __HYPERVISOR_modern",
        "added __HYPERVISOR_extra = 21",
        "op mask CMD_MASK 0xf -> 0x3f (SHIFT 4 -> 6), moving the progress of grow",
        "renamed old_name -> new_name (1)",
        "removed gone = 2",
        "added fresh = 16",
      ])
    // The shift that follows the mask is part of the mask change, not a change of its own.
    #expect(!changes.contains { $0.kind == .continuation })
  }

  @Test func theCheckerLabelsEachChangeAndAttachesItsCounterexample() throws {
    let pair = try ReleasePair(Self.model([Self.older, Self.newer]), older: "1", newer: "2")
    let report = try DiffReport.make(pair, options: CheckOptions())
    #expect(report.exitCode == 1)
    let byKind = Dictionary(grouping: report.entries, by: \.change.summary)
    let mask = try #require(byKind["op mask CMD_MASK 0xf -> 0x3f (SHIFT 4 -> 6), moving the progress of grow"]?.first)
    #expect(mask.label == .breaking(.failing))
    let alias = try #require(mask.breaks.first)
    #expect(alias.finding.counterexample.failure == .migration(.alias))
    #expect(alias.finding.counterexample.value == 0x10)
    #expect(alias.finding.counterexample.newerDecoding?.subOp == "fresh")
    // The added op is involved in that alias, which is printed under the mask change.
    let fresh = try #require(byKind["added fresh = 16"]?.first)
    #expect(fresh.label == .breaking(.failing))
    #expect(fresh.breaks.allSatisfy { report.entries[$0.primary].change.kind == .opMask })
    #expect(byKind["renamed old_name -> new_name (1)"]?.first?.label == .compatible)
    #expect(byKind["removed gone = 2"]?.first?.label == .breaking(.failing))
    #expect(
      byKind["hypercall 20 reused: __HYPERVISOR_ancient -> __HYPERVISOR_modern"]?.first?.label == .breaking(.failing))
    #expect(byKind["added __HYPERVISOR_extra = 21"]?.first?.label == .compatible)
  }

  static func covers(
    _ breakClass: BreakClass, _ op: String, becomes: BreakOutcome, newer: ReleaseSpan = .from("2")
  ) -> BreakCoverage {
    BreakCoverage(
      breakClass, hypercall: "memory_op", value: .subOp, subOp: op, becomes: becomes, older: .only("1"), newer: newer)
  }

  static let accepted = [
    AcceptedBreak(
      id: "shift",
      covers: [
        covers(.alias, "grow", becomes: .op("fresh")), covers(.progressCorrupted, "grow", becomes: .op("grow")),
        covers(.continuationLost, "grow", becomes: .rejected),
      ], reason: "r", source: "s"),
    AcceptedBreak(id: "gone", covers: [covers(.removed, "gone", becomes: .rejected)], reason: "r", source: "s"),
    AcceptedBreak(
      id: "reuse",
      covers: [
        BreakCoverage(
          .hypercallReuse, hypercall: "ancient", value: .hypercallNumber, becomes: .op("modern"), older: .only("1"),
          newer: .from("2"))
      ], reason: "r", source: "s"),
  ]

  @Test func anAcceptedBreakIsLabelledAcceptedAndDoesNotFail() throws {
    let pair = try ReleasePair(Self.model([Self.older, Self.newer], accepted: Self.accepted), older: "1", newer: "2")
    let report = try DiffReport.make(pair, options: CheckOptions())
    #expect(report.exitCode == 0)
    let mask = try #require(report.entries.first { $0.change.kind == .opMask })
    #expect(mask.label == .breaking(.accepted(["shift"])))
    let text = DiffTextRenderer.render(report)
    #expect(text.contains("breaking, accepted as 'shift'"))
    #expect(
      text.contains("accepted[alias] 0x10 (x86_64, cmd): 1 reads grow resuming at start 1; 2 reads fresh at start 0."))
  }

  @Test func anAcceptedBreakForLaterReleasesDoesNotCoverThisPair() throws {
    let third = Self.release("3", mask: 6, ops: Self.newer.hypercalls[0].multiplex!.subOps)
    let later = [
      AcceptedBreak(
        id: "later", covers: [Self.covers(.alias, "grow", becomes: .op("fresh"), newer: .from("3"))], reason: "r",
        source: "s")
    ]
    let pair = try ReleasePair(Self.model([Self.older, Self.newer, third], accepted: later), older: "1", newer: "2")
    let report = try DiffReport.make(pair, options: CheckOptions())
    let mask = try #require(report.entries.first { $0.change.kind == .opMask })
    #expect(mask.label == .breaking(.failing))
    #expect(throws: ReleasePair.Failure.self) {
      try ReleasePair(Self.model([Self.older, Self.newer]), older: "2", newer: "1")
    }
  }

  @Test func aChangeIsJudgedByEveryMigrationIntoTheNewerRelease() throws {
    // 2 -> 3 adds an op at 32: harmless for 2's values, an alias for 1's grow continuations.
    var ops = Self.newer.hypercalls[0].multiplex!.subOps
    ops.append(SubOp(name: "late", number: 32))
    let third = Self.release("3", mask: 6, ops: ops, extra: Array(Self.newer.hypercalls.dropFirst()))
    let pair = try ReleasePair(
      Self.model([Self.older, Self.newer, third], accepted: Self.accepted), older: "2", newer: "3")
    let report = try DiffReport.make(pair, options: CheckOptions())
    #expect(report.exitCode == 1)
    let added = try #require(report.entries.first { $0.change.summary == "added late = 32" })
    #expect(added.label == .breaking(.failing))
    let example = try #require(added.breaks.first?.finding)
    #expect(example.counterexample.value == 0x20)
    #expect(example.obligation.older == "1" && example.rangeText == "1 -> 3")
    #expect(
      DiffTextRenderer.render(report).contains(
        "1 reads grow resuming at start 2; 3 reads late at start 0. Breaks migrations 1 -> 3."))
    // Breaks 1 -> 2 already had the same way (accepted) are not this change's.
    #expect(report.entries.count == 1)
  }

  @Test func aDumpOfTheSameReleaseIsRenamedAndSeesTheSpecsBreaksOfThatRelease() throws {
    var dumped = Self.older
    dumped.name = "2"
    let pair = try ReleasePair(
      against: Self.model([dumped]), older: nil, label: "last.json",
      spec: Self.model([Self.older, Self.newer], accepted: Self.accepted), newer: nil)
    #expect(pair.older.name == "2 (last.json)")
    #expect(pair.newer.name == "2")
    #expect(pair.model.releases.map(\.name) == ["1", "2 (last.json)", "2"])
    #expect(pair.model.acceptedBreaks.map(\.id) == ["shift", "gone", "reuse"])
  }

  @Test func anUndecidedChangeIsUnprovedNeverCompatible() {
    #expect(
      DiffReport.label(covering: [(.proved, nil), (.inconclusive, "canceled")]) == .unproved("inconclusive: canceled"))
    #expect(DiffReport.label(covering: [(.internalError, nil)]) == .unproved("internal error"))
    #expect(DiffReport.label(covering: []) == .unproved("no obligation covers it"))
    // A refuted obligation lists every way it fails; a change none of them involves is compatible.
    #expect(DiffReport.label(covering: [(.proved, nil), (.refuted, nil), (.accepted, nil)]) == .compatible)
  }
}
