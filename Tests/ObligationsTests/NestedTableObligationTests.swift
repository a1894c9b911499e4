import ABIModel
import Obligations
import Testing

/// A nested table (`XENMEM_access_op` -> `xen_mem_access_op.op`) owes every property a main table
/// does, keyed `memory_op.access_op`.
@Suite struct NestedTableObligationTests {
  static let accessWord = ArgumentSlot(index: 1, name: "op", type: .guestField8)

  static func memoryOp(access ops: [SubOp]?, toolsOnly: Bool = false) -> Hypercall {
    var hypercall = Fixtures.memoryOp(
      maskBits: 6, [Fixtures.op("XENMEM_increase_reservation", 0), Fixtures.op("XENMEM_access_op", 21)])
    if let ops {
      hypercall.nestedTables = [
        NestedTable(
          name: "access_op", selectedBy: "XENMEM_access_op", structure: "xen_mem_access_op",
          table: Multiplex(opArgument: accessWord, opMask: .wholeRegister, unusedBits: .rejected, subOps: ops))
      ]
    }
    return hypercall
  }

  /// Xen 4.5 -> 4.6 in miniature: `XENMEM_access_op_resume` (0) is gone and every other op moved
  /// down by one.
  static func renumbering(toolsOnly: Bool = false) -> ABIModel {
    let op = { (name: String, number: UInt64) in Fixtures.op(name, number, toolsOnly: toolsOnly) }
    return Fixtures.model([
      (
        "4.5",
        [
          memoryOp(access: [
            op("XENMEM_access_op_resume", 0), op("XENMEM_access_op_set_access", 1),
            op("XENMEM_access_op_get_access", 2),
          ])
        ]
      ),
      (
        "4.6",
        [
          memoryOp(access: [
            op("XENMEM_access_op_set_access", 0), op("XENMEM_access_op_get_access", 1),
            op("XENMEM_access_op_enable_emulate", 2),
          ])
        ]
      ),
    ])
  }

  @Test func aGoodNestedTableProves() throws {
    let ops = [Fixtures.op("XENMEM_access_op_set_access", 0), Fixtures.op("XENMEM_access_op_get_access", 1)]
    let report = try Fixtures.check(
      Fixtures.model([
        ("4.6", [Self.memoryOp(access: ops)]),
        ("4.8", [Self.memoryOp(access: ops + [Fixtures.op("XENMEM_access_op_set_access_multi", 4)])]),
      ]))
    #expect(report.exitCode == 0)
    #expect(report.findings.isEmpty)
    let nested = report.results.filter { $0.obligation.hypercall == "memory_op.access_op" }
    // Each release's four table properties and the pair's migration and progress bound.
    #expect(
      Set(nested.map(\.obligation.kind))
        == [.opFitsMask, .numbersUnique, .roundTrip, .liveValuesDistinct, .migration, .progressBound])
    #expect(nested.allSatisfy { $0.outcome == .proved })
  }

  @Test func aRenumberedNestedOpIsFoundWithItsCounterexample() throws {
    let report = try Fixtures.check(Self.renumbering())
    #expect(report.exitCode == 1)
    let findings = report.findings.filter { $0.obligation.hypercall == "memory_op.access_op" }
    let moved = try #require(findings.first { $0.counterexample.subject == "XENMEM_access_op_set_access" })
    #expect(moved.obligation.description == "migration memory_op.access_op 4.5 -> 4.6 (x86_64)")
    #expect(moved.counterexample.failure == .migration(.renumbered))
    #expect(moved.counterexample.value == 0x1)
    // The word in the spec's words: the structure's field.
    #expect(moved.counterexample.argument == "xen_mem_access_op.op")
    #expect(moved.counterexample.olderReading == "XENMEM_access_op_set_access")
    #expect(moved.counterexample.newerReading == "XENMEM_access_op_get_access")
    #expect(moved.disposition == .failing)
    let removed = try #require(findings.first { $0.counterexample.subject == "XENMEM_access_op_resume" })
    // Its number is another op's now: an alias, not -ENOSYS.
    #expect(removed.counterexample.failure == .migration(.alias))
    #expect(removed.counterexample.value == 0x0)
    #expect(removed.counterexample.newerReading == "XENMEM_access_op_set_access")
    // The main table is untouched: nothing is found there.
    #expect(!report.findings.contains { $0.obligation.hypercall == "memory_op" })
  }

  @Test func toolsOnlyNestedBreaksAreReportedWithoutFailing() throws {
    let report = try Fixtures.check(Self.renumbering(toolsOnly: true))
    #expect(report.exitCode == 0)
    let findings = report.findings.filter { $0.obligation.hypercall == "memory_op.access_op" }
    #expect(!findings.isEmpty)
    #expect(findings.allSatisfy { $0.disposition == .reported })
  }

  @Test func anAcceptedBreakNamesTheNestedTable() throws {
    var model = Self.renumbering()
    model.acceptedBreaks = [
      Fixtures.accepted(
        "access-op-renumbered",
        [
          Fixtures.covers(
            .alias, "XENMEM_access_op_resume", becomes: .op("XENMEM_access_op_set_access"), older: .only("4.5"),
            newer: .from("4.6"), hypercall: "memory_op.access_op")
        ])
    ]
    #expect(model.validate().isEmpty, "\(model.validate())")
    let report = try Fixtures.check(model)
    let resume = try #require(report.findings.first { $0.counterexample.subject == "XENMEM_access_op_resume" })
    #expect(resume.disposition == .accepted(id: "access-op-renumbered", reason: "r", location: .unknown))
  }

  @Test func aNestedTableTheNewerReleaseLacksLosesItsValues() throws {
    let ops = [Fixtures.op("XENMEM_access_op_set_access", 0)]
    let report = try Fixtures.check(
      Fixtures.model([("4.6", [Self.memoryOp(access: ops)]), ("4.7", [Self.memoryOp(access: nil)])]))
    let lost = try #require(report.findings.first { $0.obligation.hypercall == "memory_op.access_op" })
    #expect(lost.counterexample.failure == .migration(.removed))
    #expect(lost.counterexample.newerReading == "-ENOSYS (unknown op)")
  }
}
