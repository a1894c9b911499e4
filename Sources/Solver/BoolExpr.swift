internal import CZ3

/// A Boolean solver formula.
///
/// A value type holding one counted Z3 reference; like ``BitVector`` it is not `Equatable`.
public struct BoolExpr {
  let term: Term

  init(term: Term) {
    self.term = term
  }

  /// The context this formula belongs to.
  public var context: SolverContext { term.context }

  /// Conjunction.
  public static func && (lhs: BoolExpr, rhs: BoolExpr) -> BoolExpr {
    lhs.context.and([lhs, rhs])
  }

  /// Disjunction.
  public static func || (lhs: BoolExpr, rhs: BoolExpr) -> BoolExpr {
    lhs.context.or([lhs, rhs])
  }

  /// Negation.
  public static prefix func ! (operand: BoolExpr) -> BoolExpr {
    BoolExpr(term: operand.context.term([operand.term]) { Z3_mk_not($0, $1[0]) })
  }

  /// Implication: `self` implies `other`.
  public func implies(_ other: BoolExpr) -> BoolExpr {
    BoolExpr(term: context.term([term, other.term]) { Z3_mk_implies($0, $1[0], $1[1]) })
  }

  /// Equivalence: both formulas have the same truth value.
  public func iff(_ other: BoolExpr) -> BoolExpr {
    BoolExpr(term: context.term([term, other.term]) { Z3_mk_iff($0, $1[0], $1[1]) })
  }
}

extension SolverContext {
  /// The constant formula `value`.
  public func bool(_ value: Bool) -> BoolExpr {
    BoolExpr(term: term([]) { context, _ in value ? Z3_mk_true(context) : Z3_mk_false(context) })
  }

  /// The constant true formula.
  public var `true`: BoolExpr { bool(true) }

  /// The constant false formula.
  public var `false`: BoolExpr { bool(false) }

  /// A Boolean variable; the same name always denotes the same variable.
  public func boolVariable(_ name: String) -> BoolExpr {
    BoolExpr(term: declare(name, width: 0))
  }

  /// The conjunction of `formulas`; true when empty.
  public func and(_ formulas: [BoolExpr]) -> BoolExpr {
    if formulas.isEmpty { return self.true }
    return BoolExpr(
      term: term(formulas.map(\.term)) { context, asts in
        Z3_mk_and(context, UInt32(asts.count), asts.map { Optional($0) })
      })
  }

  /// The disjunction of `formulas`; false when empty.
  public func or(_ formulas: [BoolExpr]) -> BoolExpr {
    if formulas.isEmpty { return self.false }
    return BoolExpr(
      term: term(formulas.map(\.term)) { context, asts in
        Z3_mk_or(context, UInt32(asts.count), asts.map { Optional($0) })
      })
  }
}
