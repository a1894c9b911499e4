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
  public var countFlag: CountFlagEncoding?
  /// For a hypercall that batches others (`multicall`): where it writes a preempted call back.
  public var writeBack: WriteBack?
  public var source: String?
  public var location: SourceLocation

  public init(
    name: String, number: UInt64, lineage: String? = nil, formerNames: [String] = [],
    guestABIs: [String] = [], multiplex: Multiplex? = nil, countFlag: CountFlagEncoding? = nil,
    writeBack: WriteBack? = nil, source: String? = nil, location: SourceLocation = .unknown
  ) {
    self.writeBack = writeBack
    self.name = name
    self.lineage = lineage ?? name
    self.number = number
    self.formerNames = formerNames
    self.guestABIs = guestABIs
    self.multiplex = multiplex
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
