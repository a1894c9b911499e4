/// The sub-op table of a multiplexed hypercall in one release: which argument carries the op,
/// how it is masked, what happens to the bits above the mask, and the ops themselves.
public struct Multiplex: Hashable, Sendable, Codable {
  public var opArgument: ArgumentSlot
  public var opMask: OpMask
  public var unusedBits: UnusedBitsPolicy
  /// Ordered by number.
  public var subOps: [SubOp]
  /// The version the op's structure must carry for the handler to decode it at all; `nil` when
  /// it carries none.
  public var interfaceVersion: InterfaceVersionCheck?
  /// Where the mask and policy were read (tag or commit).
  public var source: String?
  public var location: SourceLocation

  public init(
    opArgument: ArgumentSlot, opMask: OpMask, unusedBits: UnusedBitsPolicy, subOps: [SubOp],
    interfaceVersion: InterfaceVersionCheck? = nil, source: String? = nil, location: SourceLocation = .unknown
  ) {
    self.interfaceVersion = interfaceVersion
    self.opArgument = opArgument
    self.opMask = opMask
    self.unusedBits = unusedBits
    self.subOps = subOps
    self.source = source
    self.location = location
  }

  public func subOp(named name: String) -> SubOp? {
    subOps.first { $0.name == name }
  }

  public func subOp(number: UInt64) -> SubOp? {
    subOps.first { $0.number == number }
  }

  /// Whether only the toolstack's calls carry `op`'s values: a tools-only op, or a
  /// hypervisor-internal one that only tools-only ops continue as (`XEN_DOMCTL_soft_reset_cont`,
  /// written only for `XEN_DOMCTL_soft_reset`).
  public func callersAreToolsOnly(_ op: SubOp) -> Bool {
    if op.toolsOnly { return true }
    guard op.hypervisorInternal else { return false }
    let writers = subOps.filter { $0.continuations.contains { $0.rewritesTo == op.name } }
    return !writers.isEmpty && writers.allSatisfy(\.toolsOnly)
  }

  public func subOp(lineage: String) -> SubOp? {
    subOps.first { $0.lineage == lineage }
  }
}

/// A count argument whose top bit marks a resumed call (`MMU_UPDATE_PREEMPTED`, bit 31 of
/// `mmu_update`'s and `mmuext_op`'s count): `count = remaining | flag`.
public struct CountFlagEncoding: Hashable, Sendable, Codable {
  public var argument: ArgumentSlot
  /// Bit number of the flag (31 for `MMU_UPDATE_PREEMPTED`).
  public var flagBit: Int
  /// C name of the flag macro.
  public var flagName: String?
  /// The flag macro's value as the hypervisor's source spells it (`(~(~0U>>1))`); `nil` where
  /// the spec does not say.
  public var flagSpelling: String?
  /// The sentinel continuation, where the release has one; `nil` otherwise.
  public var sentinel: CountSentinel?
  public var source: String?
  public var location: SourceLocation

  public init(
    argument: ArgumentSlot, flagBit: Int, flagName: String? = nil, flagSpelling: String? = nil,
    sentinel: CountSentinel? = nil, source: String? = nil, location: SourceLocation = .unknown
  ) {
    self.argument = argument
    self.flagBit = flagBit
    self.flagName = flagName
    self.flagSpelling = flagSpelling
    self.sentinel = sentinel
    self.source = source
    self.location = location
  }

  /// The flag as a value, e.g. `0x80000000`.
  public var flagValue: UInt64 {
    flagBit >= 0 && flagBit < 64 ? UInt64(1) << UInt64(flagBit) : 0
  }
}

/// A continuation that carries no count at all: the count argument holds exactly the flag, the
/// handle arguments are NULL, and another argument carries the return code the resumed call
/// finishes with (Xen's XSA-45 `old_guest_table` cleanup: `(NULL, MMU_UPDATE_PREEMPTED, NULL,
/// rc)`, the rc in `foreigndom`). A release without it reads the same registers as a resumed
/// call with nothing left, and the deferred return code is lost.
public struct CountSentinel: Hashable, Sendable, Codable {
  /// The argument the deferred return code rides in (`foreigndom`, argument 3).
  public var returnCode: ArgumentSlot
  /// The arguments that are NULL in the sentinel (the request and `pdone` handles, 0 and 2); the
  /// release reads the sentinel only when they are.
  public var nullArguments: [Int]
  public var source: String?
  public var location: SourceLocation

  public init(
    returnCode: ArgumentSlot, nullArguments: [Int], source: String? = nil, location: SourceLocation = .unknown
  ) {
    self.returnCode = returnCode
    self.nullArguments = nullArguments
    self.source = source
    self.location = location
  }

  /// `NULL, flag, NULL, rc in foreigndom (argument 3)`, for reports and the lock.
  public var summary: String {
    let nulls = nullArguments.map(String.init).joined(separator: ", ")
    return
      "count = flag only, arguments \(nulls) NULL, return code in '\(returnCode.name)' (argument \(returnCode.index))"
  }
}
