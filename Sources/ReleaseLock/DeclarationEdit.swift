import Foundation

/// The one-line edit that marks a release of a Swift DSL spec as released:
/// `InDevelopment("4.23", commit: "abc")` becomes `Released("4.23", tag: "abc")`, or, when the
/// development release ships under its real name and the next one opens
/// (`ReleaseCycle.declaration`), `Released("4.23", tag: "RELEASE-4.23.0")` and a new
/// `InDevelopment("master", commit: ...)` line. The line is only rewritten when it holds exactly
/// the call, once; anything else (a declaration split over lines, built in a loop, with an
/// interpolated name) is left to a person, with the edit to make.
public struct DeclarationEdit: Hashable, Sendable {
  public var release: String
  public var commit: String
  /// The name it is released under (the same name unless it is renamed).
  public var releasedAs: String
  public var tag: String
  /// The development release declared after it, when one opens.
  public var reopening: Opening?

  /// A development release that opens after the released one.
  public struct Opening: Hashable, Sendable {
    public var name: String
    public var commit: String

    public init(name: String, commit: String) {
      self.name = name
      self.commit = commit
    }
  }

  /// The call as the spec must state it now.
  public var before: String { "InDevelopment(\(Self.literal(release)), commit: \(Self.literal(commit)))" }
  /// The call it becomes. Without a tag, the commit stands in until the maintainer names the
  /// real tag (`RELEASE-4.23.0`), which no ABI fact depends on.
  public var after: String { "Released(\(Self.literal(releasedAs)), tag: \(Self.literal(tag)))" }
  /// The declaration of the development release that opens, if any.
  public var opened: String? {
    reopening.map { "InDevelopment(\(Self.literal($0.name)), commit: \(Self.literal($0.commit)))" }
  }

  public init(
    release: String, commit: String, releasedAs: String? = nil, tag: String? = nil,
    reopening: Opening? = nil
  ) {
    self.release = release
    self.commit = commit
    self.releasedAs = releasedAs ?? release
    self.tag = tag ?? commit
    self.reopening = reopening
  }

  /// `text` with line `line` (1-based) rewritten (and the opened release's line inserted after
  /// it), or `nil` when that line does not hold `before` exactly once.
  public func apply(to text: String, line: Int) -> String? {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard line >= 1, line <= lines.count else { return nil }
    let original = lines[line - 1]
    let pieces = original.components(separatedBy: before)
    guard pieces.count == 2 else { return nil }
    lines[line - 1] = pieces.joined(separator: after)
    if let opened {
      let indentation = original.prefix { $0 == " " || $0 == "\t" }
      lines.insert(indentation + opened, at: line)
    }
    return lines.joined(separator: "\n")
  }

  /// A Swift string literal of `text`.
  static func literal(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
