import ABIModel
import Solver

/// Count flags and the `__HYPERVISOR_*` table.
extension QuerySolver {
  /// (resumed, remaining) as a release reads a count value.
  func countMeaning(_ value: BitVector, _ shape: CountFlagShape) -> (resumed: BoolExpr, remaining: BitVector) {
    let flag = UInt64(1) << UInt64(shape.flagBit)
    return ((value & flag) != 0, value & ~flag)
  }

  /// A count value a release puts in the register: a fresh count below the flag, or the
  /// remaining count with the flag set.
  func liveCount(_ shape: CountFlagShape, value: BitVector, remaining: BitVector, fresh: BoolExpr) -> BoolExpr {
    let flag = UInt64(1) << UInt64(shape.flagBit)
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

  func solveCountFlagMigration(_ older: CountFlagShape, _ newer: CountFlagShape) throws -> QueryOutcome {
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
    return try run(
      premise: liveCount(older, value: value, remaining: remaining, fresh: fresh),
      violation: !olderRead.resumed.iff(newerRead.resumed) || olderRead.remaining != newerRemaining,
      value: value, limit: 3, block: { model in value != (try model.value(of: value)) })
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
