internal import CZ3

/// One counted reference to a Z3 AST, kept alive together with its context.
///
/// `ast` is nil when building the expression failed; the failure is then already recorded in
/// the context, and anything built from a nil term stays nil instead of handing Z3 a null pointer.
final class Term {
  let context: SolverContext
  let ast: Z3_ast?

  init(context: SolverContext, ast: Z3_ast?) {
    self.context = context
    self.ast = ast
    if let ast { Z3_inc_ref(context.raw, ast) }
  }

  deinit {
    if let ast { Z3_dec_ref(context.raw, ast) }
  }
}
