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
  /// How the op continues in this release, at most one encoding per architecture (validation):
  /// empty when it is not continuable, one encoding naming no architecture when it continues
  /// the same way everywhere (`ContinuationEncoding.architectures`).
  public var continuations: [ContinuationEncoding]
  /// Where the fact was read (tag or commit).
  public var source: String?
  public var location: SourceLocation

  public init(
    name: String, number: UInt64, lineage: String? = nil, cName: String? = nil,
    toolsOnly: Bool = false, hypervisorInternal: Bool = false, guardCondition: String? = nil,
    formerNames: [String] = [],
    continuation: ContinuationEncoding? = nil, continuations: [ContinuationEncoding] = [], source: String? = nil,
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
    self.continuations = (continuation.map { [$0] } ?? []) + continuations
    self.source = source
    self.location = location
  }

  /// The encoding on `architecture`, if the op continues there.
  public func continuation(on architecture: String) -> ContinuationEncoding? {
    continuations.first { $0.applies(on: architecture) }?.unrestricted
  }

  /// The encoding every architecture shares: the op's one encoding when it names no
  /// architecture, `nil` when it has none or continues per architecture. In one architecture's
  /// view of a model (`ABIModel.viewed(on:)`) this is that architecture's encoding, which is how
  /// the decoder, the checker and the emitters read it.
  public var continuation: ContinuationEncoding? {
    get { continuations.count == 1 && continuations[0].architectures.isEmpty ? continuations[0] : nil }
    set { continuations = newValue.map { [$0] } ?? [] }
  }

  /// Whether some architecture's encoding differs from another's (or one continues where another
  /// does not).
  public var continuesPerArchitecture: Bool {
    continuations.contains { !$0.architectures.isEmpty }
  }

  /// How progress sits in the op register for this op in this release (in an architecture's
  /// view; per architecture, `continuation(on:)`).
  public var opRegisterLayout: OpRegisterLayout {
    continuation?.opRegisterLayout ?? .none
  }

  /// The op as one architecture sees it: only the encoding that applies there, for every
  /// architecture.
  public func viewed(on architecture: String) -> SubOp {
    var copy = self
    copy.continuations = continuation(on: architecture).map { [$0] } ?? []
    return copy
  }
}

extension SubOp {
  private enum CodingKeys: String, CodingKey {
    case name, lineage, number, cName, toolsOnly, hypervisorInternal, guardCondition, formerNames, continuation
    case continuations, source, location
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
    // One encoding for every architecture is `continuation`, as before architectures; per
    // architecture they are `continuations`.
    let single = try container.decodeIfPresent(ContinuationEncoding.self, forKey: .continuation)
    let several = try container.decodeIfPresent([ContinuationEncoding].self, forKey: .continuations) ?? []
    if single != nil && !several.isEmpty {
      throw DecodingError.dataCorruptedError(
        forKey: .continuations, in: container, debugDescription: "give either 'continuation' or 'continuations'")
    }
    continuations = (single.map { [$0] } ?? []) + several
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
    if let continuation {
      try container.encode(continuation, forKey: .continuation)
    } else if !continuations.isEmpty {
      try container.encode(continuations, forKey: .continuations)
    }
    try container.encodeIfPresent(source, forKey: .source)
    try container.encode(location, forKey: .location)
  }
}
