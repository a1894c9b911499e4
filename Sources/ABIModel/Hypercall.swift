/// One entry of a release's `__HYPERVISOR_*` table, with its sub-op table when multiplexed.
public struct Hypercall: Hashable, Sendable, Codable {
  /// `memory_op`; the C name is `__HYPERVISOR_memory_op`.
  public var name: String
  /// Identity across releases: the same through renames (`sched_op` became
  /// `sched_op_compat` at 6), different when a number is reused (23 `switch_vm86` -> `iret`).
  public var lineage: String
  public var number: UInt64
  /// Earlier names, oldest first.
  public var formerNames: [String]
  /// The guest ABIs that define this number; empty means all of them.
  public var guestABIs: [String]
  public var multiplex: Multiplex?
  /// Further sub-op tables, each in its own word (`XENMEM_access_op` -> `xen_mem_access_op.op`).
  public var nestedTables: [NestedTable]
  public var countFlag: CountFlagEncoding?
  /// For a hypercall that batches others (`multicall`): where it writes a preempted call back.
  public var writeBack: WriteBack?
  public var source: String?
  public var location: SourceLocation

  public init(
    name: String, number: UInt64, lineage: String? = nil, formerNames: [String] = [],
    guestABIs: [String] = [], multiplex: Multiplex? = nil, nestedTables: [NestedTable] = [],
    countFlag: CountFlagEncoding? = nil, writeBack: WriteBack? = nil, source: String? = nil,
    location: SourceLocation = .unknown
  ) {
    self.writeBack = writeBack
    self.name = name
    self.lineage = lineage ?? name
    self.number = number
    self.formerNames = formerNames
    self.guestABIs = guestABIs
    self.multiplex = multiplex
    self.nestedTables = nestedTables
    self.countFlag = countFlag
    self.source = source
    self.location = location
  }

  /// `__HYPERVISOR_memory_op`.
  public var cName: String { "__HYPERVISOR_\(name)" }

  /// Whether a guest of this ABI sees this entry.
  public func isDefined(for abi: String) -> Bool {
    guestABIs.isEmpty || guestABIs.contains(abi)
  }
}

extension Hypercall {
  private enum CodingKeys: String, CodingKey {
    case name, lineage, number, formerNames, guestABIs, multiplex, nestedTables, countFlag, writeBack, source, location
  }

  /// `nestedTables` is written only when there are some, so a hypercall without them reads and
  /// writes as it did before they existed.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    lineage = try container.decode(String.self, forKey: .lineage)
    number = try container.decode(UInt64.self, forKey: .number)
    formerNames = try container.decode([String].self, forKey: .formerNames)
    guestABIs = try container.decode([String].self, forKey: .guestABIs)
    multiplex = try container.decodeIfPresent(Multiplex.self, forKey: .multiplex)
    nestedTables = try container.decodeIfPresent([NestedTable].self, forKey: .nestedTables) ?? []
    countFlag = try container.decodeIfPresent(CountFlagEncoding.self, forKey: .countFlag)
    writeBack = try container.decodeIfPresent(WriteBack.self, forKey: .writeBack)
    source = try container.decodeIfPresent(String.self, forKey: .source)
    location = try container.decode(SourceLocation.self, forKey: .location)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(lineage, forKey: .lineage)
    try container.encode(number, forKey: .number)
    try container.encode(formerNames, forKey: .formerNames)
    try container.encode(guestABIs, forKey: .guestABIs)
    try container.encodeIfPresent(multiplex, forKey: .multiplex)
    if !nestedTables.isEmpty { try container.encode(nestedTables, forKey: .nestedTables) }
    try container.encodeIfPresent(countFlag, forKey: .countFlag)
    try container.encodeIfPresent(writeBack, forKey: .writeBack)
    try container.encodeIfPresent(source, forKey: .source)
    try container.encode(location, forKey: .location)
  }
}
