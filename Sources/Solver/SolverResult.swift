/// The verdict of ``Solver/check()``.
public enum SolverResult {
  /// The assertions are satisfiable; the model assigns every variable.
  case sat(SolverModel)
  /// The assertions are unsatisfiable.
  case unsat
  /// Z3 gave up; `reason` is Z3's explanation (for example "timeout" or "canceled").
  case unknown(reason: String)

  /// The model when satisfiable, otherwise nil.
  public var model: SolverModel? {
    if case .sat(let model) = self { return model }
    return nil
  }

  /// Whether the verdict is unsat.
  public var isUnsat: Bool {
    if case .unsat = self { return true }
    return false
  }
}
