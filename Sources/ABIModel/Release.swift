/// One release of the ABI family, fully resolved: every hypercall it defines, as it defines it.
public struct Release: Hashable, Sendable, Codable {
  public enum Status: String, Hashable, Sendable, Codable {
    /// Shipped: its ABI is frozen forever.
    case released
    /// In development (`master`): may still change.
    case development
  }

  /// `4.19`, `4.19.3`, `master`.
  public var name: String
  /// For a point release, the release its line starts with (`4.19` for `4.19.3`): it is that
  /// release plus the backports of the point releases before it. `nil` for a release of the
  /// development history, which starts a line of its own.
  public var line: String?
  public var status: Status
  /// The tag or commit the facts of this release were read at.
  public var source: String?
  /// Ordered by number.
  public var hypercalls: [Hypercall]
  /// The interface version its public headers implement; `nil` before headers had one.
  public var interfaceVersion: InterfaceVersion?
  /// Header macros defined as other macros of the release (compatibility names).
  public var aliases: [MacroAlias]
  public var location: SourceLocation

  public init(
    name: String, status: Status = .released, source: String? = nil,
    hypercalls: [Hypercall] = [], interfaceVersion: InterfaceVersion? = nil, aliases: [MacroAlias] = [],
    line: String? = nil, location: SourceLocation = .unknown
  ) {
    self.line = line
    self.name = name
    self.status = status
    self.source = source
    self.hypercalls = hypercalls
    self.interfaceVersion = interfaceVersion
    self.aliases = aliases
    self.location = location
  }

  /// The line the release belongs to: its own name for a release of the development history.
  public var lineName: String { line ?? name }

  public func hypercall(named name: String) -> Hypercall? {
    hypercalls.first { $0.name == name }
  }

  public func hypercall(lineage: String) -> Hypercall? {
    hypercalls.first { $0.lineage == lineage }
  }

  /// Where the release writes preempted calls back into guest memory (`multicall_entry`); one
  /// hypercall at most has one (validation).
  public var writeBack: WriteBack? {
    hypercalls.first { $0.writeBack != nil }?.writeBack
  }
}
