import ABIModel
import Obligations
import Testing

@Suite struct MigrationObligationTests {
  @Test func addingAnOpAboveTheOldOnesIsCompatible() throws {
    let report = try Fixtures.check(Fixtures.compatibleAddition)
    #expect(report.results(.migration).allSatisfy { $0.outcome == .proved })
    #expect(report.exitCode == 0)
  }

  @Test func theShiftWideningIsFoundWithItsRealCounterexample() throws {
    let report = try Fixtures.check(Fixtures.shiftWidening)
    #expect(report.exitCode == 1)
    let findings = report.findings.filter { $0.obligation.kind == .migration }
    let alias = try #require(
      findings.first {
        $0.counterexample.failure == .migration(.alias) && $0.counterexample.subject == "XENMEM_increase_reservation"
      })
    #expect(alias.counterexample.value == 0x10)
    #expect(alias.counterexample.olderReading == "XENMEM_increase_reservation resuming at start_extent 1")
    #expect(alias.counterexample.newerReading == "XENMEM_set_pod_target at start_extent 0")
    #expect(alias.counterexample.cause.hasPrefix("op mask 0xf -> 0x3f"))
    #expect(alias.disposition == .failing)

    let corrupted = try #require(
      findings.first {
        $0.counterexample.failure == .migration(.progressCorrupted)
          && $0.counterexample.subject == "XENMEM_increase_reservation"
      })
    #expect(corrupted.counterexample.value == 0x40)
    #expect(corrupted.counterexample.newerReading == "XENMEM_increase_reservation resuming at start_extent 1")

    let lost = try #require(
      findings.first {
        $0.counterexample.failure == .migration(.continuationLost)
          && $0.counterexample.subject == "XENMEM_increase_reservation"
      })
    #expect(lost.counterexample.value == 0x20)
    #expect(lost.counterexample.newerReading == "-ENOSYS (unknown op)")
  }

  /// Every way the 3.3 -> 3.4 widening breaks the miniature, as the checker finds it.
  static let shiftCoverage: [BreakCoverage] = [
    Fixtures.covers(
      .alias, "XENMEM_increase_reservation", becomes: .op("XENMEM_set_pod_target"), older: .only("3.3"),
      newer: .from("3.4")),
    Fixtures.covers(
      .alias, "XENMEM_decrease_reservation", becomes: .op("XENMEM_get_pod_target"), older: .only("3.3"),
      newer: .from("3.4")),
    Fixtures.covers(
      .progressCorrupted, "XENMEM_increase_reservation", becomes: .op("XENMEM_increase_reservation"),
      older: .only("3.3"), newer: .from("3.4")),
    Fixtures.covers(
      .progressCorrupted, "XENMEM_decrease_reservation", becomes: .op("XENMEM_decrease_reservation"),
      older: .only("3.3"), newer: .from("3.4")),
    Fixtures.covers(
      .continuationLost, "XENMEM_increase_reservation", becomes: .rejected, older: .only("3.3"), newer: .from("3.4")),
    Fixtures.covers(
      .continuationLost, "XENMEM_decrease_reservation", becomes: .rejected, older: .only("3.3"), newer: .from("3.4")),
  ]

  @Test func anAcceptedBreakIsReportedButDoesNotFail() throws {
    var model = Fixtures.shiftWidening
    model.acceptedBreaks = [Fixtures.accepted("memop-shift-4-to-6", Self.shiftCoverage)]
    let report = try Fixtures.check(model)
    #expect(report.exitCode == 0)
    #expect(report.count(.accepted) == 1)
    #expect(report.findings.count == 6)
    #expect(
      report.findings.allSatisfy {
        if case .accepted(let id, _, _) = $0.disposition { return id == "memop-shift-4-to-6" }
        return false
      })
    #expect(!report.notes.contains { $0.message.contains("stale") })
  }

  @Test func anAcceptedBreakForOtherClassesDoesNotCoverThisOne() throws {
    var model = Fixtures.shiftWidening
    model.acceptedBreaks = [Fixtures.accepted("partial", Array(Self.shiftCoverage.prefix(2)))]
    let report = try Fixtures.check(model)
    #expect(report.exitCode == 1)
    let corrupted = try #require(
      report.findings.first {
        $0.disposition == .failing && $0.counterexample.failure == .migration(.progressCorrupted)
      })
    // The failing finding names the record that came closest and the entry that would accept it.
    #expect(corrupted.closest?.hasPrefix("'partial' (<unknown>): its class is alias; it becomes XENMEM_") == true)
    #expect(
      corrupted.suggestion.map(\.becomes) == [.op(corrupted.counterexample.subject)]
        && corrupted.suggestion.first?.older == .only("3.3") && corrupted.suggestion.first?.newer == .from("3.4"))
  }

  @Test func aStaleAcceptedBreakOfAReleasedReleaseIsAnError() throws {
    var model = Fixtures.compatibleAddition
    model.acceptedBreaks = [
      Fixtures.accepted(
        "gone",
        [
          Fixtures.covers(
            .alias, "XENMEM_increase_reservation", becomes: .op("XENMEM_set_pod_target"), older: .only("4.4"),
            newer: .from("4.5"))
        ])
    ]
    let report = try Fixtures.check(model)
    #expect(report.exitCode == 1)
    let note = try #require(report.notes.first { $0.message.hasPrefix("accepted break 'gone' is stale") })
    #expect(note.severity == .error)
    // While the development release is the only newer one, it is a warning.
    model.releases[1].status = .development
    let development = try Fixtures.check(model)
    #expect(development.exitCode == 0)
    #expect(
      development.notes.contains { $0.severity == .warning && $0.message.hasPrefix("accepted break 'gone' is stale") })
    // A filtered run does not judge staleness: it may leave out the pairs the entry is for.
    #expect(try Fixtures.check(model, CheckOptions(widths: [64])).notes.isEmpty)
  }

  @Test func toolsOnlyBreaksAreReportedNotFailing() throws {
    let old = [Fixtures.op("HVMOP_set_param", 0), Fixtures.op("HVMOP_track_dirty_vram", 6, toolsOnly: true)]
    let new = [Fixtures.op("HVMOP_set_param", 0)]
    let model = Fixtures.model([
      ("4.8", [Fixtures.memoryOp(maskBits: 8, old)]), ("4.9", [Fixtures.memoryOp(maskBits: 8, new)]),
    ])
    let report = try Fixtures.check(model)
    #expect(report.exitCode == 0)
    let finding = try #require(report.findings.first)
    #expect(finding.disposition == .reported)
    #expect(finding.counterexample.failure == .migration(.removed))
    #expect(finding.counterexample.value == 6)
  }

  @Test func renumberingIsItsOwnClass() throws {
    let old = [Fixtures.op("A", 1), Fixtures.op("B", 2)]
    var moved = Fixtures.op("B", 3)
    moved.lineage = "B"
    let model = Fixtures.model([
      ("1", [Fixtures.memoryOp(maskBits: 4, old)]),
      ("2", [Fixtures.memoryOp(maskBits: 4, [Fixtures.op("A", 1), moved])]),
    ])
    let report = try Fixtures.check(model)
    let finding = try #require(report.findings.first { $0.obligation.kind == .migration })
    #expect(finding.counterexample.failure == .migration(.renumbered))
    #expect(finding.counterexample.value == 2)
  }

  @Test func theLockDownOfHighBitsKeepsLiveValues() throws {
    // 4.4 -> 4.5: ignored -> rejected high bits. Fresh calls carry none, so nothing breaks.
    let before = Fixtures.model([
      ("4.4", [Fixtures.memoryOp(maskBits: 6, policy: .ignored, Fixtures.reservation34)]),
      ("4.5", [Fixtures.memoryOp(maskBits: 6, policy: .rejected, Fixtures.reservation34)]),
    ])
    #expect(try Fixtures.check(before).exitCode == 0)
    // The other way round, a value 4.5 rejects is not live, so it is not checked either; but an
    // op that stops keeping progress in the register loses its continuations.
    var stopped = Fixtures.reservation34
    stopped[0].continuation = ContinuationEncoding(kinds: [.guestStruct])
    let lost = Fixtures.model([
      ("4.4", [Fixtures.memoryOp(maskBits: 6, policy: .rejected, Fixtures.reservation34)]),
      ("4.5", [Fixtures.memoryOp(maskBits: 6, policy: .rejected, stopped)]),
    ])
    let report = try Fixtures.check(lost)
    let finding = try #require(report.findings.first { $0.obligation.kind == .migration })
    #expect(finding.counterexample.failure == .migration(.continuationLost))
    #expect(finding.counterexample.value == 0x40)
  }

  @Test func hypercallNumberReuse() throws {
    let model = Fixtures.model([
      ("3.0.0", [Hypercall(name: "switch_to_user", number: 23)]),
      ("3.0.2", [Hypercall(name: "iret", number: 23)]),
    ])
    let report = try Fixtures.check(model)
    let finding = try #require(report.findings.first)
    #expect(finding.counterexample.failure == .migration(.hypercallReuse))
    #expect(finding.counterexample.value == 23)
    #expect(finding.counterexample.olderReading == "__HYPERVISOR_switch_to_user")
    #expect(finding.counterexample.newerReading == "__HYPERVISOR_iret")
    #expect(report.exitCode == 1)
  }

  @Test func aRenamedHypercallKeepsItsNumber() throws {
    let model = Fixtures.model([
      ("3.0.0", [Hypercall(name: "sched_op", number: 6, lineage: "sched")]),
      (
        "3.0.2",
        [Hypercall(name: "sched_op_compat", number: 6, lineage: "sched"), Hypercall(name: "sched_op", number: 29)]
      ),
    ])
    #expect(try Fixtures.check(model).exitCode == 0)
  }

  @Test func countFlagMoves() throws {
    func mmu(_ bit: Int) -> Hypercall {
      Hypercall(
        name: "mmu_update", number: 1,
        countFlag: CountFlagEncoding(argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt), flagBit: bit))
    }
    #expect(try Fixtures.check(Fixtures.model([("1", [mmu(31)]), ("2", [mmu(31)])])).exitCode == 0)
    let report = try Fixtures.check(Fixtures.model([("1", [mmu(31)]), ("2", [mmu(30)])]))
    #expect(report.exitCode == 1)
    #expect(report.results(.countFlagMigration).first?.outcome == .refuted)
  }

  @Test func representativesCountTheOtherPairs() throws {
    let model = Fixtures.model([
      ("3.2", [Fixtures.memoryOp(maskBits: 4, Fixtures.reservation33)]),
      ("3.3", [Fixtures.memoryOp(maskBits: 4, Fixtures.reservation33)]),
      ("3.4", [Fixtures.memoryOp(maskBits: 6, Fixtures.reservation34)]),
      ("4.0", [Fixtures.memoryOp(maskBits: 6, Fixtures.reservation34)]),
    ])
    let report = try Fixtures.check(model)
    let alias = try #require(
      report.findings.first {
        $0.counterexample.failure == .migration(.alias) && $0.counterexample.subject == "XENMEM_increase_reservation"
      })
    // 3.2 -> 3.4, 3.2 -> 4.0, 3.3 -> 3.4, 3.3 -> 4.0; the adjacent 3.3 -> 3.4 stands for them.
    #expect(alias.obligation.older == "3.3" && alias.obligation.release == "3.4")
    #expect(alias.otherPairs == 3)
  }
}

/// A continuation the newer release decodes the same way but bounds more tightly is lost:
/// Xen 4.3 lowered the native nr_extents limit from `ULONG_MAX >> 6` to `UINT_MAX >> 6`.
@Suite struct ProgressBoundTests {
  func memoryOp(bound: ProgressBound) -> Hypercall {
    Fixtures.memoryOp(
      maskBits: 6, [Fixtures.op("XENMEM_increase_reservation", 0, Fixtures.shifted(6, bound: bound))])
  }

  @Test func aLoweredBoundLosesLargeContinuationsOnA64BitGuest() throws {
    let model = Fixtures.model([
      ("4.2", [memoryOp(bound: .typeMaximum(.unsignedLong, shiftedRightBy: 6))]),
      ("4.3", [memoryOp(bound: .typeMaximum(.unsignedInt, shiftedRightBy: 6))]),
    ])
    let report = try Fixtures.check(model)
    #expect(report.results(.migration).allSatisfy { $0.outcome == .proved })
    let bound = try #require(report.findings.first { $0.obligation.kind == .progressBound })
    #expect(bound.counterexample.failure == .migration(.continuationLost))
    #expect(bound.counterexample.value == 0x1_0000_0000)
    #expect(bound.counterexample.olderReading == "XENMEM_increase_reservation resuming at start_extent 67108864")
    #expect(bound.counterexample.cause == "XENMEM_increase_reservation progress bound ULONG_MAX >> 6 -> UINT_MAX >> 6")
    #expect(report.exitCode == 1)
  }

  @Test func aRaisedOrEqualBoundKeepsThem() throws {
    let raised = Fixtures.model([
      ("4.2", [memoryOp(bound: .typeMaximum(.unsignedInt, shiftedRightBy: 6))]),
      ("4.3", [memoryOp(bound: .typeMaximum(.unsignedLong, shiftedRightBy: 6))]),
    ])
    #expect(try Fixtures.check(raised).exitCode == 0)
    // On a 32-bit guest both bounds are the same 26 bits.
    let lowered32 = Fixtures.model(
      [
        ("4.2", [memoryOp(bound: .typeMaximum(.unsignedLong, shiftedRightBy: 6))]),
        ("4.3", [memoryOp(bound: .typeMaximum(.unsignedInt, shiftedRightBy: 6))]),
      ], guests: Fixtures.guests32)
    #expect(try Fixtures.check(lowered32).exitCode == 0)
  }
}
