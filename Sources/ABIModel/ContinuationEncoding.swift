/// The ways a preempted hypercall keeps its progress until it is re-issued. They all occur in
/// Xen; only the first two put progress into the op register, where a newer release's decoder
/// could read it differently.
public enum ContinuationKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// `op | (progress << shift)`: `XENMEM_increase_reservation` and friends.
  case cmdShiftedIndex = "cmd_shifted_index"
  /// `op | progress`, progress a multiple of `mask + 1`: `HVMOP_op_mask`, `XENMEM_access_op`,
  /// `GNTTABOP_cache_flush`.
  case cmdRawIndexAligned = "cmd_raw_index_aligned"
  /// The plain op is re-issued; progress lives in the guest-memory argument structure.
  case guestStruct = "guest_struct"
  /// The argument handle is advanced and the count decremented in the registers.
  case handleAndCount = "handle_and_count"
  /// The same registers are re-issued (a lock retry, or progress kept inside the hypervisor).
  case reexecuteUnchanged = "reexecute_unchanged"
  /// The top bit of a count argument flags a resumed call (`MMU_UPDATE_PREEMPTED`).
  case countFlag = "count_flag"
  /// The op register is rewritten to a continuation-only op of the same table
  /// (`EVTCHNOP_reset` continues as `EVTCHNOP_reset_cont`).
  case opRewrite = "op_rewrite"
  /// The call is re-issued as another hypercall number (`XEN_DOMCTL_shadow_op`'s log-dirty
  /// continuation as `__HYPERVISOR_arch_1`, 49, which x86 dispatches to the paging continuation).
  case hypercallRewrite = "hypercall_rewrite"

  /// Whether this kind stores progress in the op register itself.
  public var usesOpRegister: Bool {
    self == .cmdShiftedIndex || self == .cmdRawIndexAligned
  }
}

/// The largest progress value a continuation can carry, as the hypervisor bounds it
/// (`nr_extents <= UINT_MAX >> MEMOP_EXTENT_SHIFT`).
public enum ProgressBound: Hashable, Sendable, Codable {
  /// The maximum of a C type shifted right: `UINT_MAX >> 6`, `ULONG_MAX >> 4`.
  case typeMaximum(ArgumentType, shiftedRightBy: Int)
  /// A fixed maximum.
  case constant(UInt64)
  /// No bound stated: everything the register holds above the op field. The conservative
  /// reading where the hypervisor states none.
  case registerCapacity

  /// The bound as C would write it (`UINT_MAX >> 6`), or `nil` when it is not an expression.
  public var cExpression: String? {
    guard case .typeMaximum(let type, let shift) = self else { return nil }
    return shift == 0 ? type.cMaximumName : "\(type.cMaximumName) >> \(shift)"
  }

  /// The bound in reports: `UINT_MAX >> 6`, `0x3ffffff`, `register capacity`.
  public var summary: String {
    switch self {
    case .typeMaximum: return cExpression ?? ""
    case .constant(let value): return hexString(value)
    case .registerCapacity: return "register capacity"
    }
  }

  /// The bound for a guest of the given register width.
  public func maximum(guestWidth: Int) -> UInt64? {
    switch self {
    case .typeMaximum(let type, let shift):
      let bits = type.valueBits(guestWidth: guestWidth)
      return shift >= bits ? 0 : lowBitsMask(bits) >> UInt64(shift)
    case .constant(let value):
      return value
    case .registerCapacity:
      return nil
    }
  }
}

/// How one sub-op (or hypercall) continues after preemption, in one release, on the
/// architectures it names (every architecture when it names none).
public struct ContinuationEncoding: Hashable, Sendable, Codable {
  /// The mechanisms used; an op can combine them (`GNTTABOP_cache_flush` keeps `cur_ref` raw
  /// in `cmd` and advances handle and count).
  public var kinds: [ContinuationKind]
  /// For `cmd_shifted_index`: the shift of the progress field (`MEMOP_EXTENT_SHIFT`).
  public var shift: Int?
  /// For progress kept in the op register: the largest progress value the hypervisor creates.
  public var bound: ProgressBound?
  /// What the hypervisor calls the progress (`start_extent`, `start_iter`, `cur_ref`), for
  /// reports in the spec's words.
  public var progressName: String?
  /// For `op_rewrite`: the op (by name, in the same release's table) the register is rewritten
  /// to.
  public var rewritesTo: String?
  /// For `hypercall_rewrite`: the hypercall (by name, in the same release's table) the call is
  /// re-issued as.
  public var switchesTo: String?
  /// The architectures (`GuestABI.architecture`) whose hypervisor code creates this continuation;
  /// empty for every architecture. On the others the op does not continue this way (Xen's
  /// `XENMEM_set_pod_target` continues in xen/arch/x86/mm.c only).
  public var architectures: [String]
  /// Where the fact was read (tag or commit).
  public var source: String?
  /// Where the spec states it (`Continues(...)`, or the op that declares it); not part of what
  /// the encoding is, so two statements of the same encoding are equal.
  public var location: SourceLocation

  public init(
    kinds: [ContinuationKind], shift: Int? = nil, bound: ProgressBound? = nil,
    progressName: String? = nil, rewritesTo: String? = nil, switchesTo: String? = nil,
    architectures: [String] = [], source: String? = nil, location: SourceLocation = .unknown
  ) {
    self.kinds = kinds
    self.architectures = architectures
    self.location = location
    self.rewritesTo = rewritesTo
    self.switchesTo = switchesTo
    self.shift = shift
    self.bound = bound
    self.progressName = progressName
    self.source = source
  }

  /// The encoding in reports: `cmd_shifted_index << 6, progress <= UINT_MAX >> 6`.
  public var summary: String {
    var text = kinds.map(\.rawValue).joined(separator: "+")
    if let shift { text += " << \(shift)" }
    if let bound { text += ", progress <= \(bound.summary)" }
    if let rewritesTo { text += " -> \(rewritesTo)" }
    if let switchesTo { text += " -> hypercall \(switchesTo)" }
    if !architectures.isEmpty { text += " (\(architectures.joined(separator: ", ")) only)" }
    return text
  }

  /// Whether the continuation exists on `architecture`.
  public func applies(on architecture: String) -> Bool {
    architectures.isEmpty || architectures.contains(architecture)
  }

  /// The encoding without its architecture limit: what it is on an architecture it applies on.
  public var unrestricted: ContinuationEncoding {
    var copy = self
    copy.architectures = []
    return copy
  }

  public static func == (a: ContinuationEncoding, b: ContinuationEncoding) -> Bool {
    a.kinds == b.kinds && a.shift == b.shift && a.bound == b.bound && a.progressName == b.progressName
      && a.rewritesTo == b.rewritesTo && a.switchesTo == b.switchesTo && a.architectures == b.architectures
      && a.source == b.source
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(kinds)
    hasher.combine(shift)
    hasher.combine(bound)
    hasher.combine(progressName)
    hasher.combine(rewritesTo)
    hasher.combine(switchesTo)
    hasher.combine(architectures)
    hasher.combine(source)
  }

  private enum CodingKeys: String, CodingKey {
    case kinds, shift, bound, progressName, rewritesTo, switchesTo, architectures, source, location
  }

  /// `architectures` is written only when the encoding names some, and `location` only when it
  /// is known, so an encoding for every architecture reads and writes as it did before either
  /// existed.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    kinds = try container.decode([ContinuationKind].self, forKey: .kinds)
    shift = try container.decodeIfPresent(Int.self, forKey: .shift)
    bound = try container.decodeIfPresent(ProgressBound.self, forKey: .bound)
    progressName = try container.decodeIfPresent(String.self, forKey: .progressName)
    rewritesTo = try container.decodeIfPresent(String.self, forKey: .rewritesTo)
    switchesTo = try container.decodeIfPresent(String.self, forKey: .switchesTo)
    architectures = try container.decodeIfPresent([String].self, forKey: .architectures) ?? []
    source = try container.decodeIfPresent(String.self, forKey: .source)
    location = try container.decodeIfPresent(SourceLocation.self, forKey: .location) ?? .unknown
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(kinds, forKey: .kinds)
    try container.encodeIfPresent(shift, forKey: .shift)
    try container.encodeIfPresent(bound, forKey: .bound)
    try container.encodeIfPresent(progressName, forKey: .progressName)
    try container.encodeIfPresent(rewritesTo, forKey: .rewritesTo)
    try container.encodeIfPresent(switchesTo, forKey: .switchesTo)
    if !architectures.isEmpty { try container.encode(architectures, forKey: .architectures) }
    try container.encodeIfPresent(source, forKey: .source)
    if location != .unknown { try container.encode(location, forKey: .location) }
  }

  /// How progress sits in the op register, derived from the kinds.
  public var opRegisterLayout: OpRegisterLayout {
    if kinds.contains(.cmdShiftedIndex) { return .shifted(shift ?? 0) }
    if kinds.contains(.cmdRawIndexAligned) { return .rawAligned }
    return .none
  }
}

/// Where a continuation's progress sits in the op register.
public enum OpRegisterLayout: Hashable, Sendable {
  /// Not at all: the op register is re-issued with the plain op.
  case none
  /// `progress << shift`.
  case shifted(Int)
  /// Unshifted above the mask.
  case rawAligned
}
