import ABIModel
import Testing

/// Words that do not exist or whose fields overlap: one diagnostic each, on the line that states
/// the word, the flag or the continuation.
@Suite struct WordLayoutValidationTests {
  static let maskLine = SourceLocation(file: "Spec/Xen/MemoryOp.swift", line: 30)
  static let flagLine = SourceLocation(file: "Spec/Xen/MMUUpdate.swift", line: 40)

  func errors(_ hypercall: Hypercall) -> [String] {
    Fixtures.model([Fixtures.release("4.5", [hypercall])]).validate().filter { $0.severity == .error }.map {
      "\($0.location): \($0.message)"
    }
  }

  func memoryOp(argument: Int = 0, shift: Int = 6) -> Hypercall {
    var multiplex = Fixtures.memoryOp(maskBits: 6)
    multiplex.opArgument = ArgumentSlot(index: argument, name: "cmd", type: .unsignedLong)
    multiplex.location = Self.maskLine
    multiplex.subOps[0].continuation = Fixtures.shifted(shift)
    multiplex.subOps[0].continuation?.location = SourceLocation(file: "Spec/Xen/MemoryOp.swift", line: 31)
    return Hypercall(name: "memory_op", number: 12, multiplex: multiplex)
  }

  @Test func aGoodWordHasNoDiagnostic() {
    #expect(errors(memoryOp()) == [])
  }

  /// The name rules' own check (ABIModel+NameRules), here with the line it reports.
  @Test func anOpPastTheArgumentRegisters() {
    #expect(errors(memoryOp(argument: 5)) == [])
    #expect(
      errors(memoryOp(argument: 6)) == [
        "Spec/Xen/MemoryOp.swift:30: 4.5: hypercall 'memory_op': the argument 'cmd' has index 6; a hypercall has arguments 0 to 5"
      ])
  }

  @Test func progressShiftOverlappingTheOpMask() {
    #expect(
      errors(memoryOp(shift: 4)) == [
        "Spec/Xen/MemoryOp.swift:31: 4.5: memory_op: XENMEM_increase_reservation: the progress shift 4 is smaller than the 6-bit op mask, so progress overlaps the op field"
      ])
  }

  @Test func aCountFlagInsideTheOpField() {
    func flagged(bit: Int) -> Hypercall {
      var hypercall = memoryOp()
      hypercall.countFlag = CountFlagEncoding(
        argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong), flagBit: bit, location: Self.flagLine)
      return hypercall
    }
    #expect(errors(flagged(bit: 31)) == [])
    #expect(
      errors(flagged(bit: 5)) == [
        "Spec/Xen/MMUUpdate.swift:40: 4.5: memory_op: count flag bit 5 lies inside the op field 0x3f of 'cmd', so a resumed call changes the op"
      ])
  }

  @Test func aRewriteToAnOpOfNoTable() {
    var hypercall = memoryOp()
    hypercall.multiplex!.subOps[2].continuation = ContinuationEncoding(
      kinds: [.opRewrite], rewritesTo: "XENMEM_nonesuch",
      location: SourceLocation(file: "Spec/Xen/MemoryOp.swift", line: 33))
    #expect(
      errors(hypercall) == [
        "Spec/Xen/MemoryOp.swift:33: 4.5: memory_op: XENMEM_maximum_ram_page: continues by rewriting the op to 'XENMEM_nonesuch', which is not another op of the release's table"
      ])
  }

  @Test func aNestedWordInAStructureNobodyNamed() {
    var hypercall = memoryOp()
    hypercall.nestedTables = [
      NestedTable(
        name: "access_op", selectedBy: "XENMEM_maximum_ram_page",
        table: Multiplex(
          opArgument: ArgumentSlot(index: 1, name: "op", type: .guestField8), opMask: .wholeRegister,
          unusedBits: .ignored, subOps: [SubOp(name: "XENMEM_access_op_resume", number: 0)]),
        location: SourceLocation(file: "Spec/Xen/MemoryOp.swift", line: 50))
    ]
    #expect(
      errors(hypercall) == [
        "Spec/Xen/MemoryOp.swift:50: 4.5: memory_op: nested table 'access_op': its word 'op' is a uint8_t field, so it needs the structure it is a field of"
      ])
  }
}

/// An interface version check states its macro, its field and the value of the release, on a
/// table whose op travels in a structure; a sub-op's interface guard compares with a number.
@Suite struct InterfaceVersionValidationTests {
  static let line = SourceLocation(file: "Spec/Xen/Domctl.swift", line: 41)

  func errors(_ check: InterfaceVersionCheck?, type: ArgumentType = .guestField32, guardCondition: String? = nil)
    -> [String]
  {
    let hypercall = Hypercall(
      name: "domctl", number: 36,
      multiplex: Multiplex(
        opArgument: ArgumentSlot(index: 0, name: "cmd", type: type), opMask: .wholeRegister, unusedBits: .ignored,
        subOps: [
          SubOp(
            name: "XEN_DOMCTL_createdomain", number: 1, guardCondition: guardCondition,
            location: SourceLocation(file: "Spec/Xen/Domctl.swift", line: 42))
        ],
        interfaceVersion: check))
    return Fixtures.model([Fixtures.release("4.15", [hypercall])]).validate().filter { $0.severity == .error }.map {
      "\($0.location): \($0.message)"
    }
  }

  func check(_ value: UInt64?, constant: String = "XEN_DOMCTL_INTERFACE_VERSION", field: String = "interface_version")
    -> InterfaceVersionCheck
  {
    InterfaceVersionCheck(field: field, constant: constant, value: value, location: Self.line)
  }

  @Test func aGoodCheckHasNoDiagnostic() {
    #expect(errors(check(0x13)) == [])
    #expect(errors(nil) == [])
  }

  @Test func aCheckThatNamesNoVersion() {
    #expect(
      errors(check(nil)) == [
        "Spec/Xen/Domctl.swift:41: 4.15: domctl: the interface version check 'XEN_DOMCTL_INTERFACE_VERSION' names no version: state the value the release's handler requires (or no check)"
      ])
  }

  @Test func aVersionWiderThanItsField() {
    #expect(
      errors(check(0x1_0000_0000)) == [
        "Spec/Xen/Domctl.swift:41: 4.15: domctl: the interface version check 'XEN_DOMCTL_INTERFACE_VERSION': the version 4294967296 does not fit the 32-bit field 'interface_version'"
      ])
  }

  @Test func aCheckOnAnOpInARegister() {
    #expect(
      errors(check(0x13), type: .unsignedInt) == [
        "Spec/Xen/Domctl.swift:41: 4.15: domctl: the interface version check 'XEN_DOMCTL_INTERFACE_VERSION': the op travels in the register 'cmd' (unsigned int), so there is no structure to carry 'interface_version'"
      ])
  }

  @Test func hostileNamesAreRefused() {
    let found = errors(check(0x13, constant: "X; int y", field: "a\nb"))
    #expect(found.count == 2)
    #expect(found.allSatisfy { $0.hasPrefix("Spec/Xen/Domctl.swift:41: 4.15: domctl: the interface version check") })
  }

  @Test func aSubOpGuardThatNamesNoVersion() {
    #expect(errors(check(0x13), guardCondition: "__XEN_INTERFACE_VERSION__ >= 0x00040600") == [])
    #expect(errors(check(0x13), guardCondition: "__XEN_INTERFACE_VERSION__ < __XEN_LATEST_INTERFACE_VERSION__") == [])
    #expect(
      errors(check(0x13), guardCondition: "__XEN_INTERFACE_VERSION__ >= XEN_NEW_ENOUGH") == [
        "Spec/Xen/Domctl.swift:42: 4.15: hypercall 'domctl': sub-op 'XEN_DOMCTL_createdomain': the guard '__XEN_INTERFACE_VERSION__ >= XEN_NEW_ENOUGH' is an interface guard that names no version: it compares __XEN_INTERFACE_VERSION__ with 'XEN_NEW_ENOUGH', not with a number"
      ])
  }
}
