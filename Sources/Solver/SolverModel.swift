internal import CZ3

/// A satisfying assignment returned by ``Solver/check()``.
///
/// Reads use model completion: a variable the assertions leave unconstrained still gets a value.
public final class SolverModel {
  private let context: SolverContext
  private let raw: Z3_model

  init(context: SolverContext, raw: Z3_model) {
    self.context = context
    self.raw = raw
    Z3_model_inc_ref(context.raw, raw)
  }

  deinit {
    Z3_model_dec_ref(context.raw, raw)
  }

  /// The value of `expression` in this model.
  public func value(of expression: BitVector) throws -> UInt64 {
    let result = try evaluate(expression.term)
    var value: UInt64 = 0
    guard let ast = result.ast, Z3_get_numeral_uint64(context.raw, ast, &value) else {
      if let error = context.checkZ3() { throw error }
      throw SolverError.invalidArgument("model value is not a 64-bit numeral")
    }
    return value
  }

  /// The truth value of `formula` in this model.
  public func value(of formula: BoolExpr) throws -> Bool {
    let result = try evaluate(formula.term)
    let value = result.ast.map { Z3_get_bool_value(context.raw, $0) } ?? Z3_L_UNDEF
    if let error = context.checkZ3() { throw error }
    switch value {
    case Z3_L_TRUE: return true
    case Z3_L_FALSE: return false
    default: throw SolverError.invalidArgument("model value is not a Boolean constant")
    }
  }

  // Returns a counted term so the result stays alive while it is read.
  private func evaluate(_ term: Term) throws -> Term {
    try context.throwIfFailed()
    guard term.context === context else {
      throw SolverError.invalidArgument("expression belongs to another SolverContext")
    }
    guard let ast = term.ast else { throw SolverError.invalidArgument("invalid expression") }
    var result: Z3_ast?
    let evaluated = Z3_model_eval(context.raw, raw, ast, true, &result)
    if let error = context.checkZ3() { throw error }
    guard evaluated, let result else {
      throw SolverError.invalidArgument("model could not evaluate the expression")
    }
    return Term(context: context, ast: result)
  }
}
