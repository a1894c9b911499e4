/// The Swift dispatch code of a selection, lowered from the model but not yet text: every name
/// is decided and every fact the code needs is a plain value, so the renderer only spells it.
public struct SwiftDispatchModule: Hashable, Sendable {
  /// `XenReleases`: the index of every emitted release namespace.
  public var registryName: String
  public var releases: [ReleaseNamespace]

  public init(registryName: String, releases: [ReleaseNamespace]) {
    self.registryName = registryName
    self.releases = releases
  }
}

/// One release's namespace: `public enum Xen_4_19`.
public struct ReleaseNamespace: Hashable, Sendable {
  /// `Xen_4_19`; also the file name.
  public var typeName: String
  /// `4.19`.
  public var releaseName: String
  public var inDevelopment: Bool
  /// The tag or commit the release's facts were read at.
  public var source: String?
  public var hypercallNumbers: [HypercallNumberConstant]
  /// In hypercall-number order.
  public var multiplexed: [MultiplexedHypercall]
  /// The tables this namespace shares with an older one of the module, by type name: `MemoryOp`
  /// -> `SharedTable(namespace: "Xen_4_20", releaseName: "4.20")` when 4.20 first generated the
  /// very same enum and handler. Such a table is an alias of the older one's types, so a handler
  /// written for it serves every release that kept the table, and the code is compiled once.
  public var sharedTables: [String: SharedTable]

  /// Where a shared table is defined.
  public struct SharedTable: Hashable, Sendable {
    /// `Xen_4_20`.
    public var namespace: String
    /// `4.20`.
    public var releaseName: String

    public init(namespace: String, releaseName: String) {
      self.namespace = namespace
      self.releaseName = releaseName
    }
  }

  public init(
    typeName: String, releaseName: String, inDevelopment: Bool, source: String?,
    hypercallNumbers: [HypercallNumberConstant], multiplexed: [MultiplexedHypercall],
    sharedTables: [String: SharedTable] = [:]
  ) {
    self.typeName = typeName
    self.releaseName = releaseName
    self.inDevelopment = inDevelopment
    self.source = source
    self.hypercallNumbers = hypercallNumbers
    self.multiplexed = multiplexed
    self.sharedTables = sharedTables
  }
}

/// `public static let memoryOp: UInt64 = 12` in the release's `HypercallNumber` namespace.
public struct HypercallNumberConstant: Hashable, Sendable {
  public var memberName: String
  /// `__HYPERVISOR_memory_op`.
  public var cName: String
  public var number: UInt64
  /// The guest ABIs that see it; empty for all.
  public var guestABIs: [String]
  public var formerNames: [String]

  public init(
    memberName: String, cName: String, number: UInt64, guestABIs: [String], formerNames: [String]
  ) {
    self.memberName = memberName
    self.cName = cName
    self.number = number
    self.guestABIs = guestABIs
    self.formerNames = formerNames
  }
}

/// The C type of the argument that carries the op, as the generated runtime spells it.
public enum LoweredArgumentType: String, Hashable, Sendable {
  case unsignedLong, unsignedInt, guestField32, guestField16, guestField8, guestField64, signedInt
}

/// A progress bound, as the generated runtime spells it.
public enum LoweredBound: Hashable, Sendable {
  case typeMaximum(LoweredArgumentType, shiftedRightBy: Int)
  case constant(UInt64)
  case registerCapacity
}

/// Where a sub-op keeps progress in the op argument, as the generated runtime spells it.
public enum LoweredOpRegister: Hashable, Sendable {
  case plain
  case shifted(by: Int, bound: LoweredBound)
  case rawAligned(bound: LoweredBound)
}

/// A multiplexed hypercall of one release: its sub-op enum, layout, handler protocol and
/// dispatcher.
public struct MultiplexedHypercall: Hashable, Sendable {
  /// `MemoryOp`.
  public var typeName: String
  /// `MemoryOpHandler`.
  public var handlerName: String
  /// `memory_op`.
  public var hypercallName: String
  public var number: UInt64
  public var argumentIndex: Int
  /// `cmd`.
  public var argumentName: String
  public var argumentType: LoweredArgumentType
  /// `nil`: the whole argument is the op.
  public var maskBits: Int?
  /// `MEMOP_CMD_MASK`.
  public var maskName: String?
  public var rejectsUnusedBits: Bool
  /// In number order.
  public var subOps: [SubOpCase]
  /// The version the op's structure must carry (`XEN_DOMCTL_INTERFACE_VERSION`), if any.
  public var interfaceVersion: InterfaceVersion?
  /// For a nested table (`memory_op.access_op`): where its word is and which op selects it.
  public var nesting: Nesting?

  /// `interface_version` must be `XEN_DOMCTL_INTERFACE_VERSION` = `value`.
  public struct InterfaceVersion: Hashable, Sendable {
    public var field: String
    public var constant: String
    public var value: UInt64

    public init(field: String, constant: String, value: UInt64) {
      self.field = field
      self.constant = constant
      self.value = value
    }
  }

  /// A nested table's place: `xen_mem_access_op.op` of `XENMEM_access_op` calls.
  public struct Nesting: Hashable, Sendable {
    /// `memory_op`.
    public var hypercall: String
    /// `XENMEM_access_op`; `nil` when every call decodes it.
    public var selectedBy: String?
    /// `xen_mem_access_op`; `nil` when the word is the argument register.
    public var structure: String?

    public init(hypercall: String, selectedBy: String?, structure: String?) {
      self.hypercall = hypercall
      self.selectedBy = selectedBy
      self.structure = structure
    }
  }

  public init(
    typeName: String, handlerName: String, hypercallName: String, number: UInt64,
    argumentIndex: Int,
    argumentName: String, argumentType: LoweredArgumentType, maskBits: Int?, maskName: String?,
    rejectsUnusedBits: Bool, subOps: [SubOpCase], interfaceVersion: InterfaceVersion? = nil,
    nesting: Nesting? = nil
  ) {
    self.interfaceVersion = interfaceVersion
    self.nesting = nesting
    self.typeName = typeName
    self.handlerName = handlerName
    self.hypercallName = hypercallName
    self.number = number
    self.argumentIndex = argumentIndex
    self.argumentName = argumentName
    self.argumentType = argumentType
    self.maskBits = maskBits
    self.maskName = maskName
    self.rejectsUnusedBits = rejectsUnusedBits
    self.subOps = subOps
  }
}

/// One sub-op: an enum case, a handler method and a dispatch arm.
public struct SubOpCase: Hashable, Sendable {
  /// `increaseReservation`.
  public var caseName: String
  /// `XENMEM_increase_reservation`.
  public var cName: String
  public var number: UInt64
  public var toolsOnly: Bool
  /// Continuation kinds as the spec names them (`cmd_shifted_index`), for the documentation.
  public var continuationKinds: [String]
  public var opRegister: LoweredOpRegister
  /// For an op that continues differently on different architectures: its register on each
  /// (`opRegister` is then what they share: plain).
  public var registersByArchitecture: [ArchitectureRegister] = []

  /// One architecture's register of an op.
  public struct ArchitectureRegister: Hashable, Sendable {
    public var architecture: String
    public var register: LoweredOpRegister
  }

  public init(
    caseName: String, cName: String, number: UInt64, toolsOnly: Bool, continuationKinds: [String],
    opRegister: LoweredOpRegister
  ) {
    self.caseName = caseName
    self.cName = cName
    self.number = number
    self.toolsOnly = toolsOnly
    self.continuationKinds = continuationKinds
    self.opRegister = opRegister
  }
}
