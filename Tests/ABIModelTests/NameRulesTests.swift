import ABIModel
import Testing

/// One rule per kind of name (`ABIModel+NameRules.swift`): each hostile value found in the
/// issue is rejected with one diagnostic naming the element, its value escaped and shortened.
@Suite struct NameRulesTests {
  func errors(_ model: ABIModel) -> [String] {
    model.validate().filter { $0.severity == .error }.map(\.message)
  }

  func withOp(_ op: SubOp, release: String = "4.5") -> ABIModel {
    Fixtures.model([
      Fixtures.release(
        release, [Hypercall(name: "memory_op", number: 12, multiplex: Fixtures.memoryOp(maskBits: 6, extraOps: [op]))])
    ])
  }

  @Test(arguments: [
    ("XENMEM_x\n#include </etc/hostname>", "is not a C identifier"),
    ("XENMEM_x */ extern int y; /*", "is not a C identifier"),
    ("int", "is a C or C++ keyword"),
    ("class", "is a C or C++ keyword"),
    ("__x86_64__", "reserves"),
    ("_Xen", "reserves"),
    ("ABIGEN_RELEASE", "abigen's own prefix"),
    ("value", "the generated header's own code uses"),
    ("", "is empty"),
    ("XENMEM_é", "is not a C identifier"),
    (String(repeating: "A", count: 64), "is longer than 63 characters"),
  ])
  func aSubOpNameMustBeACMacroName(name: String, problem: String) {
    let found = errors(withOp(SubOp(name: name, number: 9)))
    #expect(found.count == 1, "\(found)")
    #expect(found.first?.contains(problem) == true, "\(found)")
    // The value is escaped: no message holds a line break or a control character.
    #expect(found.allSatisfy { !$0.unicodeScalars.contains(where: DisplayText.isUnsafe) })
  }

  @Test func aLongValueIsShortenedInTheMessage() {
    let long = String(repeating: "x", count: 10_000_000)
    let found = errors(withOp(SubOp(name: "XENMEM_a" + long, number: 9)))
    #expect(found.count == 1)
    #expect((found.first?.count ?? .max) < 300)
    #expect(found.first?.contains("(10000008 characters)") == true)
  }

  @Test(arguments: [
    "__XEN_INTERFACE_VERSION__ >= 0x0003020a", "defined(__i386__) || defined(__x86_64__)",
    "!defined X && (A == 1 || B != 0x10)",
  ])
  func guardsXenUsesAreAccepted(condition: String) {
    #expect(errors(withOp(SubOp(name: "XENMEM_g", number: 9, guardCondition: condition))) == [])
  }

  @Test(arguments: [
    "1\n#include </etc/hostname>", "1 /* x", "1 // x", "1 \\", "1 ??/", "\"s\"", "1 / 0",
    "0xffffffffffffffff", "A +", "(A", "A)", "defined(", "1\r", "A # B", "",
    String(repeating: "(", count: 40) + "1" + String(repeating: ")", count: 40),
  ])
  func aGuardOutsideTheConditionGrammarIsRejected(condition: String) {
    let found = errors(withOp(SubOp(name: "XENMEM_g", number: 9, guardCondition: condition)))
    #expect(found.count == 1, "\(found)")
    #expect(found.first?.contains("the guard") == true, "\(found)")
  }

  @Test(arguments: ["3.3*/", "4.20\n", "../etc", "4 20", "", "\u{1B}]0;x\u{7}"])
  func releaseNamesArePlainWords(name: String) {
    let found = errors(Fixtures.model([Fixtures.release(name, [])]))
    #expect(found.contains { $0.hasPrefix("release '") }, "\(found)")
  }

  @Test func twoReleasesThatBecomeOneFileAreRejected() {
    let found = errors(Fixtures.model([Fixtures.release("4.20", []), Fixtures.release("4_20", [])]))
    #expect(found == ["releases '4.20' and '4_20' both become the file test_4_20.h"])
    let cased = errors(Fixtures.model([Fixtures.release("rc1", []), Fixtures.release("RC1", [])]))
    #expect(cased == ["releases 'rc1' and 'RC1' both become the file test_RC1.h"])
  }

  @Test func freeTextHasNoControlCharacters() {
    var model = Fixtures.xenShiftWidening
    model.releases[0].source = "3.3.0 */ extern int x; /*"
    #expect(errors(model) == [])
    model.releases[0].source = "3.3.0\nextern int x;"
    #expect(
      errors(model) == [
        "release '3.3': the source '3.3.0\\u{A}extern int x;' holds a control, line-separator or bidirectional character"
      ])
    model.releases[0].source = "\u{202E}3.3"
    #expect(errors(model).count == 1)
  }

  @Test func aLineageNamesOneHypercallPerRelease() {
    // mmu_update given memory_op's lineage would hide memory_op's history from the checker.
    let model = Fixtures.model([
      Fixtures.release(
        "4.5",
        [
          Hypercall(name: "mmu_update", number: 1, lineage: "memory_op"),
          Hypercall(name: "memory_op", number: 12, multiplex: Fixtures.memoryOp(maskBits: 6)),
        ])
    ])
    #expect(
      errors(model) == [
        "4.5: hypercall 'memory_op' has the lineage 'memory_op' of hypercall 'mmu_update'; a lineage names one hypercall per release"
      ])
  }

  @Test func aLineageNamesOneSubOpPerRelease() {
    let found = errors(withOp(SubOp(name: "XENMEM_other", number: 9, lineage: "XENMEM_maximum_ram_page")))
    #expect(
      found == [
        "4.5: hypercall 'memory_op': sub-op 'XENMEM_other' has the lineage 'XENMEM_maximum_ram_page' of sub-op 'XENMEM_maximum_ram_page'; a lineage names one sub-op per release"
      ])
  }

  @Test func anEmptyFlagNameIsRejected() {
    let flag = CountFlagEncoding(
      argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt), flagBit: 31, flagName: "")
    let found = errors(
      Fixtures.model([Fixtures.release("4.5", [Hypercall(name: "mmu_update", number: 1, countFlag: flag)])]))
    #expect(found == ["4.5: hypercall 'mmu_update': the count flag name '' is empty"])
  }

  @Test func aFlagNamedLikeTheHypervisorsMacroIsRejected() {
    let flag = CountFlagEncoding(
      argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt), flagBit: 31,
      flagName: "__HYPERVISOR_mmu_update")
    let found = errors(
      Fixtures.model([Fixtures.release("4.5", [Hypercall(name: "mmu_update", number: 1, countFlag: flag)])]))
    #expect(found.count == 1 && found[0].contains("reserves"), "\(found)")
  }

  @Test func twoHelpersThatMapToOneCNameAreRejected() {
    // abigen_a_b_decode: the sub-op decoder of 'a_b' and the count-flag decoder of 'a''s 'b'.
    let flag = CountFlagEncoding(argument: ArgumentSlot(index: 0, name: "b", type: .unsignedInt), flagBit: 31)
    let model = Fixtures.model([
      Fixtures.release(
        "4.5",
        [
          Hypercall(name: "a", number: 1, countFlag: flag),
          Hypercall(name: "a_b", number: 2, multiplex: Fixtures.memoryOp(maskBits: 6)),
        ])
    ])
    #expect(
      errors(model) == [
        "4.5: the count flag of hypercall 'a' and hypercall 'a_b' both become the C identifier 'abigen_a_b_decode'"
      ])
  }

  @Test func namesThatMapToOneSwiftNameAreRejected() {
    let model = Fixtures.model([
      Fixtures.release(
        "4.5",
        [
          Hypercall(name: "memory_op", number: 12, multiplex: Fixtures.memoryOp(maskBits: 6)),
          Hypercall(name: "memoryOp", number: 13, multiplex: Fixtures.memoryOp(maskBits: 6)),
        ])
    ])
    #expect(
      errors(model) == [
        "4.5: hypercall 'memory_op' and hypercall 'memoryOp' both become the Swift constant HypercallNumber 'memoryOp'"
      ])
    let cases = errors(withOp(SubOp(name: "XENMEM_maximum__ram_page", number: 9)))
    #expect(
      cases == [
        "4.5: hypercall 'memory_op': sub-ops 'XENMEM_maximum_ram_page' and 'XENMEM_maximum__ram_page' both become the Swift case 'maximumRamPage'"
      ])
  }

  @Test(arguments: ["Self", "self", "Type", "protocol", "hypercall_number", "decoded"])
  func aHypercallWhoseSwiftTypeIsReservedIsRejected(name: String) {
    let model = Fixtures.model([
      Fixtures.release("4.5", [Hypercall(name: name, number: 12, multiplex: Fixtures.memoryOp(maskBits: 6))])
    ])
    #expect(errors(model).contains { $0.contains("which the generated code or Swift reserves") }, "\(errors(model))")
  }

  @Test func anArgumentIndexIsOneOfSix() {
    var multiplex = Fixtures.memoryOp(maskBits: 6)
    multiplex.opArgument.index = 6
    let model = Fixtures.model([
      Fixtures.release("4.5", [Hypercall(name: "memory_op", number: 12, multiplex: multiplex)])
    ])
    #expect(
      errors(model) == ["4.5: hypercall 'memory_op': the argument 'cmd' has index 6; a hypercall has arguments 0 to 5"])
  }

  @Test func guestNamesBecomeDistinctMacros() {
    let model = ABIModel(
      family: "test", guestABIs: [GuestABI(name: "risc_v", width: 64), GuestABI(name: "RISC_V", width: 64)],
      releases: [Fixtures.release("1", [])])
    #expect(errors(model) == ["guest ABIs 'risc_v' and 'RISC_V' both become the C macro ABIGEN_GUEST_RISC_V"])
  }
}
