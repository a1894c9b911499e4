import ABIDSL
import ABIModel
import Testing

/// `Continues(op, continuation, on: [architecture])` reads as a changelog: the named
/// architectures continue as stated from that release on, the others keep what they had.
@Suite struct ArchitectureDSLTests {
  static let cacheFlush = Continuation.combining(.rawIndexAligned(progress: "cur_ref"), .handleAndCount)

  static let spec = ABISpec("mini") {
    Guest("x86_64", width: 64, architecture: "x86")
    Guest("arm64", width: 64, architecture: "arm")
    Released("4.5", tag: "RELEASE-4.5.0")
    Released("4.21", tag: "RELEASE-4.21.0")
    InDevelopment("master", commit: "c447b7308b13")
    HypercallNumbers { In("4.5") { Number("grant_table_op", 20) } }
    Multiplexed("grant_table_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("4.5") {
        Mask(bits: 12, name: "GNTTABOP_CMD_MASK")
        Op("GNTTABOP_map_grant_ref", 0, continues: .handleAndCount)
        Op("GNTTABOP_cache_flush", 12, continues: cacheFlush)  // @flush
        Op("GNTTABOP_set_pod_target", 16)
        Continues("GNTTABOP_set_pod_target", .reexecuteUnchanged, on: ["x86"])  // @pod
      }
      In("4.21") {
        Continues("GNTTABOP_cache_flush", nil, on: ["x86"])  // @x86stops
      }
      In("master") {
        Continues("GNTTABOP_cache_flush", cacheFlush, on: ["x86"])  // @x86again
      }
    }
  }

  func op(_ name: String, in release: String) throws -> SubOp {
    let model = try Self.spec.model()
    return try #require(
      model.release(named: release)?.hypercall(named: "grant_table_op")?.multiplex?.subOp(named: name))
  }

  @Test func theGuestsNameTheirArchitectures() throws {
    let model = try Self.spec.model()
    #expect(model.guestABIs.map(\.architecture) == ["x86", "arm"])
    #expect(model.architectures == ["x86", "arm"])
  }

  @Test func aContinuationStatedForOneArchitectureLeavesTheOthers() throws {
    let everywhere = try op("GNTTABOP_cache_flush", in: "4.5")
    #expect(everywhere.continuations.map(\.architectures) == [[]])
    #expect(everywhere.continuation(on: "x86")?.kinds == [.cmdRawIndexAligned, .handleAndCount])

    let armOnly = try op("GNTTABOP_cache_flush", in: "4.21")
    #expect(armOnly.continuations.map(\.architectures) == [["arm"]])
    #expect(armOnly.continuation(on: "x86") == nil)
    #expect(armOnly.continuation(on: "arm")?.kinds == [.cmdRawIndexAligned, .handleAndCount])
    // What ARM keeps is still the encoding the op was declared with, on its line.
    #expect(armOnly.continuations.first?.location.line == line(of: "@flush"))

    // Stated again for x86, it covers every architecture and names none.
    let again = try op("GNTTABOP_cache_flush", in: "master")
    #expect(again.continuations.map(\.architectures).sorted { $0.count < $1.count }.first == ["arm"])
    #expect(again.continuation(on: "x86") != nil && again.continuation(on: "arm") != nil)

    let pod = try op("GNTTABOP_set_pod_target", in: "4.5")
    #expect(pod.continuations.map(\.architectures) == [["x86"]])
    #expect(pod.continuations.first?.location.line == line(of: "@pod"))
    #expect(pod.continuation == nil)
    #expect(pod.viewed(on: "x86").continuation?.kinds == [.reexecuteUnchanged])
  }

  @Test func anUnknownArchitectureIsOneDiagnosticWithItsLine() {
    let spec = ABISpec("broken") {
      Guest("x86_64", width: 64, architecture: "x86")
      Released("1.0", tag: "v1")
      HypercallNumbers { In("1.0") { Number("memory_op", 12) } }
      Multiplexed("memory_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)) {
        In("1.0") {
          Mask(bits: 6)
          Op("XENMEM_set_pod_target", 16)
          Continues("XENMEM_set_pod_target", .reexecuteUnchanged, on: ["mips"])  // @mips
        }
      }
    }
    var diagnostics: [String] = []
    do {
      _ = try spec.model()
    } catch {
      diagnostics = error.diagnostics.map { "\($0.location.file):\($0.location.line): \($0.message)" }
    }
    #expect(
      diagnostics == [
        "Tests/ABIDSLTests/ArchitectureDSLTests.swift:\(line(of: "@mips")): 1.0: memory_op: XENMEM_set_pod_target: continues on unknown architecture 'mips' (known: x86)"
      ])
  }
}
