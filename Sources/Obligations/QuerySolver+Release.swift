import ABIModel
import Solver

/// The properties of one release's decoder.
extension QuerySolver {
  func solveRelease(_ kind: ProofObligation.Kind, _ shape: DecoderShape) throws -> QueryOutcome {
    let opWidthMask = lowBitsMask(shape.opWidth)

    switch kind {
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

    default:
      // Op-fits-mask, numbers unique, round trip and live values distinct are asked per slice
      // together (`solveReleaseSlice`); the others are not properties of one release.
      preconditionFailure("\(kind) is not asked on its own")
    }
  }

  /// The op-fits-mask, numbers-unique, round-trip and live-values-distinct properties of one
  /// slice (`QueryKey.sliceKinds`) from one decoder in one solver: the numbers the slice's ops
  /// have, then the values they encode, each premise in its own scope.
  func solveReleaseSlice(_ shape: DecoderShape) throws -> QueryOutcome {
    let decoder = SymbolicDecoder(shape, in: context)
    let limit = shape.mask ?? lowBitsMask(shape.opWidth)
    let number = variable("number", width: decoder.numberWidth(atLeast: limit))
    // A number that two different ops have: the count of ops with that number reaches two.
    // One term per op, so the query grows with the table, not with its square (one clause per
    // pair of a 200-op table is 19,900 clauses).
    let countWidth = max(2, 64 - UInt64(shape.ops.count).leadingZeroBitCount)
    let (one, zero) = (context.constant(1, width: countWidth), context.constant(0, width: countWidth))
    let holders = shape.ops.map { ite(number == $0.number, one, zero) }
    let count = holders.dropFirst().reduce(holders.first ?? zero) { $0 + $1 }
    let numbered = PremiseGroup(
      premise: context.or(shape.ops.map { number == $0.number }),
      violations: [
        Violation(
          formula: number.ugt(limit), value: number, limit: shape.ops.count,
          block: { model in number != (try model.value(of: number)) }),
        Violation(
          formula: count.uge(2), value: number.zeroExtend(to: 64), limit: shape.ops.count,
          block: { model in number != (try model.value(of: number)) }),
      ])

    let value = variable("value", width: shape.opWidth)
    let encoded = variable("number", width: decoder.numberWidth())
    let progress = variable("progress", width: 64)
    let decoded = decoder.meaning(of: value)
    let other = variable("other", width: decoder.numberWidth())
    let otherProgress = variable("otherProgress", width: 64)
    let values = PremiseGroup(
      premise: decoder.encodes(value, number: encoded, progress: progress),
      violations: [
        Violation(
          formula: decoded.identity != decoder.identity(ofNumber: encoded) || decoded.progress != progress,
          value: value, detail: progress, limit: shape.ops.count,
          block: { model in encoded != (try model.value(of: encoded)) }),
        Violation(
          formula: decoder.encodes(value, number: other, progress: otherProgress)
            && decoder.identity(ofNumber: other) != decoder.identity(ofNumber: encoded),
          value: value, detail: other.zeroExtend(to: 64)),
      ])
    return try run(groups: [numbered, values])
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
