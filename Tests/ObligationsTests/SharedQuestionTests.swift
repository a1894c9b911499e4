import ABIModel
import Testing

@testable import Obligations

/// A migration between equal decoders asks only whether the slice has live values, and no op's
/// lineage changes that: tables laid out alike share the question, and its proof keeps a witness.
@Suite struct SharedQuestionTests {
  static let memory = Fixtures.memoryOp(maskBits: 6, Array(Fixtures.reservation34.prefix(3)))
  /// memory_op's layout under other names and lineages.
  static let other = Hypercall(
    name: "other_op", number: 13,
    multiplex: Multiplex(
      opArgument: Fixtures.cmd, opMask: OpMask(bits: 6, maskName: "OTHER_CMD_MASK"), unusedBits: .ignored,
      subOps: [
        Fixtures.op("OTHER_a", 0, Fixtures.shifted(6)), Fixtures.op("OTHER_b", 1, Fixtures.shifted(6)),
        Fixtures.op("OTHER_c", 2),
      ]))

  /// The migration keys whose two sides are the same decoder.
  static func sameDecoderKeys(_ model: ABIModel) throws -> Set<QueryKey> {
    let planner = ObligationPlanner(model: model, options: CheckOptions(), identities: IdentityTable(model))
    _ = try planner.plan()
    return Set(
      planner.keyTable.keys.filter { key in
        guard case .migration(let older, let newer) = key else { return false }
        return older == newer
      })
  }

  @Test func unchangedTablesLaidOutAlikeShareTheirMigrationQuestion() throws {
    let one = Fixtures.model([("4.4", [Self.memory]), ("4.5", [Self.memory])])
    let both = Fixtures.model([("4.4", [Self.memory, Self.other]), ("4.5", [Self.memory, Self.other])])
    // One question per op number of the slice layout, whichever table and lineages ask it.
    let alone = try Self.sameDecoderKeys(one)
    #expect(alone.count == 3)
    #expect(try Self.sameDecoderKeys(both) == alone)
    let identities = IdentityTable(both)
    #expect(
      DecoderShape(Self.memory.multiplex!, guestWidth: 64, identities: identities)
        != DecoderShape(Self.other.multiplex!, guestWidth: 64, identities: identities))

    // Both hypercalls' migrations are still proved, each with a value it talks about.
    let report = try Fixtures.check(both)
    let migrations = report.results(.migration)
    #expect(Set(migrations.compactMap(\.obligation.hypercall)) == ["memory_op", "other_op"])
    for result in migrations {
      guard case .proved(let witness) = result.verdict else {
        Issue.record("\(result.obligation) is \(result.verdict)")
        continue
      }
      // A live value: an op number in the field (progress above it may be anything in bounds).
      #expect(witness.value & 0x3f <= 2)
    }
    #expect(report.exitCode == 0)
  }

  @Test func renumberingKeepsEverythingButTheLineages() {
    let identities = IdentityTable(Fixtures.model([("4.5", [Self.memory, Self.other])]))
    let shape = DecoderShape(Self.other.multiplex!, guestWidth: 64, identities: identities)
    let renumbered = shape.renumbered
    #expect(renumbered.ops.map(\.identity) == [1, 2, 3])
    #expect(renumbered.ops.map(\.number) == shape.ops.map(\.number))
    #expect(renumbered.ops.map(\.layout) == shape.ops.map(\.layout))
    #expect(renumbered.ops.map(\.maximumProgress) == shape.ops.map(\.maximumProgress))
    #expect(
      (renumbered.opWidth, renumbered.maskBits, renumbered.unusedBits) == (
        shape.opWidth, shape.maskBits, shape.unusedBits
      ))
  }
}
