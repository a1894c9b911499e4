/// How much room a release leaves its multiplexed hypercalls to grow: sub-op numbers used
/// against what the op mask (or the whole register) holds, how long the rest lasts at the rate
/// the spec's own history added numbers, and how much progress each continuation can carry in
/// the op register against the bound it declares. It answers "is this mask wide enough for the
/// foreseeable future?" before the mask ships.
public struct HeadroomReport: Hashable, Sendable, Codable {
  public var family: String
  public var release: String
  /// Multiplexed hypercalls of the release, by number.
  public var hypercalls: [HypercallHeadroom]
}

/// One multiplexed hypercall's room in one release.
public struct HypercallHeadroom: Hashable, Sendable, Codable {
  public var hypercall: String
  /// The argument carrying the op (`cmd`).
  public var opArgument: String
  /// `0xff`; `nil` when the whole register is the op.
  public var opMask: String?
  public var maskName: String?
  /// Sub-op numbers the release defines.
  public var definedNumbers: Int
  /// The highest of them; `nil` when there are none. New ops take the next number, so the
  /// room left is what lies above it, not the count of numbers undefined (withdrawn numbers
  /// below it stay reserved).
  public var highestNumber: UInt64?
  public var history: NumberHistory
  /// The first released release with this op mask (this hypercall's lineage, the same mask
  /// bits); `nil` when none has shipped it, so the mask can still change at no cost.
  public var maskReleasedIn: String?
  /// Per guest register width, narrowest first.
  public var numbers: [NumberHeadroom]
  /// Per sub-op that keeps progress in the op register, and per guest width.
  public var continuations: [ProgressHeadroom]
}

/// How fast the hypercall took new sub-op numbers, from its first sub-op table to the release.
public struct NumberHistory: Hashable, Sendable, Codable {
  /// The first release with a sub-op table for this hypercall.
  public var firstRelease: String
  /// Releases after the first, up to and including the reported one.
  public var releases: Int
  /// Numbers that appeared in those releases (a number defined in a release and not in the one
  /// before it).
  public var additions: Int
  /// `additions / releases`; `nil` without a release after the first.
  public var perRelease: Double?
}

/// Sub-op numbers left for guests of one register width.
public struct NumberHeadroom: Hashable, Sendable, Codable {
  public var guestWidth: Int
  public var guestABIs: [String]
  /// The op field's width: the mask's bits, or the op argument's width for a whole-register op.
  public var capacityBits: Int
  /// Numbers above the highest defined one (`2^capacityBits - 1 - highest`).
  public var free: UInt64
  /// How many releases `free` lasts at the historical rate, rounded down; `nil` when the
  /// history added no number (or has no release after the first), so there is no rate.
  public var releasesLeft: UInt64?
  /// What that means for the mask.
  public var verdict: RoomVerdict
}

/// Whether an op field's free numbers last, at the historical rate.
public enum RoomVerdict: String, Hashable, Sendable, Codable, CaseIterable {
  /// No number left above the highest one.
  case full
  /// Fewer than `tightReleases` releases left: widen the mask while it can still change.
  case tight
  /// Fewer than `ampleReleases` releases left.
  case adequate
  /// At least `ampleReleases` releases, or no growth to project from.
  case ample

  /// About five years of Xen releases (two a year).
  public static let tightReleases: UInt64 = 10
  /// Fifty years.
  public static let ampleReleases: UInt64 = 100

  public init(free: UInt64, releasesLeft: UInt64?) {
    if free == 0 {
      self = .full
    } else if let releasesLeft, releasesLeft < Self.tightReleases {
      self = .tight
    } else if let releasesLeft, releasesLeft < Self.ampleReleases {
      self = .adequate
    } else {
      self = .ample
    }
  }
}

/// Progress a continuation can carry in the op register for guests of one width, against the
/// largest progress the hypervisor declares it creates.
public struct ProgressHeadroom: Hashable, Sendable, Codable {
  public enum Layout: String, Hashable, Sendable, Codable {
    /// `op | (progress << shift)`.
    case shifted
    /// `op | progress`, progress a multiple of the mask's step.
    case raw
  }

  public var subOp: String
  /// What the hypervisor calls the progress (`start_extent`), when the spec says.
  public var progress: String?
  public var layout: Layout
  /// The shift of a shifted layout.
  public var shift: Int?
  /// The step of raw progress: one more than the op mask (`256` for `0xff`).
  public var step: UInt64?
  public var guestWidth: Int
  public var guestABIs: [String]
  /// Bits of the largest progress value the register holds (`32 - 6 = 26` for a shifted
  /// `start_extent` in a 32-bit `cmd`; the full width for raw progress).
  public var capacityBits: Int
  /// Bits of the declared bound (the capacity when none is stated).
  public var boundBits: Int
  /// The bound in the spec's words (`unsigned int max >> 6`, `register capacity`).
  public var bound: String
  /// `capacityBits - boundBits`: negative when the bound exceeds what the register holds, so
  /// progress would be cut off.
  public var spareBits: Int
}
