import ABIModel

/// One named property the checker asks Z3 to prove, about one release (or one ordered pair of
/// releases), one guest width and one hypercall.
public struct ProofObligation: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// Every sub-op number fits the op mask (or the register, with no mask).
    case opFitsMask = "op-fits-mask"
    /// No two sub-ops share a number.
    case numbersUnique = "numbers-unique"
    /// Progress kept in the op register stays clear of the op field and inside the register.
    case fieldsDisjoint = "fields-disjoint"
    /// Decoding the encoding of (op, progress) gives back op and progress, for every progress
    /// within the declared bound.
    case roundTrip = "round-trip"
    /// No value is live for two different sub-ops.
    case liveValuesDistinct = "live-values-distinct"
    /// A resumed count round-trips through the flag bit.
    case countFlagRoundTrip = "count-flag-round-trip"
    /// Every live op-register value of the older release means the same in the newer one.
    case migration
    /// A continuation the older release creates stays within the newer release's bound for
    /// that op, so the newer release resumes it rather than refusing the request.
    case progressBound = "progress-bound"
    /// Every live count value of the older release means the same in the newer one.
    case countFlagMigration = "count-flag-migration"
    /// Every `__HYPERVISOR_*` number of the older release names the same hypercall in the newer.
    case hypercallNumbers = "hypercall-numbers"
    /// Every hypercall number the older release's continuations re-issue calls as
    /// (`hypercall_rewrite`) reaches the same hypercall in the newer one, which re-issues the
    /// same ops' continuations there.
    case continuationTargets = "continuation-targets"
    /// Every live op-register value a batching hypercall (`multicall`) writes back into guest
    /// memory means the same read from there as from the register: in the release itself, and
    /// in a newer one whose structure is laid out otherwise.
    case writeBack = "write-back"

    public var isMigration: Bool {
      self == .migration || self == .progressBound || self == .countFlagMigration || self == .hypercallNumbers
        || self == .continuationTargets || self == .writeBack
    }
  }

  public var kind: Kind
  /// The older release of a migration, `nil` for a property of one release.
  public var older: String?
  /// The release (or the newer release of a migration).
  public var release: String
  /// Guest register width; for `hypercallNumbers`, the width of `guestABI`.
  public var guestWidth: Int
  /// The guest ABI named in reports (the first declared of that width, or the ABI itself for
  /// the hypercall table, which can differ per ABI).
  public var guestABI: String
  /// The hypercall; `nil` for the hypercall table.
  public var hypercall: String?

  public var description: String {
    let releases = older.map { "\($0) -> \(release)" } ?? release
    let subject = hypercall.map { "\($0) " } ?? ""
    return "\(kind.rawValue) \(subject)\(releases) (\(guestABI))"
  }

  /// A file-name-safe id, for `--dump-smt`.
  public var fileName: String {
    String(description.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
  }
}
