internal import CZ3

/// An incremental Z3 solver over the formulas of one ``SolverContext``.
public final class Solver {
  /// The context whose formulas this solver accepts.
  public let context: SolverContext

  /// The per-query timeout in effect; nil means none.
  public let timeoutMilliseconds: UInt32?

  // nil only if Z3 failed to create the solver (the error is recorded in the context).
  private let raw: Z3_solver?

  /// Creates a solver seeded with the context's random seed.
  ///
  /// - Parameter timeoutMilliseconds: The per-query timeout; defaults to the context's.
  public init(context: SolverContext, timeoutMilliseconds: UInt32? = nil) {
    self.context = context
    self.timeoutMilliseconds = timeoutMilliseconds ?? context.timeoutMilliseconds
    let z3 = context.raw
    // The simple (SMT core) solver: the default combined solver spends ~7 ms setting up its
    // tactics on every first check, which dominated thousands of small bit-vector queries.
    let solver = Z3_mk_simple_solver(z3)
    guard context.checkZ3() == nil, let solver else {
      context.record(.z3(code: -1, message: "Z3_mk_solver failed"))
      raw = nil
      return
    }
    Z3_solver_inc_ref(z3, solver)
    raw = solver
    configure()
  }

  deinit {
    if let raw { Z3_solver_dec_ref(context.raw, raw) }
  }

  // The timeout is enforced by the context's watchdog, not by Z3's "timeout" parameter (see
  // ``Watchdog``).
  private func configure() {
    let z3 = context.raw
    guard let raw, let params = Z3_mk_params(z3) else { return }
    Z3_params_inc_ref(z3, params)
    defer { Z3_params_dec_ref(z3, params) }
    Z3_params_set_uint(z3, params, Z3_mk_string_symbol(z3, "random_seed"), context.randomSeed)
    Z3_solver_set_params(z3, raw, params)
    context.checkZ3()
  }

  /// Adds `formula` to the assertions.
  public func assert(_ formula: BoolExpr) {
    guard let raw else { return }
    guard formula.term.context === context else {
      context.record(.invalidArgument("formula belongs to another SolverContext"))
      return
    }
    // An invalid formula's error is already recorded; check() will throw it.
    guard let ast = formula.term.ast else { return }
    Z3_solver_assert(context.raw, raw, ast)
    context.checkZ3()
  }

  /// Adds the declarations and assertions of an SMT-LIB2 script (for example one returned by
  /// ``smtLib2()``); parse errors are recorded in the context.
  public func assert(smtLib2 script: String) {
    guard let raw else { return }
    Z3_solver_from_string(context.raw, raw, script)
    context.checkZ3()
  }

  /// Opens a backtracking scope.
  public func push() {
    guard let raw else { return }
    Z3_solver_push(context.raw, raw)
    context.checkZ3()
  }

  /// Discards the assertions of the last `count` scopes.
  public func pop(_ count: Int = 1) {
    guard let raw else { return }
    guard count >= 0 else {
      context.record(.invalidArgument("pop(\(count)) with a negative count"))
      return
    }
    Z3_solver_pop(context.raw, raw, UInt32(count))
    context.checkZ3()
  }

  /// Decides the conjunction of the assertions.
  ///
  /// Throws the context's first recorded error, if any. `unknown` (timeout, cancellation,
  /// incompleteness) is reported as such, never as sat or unsat.
  public func check() throws -> SolverResult {
    try context.throwIfFailed()
    guard let raw else { throw SolverError.z3(code: -1, message: "no solver") }
    let z3 = context.raw
    if let timeoutMilliseconds { context.watchdog.arm(milliseconds: timeoutMilliseconds) }
    let verdict = Z3_solver_check(z3, raw)
    let error = context.checkZ3()
    let timedOut = timeoutMilliseconds != nil && context.watchdog.disarm()
    if timedOut { clearStaleInterrupt() }
    if let error { throw error }
    switch verdict {
    case Z3_L_TRUE:
      let model = Z3_solver_get_model(z3, raw)
      if let error = context.checkZ3() { throw error }
      guard let model else { throw SolverError.z3(code: -1, message: "sat without a model") }
      return .sat(SolverModel(context: context, raw: model))
    case Z3_L_FALSE:
      return .unsat
    default:
      // The watchdog's interrupt reads as "canceled"; what ended the check was the timeout.
      if timedOut { return .unknown(reason: "timeout") }
      let reason = Z3_solver_get_reason_unknown(z3, raw).map { String(cString: $0) } ?? ""
      if let error = context.checkZ3() { throw error }
      return .unknown(reason: reason.isEmpty ? "unknown" : reason)
    }
  }

  // An interrupt that lands just after Z3_solver_check returned stays pending on the context and
  // would cancel later model reads. Every check resets the pending cancel when it starts and ends,
  // so an empty check on a throwaway solver clears it.
  private func clearStaleInterrupt() {
    let z3 = context.raw
    guard let scratch = Z3_mk_simple_solver(z3) else { return }
    Z3_solver_inc_ref(z3, scratch)
    _ = Z3_solver_check(z3, scratch)
    Z3_solver_dec_ref(z3, scratch)
    context.checkZ3()
  }

  /// A self-contained SMT-LIB2 script: the declarations and assertions, then `(check-sat)`.
  public func smtLib2() throws -> String {
    try context.throwIfFailed()
    guard let raw else { throw SolverError.z3(code: -1, message: "no solver") }
    let text = Z3_solver_to_string(context.raw, raw).map { String(cString: $0) } ?? ""
    if let error = context.checkZ3() { throw error }
    let body = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    return body + "(check-sat)\n"
  }
}
