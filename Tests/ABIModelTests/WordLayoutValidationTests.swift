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
