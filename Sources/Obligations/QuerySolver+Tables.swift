import ABIModel
import Solver

/// Count flags and the `__HYPERVISOR_*` table.
extension QuerySolver {
  /// How a release reads a count value (and whether the sentinel's handles are NULL): the
  /// sentinel where it has one, else resumed or fresh with the count that is left. Without a
  /// flag, every value is a fresh call.
  struct CountMeaning {
    var sentinel: BoolExpr
    var resumed: BoolExpr
    var remaining: BitVector
  }

  func countMeaning(_ value: BitVector, nullHandles: BoolExpr, _ shape: CountFlagShape) -> CountMeaning {
    guard let bit = shape.flagBit else {
      return CountMeaning(sentinel: context.false, resumed: context.false, remaining: value)
    }
    let flag = UInt64(1) << UInt64(bit)
    let sentinel = shape.sentinel ? nullHandles && value == flag : context.false
    return CountMeaning(sentinel: sentinel, resumed: !sentinel && (value & flag) != 0, remaining: value & ~flag)
  }

  /// A count value a release puts in the register, with whether the sentinel's handle arguments
  /// are NULL: a fresh count below the flag (any handles), the remaining count with the flag set
  /// (a resumed call's handle was advanced from the guest's, so it is not NULL), or, where the
  /// release has one, the sentinel (the flag alone, handles NULL). Any value when it has no flag.
  /// A resumed count of 0 is kept although Xen only continues with work left: more live values
  /// can only find more breaks.
  func liveCount(_ shape: CountFlagShape, _ v: CountVariables) -> BoolExpr {
    guard let bit = shape.flagBit else { return v.fresh && v.value == v.remaining }
    let flag = UInt64(1) << UInt64(bit)
    let counted =
      v.remaining.ult(flag)
      && ((v.fresh && v.value == v.remaining) || (!v.fresh && !v.nullHandles && v.value == (v.remaining | flag)))
    guard shape.sentinel else { return counted }
    return counted || isSentinel(shape, v)
  }

  /// The sentinel vector of a release that has one.
  func isSentinel(_ shape: CountFlagShape, _ v: CountVariables) -> BoolExpr {
    guard shape.sentinel, let bit = shape.flagBit else { return context.false }
    return !v.fresh && v.nullHandles && v.value == (UInt64(1) << UInt64(bit)) && v.remaining == 0
  }

  /// The variables of one live count: the value, what the writing release meant by it, and
  /// whether the handle arguments were NULL.
  struct CountVariables {
    var value: BitVector
    var remaining: BitVector
    var fresh: BoolExpr
    var nullHandles: BoolExpr

    /// 1 when the handles are NULL, as the detail of a found value.
    func nullHandlesBit(_ context: SolverContext) -> BitVector {
      ite(nullHandles, context.constant(1, width: 1), context.constant(0, width: 1))
    }
  }

  func countVariables(width: Int) -> CountVariables {
    CountVariables(
      value: variable("count", width: width), remaining: variable("remaining", width: width),
      fresh: boolVariable("fresh"), nullHandles: boolVariable("null_handles"))
  }

  func solveCountFlagRoundTrip(_ shape: CountFlagShape) throws -> QueryOutcome {
    let v = countVariables(width: shape.argumentWidth)
    let read = countMeaning(v.value, nullHandles: v.nullHandles, shape)
    let sentinel = isSentinel(shape, v)
    return try run(
      premise: liveCount(shape, v),
      violation: !read.sentinel.iff(sentinel)
        || (!sentinel && (read.resumed.iff(v.fresh) || read.remaining != v.remaining)),
      value: v.value)
  }

  /// A live count of the older release and how both releases read it.
  struct CountTerms {
    var value: BitVector
    /// 1 when the sentinel's handle arguments are NULL: the found value's detail.
    var nullHandles: BitVector
    var premise: BoolExpr
    var olderSentinel: BoolExpr
    var newerSentinel: BoolExpr
    var olderResumed: BoolExpr
    var newerResumed: BoolExpr
    var keepsRemaining: BoolExpr

    /// The terms a failure's mode is made of, in `mode`'s order.
    var modeTerms: [BoolExpr] { [olderSentinel, newerSentinel, olderResumed, newerResumed, keepsRemaining] }

    /// The mode of a failure: sentinel and resumed-ness before and after, and whether the
    /// remaining count is kept.
    func mode(_ values: [Bool], in context: SolverContext) -> BoolExpr {
      context.and(zip(modeTerms, values).map { $0.iff(context.bool($1)) })
    }
  }

  func countTerms(_ older: CountFlagShape, _ newer: CountFlagShape) -> CountTerms {
    let v = countVariables(width: older.argumentWidth)
    let value = v.value
    let olderRead = countMeaning(value, nullHandles: v.nullHandles, older)
    let newerRead = countMeaning(asRegister(value, width: newer.argumentWidth), nullHandles: v.nullHandles, newer)
    let newerRemaining = asRegister(newerRead.remaining, width: older.argumentWidth)
    return CountTerms(
      value: value, nullHandles: v.nullHandlesBit(context), premise: liveCount(older, v),
      olderSentinel: olderRead.sentinel, newerSentinel: newerRead.sentinel,
      olderResumed: olderRead.resumed, newerResumed: newerRead.resumed,
      keepsRemaining: olderRead.remaining == newerRemaining)
  }

  /// Every live count of the older release reads the same in the newer one. One failure per
  /// mode, so the class of each is decided by the mode and never by which value the solver
  /// returns first.
  func solveCountFlagMigration(_ older: CountFlagShape, _ newer: CountFlagShape) throws -> QueryOutcome {
    let terms = countTerms(older, newer)
    let differs =
      !terms.olderSentinel.iff(terms.newerSentinel)
      || (!terms.olderSentinel && (!terms.olderResumed.iff(terms.newerResumed) || !terms.keepsRemaining))
    return try run(
      premise: terms.premise, violation: differs, value: terms.value, detail: terms.nullHandles, limit: 8,
      block: { model in
        !terms.mode(try terms.modeTerms.map { try model.value(of: $0) }, in: self.context)
      })
  }

  /// The smallest live count failing in the mode `found` fails in, for printing.
  func smallestCountFailure(_ older: CountFlagShape, _ newer: CountFlagShape, like found: FoundValue) throws
    -> FoundValue?
  {
    let terms = countTerms(older, newer)
    let mode = try scoped { solver -> BoolExpr? in
      solver.assert(terms.premise && terms.value == found.value && terms.nullHandles == found.detail)
      guard case .sat(let model) = try solver.check() else { return nil }
      return terms.mode(try terms.modeTerms.map { try model.value(of: $0) }, in: context)
    }
    guard let mode else { return nil }
    return try smallest(satisfying: terms.premise && mode, value: terms.value, detail: terms.nullHandles)
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
