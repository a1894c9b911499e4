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
      return "Z3 error \(code) (\(Self.z3CodeName(code))): \(Self.oneLine(message))"
    case .invalidArgument(let message):
      return "invalid solver argument: \(Self.oneLine(message))"
    }
  }

  // Names of Z3_error_code values (z3_api.h), in enum order.
  private static let z3CodeNames = [
    "ok", "sort error", "index out of bounds", "invalid argument", "parser error", "no parser",
    "invalid pattern", "memory allocation failure", "file access error", "internal fatal error",
    "invalid usage", "decrement reference error", "exception",
  ]

  private static func z3CodeName(_ code: Int) -> String {
    z3CodeNames.indices.contains(code) ? z3CodeNames[code] : "unknown code"
  }

  // Z3 messages may span lines; logs and diagnostics want one line.
  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
