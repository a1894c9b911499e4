/// A hypercall ABI family and its whole release history, resolved: the plain values every
/// later stage (validation, proof obligations, emitters) reads. Build it directly or from the
/// DSL in `Spec/`.
public struct ABIModel: Hashable, Sendable, Codable {
  /// `xen`.
  public var family: String
  public var guestABIs: [GuestABI]
  /// Oldest first; at most the last one is in development.
  public var releases: [Release]
  public var migrationPolicy: MigrationPolicy
  public var acceptedBreaks: [AcceptedBreak]
  /// Where the family was declared.
  public var location: SourceLocation

  public init(
    family: String, guestABIs: [GuestABI], releases: [Release],
    migrationPolicy: MigrationPolicy = MigrationPolicy(), acceptedBreaks: [AcceptedBreak] = [],
    location: SourceLocation = .unknown
  ) {
    self.location = location
    self.family = family
    self.guestABIs = guestABIs
    self.releases = releases
    self.migrationPolicy = migrationPolicy
    self.acceptedBreaks = acceptedBreaks
  }

  public func release(named name: String) -> Release? {
    releaseIndex(named: name).map { releases[$0] }
  }

  /// By name; `4.14.0` also names the release `4.14` (Xen's tag for a line's first release),
  /// when no release is called `4.14.0` itself.
  public func releaseIndex(named name: String) -> Int? {
    if let found = releases.firstIndex(where: { $0.name == name }) { return found }
    guard name.hasSuffix(".0"), name.split(separator: ".").count == 3 else { return nil }
    let short = String(name.dropLast(2))
    return releases.firstIndex { $0.name == short && $0.line == nil }
  }

  /// The release each line starts with, and master: the development history, without the point
  /// releases of stable branches (what the checked-in generated code holds).
  public var lineReleases: [Release] {
    releases.filter { $0.line == nil }
  }

  /// Distinct register widths of the guest ABIs, narrowest first.
  public var guestWidths: [Int] {
    Array(Set(guestABIs.map(\.width))).sorted()
  }
}
