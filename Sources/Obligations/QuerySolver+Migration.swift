import ABIModel
import Solver

/// Ways a live value can change meaning, as the solver can tell them apart.
enum MigrationGroup: Int, Hashable, Sendable, CaseIterable {
  /// The newer release runs another op.
  case otherOp
  /// Same op, other progress.
  case otherProgress
  /// The newer release rejects the value.
  case rejected
}

/// Migration between two releases' decoders of the same hypercall and guest width.
extension QuerySolver {
  struct MigrationTerms {
    var value: BitVector
    var progress: BitVector
    var premise: BoolExpr
    var older: (identity: BitVector, progress: BitVector)
    var newer: (identity: BitVector, progress: BitVector)

    func group(_ group: MigrationGroup) -> BoolExpr {
      switch group {
      case .otherOp: return newer.identity != 0 && newer.identity != older.identity
      case .otherProgress: return newer.identity == older.identity && newer.progress != older.progress
      case .rejected: return newer.identity == 0 && older.identity != 0
      }
    }

    var differs: BoolExpr { older.identity != newer.identity || older.progress != newer.progress }

    /// The older release reads a fresh call (no progress) rather than a continuation; this
    /// separates a removed op from a lost continuation within the rejected group.
    var fresh: BoolExpr { older.progress == 0 }
  }

  func migrationTerms(_ olderShape: DecoderShape, _ newerShape: DecoderShape) -> MigrationTerms {
    let older = SymbolicDecoder(olderShape, in: context)
    let newer = SymbolicDecoder(newerShape, in: context)
    let value = variable("value", width: olderShape.opWidth)
    // The newer release sees the same register through its own argument width.
    let newerValue =
      newerShape.opWidth == olderShape.opWidth
      ? value
      : newerShape.opWidth > olderShape.opWidth
        ? value.zeroExtend(to: newerShape.opWidth) : value.extract(high: newerShape.opWidth - 1, low: 0)
    let olderMeaning = older.meaning(of: value)
    return MigrationTerms(
      value: value, progress: olderMeaning.progress, premise: older.isLive(value),
      older: olderMeaning, newer: newer.meaning(of: newerValue))
  }

  func solveMigration(_ olderShape: DecoderShape, _ newerShape: DecoderShape) throws -> QueryOutcome {
    let terms = migrationTerms(olderShape, newerShape)
    // One failure per (older op, way of failing): block that pair and ask again.
    return try run(
      premise: terms.premise, violation: terms.differs, value: terms.value, detail: terms.progress,
      limit: olderShape.ops.count * MigrationGroup.allCases.count * 2, premiseKey: olderShape,
      block: { model in
        let identity = try model.value(of: terms.older.identity)
        let group = try MigrationGroup.allCases.first { try model.value(of: terms.group($0)) } ?? .otherOp
        let fresh = try model.value(of: terms.fresh)
        return !(terms.older.identity == identity && terms.group(group) && (fresh ? terms.fresh : !terms.fresh))
      })
  }

  /// Live values the newer release decodes to the same op and progress, but beyond its bound
  /// for that op: it would refuse the request instead of resuming it (Xen 4.3 lowered the
  /// native `nr_extents` limit to `UINT_MAX >> MEMOP_EXTENT_SHIFT`).
  func solveProgressBound(_ olderShape: DecoderShape, _ newerShape: DecoderShape) throws -> QueryOutcome {
    let terms = migrationTerms(olderShape, newerShape)
    let newerValue = terms.value.width == newerShape.opWidth ? terms.value : nil
    let withinBound = newerValue.map { SymbolicDecoder(newerShape, in: context).withinBound($0) } ?? context.true
    return try run(
      premise: terms.premise,
      violation: terms.newer.identity == terms.older.identity && terms.newer.identity != 0
        && terms.newer.progress == terms.older.progress && !withinBound,
      value: terms.value, detail: terms.progress, limit: olderShape.ops.count, premiseKey: olderShape,
      block: { model in terms.older.identity != (try model.value(of: terms.older.identity)) })
  }

  /// The smallest live value of the op with `identity` that fails in `group`, for printing.
  func smallestMigrationFailure(
    _ olderShape: DecoderShape, _ newerShape: DecoderShape, identity: Int, group: MigrationGroup, fresh: Bool
  ) throws -> FoundValue? {
    let terms = migrationTerms(olderShape, newerShape)
    return try smallest(
      satisfying: terms.premise && terms.older.identity == UInt64(identity) && terms.group(group)
        && (fresh ? terms.fresh : !terms.fresh),
      value: terms.value, detail: terms.progress)
  }
}
