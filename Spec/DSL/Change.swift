import ABIModel

/// One fact a release changes, as the changelog states it. Builders only make these values;
/// the resolver applies them in release order and reports every one it cannot apply.
public struct Change: Sendable {
  public enum Action: Sendable {
    /// A `__HYPERVISOR_*` number appears (optionally only for some guest ABIs).
    case defineHypercall(name: String, number: UInt64, guestABIs: [String])
    /// A sub-op appears.
    case addSubOp(
      name: String, number: UInt64, cName: String?, toolsOnly: Bool, hypervisorInternal: Bool, guardCondition: String?,
      continuation: Continuation?)
    /// A hypercall or sub-op disappears.
    case withdraw(name: String)
    /// Same number, same meaning, new name.
    case rename(from: String, to: String)
    /// The op mask (and the shift that defines it) changes.
    case setOpMask(OpMask)
    /// What the release does with bits above the mask.
    case setUnusedBits(UnusedBitsPolicy)
    /// The version the op's structure must carry (`nil`: the handler checks none from here on).
    case setInterfaceVersion(InterfaceVersionCheck?)
    /// Where the op travels changes: the table of this hypercall from this release on reads it
    /// from another argument or guest structure field than the history's own `argument`
    /// (Xen's hypercall 16 before 3.0.3: `struct evtchn_op.cmd`, where 32 later reads `cmd`).
    case setArgument(ArgumentSlot)
    /// The sub-ops this table defines from here on take their lineages (identities across
    /// releases) in another hypercall's name space: for a table on an older number that shares its
    /// history's name with a later, different hypercall (16 `event_channel_op` before 3.0.3, later
    /// `event_channel_op_compat`), so that the later table's ops keep identities of their own.
    case setOpLineage(String)
    /// How a sub-op continues changes (`nil`: it stops being continuable), on the architectures
    /// named (every architecture when none is): the op keeps what it had on the others.
    case setContinuation(subOp: String, Continuation?, architectures: [String])
    /// The tools-only guard is added or removed.
    case setToolsOnly(subOp: String, Bool)
    /// Another preprocessor guard is added, changed or removed.
    case setGuard(subOp: String, String?)
    /// Changes to a nested sub-op table (`XENMEM_access_op` -> `xen_mem_access_op.op`); its
    /// parent op and word are stated where it appears and carried forward after.
    case nested(NestedChange)
    /// A nested table disappears (its values become -ENOSYS).
    case withdrawNested(name: String)
  }

  public var action: Action
  /// The tag or commit the fact was read at; `nil` takes the enclosing `In`'s source.
  public var source: String?
  public var location: SourceLocation

  public init(_ action: Action, source: String?, location: SourceLocation) {
    self.action = action
    self.source = source
    self.location = location
  }
}

/// One release's changes to a nested table, with what it is where it first appears.
public struct NestedChange: Sendable {
  public var name: String
  /// The parent op; `nil` for a table decoded on every call, or to keep the earlier release's.
  public var selectedBy: String?
  /// The parent op is stated as none: the table is decoded on every call.
  public var alwaysDecoded: Bool
  public var structure: String?
  /// The word; `nil` to keep the earlier release's.
  public var word: ArgumentSlot?
  public var changes: [Change]

  public init(
    name: String, selectedBy: String?, alwaysDecoded: Bool, structure: String?, word: ArgumentSlot?,
    changes: [Change]
  ) {
    self.name = name
    self.selectedBy = selectedBy
    self.alwaysDecoded = alwaysDecoded
    self.structure = structure
    self.word = word
    self.changes = changes
  }
}

/// How a sub-op continues, as the spec states it: the shift of a shifted continuation follows
/// the op mask unless fixed, so one `OpMask` change moves every shifted op with it, as
/// `MEMOP_EXTENT_SHIFT` did in Xen 3.4.
public struct Continuation: Hashable, Sendable {
  public enum Shift: Hashable, Sendable {
    case followsMask
    case fixed(Int)
  }

  public enum Bound: Hashable, Sendable {
    /// The maximum of a C type shifted right by the progress shift (`UINT_MAX >> SHIFT`);
    /// for raw progress, unshifted.
    case typeMaximum(ArgumentType)
    case constant(UInt64)
    /// No bound stated: what the register holds.
    case registerCapacity
  }

  public var kinds: [ContinuationKind]
  public var shift: Shift
  public var bound: Bound?
  /// What the hypervisor calls the progress (`start_extent`), for reports.
  public var progressName: String?
  /// For `rewritesOp(to:)`: the continuation-only op.
  public var rewritesTo: String?
  /// For `switchesHypercall(to:)`: the hypercall the call is re-issued as.
  public var switchesTo: String?

  public init(
    kinds: [ContinuationKind], shift: Shift = .followsMask, bound: Bound? = nil, progressName: String? = nil,
    rewritesTo: String? = nil, switchesTo: String? = nil
  ) {
    self.kinds = kinds
    self.shift = shift
    self.bound = bound
    self.progressName = progressName
    self.rewritesTo = rewritesTo
    self.switchesTo = switchesTo
  }

  /// The call is re-issued as another hypercall of the release (`XEN_DOMCTL_shadow_op` as
  /// `arch_1`).
  public static func switchesHypercall(to hypercall: String) -> Continuation {
    Continuation(kinds: [.hypercallRewrite], switchesTo: hypercall)
  }

  /// The op register is rewritten to a continuation-only op of the same table
  /// (`EVTCHNOP_reset` continues as `EVTCHNOP_reset_cont`).
  public static func rewritesOp(to op: String) -> Continuation {
    Continuation(kinds: [.opRewrite], rewritesTo: op)
  }

  /// `op | (progress << SHIFT)`, progress up to `bound`.
  public static func shiftedIndex(bound: Bound, shift: Shift = .followsMask, progress: String? = nil)
    -> Continuation
  {
    Continuation(kinds: [.cmdShiftedIndex], shift: shift, bound: bound, progressName: progress)
  }

  /// `op | progress`, progress a multiple of the mask's step, up to `bound`.
  public static func rawIndexAligned(bound: Bound = .registerCapacity, progress: String? = nil) -> Continuation {
    Continuation(kinds: [.cmdRawIndexAligned], bound: bound, progressName: progress)
  }

  public static let guestStruct = Continuation(kinds: [.guestStruct])
  public static let handleAndCount = Continuation(kinds: [.handleAndCount])
  public static let reexecuteUnchanged = Continuation(kinds: [.reexecuteUnchanged])

  /// Several mechanisms at once (`GNTTABOP_cache_flush`: raw `cur_ref` plus handle and count).
  public static func combining(_ parts: Continuation...) -> Continuation {
    Continuation(
      kinds: parts.flatMap(\.kinds), shift: parts.first { $0.kinds.contains(.cmdShiftedIndex) }?.shift ?? .followsMask,
      bound: parts.compactMap(\.bound).first, progressName: parts.compactMap(\.progressName).first,
      rewritesTo: parts.compactMap(\.rewritesTo).first, switchesTo: parts.compactMap(\.switchesTo).first)
  }
}
