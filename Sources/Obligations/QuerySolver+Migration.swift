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
    let olderMeaning = older.meaning(of: value)
    // The newer release sees the same register through its own argument width.
    return MigrationTerms(
      value: value, progress: olderMeaning.progress, premise: older.isLive(value),
      older: olderMeaning, newer: newer.meaning(of: asRegister(value, width: newerShape.opWidth)))
  }

  /// The migration (every live value of the older release means the same in the newer one)
  /// and the progress bound (a continuation the newer release decodes alike is within its
  /// bound for that op, else it refuses the request, as Xen 4.3 did after lowering the native
  /// `nr_extents` limit) over the same live values, in one solver.
  func solveMigration(_ olderShape: DecoderShape, _ newerShape: DecoderShape) throws -> QueryOutcome {
    if olderShape == newerShape {
      // The same decoder on both sides (a slice no release between them changed): every value
      // means in the newer release what it meant, and is within the bound it was within, so
      // neither violation can hold. Only the premise is asked, for the proof's witness.
      // A premise this worker has already shown satisfiable needs no solver at all.
      let premiseKey = olderShape.renumbered
      if !wantsSMT, let witness = witnesses[premiseKey] {
        return QueryOutcome(answers: [.holds(witness: witness), .holds(witness: witness)], checks: 0, smtLib2: [])
      }
      let value = variable("value", width: olderShape.opWidth)
      let same = Violation(formula: context.false, value: value, impossible: true)
      return try run(
        premise: SymbolicDecoder(olderShape, in: context).isLive(value), violations: [same, same],
        premiseKey: premiseKey)
    }
    let terms = migrationTerms(olderShape, newerShape)
    let withinBound =
      terms.value.width == newerShape.opWidth
      ? SymbolicDecoder(newerShape, in: context).withinBound(terms.value) : context.true
    // One failure per (older op, what the newer release makes of it, fresh or not): block that
    // and ask again, so no way a value breaks stands in for another.
    let migration = Violation(
      formula: terms.differs, value: terms.value, detail: terms.progress,
      limit: olderShape.ops.count * (newerShape.ops.count + 1) * 2,
      block: { model in
        let identity = try model.value(of: terms.older.identity)
        let newer = try model.value(of: terms.newer.identity)
        let fresh = try model.value(of: terms.fresh)
        return
          !(terms.older.identity == identity && terms.newer.identity == newer
          && (fresh ? terms.fresh : !terms.fresh))
      })
    let bound = Violation(
      formula: terms.newer.identity == terms.older.identity && terms.newer.identity != 0
        && terms.newer.progress == terms.older.progress && !withinBound,
      value: terms.value, detail: terms.progress, limit: olderShape.ops.count,
      block: { model in terms.older.identity != (try model.value(of: terms.older.identity)) })
    return try run(premise: terms.premise, violations: [migration, bound], premiseKey: olderShape.renumbered)
  }

  /// The smallest live value of the op with `identity` that the newer release reads as the op
  /// with `newerIdentity` (0: rejects) and fails in `group`, for printing.
  func smallestMigrationFailure(
    _ olderShape: DecoderShape, _ newerShape: DecoderShape, identity: Int, newerIdentity: Int, group: MigrationGroup,
    fresh: Bool
  ) throws -> FoundValue? {
    let terms = migrationTerms(olderShape, newerShape)
    return try smallest(
      satisfying: terms.premise && terms.older.identity == UInt64(identity)
        && terms.newer.identity == UInt64(newerIdentity) && terms.group(group)
        && (fresh ? terms.fresh : !terms.fresh),
      value: terms.value, detail: terms.progress)
  }

  /// The smallest live value of the op with `identity` whose progress the newer release reads
  /// alike but refuses as beyond its bound, for printing.
  func smallestBoundFailure(_ olderShape: DecoderShape, _ newerShape: DecoderShape, identity: Int) throws
    -> FoundValue?
  {
    let terms = migrationTerms(olderShape, newerShape)
    guard terms.value.width == newerShape.opWidth else { return nil }
    let withinBound = SymbolicDecoder(newerShape, in: context).withinBound(terms.value)
    return try smallest(
      satisfying: terms.premise && terms.older.identity == UInt64(identity) && terms.newer.identity == UInt64(identity)
        && terms.newer.progress == terms.older.progress && !withinBound,
      value: terms.value, detail: terms.progress)
  }
}

/// Op-register values written back into guest memory.
extension QuerySolver {
  /// The register value `value` (of the older width) as a register of the newer width.
  func asRegister(_ value: BitVector, width: Int) -> BitVector {
    value.width == width
      ? value : width > value.width ? value.zeroExtend(to: width) : value.extract(high: width - 1, low: 0)
  }

  /// Every live value of the older release, stored in `memoryBits` of guest memory, reads in
  /// the newer release as the register does. Only what the memory changes is asked: the
  /// register's own migration is the migration obligation.
  func solveWriteBack(_ olderShape: DecoderShape, _ newerShape: DecoderShape, memoryBits: Int) throws -> QueryOutcome {
    let older = SymbolicDecoder(olderShape, in: context)
    let newer = SymbolicDecoder(newerShape, in: context)
    let value = variable("value", width: olderShape.opWidth)
    let kept =
      memoryBits >= olderShape.opWidth
      ? value : value.extract(high: memoryBits - 1, low: 0).zeroExtend(to: olderShape.opWidth)
    let direct = newer.meaning(of: asRegister(value, width: newerShape.opWidth))
    let stored = newer.meaning(of: asRegister(kept, width: newerShape.opWidth))
    return try run(
      premise: older.isLive(value) && direct.identity != 0,
      violation: direct.identity != stored.identity || direct.progress != stored.progress,
      value: value, limit: olderShape.ops.count * (newerShape.ops.count + 1),
      block: { model in
        !(direct.identity == (try model.value(of: direct.identity))
          && stored.identity == (try model.value(of: stored.identity)))
      })
  }
}
