import EmitSwift
import Testing

@Suite struct SwiftNamesTests {
  @Test func cNamesBecomeCamelCase() {
    #expect(SwiftNames.lowerCamelCase("set_trap_table") == "setTrapTable")
    #expect(SwiftNames.lowerCamelCase("arch_0") == "arch0")
    #expect(SwiftNames.lowerCamelCase("MSI_route") == "msiRoute")
    #expect(SwiftNames.lowerCamelCase("0_day") == "op0Day")
    #expect(SwiftNames.typeName("grant_table_op") == "GrantTableOp")
  }

  @Test func theSharedCapitalPrefixIsDropped() {
    #expect(
      SwiftNames.commonPrefix(of: ["XENMEM_increase_reservation", "XENMEM_exchange"]) == "XENMEM_")
    #expect(
      SwiftNames.commonPrefix(of: ["XEN_DMOP_create_ioreq_server", "XEN_DMOP_nr_vcpus"])
        == "XEN_DMOP_")
    // A lone name keeps its words; lower-case words are never a prefix.
    #expect(SwiftNames.commonPrefix(of: ["XENMEM_increase_reservation"]) == "XENMEM_")
    #expect(SwiftNames.commonPrefix(of: ["get_a", "get_b"]) == "")
    #expect(SwiftNames.commonPrefix(of: ["HVMOP_a", "XENMEM_b"]) == "")
    #expect(SwiftNames.commonPrefix(of: ["OP_A", "OP_"]) == "")
  }

  @Test func keywordsAndReservedMembersGetASuffix() {
    #expect(SwiftNames.memberName("default") == "defaultOp")
    #expect(SwiftNames.memberName("none") == "noneOp")
    #expect(SwiftNames.memberName("raw_value", reserved: ["rawValue"]) == "rawValueOp")
    #expect(SwiftNames.memberName("copy") == "copy")
  }

  @Test func aScopeNeverHandsOutANameTwice() {
    var scope = SwiftNames.Scope(reserved: ["String"])
    #expect(scope.claim("setGdt") == "setGdt")
    #expect(scope.claim("setGdt") == "setGdt2")
    #expect(scope.claim("setGdt") == "setGdt3")
    #expect(scope.claim("String") == "String2")
  }
}
