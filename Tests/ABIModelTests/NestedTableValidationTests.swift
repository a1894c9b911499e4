import ABIModel
import Foundation
import Testing

/// Each rule a nested table owes, with a good and a broken input naming the problem.
@Suite struct NestedTableValidationTests {
  func errors(_ model: ABIModel) -> [String] {
    model.validate().filter { $0.severity == .error }.map(\.message)
  }

  static let word = ArgumentSlot(index: 1, name: "op", type: .guestField8)

  static func accessOp(
    selectedBy parent: String? = "XENMEM_set_pod_target", structure: String? = "xen_mem_access_op",
    word: ArgumentSlot = word, name: String = "access_op", ops: [SubOp]? = nil
  ) -> NestedTable {
    NestedTable(
      name: name, selectedBy: parent, structure: structure,
      table: Multiplex(
        opArgument: word, opMask: .wholeRegister, unusedBits: .rejected,
        subOps: ops ?? [SubOp(name: "XENMEM_access_op_set_access", number: 0)]))
  }

  func single(_ nested: [NestedTable]) -> ABIModel {
    let main = Fixtures.memoryOp(maskBits: 6, extraOps: [SubOp(name: "XENMEM_set_pod_target", number: 16)])
    return Fixtures.model([
      Fixtures.release("4.6", [Hypercall(name: "memory_op", number: 12, multiplex: main, nestedTables: nested)])
    ])
  }

  @Test func aWellFormedNestedTableIsValid() {
    #expect(errors(single([Self.accessOp()])) == [])
    // A table every call decodes names no parent op; its word is then a register.
    let always = Self.accessOp(
      selectedBy: nil, structure: nil, word: ArgumentSlot(index: 1, name: "type", type: .unsignedInt))
    #expect(errors(single([always])) == [])
  }

  @Test func aParentOpTheMainTableDoesNotHave() {
    #expect(
      errors(single([Self.accessOp(selectedBy: "XENMEM_access_op")])) == [
        "4.6: memory_op: nested table 'access_op' is selected by 'XENMEM_access_op', which the release's memory_op table does not have (known: XENMEM_increase_reservation, XENMEM_decrease_reservation, XENMEM_maximum_ram_page, XENMEM_set_pod_target)"
      ])
  }

  @Test func aWordBeyondTheHypercallsArguments() {
    let far = ArgumentSlot(index: 5, name: "op", type: .guestField8)
    #expect(
      errors(single([Self.accessOp(word: far)])) == [
        "4.6: memory_op: nested table 'access_op': its word 'xen_mem_access_op.op' is reached through argument 5, but a hypercall has arguments 0 to 4"
      ])
  }

  @Test func aWordInTheMainTablesRegister() {
    let same = ArgumentSlot(index: 0, name: "op", type: .guestField8)
    #expect(
      errors(single([Self.accessOp(word: same)])) == [
        "4.6: memory_op: nested table 'access_op': its word is reached through argument 0 ('cmd'), which holds the op of memory_op's main table"
      ])
  }

  /// domctl's `xen_domctl.cmd` is a field of the structure argument 0 points to, and the
  /// `shadow_op` table's word another field of it: argument 0 is a pointer, not the op.
  @Test func aFieldInTheStructureOfAMainTableInAField() {
    let main = Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32), opMask: .wholeRegister,
      unusedBits: .rejected, subOps: [SubOp(name: "XENMEM_set_pod_target", number: 16)])
    let nested = Self.accessOp(word: ArgumentSlot(index: 0, name: "op", type: .guestField32))
    let model = Fixtures.model([
      Fixtures.release("4.6", [Hypercall(name: "memory_op", number: 12, multiplex: main, nestedTables: [nested])])
    ])
    #expect(errors(model) == [])
  }

  @Test func aFieldWithoutItsStructureAndARegisterInsideOne() {
    #expect(
      errors(single([Self.accessOp(structure: nil)])) == [
        "4.6: memory_op: nested table 'access_op': its word 'op' is a uint8_t field, so it needs the structure it is a field of"
      ])
    let register = ArgumentSlot(index: 1, name: "op", type: .unsignedLong)
    #expect(
      errors(single([Self.accessOp(word: register)])) == [
        "4.6: memory_op: nested table 'access_op': its word 'xen_mem_access_op.op' is a field of 'xen_mem_access_op', so its type must be a field type (uint8_t, uint16_t, uint32_t or uint64_t field), not 'unsigned long'"
      ])
  }

  @Test func twoNestedTablesOfOneName() {
    #expect(
      errors(single([Self.accessOp(), Self.accessOp()])) == [
        "4.6: memory_op: nested table 'access_op' is declared 2 times"
      ])
  }

  @Test func everythingAMainTableOwesIsAskedOfANestedOne() {
    let ops = [
      SubOp(name: "XENMEM_access_op_set_access", number: 0), SubOp(name: "XENMEM_access_op_get_access", number: 0),
      SubOp(name: "XENMEM_access_op_huge", number: 256),
    ]
    #expect(
      errors(single([Self.accessOp(ops: ops)])) == [
        "4.6: memory_op.access_op: sub-op number 0 is used by both 'XENMEM_access_op_set_access' and 'XENMEM_access_op_get_access'",
        "4.6: memory_op.access_op: sub-op 'XENMEM_access_op_huge' = 256 does not fit the 8-bit 'op' register",
      ])
  }

  @Test func aNestedOpSharingAMacroWithAnotherValueClashes() {
    let clash = [SubOp(name: "XENMEM_set_pod_target", number: 3)]
    #expect(
      errors(single([Self.accessOp(ops: clash)])) == [
        "4.6: memory_op: C name 'XENMEM_set_pod_target' = 3 clashes with 'XENMEM_set_pod_target' = 16 of memory_op"
      ])
  }

  @Test func theInterchangeFormatOmitsNoNestedTablesAndReadsThemBack() throws {
    let plain = single([])
    let nested = single([Self.accessOp()])
    let plainJSON = try String(decoding: SpecJSON.encode(plain), as: UTF8.self)
    #expect(!plainJSON.contains("nestedTables"))
    let data = try SpecJSON.encode(nested)
    #expect(String(decoding: data, as: UTF8.self).contains("\"nestedTables\""))
    #expect(try SpecJSON.decode(data, file: "nested.json") == nested)
  }
}
