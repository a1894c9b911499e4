import ABIModel
import Solver

/// Count flags and the `__HYPERVISOR_*` table.
extension QuerySolver {
  /// (resumed, remaining) as a release reads a count value; without a flag, every value is a
  /// fresh call.
  func countMeaning(_ value: BitVector, _ shape: CountFlagShape) -> (resumed: BoolExpr, remaining: BitVector) {
    guard let bit = shape.flagBit else { return (context.false, value) }
    let flag = UInt64(1) << UInt64(bit)
    return ((value & flag) != 0, value & ~flag)
  }

  /// A count value a release puts in the register: a fresh count below the flag, or the
  /// remaining count with the flag set; any value when it has no flag.
  func liveCount(_ shape: CountFlagShape, value: BitVector, remaining: BitVector, fresh: BoolExpr) -> BoolExpr {
    guard let bit = shape.flagBit else { return fresh && value == remaining }
    let flag = UInt64(1) << UInt64(bit)
    return remaining.ult(flag) && value == ite(fresh, remaining, remaining | flag)
  }

  func solveCountFlagRoundTrip(_ shape: CountFlagShape) throws -> QueryOutcome {
    let value = variable("count", width: shape.argumentWidth)
    let remaining = variable("remaining", width: shape.argumentWidth)
    let fresh = boolVariable("fresh")
    let read = countMeaning(value, shape)
    return try run(
      premise: liveCount(shape, value: value, remaining: remaining, fresh: fresh),
      violation: read.resumed.iff(fresh) || read.remaining != remaining, value: value)
  }

  /// A live count of the older release and how both releases read it.
  struct CountTerms {
    var value: BitVector
    var premise: BoolExpr
    var olderResumed: BoolExpr
    var newerResumed: BoolExpr
    var keepsRemaining: BoolExpr

    /// The mode of a failure: resumed-ness before and after, and whether the remaining count is kept.
    func mode(_ before: Bool, _ after: Bool, _ kept: Bool, in context: SolverContext) -> BoolExpr {
      olderResumed.iff(context.bool(before)) && newerResumed.iff(context.bool(after))
        && keepsRemaining.iff(context.bool(kept))
    }
  }

  func countTerms(_ older: CountFlagShape, _ newer: CountFlagShape) -> CountTerms {
    let value = variable("count", width: older.argumentWidth)
    let remaining = variable("remaining", width: older.argumentWidth)
    let fresh = boolVariable("fresh")
    let newerValue =
      newer.argumentWidth == older.argumentWidth
      ? value
      : newer.argumentWidth > older.argumentWidth
        ? value.zeroExtend(to: newer.argumentWidth) : value.extract(high: newer.argumentWidth - 1, low: 0)
    let olderRead = countMeaning(value, older)
    let newerRead = countMeaning(newerValue, newer)
    let newerRemaining =
      newer.argumentWidth == older.argumentWidth
      ? newerRead.remaining
      : newer.argumentWidth > older.argumentWidth
        ? newerRead.remaining.extract(high: older.argumentWidth - 1, low: 0)
        : newerRead.remaining.zeroExtend(to: older.argumentWidth)
    return CountTerms(
      value: value, premise: liveCount(older, value: value, remaining: remaining, fresh: fresh),
      olderResumed: olderRead.resumed, newerResumed: newerRead.resumed,
      keepsRemaining: olderRead.remaining == newerRemaining)
  }

  /// Every live count of the older release reads the same in the newer one. One failure per
  /// mode, so the class of each is decided by the mode and never by which value the solver
  /// returns first.
  func solveCountFlagMigration(_ older: CountFlagShape, _ newer: CountFlagShape) throws -> QueryOutcome {
    let terms = countTerms(older, newer)
    return try run(
      premise: terms.premise, violation: !terms.olderResumed.iff(terms.newerResumed) || !terms.keepsRemaining,
      value: terms.value, limit: 8,
      block: { model in
        !terms.mode(
          try model.value(of: terms.olderResumed), try model.value(of: terms.newerResumed),
          try model.value(of: terms.keepsRemaining), in: self.context)
      })
  }

  /// The smallest live count failing in the mode `value` fails in, for printing.
  func smallestCountFailure(_ older: CountFlagShape, _ newer: CountFlagShape, like value: UInt64) throws -> FoundValue?
  {
    let terms = countTerms(older, newer)
    let solver = Solver(context: context, timeoutMilliseconds: timeoutMilliseconds)
    solver.assert(terms.premise && terms.value == value)
    guard case .sat(let model) = try solver.check() else { return nil }
    let mode = terms.mode(
      try model.value(of: terms.olderResumed), try model.value(of: terms.newerResumed),
      try model.value(of: terms.keepsRemaining), in: context)
    return try smallest(satisfying: terms.premise && mode, value: terms.value)
  }

  func solveTable(_ older: TableShape, _ newer: TableShape) throws -> QueryOutcome {
    // Wide enough for every number in either table, and no wider: a narrower term is a
    // smaller query, and numbers outside both tables cannot fail.
    let largest = max(older.entries.keys.max() ?? 0, newer.entries.keys.max() ?? 0)
    let number = variable("hypercall", width: max(1, 64 - largest.leadingZeroBitCount))
    func defined(_ table: TableShape) -> BoolExpr {
      context.or(table.entries.keys.sorted().map { number == $0 })
    }
    func identity(_ table: TableShape) -> BitVector {
      var term = context.constant(0, width: 32)
      for (key, id) in table.entries.sorted(by: { $0.key > $1.key }) {
        term = ite(number == key, context.constant(UInt64(id), width: 32), term)
      }
      return term
    }
    return try run(
      premise: defined(older), violation: !defined(newer) || identity(older) != identity(newer),
      value: number.zeroExtend(to: 64), limit: older.entries.count,
      block: { model in number != (try model.value(of: number)) })
  }
}
