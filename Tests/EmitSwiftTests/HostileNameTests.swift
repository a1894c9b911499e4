import ABIModel
import EmitCore
import EmitSwift
import Foundation
import Testing

/// Names that are keywords or runtime names in Swift either validate and compile (the emitter
/// escapes members with `Op`) or are rejected by validation; never broken Swift with exit 0.
@Suite struct HostileNameTests {
  static let hostileOps = [
    "Self", "Type", "Protocol", "init", "default", "none", "some", "rawValue", "case", "Any",
    "_", "decode", "hashValue", "allCases", "XENMEM_Self", "XENMEM_init",
  ]

  static var model: ABIModel {
    let ops = hostileOps.enumerated().map { SubOp(name: $1, number: UInt64($0)) }
    return ABIModel(
      family: "hostile", guestABIs: [GuestABI(name: "x86_64", width: 64)],
      releases: [
        Release(
          name: "1",
          hypercalls: [
            Hypercall(
              name: "memory_op", number: 12,
              multiplex: Multiplex(
                opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong),
                opMask: OpMask(bits: 6), unusedBits: .rejected, subOps: ops)),
            Hypercall(name: "Self_op", number: 13),
            Hypercall(name: "init", number: 14), Hypercall(name: "default", number: 15),
          ])
      ])
  }

  @Test(.enabled(if: EmittedCodeToolTests.swiftc != nil, "needs swiftc on PATH"))
  func keywordNamesThatValidateCompile() throws {
    let errors = Self.model.validate().filter { $0.severity == .error }.map(\.message)
    // `case` and `default` are C keywords: rejected; the Swift keywords get `Op`.
    #expect(
      errors == [
        "1: hypercall 'memory_op': sub-op 'default' is a C or C++ keyword",
        "1: hypercall 'memory_op': sub-op 'case' is a C or C++ keyword",
        "1: hypercall 'default' is a C or C++ keyword",
      ])
    var clash = Self.model
    clash.releases[0].hypercalls[0].multiplex!.subOps.append(SubOp(name: "self", number: 40))
    #expect(
      clash.validate().map(\.message).contains(
        "1: hypercall 'memory_op': sub-ops 'Self' and 'self' both become the Swift case 'selfOp'"))
    var valid = Self.model
    valid.releases[0].hypercalls[0].multiplex!.subOps.removeAll { ["default", "case"].contains($0.name) }
    valid.releases[0].hypercalls.removeAll { $0.name == "default" }
    #expect(valid.validate().filter { $0.severity == .error }.map(\.message) == [])
    let files = SwiftEmitter().emit(ABIModelSelection(model: valid, releases: valid.releases))
    let (status, diagnostics) = try EmittedCodeToolTests.run(
      EmittedCodeToolTests.swiftc!, ["-typecheck", "-swift-version", "6", "-module-name", "Hostile"], on: files)
    #expect(status == 0, "swiftc -typecheck:\n\(diagnostics)")
  }
}
