import ABIModel
import Obligations
import Testing

/// An accepted break covers exactly what it lists: the releases on each side, the class and what
/// the newer release makes of the value. Anything else fails with its own counterexample.
@Suite struct AcceptedCoverageTests {
  static let shift = Fixtures.accepted("memop-shift-4-to-6", MigrationObligationTests.shiftCoverage)

  /// The miniature 3.3 -> 3.4 history with a third release of these ops.
  static func history(adding extra: [SubOp]) -> ABIModel {
    Fixtures.model(
      [
        ("3.3", [Fixtures.memoryOp(maskBits: 4, Fixtures.reservation33)]),
        ("3.4", [Fixtures.memoryOp(maskBits: 6, Fixtures.reservation34)]),
        ("4.0", [Fixtures.memoryOp(maskBits: 6, Fixtures.reservation34 + extra)]),
      ], accepted: [shift])
  }

  @Test func theAcceptedHistoryPasses() throws {
    let report = try Fixtures.check(Self.history(adding: []))
    #expect(report.exitCode == 0)
    #expect(report.notes.isEmpty)
    let alias = try #require(report.findings.first { $0.counterexample.outcome == .op("XENMEM_set_pod_target") })
    #expect(alias.rangeText == "3.3 -> 3.4..4.0")
  }

  @Test func aNewAliasBehindAnAcceptedBreakFails() throws {
    let report = try Fixtures.check(Self.history(adding: [Fixtures.op("XENMEM_new_op", 32)]))
    #expect(report.exitCode == 1)
    let failing = report.findings.filter { $0.disposition == .failing }
    try #require(failing.count == 1, "\(failing.map(\.counterexample))")
    let alias = failing[0]
    #expect(alias.counterexample.failure == .migration(.alias))
    #expect(alias.counterexample.value == 0x20)
    #expect(alias.counterexample.subject == "XENMEM_increase_reservation")
    #expect(alias.counterexample.newerReading == "XENMEM_new_op at start_extent 0")
    #expect(alias.obligation.older == "3.3" && alias.obligation.release == "4.0")
    #expect(alias.closest?.contains("it becomes XENMEM_set_pod_target") == true)
    #expect(
      alias.suggestion == [
        Fixtures.covers(
          .alias, "XENMEM_increase_reservation", becomes: .op("XENMEM_new_op"), older: .only("3.3"),
          newer: .from("4.0"))
      ])
    // The old alias is still shown, and still accepted: one finding per thing the value becomes.
    #expect(
      report.findings.contains {
        $0.counterexample.outcome == .op("XENMEM_set_pod_target") && $0.disposition != .failing
      })
  }

  @Test func reusingANumberARemovedOpKeptReservedFails() throws {
    var model = Fixtures.model([
      ("3.3", [Fixtures.memoryOp(maskBits: 6, [Fixtures.op("A", 0), Fixtures.op("gone", 8)])]),
      ("3.4", [Fixtures.memoryOp(maskBits: 6, [Fixtures.op("A", 0)])]),
      ("4.0", [Fixtures.memoryOp(maskBits: 6, [Fixtures.op("A", 0), Fixtures.op("reuse", 8)])]),
    ])
    model.acceptedBreaks = [
      Fixtures.accepted(
        "gone", [Fixtures.covers(.removed, "gone", becomes: .rejected, older: .only("3.3"), newer: .from("3.4"))])
    ]
    let report = try Fixtures.check(model)
    #expect(report.exitCode == 1)
    let alias = try #require(report.findings.first { $0.disposition == .failing })
    #expect(alias.counterexample.failure == .migration(.alias))
    #expect(alias.counterexample.value == 8)
    #expect(alias.counterexample.newerReading == "reuse")
    #expect(alias.rangeText == "3.3 -> 4.0")
    // 3.3 -> 3.4 stays accepted as a removal.
    #expect(
      report.findings.contains { $0.counterexample.failure == .migration(.removed) && $0.disposition != .failing })
  }

  @Test func aNewOpAtANumberNoOlderValueReachesPasses() throws {
    // 3.3's continuations reach 0, 16, 32, 48 (and 1, 17, ...): 30 is free.
    let report = try Fixtures.check(Self.history(adding: [Fixtures.op("XENMEM_new_op", 30)]))
    #expect(report.exitCode == 0)
    #expect(!report.findings.contains { $0.counterexample.outcome == .op("XENMEM_new_op") })
  }

  @Test func aToolsOnlyAliasBehindAnAcceptedBreakIsReportedOnItsOwn() throws {
    let tools = ContinuationEncoding(kinds: [.cmdShiftedIndex], shift: 4, bound: .registerCapacity)
    var wider = tools
    wider.shift = 6
    let model = Fixtures.model(
      [
        ("1", [Fixtures.memoryOp(maskBits: 4, [Fixtures.op("T", 0, tools, toolsOnly: true)])]),
        (
          "2",
          [Fixtures.memoryOp(maskBits: 6, [Fixtures.op("T", 0, wider, toolsOnly: true), Fixtures.op("X", 16)])]
        ),
        (
          "3",
          [
            Fixtures.memoryOp(
              maskBits: 6, [Fixtures.op("T", 0, wider, toolsOnly: true), Fixtures.op("X", 16), Fixtures.op("Y", 32)])
          ]
        ),
      ],
      accepted: [
        Fixtures.accepted(
          "tools", [Fixtures.covers(.alias, "T", becomes: .op("X"), older: .only("1"), newer: .from("2"))])
      ])
    let report = try Fixtures.check(model)
    #expect(report.exitCode == 0)
    let x = try #require(report.findings.first { $0.counterexample.outcome == .op("X") })
    #expect(x.disposition == .accepted(id: "tools", reason: "r", location: .unknown))
    let y = try #require(report.findings.first { $0.counterexample.outcome == .op("Y") })
    #expect(y.disposition == .reported)
    #expect(y.counterexample.value == 0x20)
    #expect(y.closest?.hasPrefix("'tools'") == true)
  }

  @Test func aRenumberedContinuableOpLosesItsContinuationsEvenUnderARenumberedAcceptance() throws {
    var moved = Fixtures.op("A", 5, Fixtures.shifted(6))
    moved.lineage = "A"
    let model = Fixtures.model(
      [
        ("1", [Fixtures.memoryOp(maskBits: 6, [Fixtures.op("A", 0, Fixtures.shifted(6))])]),
        ("2", [Fixtures.memoryOp(maskBits: 6, [moved])]),
      ],
      accepted: [
        Fixtures.accepted(
          "moved", [Fixtures.covers(.renumbered, "A", becomes: .rejected, older: .only("1"), newer: .from("2"))])
      ])
    let report = try Fixtures.check(model)
    #expect(report.exitCode == 1)
    let fresh = try #require(report.findings.first { $0.counterexample.failure == .migration(.renumbered) })
    #expect(fresh.counterexample.value == 0 && fresh.disposition != .failing)
    let lost = try #require(report.findings.first { $0.counterexample.failure == .migration(.continuationLost) })
    #expect(lost.counterexample.value == 0x40)
    #expect(lost.counterexample.olderReading == "A resuming at start_extent 1")
    #expect(lost.disposition == .failing)
  }

  static func mmu(_ bit: Int?) -> Hypercall {
    Hypercall(
      name: "mmu_update", number: 1,
      countFlag: bit.map {
        CountFlagEncoding(argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt), flagBit: $0)
      })
  }

  @Test func aDroppedCountFlagIsStillCheckedAgainstWhatOlderReleasesWrite() throws {
    let report = try Fixtures.check(Fixtures.model([("1", [Self.mmu(31)]), ("2", [Self.mmu(nil)])]))
    #expect(report.exitCode == 1)
    #expect(report.results(.countFlagMigration).map(\.outcome) == [.refuted])
    let lost = try #require(report.findings.first)
    #expect(report.findings.count == 1)
    #expect(lost.counterexample.failure == .migration(.continuationLost))
    #expect(lost.counterexample.value == 0x8000_0000)
    #expect(lost.counterexample.newerReading == "a fresh call of 2147483648")
    #expect(lost.counterexample.outcome == .freshCall)
    // Gaining a flag is checked the same way: an old count at or above the flag now reads as resumed.
    let gained = try Fixtures.check(Fixtures.model([("1", [Self.mmu(nil)]), ("2", [Self.mmu(31)])]))
    #expect(gained.findings.map(\.counterexample.failure) == [.migration(.alias)])
    #expect(gained.findings.first?.counterexample.value == 0x8000_0000)
  }

  @Test func eachWayACountBreaksIsItsOwnFindingWithItsSmallestValue() throws {
    let report = try Fixtures.check(Fixtures.model([("1", [Self.mmu(31)]), ("2", [Self.mmu(30)])]))
    let byClass = Dictionary(
      uniqueKeysWithValues: report.findings.map { ($0.counterexample.failure.name, $0.counterexample.value) })
    // A fresh count with bit 30 reads as resumed; a resumed one without it as fresh; one with it
    // resumes with another count.
    #expect(
      byClass == ["alias": 0x4000_0000, "continuation-lost": 0x8000_0000, "progress-corrupted": 0xc000_0000])
  }

  @Test func findingsComeOutInTheSameOrderWhateverTheWorkers() throws {
    let model = Self.history(adding: [Fixtures.op("XENMEM_new_op", 32), Fixtures.op("XENMEM_other", 49)])
    func summary(_ jobs: Int) throws -> [String] {
      try Fixtures.check(model, CheckOptions(jobs: jobs)).findings.map {
        "\($0.obligation) \($0.counterexample.failure.name) \($0.counterexample.value) \($0.rangeText)"
      }
    }
    let one = try summary(1)
    #expect(one.count >= 8)
    #expect(try summary(2) == one)
    #expect(try summary(3) == one)
  }
}
