/// An error reported by the solver layer.
///
/// Z3 failures are recorded in the owning ``SolverContext`` when they happen (so that building
/// expressions never needs `try`) and surface here from ``Solver/check()``, model reads and
/// ``Solver/smtLib2()``.
public enum SolverError: Error, Equatable, CustomStringConvertible {
  /// Z3 reported an error; `code` is Z3's numeric error code.
  case z3(code: Int, message: String)
  /// The caller passed something Z3 would reject or misinterpret (bad width, mixed contexts, ...).
  case invalidArgument(String)

  /// A one-line description of the error.
  public var description: String {
    switch self {
    case .z3(let code, let message):
      return "Z3 error \(code): \(Self.oneLine(message))"
    case .invalidArgument(let message):
      return "invalid solver argument: \(Self.oneLine(message))"
    }
  }

  // Z3 messages may span lines; logs and diagnostics want one line.
  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
