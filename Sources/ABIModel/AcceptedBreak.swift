/// A known, deliberate incompatibility, recorded as data so the checker reports it without
/// failing. It covers every migration that crosses the release that introduced it.
public struct AcceptedBreak: Hashable, Sendable, Codable {
  /// A short stable id (`memop-shift-4-to-6`).
  public var id: String
  /// The hypercall it concerns.
  public var hypercall: String
  /// The first release with the change: the break covers pairs `older < introducedIn <= newer`.
  public var introducedIn: String
  /// The classes of failure it accepts.
  public var classes: [BreakClass]
  /// Sub-ops (by name in the older release) it accepts; empty means all of the hypercall's.
  public var subOps: [String]
  /// Why it was accepted.
  public var reason: String
  /// Where it is documented (commit).
  public var source: String
  public var location: SourceLocation

  public init(
    id: String, hypercall: String, introducedIn: String, classes: [BreakClass],
    subOps: [String] = [], reason: String, source: String, location: SourceLocation = .unknown
  ) {
    self.id = id
    self.hypercall = hypercall
    self.introducedIn = introducedIn
    self.classes = classes
    self.subOps = subOps
    self.reason = reason
    self.source = source
    self.location = location
  }
}
