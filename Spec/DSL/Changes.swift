import ABIModel

/// `Number("memory_op", 12)`: a `__HYPERVISOR_*` number appears, optionally for some guest
/// ABIs only (`only: ["x86_32"]`).
public struct Number: ChangeComponent {
  public let change: Change
  public init(
    _ name: String, _ number: UInt64, only guestABIs: [String] = [], source: String? = nil,
    file: String = #filePath, line: Int = #line
  ) {
    change = Change(
      .defineHypercall(name: name, number: number, guestABIs: guestABIs), source: source,
      location: SourceLocation(filePath: file, line: line))
  }
}

/// `Op("XENMEM_exchange", 11, continues: .guestStruct)`: a sub-op appears.
public struct Op: ChangeComponent {
  public let change: Change
  public init(
    _ name: String, _ number: UInt64, cName: String? = nil, toolsOnly: Bool = false,
    hypervisorInternal: Bool = false, guardedBy guardCondition: String? = nil,
    continues continuation: Continuation? = nil,
    source: String? = nil, file: String = #filePath, line: Int = #line
  ) {
    change = Change(
      .addSubOp(
        name: name, number: number, cName: cName, toolsOnly: toolsOnly, hypervisorInternal: hypervisorInternal,
        guardCondition: guardCondition, continuation: continuation),
      source: source, location: SourceLocation(filePath: file, line: line))
  }
}

/// A hypercall or sub-op is withdrawn.
public struct Withdrawn: ChangeComponent {
  public let change: Change
  public init(_ name: String, source: String? = nil, file: String = #filePath, line: Int = #line) {
    change = Change(
      .withdraw(name: name), source: source, location: SourceLocation(filePath: file, line: line))
  }
}

/// Same number and meaning under a new name.
public struct Renamed: ChangeComponent {
  public let change: Change
  public init(
    _ old: String, to new: String, source: String? = nil, file: String = #filePath,
    line: Int = #line
  ) {
    change = Change(
      .rename(from: old, to: new), source: source,
      location: SourceLocation(filePath: file, line: line))
  }
}

/// `Mask(bits: 6, name: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT")`: the low `bits`
/// of the op argument select the sub-op.
public struct Mask: ChangeComponent {
  public let change: Change
  public init(
    bits: Int, name: String? = nil, shiftName: String? = nil, spelled spelling: String? = nil,
    source: String? = nil, file: String = #filePath, line: Int = #line
  ) {
    change = Change(
      .setOpMask(OpMask(bits: bits, maskName: name, shiftName: shiftName, spelling: spelling)), source: source,
      location: SourceLocation(filePath: file, line: line))
  }
}

/// No mask: the whole register is the op.
public struct WholeRegisterIsOp: ChangeComponent {
  public let change: Change
  public init(source: String? = nil, file: String = #filePath, line: Int = #line) {
    change = Change(
      .setOpMask(.wholeRegister), source: source, location: SourceLocation(filePath: file, line: line))
  }
}

/// `OpArgument(ArgumentSlot(index: 0, name: "cmd", type: .guestField32))`: from this release on
/// the table reads its op from this argument (or guest structure field) instead of the one its
/// `Multiplexed` history names; for a hypercall whose number kept its history while the op moved.
public struct OpArgument: ChangeComponent {
  public let change: Change
  public init(_ argument: ArgumentSlot, source: String? = nil, file: String = #filePath, line: Int = #line) {
    change = Change(
      .setArgument(argument), source: source, location: SourceLocation(filePath: file, line: line))
  }
}

/// `OpLineage("event_channel_op_compat")`: the sub-ops this table defines from here on are named,
/// for their identity across releases, as ops of that hypercall rather than of the history's own
/// (see `Change.Action.setOpLineage`).
public struct OpLineage: ChangeComponent {
  public let change: Change
  public init(_ hypercall: String, file: String = #filePath, line: Int = #line) {
    change = Change(
      .setOpLineage(hypercall), source: nil, location: SourceLocation(filePath: file, line: line))
  }
}

/// What the release does with bits above the mask on ops that keep no progress there.
public struct UnusedBits: ChangeComponent {
  public let change: Change
  public init(
    _ policy: UnusedBitsPolicy, source: String? = nil, file: String = #filePath, line: Int = #line
  ) {
    change = Change(
      .setUnusedBits(policy), source: source, location: SourceLocation(filePath: file, line: line))
  }
}

/// `RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x13)`: from this release on the
/// handler refuses (-EACCES) a structure whose `field` is not `value`, before it reads the op.
/// A release that changes `value` refuses every call made for an older one. `nil` states a check
/// without its value, which validation reports.
public struct RequiresInterfaceVersion: ChangeComponent {
  public let change: Change
  public init(
    _ constant: String, _ value: UInt64?, field: String = "interface_version", source: String? = nil,
    file: String = #filePath, line: Int = #line
  ) {
    let location = SourceLocation(filePath: file, line: line)
    change = Change(
      .setInterfaceVersion(
        InterfaceVersionCheck(field: field, constant: constant, value: value, source: source, location: location)),
      source: source, location: location)
  }
}

/// How an existing sub-op continues from this release on; `nil` for not at all. With `on:` only on
/// those architectures (`GuestABI.architecture`), the others keeping what they had:
/// `Continues("XENMEM_set_pod_target", .reexecuteUnchanged, on: ["x86"])`, or
/// `Continues("GNTTABOP_cache_flush", nil, on: ["x86"])` for a continuation x86 stops making.
public struct Continues: ChangeComponent {
  public let change: Change
  public init(
    _ subOp: String, _ continuation: Continuation?, on architectures: [String] = [], source: String? = nil,
    file: String = #filePath, line: Int = #line
  ) {
    change = Change(
      .setContinuation(subOp: subOp, continuation, architectures: architectures), source: source,
      location: SourceLocation(filePath: file, line: line))
  }
}

/// The tools-only guard of an existing sub-op is added (`true`) or removed (`false`).
public struct ToolsOnly: ChangeComponent {
  public let change: Change
  public init(
    _ subOp: String, _ toolsOnly: Bool, source: String? = nil, file: String = #filePath,
    line: Int = #line
  ) {
    change = Change(
      .setToolsOnly(subOp: subOp, toolsOnly), source: source,
      location: SourceLocation(filePath: file, line: line))
  }
}

/// Another preprocessor guard of an existing sub-op changes (`nil` removes it).
public struct Guarded: ChangeComponent {
  public let change: Change
  public init(
    _ subOp: String, by condition: String?, source: String? = nil, file: String = #filePath,
    line: Int = #line
  ) {
    change = Change(
      .setGuard(subOp: subOp, condition), source: source,
      location: SourceLocation(filePath: file, line: line))
  }
}

/// A nested sub-op table, in a word of its own, and its changes in this release:
///
/// ```swift
/// Nested("access_op", selectedBy: "XENMEM_access_op", structure: "xen_mem_access_op",
///        word: ArgumentSlot(index: 1, name: "op", type: .guestField8)) {
///   Op("XENMEM_access_op_resume", 0, toolsOnly: true)
/// }
/// ```
///
/// Where the table first appears it needs its word (and its parent op, unless every call decodes
/// it: `selectedBy: nil`); later releases name it alone (`Nested("access_op") { ... }`) and keep
/// what it was, or restate either. The block holds the changes a `Multiplexed` history holds.
public struct Nested: ChangeComponent {
  public let change: Change
  public init(
    _ name: String, selectedBy parent: String? = nil, structure: String? = nil, word: ArgumentSlot? = nil,
    source: String? = nil, file: String = #filePath, line: Int = #line, @ChangeBuilder _ changes: () -> [Change]
  ) {
    change = Change(
      .nested(
        NestedChange(
          name: name, selectedBy: parent, alwaysDecoded: false, structure: structure, word: word, changes: changes())),
      source: source, location: SourceLocation(filePath: file, line: line))
  }

  /// A table every call decodes, whatever the main op (`vm_assist`'s `type` in argument 1).
  public init(
    _ name: String, alwaysIn word: ArgumentSlot, source: String? = nil, file: String = #filePath, line: Int = #line,
    @ChangeBuilder _ changes: () -> [Change]
  ) {
    change = Change(
      .nested(
        NestedChange(name: name, selectedBy: nil, alwaysDecoded: true, structure: nil, word: word, changes: changes())),
      source: source, location: SourceLocation(filePath: file, line: line))
  }
}

/// A nested table is withdrawn, with every op in it.
public struct WithdrawnTable: ChangeComponent {
  public let change: Change
  public init(_ name: String, source: String? = nil, file: String = #filePath, line: Int = #line) {
    change = Change(.withdrawNested(name: name), source: source, location: SourceLocation(filePath: file, line: line))
  }
}
