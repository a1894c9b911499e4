import ABIModel

/// One structural difference between two releases, found by lineage (so a rename is a rename,
/// not a removal and an addition). It says what changed; whether that is compatible is the
/// checker's to say (`DiffReport`).
public struct SpecChange: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case added
    case removed
    case renamed
    case renumbered
    /// A `__HYPERVISOR_*` number now names a different hypercall.
    case reused
    /// The guest ABIs a hypercall is defined for.
    case guestABIs = "guest-abis"
    /// Op mask bits (and with them every shifted continuation that follows the mask).
    case opMask = "op-mask"
    case unusedBits = "unused-bits"
    /// The interface version the handler requires (`XEN_DOMCTL_INTERFACE_VERSION`).
    case interfaceVersion = "interface-version"
    case opArgument = "op-argument"
    /// A hypercall gained or lost its sub-op table.
    case multiplexed
    case continuation
    case toolsOnly = "tools-only"
    /// The C macro name or the preprocessor guard of a sub-op.
    case cDefinition = "c-definition"
    case countFlag = "count-flag"
    /// A break the checker found that no structural change above explains (kept, never dropped).
    case decoding
  }

  /// What the change is about, by lineage.
  public enum Subject: Hashable, Sendable {
    /// A `__HYPERVISOR_*` entry.
    case hypercall(lineage: String)
    /// A number of the hypercall table.
    case hypercallNumber(UInt64)
    /// The decoding of a multiplexed hypercall as a whole (mask, unused bits, argument).
    case decoder(hypercall: String)
    case subOp(hypercall: String, lineage: String)
    case countFlag(hypercall: String)
  }

  public var kind: Kind
  public var subject: Subject
  /// The hypercall as the newer release names it (the older name when it was removed); `nil`
  /// for a number of the table.
  public var hypercall: String?
  /// The change in the spec's words: `op mask MEMOP_CMD_MASK 0xf -> 0x3f (MEMOP_EXTENT_SHIFT 4 -> 6)`.
  public var summary: String
  /// Where the newer fact is stated (the older one for a removal).
  public var location: SourceLocation?
  /// For an op-mask change: the sub-ops (older names) whose shifted continuation moved with it.
  public var carriedSubOps: [String]

  public init(
    kind: Kind, subject: Subject, hypercall: String?, summary: String, location: SourceLocation? = nil,
    carriedSubOps: [String] = []
  ) {
    self.kind = kind
    self.subject = subject
    self.hypercall = hypercall
    self.summary = summary
    self.location = location
    self.carriedSubOps = carriedSubOps
  }

  /// A short name for referring to this change from another one's break.
  public var shortName: String {
    kind == .opMask ? "the op mask change" : summary
  }

  /// The hypercall lineage the change belongs to, if any.
  public var hypercallLineage: String? {
    switch subject {
    case .hypercall(let lineage): return lineage
    case .hypercallNumber: return nil
    case .decoder(let hypercall), .subOp(let hypercall, _), .countFlag(let hypercall): return hypercall
    }
  }
}
