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
  /// Inside `#ifdef __XEN__`: no guest or toolstack issues it; only the hypervisor writes it, as
  /// the continuation of another op (`EVTCHNOP_reset_cont`). Its values are never fresh calls.
  public var hypervisorInternal: Bool
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
    toolsOnly: Bool = false, hypervisorInternal: Bool = false, guardCondition: String? = nil,
    formerNames: [String] = [],
    continuation: ContinuationEncoding? = nil, source: String? = nil,
    location: SourceLocation = .unknown
  ) {
    self.name = name
    self.lineage = lineage ?? name
    self.number = number
    self.cName = cName ?? name
    self.toolsOnly = toolsOnly
    self.hypervisorInternal = hypervisorInternal
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

extension SubOp {
  private enum CodingKeys: String, CodingKey {
    case name, lineage, number, cName, toolsOnly, hypervisorInternal, guardCondition, formerNames, continuation
    case source, location
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    lineage = try container.decode(String.self, forKey: .lineage)
    number = try container.decode(UInt64.self, forKey: .number)
    cName = try container.decode(String.self, forKey: .cName)
    toolsOnly = try container.decode(Bool.self, forKey: .toolsOnly)
    // Absent in specs written before the model knew hypervisor-internal ops.
    hypervisorInternal = try container.decodeIfPresent(Bool.self, forKey: .hypervisorInternal) ?? false
    guardCondition = try container.decodeIfPresent(String.self, forKey: .guardCondition)
    formerNames = try container.decode([String].self, forKey: .formerNames)
    continuation = try container.decodeIfPresent(ContinuationEncoding.self, forKey: .continuation)
    source = try container.decodeIfPresent(String.self, forKey: .source)
    location = try container.decode(SourceLocation.self, forKey: .location)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(lineage, forKey: .lineage)
    try container.encode(number, forKey: .number)
    try container.encode(cName, forKey: .cName)
    try container.encode(toolsOnly, forKey: .toolsOnly)
    if hypervisorInternal { try container.encode(true, forKey: .hypervisorInternal) }
    try container.encodeIfPresent(guardCondition, forKey: .guardCondition)
    try container.encode(formerNames, forKey: .formerNames)
    try container.encodeIfPresent(continuation, forKey: .continuation)
    try container.encodeIfPresent(source, forKey: .source)
    try container.encode(location, forKey: .location)
  }
}
