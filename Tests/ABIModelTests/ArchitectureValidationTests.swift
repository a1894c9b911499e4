import ABIModel
import Foundation
import Testing

/// Guest ABIs name their architecture; a continuation may be limited to some. Validation and the
/// interchange format carry both.
@Suite struct ArchitectureValidationTests {
  static let guests = [
    GuestABI(name: "x86_64", width: 64, architecture: "x86"), GuestABI(name: "arm64", width: 64, architecture: "arm"),
  ]
  static let at = SourceLocation(file: "Spec/Xen/MemoryOp.swift", line: 92)

  static func model(_ continuations: [ContinuationEncoding]) -> ABIModel {
    var multiplex = Fixtures.memoryOp(maskBits: 6)
    multiplex.subOps.append(SubOp(name: "XENMEM_set_pod_target", number: 16, continuations: continuations))
    return ABIModel(
      family: "test", guestABIs: guests,
      releases: [Release(name: "4.5", hypercalls: [Hypercall(name: "memory_op", number: 12, multiplex: multiplex)])])
  }

  static func reexecute(on architectures: [String], line: Int = 92) -> ContinuationEncoding {
    ContinuationEncoding(
      kinds: [.reexecuteUnchanged], architectures: architectures,
      location: SourceLocation(file: "Spec/Xen/MemoryOp.swift", line: line))
  }

  func errors(_ model: ABIModel) -> [String] {
    model.validate().filter { $0.severity == .error }.map { "\($0.location): \($0.message)" }
  }

  @Test func aContinuationOfOneKnownArchitectureIsValid() {
    #expect(errors(Self.model([Self.reexecute(on: ["x86"])])) == [])
    #expect(errors(Self.model([Self.reexecute(on: ["x86"]), Self.reexecute(on: ["arm"], line: 93)])) == [])
  }

  @Test func anUnknownArchitectureIsOneDiagnosticOnItsLine() {
    #expect(
      errors(Self.model([Self.reexecute(on: ["mips"])])) == [
        "Spec/Xen/MemoryOp.swift:92: 4.5: memory_op: XENMEM_set_pod_target: continues on unknown architecture 'mips' (known: x86, arm)"
      ])
  }

  @Test func twoEncodingsOnOneArchitectureContradict() {
    #expect(
      errors(Self.model([Self.reexecute(on: []), Self.reexecute(on: ["arm"], line: 93)])) == [
        "Spec/Xen/MemoryOp.swift:93: 4.5: memory_op: sub-op 'XENMEM_set_pod_target' continues two ways on 'arm': reexecute_unchanged; reexecute_unchanged (arm only)"
      ])
  }

  @Test func eachArchitectureSeesItsOwnEncoding() {
    let model = Self.model([Self.reexecute(on: ["x86"])])
    #expect(model.architectures == ["x86", "arm"])
    #expect(model.continuesPerArchitecture)
    let op = model.releases[0].hypercalls[0].multiplex!.subOp(named: "XENMEM_set_pod_target")!
    #expect(op.continuation == nil)
    #expect(op.continuation(on: "x86")?.kinds == [.reexecuteUnchanged])
    #expect(op.continuation(on: "arm") == nil)
    let x86 = model.viewed(on: "x86").releases[0].hypercalls[0].multiplex!.subOp(named: "XENMEM_set_pod_target")!
    #expect(x86.continuation?.architectures == [])
    #expect(
      model.viewed(on: "arm").releases[0].hypercalls[0].multiplex!.subOp(named: "XENMEM_set_pod_target")!
        .continuations.isEmpty)
  }

  @Test func theInterchangeFormatRoundTripsArchitectures() throws {
    var model = Self.model([Self.reexecute(on: ["x86"]), Self.reexecute(on: ["arm"], line: 93)])
    model.acceptedBreaks = [
      AcceptedBreak(
        id: "pod",
        covers: [
          BreakCoverage(
            .continuationLost, hypercall: "memory_op", value: .subOp, subOp: "XENMEM_set_pod_target",
            becomes: .rejected, older: .only("4.5"), newer: .from("4.5"), architectures: ["x86"])
        ], reason: "r", source: "s")
    ]
    let data = try SpecJSON.encode(model)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"architecture\" : \"arm\""))
    #expect(text.contains("\"continuations\" : ["))
    let read = try SpecJSON.decode(data, file: "spec.json")
    #expect(read == model)
    #expect(try SpecJSON.encode(read) == data)
  }

  @Test func anABIWithoutArchitectureIsItsOwn() throws {
    let abi = try JSONDecoder().decode(
      GuestABI.self, from: Data(#"{"name": "x86_64", "width": 64, "location": "f:1"}"#.utf8))
    #expect(abi.architecture == "x86_64")
  }
}
