internal import CZ3

/// A bit-vector expression of a fixed width in 1...64 bits.
///
/// A value type holding one counted Z3 reference. It is deliberately not `Equatable`: `==` and
/// `!=` build a ``BoolExpr`` (as do ``isEqual(to:)`` and ``isNotEqual(to:)``) instead of
/// comparing expressions structurally. Operators on two bit-vectors require equal widths;
/// a mismatch is recorded as a Z3 error in the context.
public struct BitVector {
  let term: Term

  /// The width in bits.
  public let width: Int

  init(term: Term, width: Int) {
    self.term = term
    self.width = width
  }

  /// The context this expression belongs to.
  public var context: SolverContext { term.context }

  /// The valid widths.
  public static let widths: ClosedRange<Int> = 1...64
}

extension SolverContext {
  /// A bit-vector constant; `value` is truncated to `width` bits (as in SMT-LIB).
  public func constant(_ value: UInt64, width: Int) -> BitVector {
    guard BitVector.widths.contains(width) else {
      return BitVector(term: invalid("bit-vector width \(width) not in 1...64"), width: width)
    }
    let masked = value & BitVector.mask(width: width)
    let term = term([]) { context, _ in
      Z3_mk_unsigned_int64(context, masked, Z3_mk_bv_sort(context, UInt32(width)))
    }
    return BitVector(term: term, width: width)
  }

  /// A bit-vector variable; the same name and width always denote the same variable.
  public func variable(_ name: String, width: Int) -> BitVector {
    guard BitVector.widths.contains(width) else {
      return BitVector(term: invalid("bit-vector width \(width) not in 1...64"), width: width)
    }
    return BitVector(term: declare(name, width: width), width: width)
  }
}

extension BitVector {
  /// The all-ones value of `width` bits.
  static func mask(width: Int) -> UInt64 {
    width >= 64 ? .max : (1 << UInt64(width)) - 1
  }

  /// This width's constant `value`.
  func lifted(_ value: UInt64) -> BitVector {
    context.constant(value, width: width)
  }

  /// Applies a Z3 binary bit-vector operation; the result has this width.
  func binary(
    _ other: BitVector, _ make: (Z3_context, Z3_ast, Z3_ast) -> Z3_ast?
  ) -> BitVector {
    BitVector(term: context.term([term, other.term]) { make($0, $1[0], $1[1]) }, width: width)
  }

  /// Applies a Z3 binary bit-vector predicate.
  func predicate(
    _ other: BitVector, _ make: (Z3_context, Z3_ast, Z3_ast) -> Z3_ast?
  ) -> BoolExpr {
    BoolExpr(term: context.term([term, other.term]) { make($0, $1[0], $1[1]) })
  }
}
