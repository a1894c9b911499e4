/// A problem found in a spec, printed the way compilers do: `path:line: error: message`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible, Error {
  public enum Severity: String, Hashable, Sendable, Codable {
    case error
    case warning
    case note
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: String

  public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.error, at: location, message)
  }

  /// One line per diagnostic, whatever the spec's values hold (`DisplayText.terminal`).
  public var description: String {
    // Messages quote values shortened; the cap holds for any that does not.
    DisplayText.terminal("\(location): \(severity.rawValue): \(DisplayText.shortened(message, limit: 4000))")
  }
}

/// Every problem found in a spec at once, so a maintainer fixes them in one pass.
public struct SpecErrors: Error, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
