import Foundation

/// The one-line edit that marks a release of a Swift DSL spec as released:
/// `InDevelopment("4.23", commit: "abc")` becomes `Released("4.23", tag: "abc")`. The line is
/// only rewritten when it holds exactly that call, once; anything else (a declaration split
/// over lines, built in a loop, with an interpolated name) is left to a person, with the edit to
/// make.
public struct DeclarationEdit: Hashable, Sendable {
  public var release: String
  public var commit: String

  /// The call as the spec must state it now.
  public var before: String { "InDevelopment(\(literal(release)), commit: \(literal(commit)))" }
  /// The call it becomes. The commit stands in as the tag until the maintainer names the real
  /// tag (`RELEASE-4.23.0`), which no ABI fact depends on.
  public var after: String { "Released(\(literal(release)), tag: \(literal(commit)))" }

  public init(release: String, commit: String) {
    self.release = release
    self.commit = commit
  }

  /// `text` with line `line` (1-based) rewritten, or `nil` when that line does not hold
  /// `before` exactly once.
  public func apply(to text: String, line: Int) -> String? {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard line >= 1, line <= lines.count else { return nil }
    let original = lines[line - 1]
    let pieces = original.components(separatedBy: before)
    guard pieces.count == 2 else { return nil }
    lines[line - 1] = pieces.joined(separator: after)
    return lines.joined(separator: "\n")
  }

  private func literal(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
