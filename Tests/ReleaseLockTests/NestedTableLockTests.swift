import ABIModel
import ReleaseLock
import Testing

/// A nested table is part of a release's lock: its facts are locked, and `release --extend` adds a
/// nested table to a locked release that did not describe one, but nothing else about it.
@Suite struct NestedTableLockTests {
  static func altp2m(_ ops: [SubOp]) -> NestedTable {
    NestedTable(
      name: "altp2m", selectedBy: "HVMOP_set_param", structure: "xen_hvm_altp2m_op",
      table: Multiplex(
        opArgument: ArgumentSlot(index: 1, name: "cmd", type: .guestField32), opMask: .wholeRegister,
        unusedBits: .rejected, subOps: ops))
  }

  static let ops = [
    SubOp(name: "HVMOP_altp2m_get_domain_state", number: 1, lineage: "hvm_op.altp2m:HVMOP_altp2m_get_domain_state")
  ]

  /// The fixture's history with `nested` on 4.5's (and master's) hvm_op.
  static func model(_ nested: [NestedTable]) -> ABIModel {
    var model = LockFixtures.model()
    for index in model.releases.indices {
      for position in model.releases[index].hypercalls.indices
      where model.releases[index].hypercalls[position].name == "hvm_op" {
        model.releases[index].hypercalls[position].nestedTables = nested
      }
    }
    return model
  }

  @Test func theNestedTablesFactsAreLockedUnderItsName() {
    let facts = ReleaseDescription.facts(of: Self.model([Self.altp2m(Self.ops)]).releases[1])["hvm_op"] ?? []
    let lines = facts.map(\.line)
    #expect(lines.contains("table altp2m selected by: HVMOP_set_param"))
    #expect(lines.contains("table altp2m structure: xen_hvm_altp2m_op"))
    #expect(lines.contains("table altp2m op argument: 1 (uint32_t field)"))
    #expect(lines.contains("table altp2m op 1: HVMOP_altp2m_get_domain_state"))
    // Its default lineage, like a main table's op, is not stated.
    #expect(!lines.contains { $0.hasPrefix("table altp2m op 1 lineage") })
  }

  @Test func extendingAddsANestedTableTheLockDidNotDescribe() throws {
    let lock = LockFixtures.lock(of: LockFixtures.model())
    let extended = Self.model([Self.altp2m(Self.ops)])
    guard case .extended(let relocked, let lines) = lock.extending(extended.releases[1], of: extended) else {
      Issue.record("a nested table a locked release did not describe was refused")
      return
    }
    #expect(lines.contains("hvm_op: table altp2m op 1: HVMOP_altp2m_get_domain_state"))
    #expect(lines.allSatisfy { $0.hasPrefix("hvm_op: table altp2m ") })
    #expect(relocked.verify(extended, lockFile: "lock.json").isEmpty)
  }

  @Test func aLockedNestedTableCannotChangeOrGrowThroughExtending() {
    let locked = Self.model([Self.altp2m(Self.ops)])
    let lock = LockFixtures.lock(of: locked)
    var moved = Self.ops
    moved[0].number = 2
    let renumbered = Self.model([Self.altp2m(moved)])
    guard case .refused(let why) = lock.extending(renumbered.releases[1], of: renumbered) else {
      Issue.record("a renumbered locked nested op was accepted")
      return
    }
    #expect(
      why.contains(
        "hvm_op: 'table altp2m op 1: HVMOP_altp2m_get_domain_state' is locked but the spec now says otherwise"))
    let grown = Self.model([
      Self.altp2m(
        Self.ops + [
          SubOp(
            name: "HVMOP_altp2m_set_domain_state", number: 2, lineage: "hvm_op.altp2m:HVMOP_altp2m_set_domain_state")
        ])
    ])
    guard case .refused(let refusals) = lock.extending(grown.releases[1], of: grown) else {
      Issue.record("an op added to a locked nested table was accepted")
      return
    }
    #expect(
      refusals == [
        "hvm_op: 'table altp2m op 2: HVMOP_altp2m_set_domain_state' is new for a part of the hypercall the lock already describes"
      ])
    // And verifying the lock names the nested change.
    #expect(!lock.verify(renumbered, lockFile: "lock.json").isEmpty)
  }
}
