internal import CZ3

// Arithmetic is modulo 2^width; shifts and comparisons are unsigned (logical).
// Each operator also takes a UInt64 operand, lifted to the other side's width.

extension BitVector {
  /// Bitwise and.
  public static func & (lhs: BitVector, rhs: BitVector) -> BitVector {
    lhs.binary(rhs, Z3_mk_bvand)
  }

  /// Bitwise or.
  public static func | (lhs: BitVector, rhs: BitVector) -> BitVector {
    lhs.binary(rhs, Z3_mk_bvor)
  }

  /// Bitwise exclusive or.
  public static func ^ (lhs: BitVector, rhs: BitVector) -> BitVector {
    lhs.binary(rhs, Z3_mk_bvxor)
  }

  /// Bitwise not.
  public static prefix func ~ (operand: BitVector) -> BitVector {
    BitVector(
      term: operand.context.term([operand.term]) { Z3_mk_bvnot($0, $1[0]) }, width: operand.width)
  }

  /// Wrapping addition.
  public static func + (lhs: BitVector, rhs: BitVector) -> BitVector {
    lhs.binary(rhs, Z3_mk_bvadd)
  }

  /// Wrapping subtraction.
  public static func - (lhs: BitVector, rhs: BitVector) -> BitVector {
    lhs.binary(rhs, Z3_mk_bvsub)
  }

  /// Wrapping multiplication.
  public static func * (lhs: BitVector, rhs: BitVector) -> BitVector {
    lhs.binary(rhs, Z3_mk_bvmul)
  }

  /// Unsigned division; division by zero yields all ones (SMT-LIB semantics).
  public func udiv(_ divisor: BitVector) -> BitVector {
    binary(divisor, Z3_mk_bvudiv)
  }

  /// Unsigned remainder; the remainder of division by zero is the dividend (SMT-LIB semantics).
  public func urem(_ divisor: BitVector) -> BitVector {
    binary(divisor, Z3_mk_bvurem)
  }

  /// Shift left; amounts of `width` or more yield zero.
  public static func << (lhs: BitVector, rhs: BitVector) -> BitVector {
    lhs.binary(rhs, Z3_mk_bvshl)
  }

  /// Logical shift right; amounts of `width` or more yield zero.
  public static func >> (lhs: BitVector, rhs: BitVector) -> BitVector {
    lhs.binary(rhs, Z3_mk_bvlshr)
  }

  /// Shift left by a fixed amount (which must not be negative).
  public static func << (lhs: BitVector, rhs: Int) -> BitVector {
    lhs << lhs.shiftAmount(rhs)
  }

  /// Logical shift right by a fixed amount (which must not be negative).
  public static func >> (lhs: BitVector, rhs: Int) -> BitVector {
    lhs >> lhs.shiftAmount(rhs)
  }

  // Clamped rather than truncated: an amount of 2^width must shift everything out, not wrap to 0.
  private func shiftAmount(_ amount: Int) -> BitVector {
    guard amount >= 0 else {
      return BitVector(term: context.invalid("negative shift amount \(amount)"), width: width)
    }
    return lifted(UInt64(Swift.min(amount, width)))
  }

  /// Equality as a solver formula.
  public func isEqual(to other: BitVector) -> BoolExpr {
    predicate(other, Z3_mk_eq)
  }

  /// Disequality as a solver formula.
  public func isNotEqual(to other: BitVector) -> BoolExpr {
    !isEqual(to: other)
  }

  /// Equality as a solver formula (not a Swift comparison; see ``BitVector``).
  public static func == (lhs: BitVector, rhs: BitVector) -> BoolExpr {
    lhs.isEqual(to: rhs)
  }

  /// Disequality as a solver formula (not a Swift comparison; see ``BitVector``).
  public static func != (lhs: BitVector, rhs: BitVector) -> BoolExpr {
    lhs.isNotEqual(to: rhs)
  }

  /// Unsigned less-than.
  public func ult(_ other: BitVector) -> BoolExpr {
    predicate(other, Z3_mk_bvult)
  }

  /// Unsigned less-than-or-equal.
  public func ule(_ other: BitVector) -> BoolExpr {
    predicate(other, Z3_mk_bvule)
  }

  /// Unsigned greater-than.
  public func ugt(_ other: BitVector) -> BoolExpr {
    predicate(other, Z3_mk_bvugt)
  }

  /// Unsigned greater-than-or-equal.
  public func uge(_ other: BitVector) -> BoolExpr {
    predicate(other, Z3_mk_bvuge)
  }

  /// Bits `high` down to `low` (inclusive), a vector of `high - low + 1` bits.
  public func extract(high: Int, low: Int) -> BitVector {
    guard 0 <= low, low <= high, high < width else {
      let message = "extract(high: \(high), low: \(low)) out of range for width \(width)"
      return BitVector(term: context.invalid(message), width: Swift.max(high - low + 1, 1))
    }
    let term = context.term([term]) { Z3_mk_extract($0, UInt32(high), UInt32(low), $1[0]) }
    return BitVector(term: term, width: high - low + 1)
  }

  /// This value widened to `newWidth` bits (at least `width`, at most 64) with zero bits.
  public func zeroExtend(to newWidth: Int) -> BitVector {
    guard width <= newWidth, BitVector.widths.contains(newWidth) else {
      let message = "zeroExtend(to: \(newWidth)) invalid for width \(width)"
      return BitVector(term: context.invalid(message), width: newWidth)
    }
    if newWidth == width { return self }
    let term = context.term([term]) { Z3_mk_zero_ext($0, UInt32(newWidth - width), $1[0]) }
    return BitVector(term: term, width: newWidth)
  }
}

extension BitVector {
  /// Bitwise and with a constant.
  public static func & (lhs: BitVector, rhs: UInt64) -> BitVector { lhs & lhs.lifted(rhs) }
  /// Bitwise or with a constant.
  public static func | (lhs: BitVector, rhs: UInt64) -> BitVector { lhs | lhs.lifted(rhs) }
  /// Bitwise exclusive or with a constant.
  public static func ^ (lhs: BitVector, rhs: UInt64) -> BitVector { lhs ^ lhs.lifted(rhs) }
  /// Wrapping addition of a constant.
  public static func + (lhs: BitVector, rhs: UInt64) -> BitVector { lhs + lhs.lifted(rhs) }
  /// Wrapping subtraction of a constant.
  public static func - (lhs: BitVector, rhs: UInt64) -> BitVector { lhs - lhs.lifted(rhs) }
  /// Wrapping multiplication by a constant.
  public static func * (lhs: BitVector, rhs: UInt64) -> BitVector { lhs * lhs.lifted(rhs) }
  /// Equality with a constant, as a solver formula.
  public static func == (lhs: BitVector, rhs: UInt64) -> BoolExpr { lhs == lhs.lifted(rhs) }
  /// Disequality with a constant, as a solver formula.
  public static func != (lhs: BitVector, rhs: UInt64) -> BoolExpr { lhs != lhs.lifted(rhs) }
  /// Unsigned less-than a constant.
  public func ult(_ other: UInt64) -> BoolExpr { ult(lifted(other)) }
  /// Unsigned less-than-or-equal to a constant.
  public func ule(_ other: UInt64) -> BoolExpr { ule(lifted(other)) }
  /// Unsigned greater-than a constant.
  public func ugt(_ other: UInt64) -> BoolExpr { ugt(lifted(other)) }
  /// Unsigned greater-than-or-equal to a constant.
  public func uge(_ other: UInt64) -> BoolExpr { uge(lifted(other)) }
}
