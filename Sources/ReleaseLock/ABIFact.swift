import ABIModel

/// One fact of a hypercall's ABI in one release, kept in the lock file as a `key: value` line
/// (`op mask: 0xff`, `op 7 continues: cmd_raw_index_aligned, bound register capacity`). The
/// location says where the spec states it; it is not part of the fact, so moving a line or
/// adding a comment to a spec file changes no fact.
public struct ABIFact: Hashable, Sendable {
  /// Never contains `": "`, so a line splits back at its first one.
  public var key: String
  public var value: String
  public var location: SourceLocation

  public init(_ key: String, _ value: String, at location: SourceLocation = .unknown) {
    self.key = key
    self.value = value
    self.location = location
  }

  /// Parses a lock-file line; `nil` when it has no `": "`.
  public init?(line: String) {
    guard let separator = line.range(of: ": ") else { return nil }
    self.init(String(line[..<separator.lowerBound]), String(line[separator.upperBound...]))
  }

  /// The line as the lock file stores it.
  public var line: String { "\(key): \(value)" }
}
