internal import CZ3

/// Owns one Z3 context; every expression, solver and model belongs to exactly one context.
///
/// Create one per task and never share it between threads (it is deliberately not `Sendable`:
/// a Z3 context is not thread-safe).
///
/// Errors are sticky: building expressions never throws. Instead the first failure (a Z3 error
/// or an invalid argument) is recorded here, every expression built from a failed one is marked
/// invalid, and the recorded error is thrown by ``Solver/check()``, ``Solver/smtLib2()`` and the
/// ``SolverModel`` reads of this context from then on.
public final class SolverContext {
  let raw: Z3_context

  /// The random seed given to every solver of this context, so results are reproducible.
  public let randomSeed: UInt32

  /// The default per-query timeout for solvers of this context; nil means no timeout.
  public let timeoutMilliseconds: UInt32?

  /// The first error recorded in this context, if any.
  public private(set) var firstError: SolverError?

  // Name -> width (0 for Bool) of every declared variable: a name reused with another sort
  // would make two distinct Z3 constants that print identically in SMT-LIB2.
  private var declaredSorts: [String: Int] = [:]

  /// Creates a context with model generation on.
  ///
  /// - Parameters:
  ///   - randomSeed: The seed for every solver of this context.
  ///   - timeoutMilliseconds: The default per-query timeout; nil for none.
  public init(randomSeed: UInt32 = 0, timeoutMilliseconds: UInt32? = nil) throws {
    guard let config = Z3_mk_config() else {
      throw SolverError.z3(code: -1, message: "Z3_mk_config failed")
    }
    defer { Z3_del_config(config) }
    Z3_set_param_value(config, "model", "true")
    guard let context = Z3_mk_context_rc(config) else {
      throw SolverError.z3(code: -1, message: "Z3_mk_context_rc failed")
    }
    // Without a handler Z3 only sets an error code; the default handler would exit the process.
    Z3_set_error_handler(context, nil)
    self.raw = context
    self.randomSeed = randomSeed
    self.timeoutMilliseconds = timeoutMilliseconds
  }

  /// Interrupts this context's checks at their timeout; its thread starts with the first
  /// check that has one.
  lazy var watchdog = Watchdog(context: raw)

  deinit {
    watchdog.stop()
    Z3_del_context(raw)
  }

  /// Throws the first recorded error, if any.
  public func throwIfFailed() throws {
    if let firstError { throw firstError }
  }

  /// Records `error` unless an earlier error is already recorded.
  func record(_ error: SolverError) {
    if firstError == nil { firstError = error }
  }

  /// Records and returns the error of the last Z3 call, if it failed.
  @discardableResult
  func checkZ3() -> SolverError? {
    let code = Z3_get_error_code(raw)
    guard code != Z3_OK else { return nil }
    let message = Z3_get_error_msg(raw, code).map { String(cString: $0) } ?? "unknown error"
    let error = SolverError.z3(code: Int(code.rawValue), message: message)
    record(error)
    return error
  }

  /// A term marking a failed construction (the failure is already recorded).
  var invalidTerm: Term { Term(context: self, ast: nil) }

  /// Records an invalid-argument error and returns an invalid term.
  func invalid(_ message: String) -> Term {
    record(.invalidArgument(message))
    return invalidTerm
  }

  /// Builds a term with one Z3 call over `operands`.
  ///
  /// Z3 is never called with a foreign or invalid operand: mixing contexts is recorded as an
  /// error, and an invalid operand (already recorded) makes the result invalid.
  func term(_ operands: [Term], _ make: (Z3_context, [Z3_ast]) -> Z3_ast?) -> Term {
    var asts: [Z3_ast] = []
    asts.reserveCapacity(operands.count)
    for operand in operands {
      guard operand.context === self else {
        return invalid("expression belongs to another SolverContext")
      }
      guard let ast = operand.ast else { return invalidTerm }
      asts.append(ast)
    }
    let result = make(raw, asts)
    if checkZ3() != nil { return invalidTerm }
    guard let result else {
      record(.z3(code: -1, message: "Z3 returned no expression"))
      return invalidTerm
    }
    return Term(context: self, ast: result)
  }

  /// Declares (or re-uses) the constant `name`; `width` 0 means Bool.
  func declare(_ name: String, width: Int) -> Term {
    if let existing = declaredSorts[name], existing != width {
      return invalid("variable '\(name)' redeclared with a different sort")
    }
    declaredSorts[name] = width
    return term([]) { context, _ in
      let sort = width == 0 ? Z3_mk_bool_sort(context) : Z3_mk_bv_sort(context, UInt32(width))
      return Z3_mk_const(context, Z3_mk_string_symbol(context, name), sort)
    }
  }
}
