import ABIModel
import Solver

/// A release's op-register decoder as Z3 terms: for a symbolic register value, the identity
/// of the sub-op it selects (0 when rejected) and the progress it resumes at. It states the same
/// rules as `Multiplex.decode`, which the checker replays every counterexample through.
///
/// Terms are built on the op field and the high part separately (bit extracts), and ops that
/// keep progress the same way share one progress term, so a query over a 60-op table stays small.
struct SymbolicDecoder {
  /// Width of the identity terms; lineage ids are small.
  static let identityWidth = 32

  let shape: DecoderShape
  let context: SolverContext

  init(_ shape: DecoderShape, in context: SolverContext) {
    self.shape = shape
    self.context = context
  }

  func identity(_ id: Int) -> BitVector {
    context.constant(UInt64(id), width: Self.identityWidth)
  }

  /// Bits of the op field (the whole register when there is no mask).
  var fieldBits: Int { min(shape.maskBits ?? shape.opWidth, shape.opWidth) }

  /// The op field of `value`.
  func field(_ value: BitVector) -> BitVector {
    fieldBits == value.width ? value : value.extract(high: fieldBits - 1, low: 0)
  }

  /// Whether bits `low` and up of `value` are all zero.
  func zeroFrom(_ low: Int, _ value: BitVector) -> BoolExpr {
    low >= value.width ? context.true : value.extract(high: value.width - 1, low: low) == 0
  }

  /// The field equals one of `numbers` (numbers that cannot fit the field never match).
  func fieldIsOneOf(_ numbers: [UInt64], _ field: BitVector) -> BoolExpr {
    let fitting = numbers.filter { $0 <= lowBitsMask(field.width) }
    return context.or(fitting.map { field == $0 })
  }

  /// Ops grouped by how they keep progress, in a stable order.
  var layouts: [(layout: DecoderShape.Layout, ops: [DecoderShape.Op])] {
    var order: [DecoderShape.Layout] = []
    var groups: [DecoderShape.Layout: [DecoderShape.Op]] = [:]
    for op in shape.ops {
      if groups[op.layout] == nil { order.append(op.layout) }
      groups[op.layout, default: []].append(op)
    }
    return order.map { ($0, groups[$0]!) }
  }

  /// Whether the release accepts `value` for an op of this layout (rather than -ENOSYS).
  func accepts(_ value: BitVector, layout: DecoderShape.Layout) -> BoolExpr {
    guard shape.maskBits != nil, shape.unusedBits == .rejected else { return context.true }
    switch layout {
    case .none: return zeroFrom(fieldBits, value)
    case .shifted(let shift):
      // Bits between the mask and the shift carry nothing.
      guard shift > fieldBits else { return context.true }
      return value.extract(high: min(shift, value.width) - 1, low: fieldBits) == 0
    case .rawAligned: return context.true
    }
  }

  /// The progress an op of this layout reads from `value`, as a 64-bit term.
  func progress(_ value: BitVector, layout: DecoderShape.Layout) -> BitVector {
    let zero = context.constant(0, width: 64)
    guard shape.maskBits != nil else { return zero }
    switch layout {
    case .none:
      return zero
    case .shifted(let shift):
      guard shift < value.width else { return zero }
      return value.extract(high: value.width - 1, low: shift).zeroExtend(to: 64)
    case .rawAligned:
      guard fieldBits < value.width else { return zero }
      return (value.extract(high: value.width - 1, low: fieldBits).zeroExtend(to: 64)) << fieldBits
    }
  }

  /// The value `shape`'s release gives `value` (an `opWidth`-bit term): (identity, progress).
  func meaning(of value: BitVector) -> (identity: BitVector, progress: BitVector) {
    let field = field(value)
    var selected = identity(0)
    for op in shape.ops.reversed() where op.number <= lowBitsMask(field.width) {
      selected = ite(field == op.number, identity(op.identity), selected)
    }
    var accepted = context.false
    var progress = context.constant(0, width: 64)
    for group in layouts.reversed() {
      let member = fieldIsOneOf(group.ops.map(\.number), field)
      accepted = ite(member, accepts(value, layout: group.layout), accepted)
      progress = ite(member, self.progress(value, layout: group.layout), progress)
    }
    let zero64 = context.constant(0, width: 64)
    return (ite(accepted, selected, identity(0)), ite(accepted, progress, zero64))
  }

  /// The progress `value` resumes at is within the bound of the op it selects (true for ops
  /// that keep no progress in the register, and for values no op selects).
  func withinBound(_ value: BitVector) -> BoolExpr {
    let field = field(value)
    var inside = context.true
    for group in layouts.reversed() {
      var groupInside = context.true
      for op in group.ops.reversed() where op.number <= lowBitsMask(field.width) {
        groupInside = ite(
          field == op.number, progress(value, layout: group.layout).ule(op.maximumProgress), groupInside)
      }
      inside = ite(fieldIsOneOf(group.ops.map(\.number), field), groupInside, inside)
    }
    return inside
  }

  /// Op numbers grouped by how their ops encode (layout and bound), in a stable order: ops in a
  /// group share one term with the number chosen among theirs.
  var encodingGroups: [(layout: DecoderShape.Layout, maximum: UInt64, numbers: [UInt64])] {
    var groups: [(layout: DecoderShape.Layout, maximum: UInt64, numbers: [UInt64])] = []
    for op in shape.ops {
      if let index = groups.firstIndex(where: { $0.layout == op.layout && $0.maximum == op.maximumProgress }) {
        groups[index].numbers.append(op.number)
      } else {
        groups.append((op.layout, op.maximumProgress, [op.number]))
      }
    }
    return groups
  }

  /// `value` is one the release itself writes: a fresh call, or a continuation at a progress
  /// within its op's bound. Stated on the decoding side: the op field names an op and the high
  /// part is a progress that op can reach.
  func isLive(_ value: BitVector) -> BoolExpr {
    let field = field(value)
    guard shape.maskBits != nil else { return fieldIsOneOf(shape.ops.map(\.number), field) }
    var reachable: [BoolExpr] = []
    for (layout, maximum, numbers) in encodingGroups {
      let member = fieldIsOneOf(numbers, field)
      switch layout {
      case .none:
        reachable.append(member && zeroFrom(fieldBits, value))
      case .shifted(let shift):
        let gapClear =
          shift > fieldBits ? value.extract(high: min(shift, value.width) - 1, low: fieldBits) == 0 : context.true
        reachable.append(member && gapClear && progress(value, layout: layout).ule(maximum))
      case .rawAligned:
        reachable.append(member && progress(value, layout: layout).ule(maximum))
      }
    }
    return context.or(reachable)
  }

  /// The identity of the op numbered `number` (0 when none is).
  func identity(ofNumber number: BitVector) -> BitVector {
    var selected = identity(0)
    for op in shape.ops.reversed() where op.number <= lowBitsMask(number.width) {
      selected = ite(number == op.number, identity(op.identity), selected)
    }
    return selected
  }

  /// `value` is the encoding of the op numbered `number` at `progress` (64-bit), with the
  /// arithmetic wrapping at the register width as the C does. Ops that encode the same way
  /// (layout and bound) share one term, with the number chosen among theirs.
  func encodes(_ value: BitVector, number: BitVector, progress: BitVector) -> BoolExpr {
    let opWidthMask = lowBitsMask(shape.opWidth)
    let wide = value.zeroExtend(to: 64)
    let wideNumber = number.width == 64 ? number : number.zeroExtend(to: 64)
    return context.or(
      encodingGroups.map { layout, maximum, numbers in
        let member = context.or(numbers.filter { $0 <= lowBitsMask(number.width) }.map { number == $0 })
        switch layout {
        case .none:
          return member && progress == 0 && wide == (wideNumber & opWidthMask)
        case .shifted(let shift):
          let shifted = shift >= 64 ? context.constant(0, width: 64) : progress << shift
          return member && progress.ule(maximum) && wide == ((shifted | wideNumber) & opWidthMask)
        case .rawAligned:
          let step = lowBitsMask(shape.maskBits ?? 0)
          return member && progress.ule(maximum) && (progress & step) == 0
            && wide == ((progress | wideNumber) & opWidthMask)
        }
      })
  }

  /// Bits enough to hold every op number (and `limit`).
  func numberWidth(atLeast limit: UInt64 = 0) -> Int {
    let largest = max(limit, shape.ops.map(\.number).max() ?? 0)
    return max(1, 64 - largest.leadingZeroBitCount)
  }
}
