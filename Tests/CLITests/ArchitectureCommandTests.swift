import Foundation
import Testing

/// Continuations of some architectures only, tried on the bundled spec as a user would: master
/// drops ARM's `GNTTABOP_cache_flush` continuation (the only one left since 4.21 stopped x86's),
/// and `XENMEM_set_pod_target`'s x86-only re-execution owes nothing anywhere else.
@Suite(.serialized) struct ArchitectureCommandTests {
  /// The JSON of master's op `name` of `hypercall` in the bundled spec, edited.
  static func spec(_ hypercall: String, op name: String, _ edit: @escaping (inout [String: Any]) -> Void) throws -> Data
  {
    try NewBreakCommandTests.spec(editing: hypercall) { entry in
      var multiplex = entry["multiplex"] as! [String: Any]
      var ops = multiplex["subOps"] as! [[String: Any]]
      let index = ops.firstIndex { $0["name"] as? String == name }!
      edit(&ops[index])
      multiplex["subOps"] = ops
      entry["multiplex"] = multiplex
    }
  }

  @Test func masterDroppingARMsCacheFlushContinuationBreaksARMOnly() throws {
    let spec = try Self.spec("grant_table_op", op: "GNTTABOP_cache_flush") { op in
      // The bundled master continues on ARM only.
      let encodings = op["continuations"] as! [[String: Any]]
      precondition(encodings.map { $0["architectures"] as! [String] } == [["arm"]])
      op["continuations"] = nil
    }
    let check = try AbigenProcess.run(["check", "--verbose", "--spec", "-"], stdin: spec)
    #expect(check.status == 1, "\(check.stderr)")
    let errors = check.output.split(separator: "\n").filter { $0.hasPrefix("error[") }
    #expect(errors.count == 1)
    let line = try #require(errors.first)
    #expect(
      line.hasPrefix(
        "error[continuation-lost] grant_table_op 4.22 -> master (arm64, cmd): 0x100c: 4.22 reads GNTTABOP_cache_flush resuming at cur_ref 4096; master reads -ENOSYS (unused high bits set)."
      ))
    #expect(line.contains("Also breaks 17 other release pairs: 4.5..4.22 -> master (arm64, arm32)."))
    #expect(
      line.hasSuffix(
        #"Covers(.continuationLost, subOp: "GNTTABOP_cache_flush", of: "grant_table_op", becomes: .rejected, older: .span("4.5", "4.22"), newer: .from("master"), on: ["arm"])"#
      ))
    #expect(!line.contains("x86"))
  }

  /// The summary's obligation count of a run over master.
  static func obligations(_ spec: Data) throws -> Int {
    let run = try AbigenProcess.run(["check", "--release", "master", "--spec", "-", "--format", "json"], stdin: spec)
    let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Any])
    return try #require(summary["obligations"] as? Int)
  }

  @Test func setPodTargetsX86OnlyReexecutionOwesNoObligation() throws {
    let bundled = try Self.spec("memory_op", op: "XENMEM_set_pod_target") { op in
      let encodings = op["continuations"] as! [[String: Any]]
      precondition(encodings.map { $0["architectures"] as! [String] } == [["x86"]])
    }
    let none = try Self.spec("memory_op", op: "XENMEM_set_pod_target") { $0["continuations"] = nil }
    // Re-issued unchanged on x86, the op keeps nothing in its register: the same obligations as an
    // op that never continues, on ARM and on x86.
    #expect(try Self.obligations(bundled) == Self.obligations(none))
    // Kept in the register on x86 only, it adds x86's own obligations, and ARM's stay those of
    // the op that does not continue.
    let shifted = try Self.spec("memory_op", op: "XENMEM_set_pod_target") { op in
      op["continuations"] = [
        ["kinds": ["cmd_shifted_index"], "shift": 6, "bound": ["kind": "register-capacity"], "architectures": ["x86"]]
      ]
    }
    let everywhere = try Self.spec("memory_op", op: "XENMEM_set_pod_target") { op in
      op["continuations"] = nil
      op["continuation"] = ["kinds": ["cmd_shifted_index"], "shift": 6, "bound": ["kind": "register-capacity"]]
    }
    let counts = (try Self.obligations(none), try Self.obligations(shifted), try Self.obligations(everywhere))
    #expect(counts.0 == counts.2)
    #expect(counts.1 > counts.0)
  }
}
