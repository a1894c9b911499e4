import ABIModel
import Solver

/// The properties of one release's decoder.
extension QuerySolver {
  func solveRelease(_ kind: ProofObligation.Kind, _ shape: DecoderShape) throws -> QueryOutcome {
    let decoder = SymbolicDecoder(shape, in: context)
    let opWidthMask = lowBitsMask(shape.opWidth)

    switch kind {
    case .opFitsMask:
      // A number some op has, larger than the mask (or the register) allows.
      let limit = shape.mask ?? opWidthMask
      let number = variable("number", width: decoder.numberWidth(atLeast: limit))
      return try run(
        premise: context.or(shape.ops.map { number == $0.number }), violation: number.ugt(limit), value: number,
        limit: shape.ops.count, block: { model in number != (try model.value(of: number)) })

    case .numbersUnique:
      // A number that two different ops have: the count of ops with that number reaches two.
      // One symbolic number and one term per op, so the query grows with the table, not with
      // its square (one clause per pair of a 200-op table is 19,900 clauses).
      let number = variable("number", width: decoder.numberWidth())
      let countWidth = max(2, 64 - UInt64(shape.ops.count).leadingZeroBitCount)
      let one = context.constant(1, width: countWidth)
      let zero = context.constant(0, width: countWidth)
      let holders = shape.ops.map { ite(number == $0.number, one, zero) }
      let count = holders.dropFirst().reduce(holders.first ?? zero) { $0 + $1 }
      return try run(
        premise: context.or(shape.ops.map { number == $0.number }), violation: count.uge(2),
        value: number.zeroExtend(to: 64), limit: shape.ops.count,
        block: { model in number != (try model.value(of: number)) })

    case .fieldsDisjoint:
      let selector = variable("op", width: 16)
      let progress = variable("progress", width: 64)
      var premises: [BoolExpr] = []
      var violations: [BoolExpr] = []
      for (index, op) in shape.ops.enumerated() {
        let this = selector == UInt64(index)
        switch op.layout {
        case .none:
          continue
        case .shifted(let shift):
          premises.append(this && progress.ule(op.maximumProgress))
          let field = shift >= 64 ? context.constant(0, width: 64) : progress << shift
          let lostBits = shift >= 64 ? progress != 0 : (field >> shift) != progress
          violations.append(this && ((field & (shape.mask ?? 0)) != 0 || (field & ~opWidthMask) != 0 || lostBits))
        case .rawAligned:
          let step = shape.mask ?? 0
          premises.append(this && progress.ule(op.maximumProgress) && (progress & step) == 0)
          violations.append(this && ((progress & step) != 0 || (progress & ~opWidthMask) != 0))
        }
      }
      // The detail is the op's number, which names it in the full table as well as in a slice.
      return try run(
        premise: context.or(premises), violation: context.or(violations), value: progress,
        detail: pick(shape.ops.map(\.number), by: selector, width: 64), limit: shape.ops.count,
        block: { model in selector != (try model.value(of: selector)) })

    case .roundTrip:
      let value = variable("value", width: shape.opWidth)
      let number = variable("number", width: decoder.numberWidth())
      let progress = variable("progress", width: 64)
      let decoded = decoder.meaning(of: value)
      return try run(
        premise: decoder.encodes(value, number: number, progress: progress),
        violation: decoded.identity != decoder.identity(ofNumber: number) || decoded.progress != progress,
        value: value, detail: progress, limit: shape.ops.count,
        block: { model in number != (try model.value(of: number)) })

    case .liveValuesDistinct:
      let value = variable("value", width: shape.opWidth)
      let number = variable("number", width: decoder.numberWidth())
      let progress = variable("progress", width: 64)
      let other = variable("other", width: decoder.numberWidth())
      let otherProgress = variable("otherProgress", width: 64)
      return try run(
        premise: decoder.encodes(value, number: number, progress: progress),
        violation: decoder.encodes(value, number: other, progress: otherProgress)
          && decoder.identity(ofNumber: other) != decoder.identity(ofNumber: number),
        value: value, detail: other.zeroExtend(to: 64))

    default:
      preconditionFailure("\(kind) is not a property of one release")
    }
  }

  /// `values[selector]` as a term (0 past the end).
  func pick(_ values: [UInt64], by selector: BitVector, width: Int) -> BitVector {
    var term = context.constant(0, width: width)
    for (index, value) in values.enumerated().reversed() {
      term = ite(selector == UInt64(index), context.constant(value, width: width), term)
    }
    return term
  }
}
