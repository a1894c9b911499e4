/// One sub-op of a multiplexed hypercall, as one release defines it.
public struct SubOp: Hashable, Sendable, Codable {
  /// Name as the spec calls it; usually the C name (`XENMEM_increase_reservation`).
  public var name: String
  /// Identity across releases: stays the same through renames (`XENMEM_add_to_physmap_range`
  /// became `XENMEM_add_to_physmap_batch`), differs when a number or name is reused.
  public var lineage: String
  public var number: UInt64
  /// The C macro name; equals `name` unless the spec says otherwise.
  public var cName: String
  /// Inside `#if defined(__XEN__) || defined(__XEN_TOOLS__)`: only the toolstack calls it.
  public var toolsOnly: Bool
  /// Another preprocessor guard the definition sits under (`__XEN_INTERFACE_VERSION__ >= ...`).
  public var guardCondition: String?
  /// Earlier names of this op, oldest first.
  public var formerNames: [String]
  /// `nil` when the op is not continuable in this release.
  public var continuation: ContinuationEncoding?
  /// Where the fact was read (tag or commit).
  public var source: String?
  public var location: SourceLocation

  public init(
    name: String, number: UInt64, lineage: String? = nil, cName: String? = nil,
    toolsOnly: Bool = false, guardCondition: String? = nil, formerNames: [String] = [],
    continuation: ContinuationEncoding? = nil, source: String? = nil,
    location: SourceLocation = .unknown
  ) {
    self.name = name
    self.lineage = lineage ?? name
    self.number = number
    self.cName = cName ?? name
    self.toolsOnly = toolsOnly
    self.guardCondition = guardCondition
    self.formerNames = formerNames
    self.continuation = continuation
    self.source = source
    self.location = location
  }

  /// How progress sits in the op register for this op in this release.
  public var opRegisterLayout: OpRegisterLayout {
    continuation?.opRegisterLayout ?? .none
  }
}
