/// Which release pairs a guest may migrate between, and which ops must survive it.
public struct MigrationPolicy: Hashable, Sendable, Codable {
  public enum Pairs: String, Hashable, Sendable, Codable, CaseIterable {
    /// From any release to any later one: a guest can skip releases.
    case anyOlderToAnyNewer = "any-older-to-any-newer"
    /// Only from a release to the next one.
    case adjacentOnly = "adjacent-only"
    /// Within a release line (a stable branch and the release it starts from) and from a line
    /// to the next line, as Xen's support statement has it; from any older release to any newer
    /// one of those lines, in version order.
    case withinLineAndToNextLine = "within-line-and-to-next-line"
  }

  /// Classes of op whose breaks fail the check; the others are reported as warnings.
  public enum OpClass: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Ops any guest may call.
    case guestVisible = "guest-visible"
    /// Ops inside `__XEN__ || __XEN_TOOLS__`: only the toolstack calls them, and the domain
    /// running it is not normally migrated.
    case toolsOnly = "tools-only"

    public static func < (lhs: OpClass, rhs: OpClass) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  public var pairs: Pairs
  public var mustSurvive: [OpClass]
  public var location: SourceLocation

  public init(
    pairs: Pairs = .anyOlderToAnyNewer, mustSurvive: [OpClass] = [.guestVisible],
    location: SourceLocation = .unknown
  ) {
    self.pairs = pairs
    self.mustSurvive = mustSurvive
    self.location = location
  }

  /// The ordered (older, newer) index pairs of releases in version order, each given by the
  /// name of its line (`Release.lineName`), that this policy allows.
  public func releasePairs(lines: [String]) -> [(older: Int, newer: Int)] {
    let releaseCount = lines.count
    guard releaseCount > 1 else { return [] }
    switch pairs {
    case .withinLineAndToNextLine:
      var order: [String: Int] = [:]
      for line in lines where order[line] == nil { order[line] = order.count }
      let position = lines.map { order[$0]! }
      return (0..<releaseCount).flatMap { a in
        ((a + 1)..<releaseCount).filter { position[$0] - position[a] <= 1 }.map { (a, $0) }
      }
    case .anyOlderToAnyNewer:
      return (0..<releaseCount).flatMap { a in ((a + 1)..<releaseCount).map { (a, $0) } }
    case .adjacentOnly:
      return (0..<(releaseCount - 1)).map { ($0, $0 + 1) }
    }
  }
}
