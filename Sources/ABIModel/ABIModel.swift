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
    releases.first { $0.name == name }
  }

  public func releaseIndex(named name: String) -> Int? {
    releases.firstIndex { $0.name == name }
  }

  /// Distinct register widths of the guest ABIs, narrowest first.
  public var guestWidths: [Int] {
    Array(Set(guestABIs.map(\.width))).sorted()
  }
}
