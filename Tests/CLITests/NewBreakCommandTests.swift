import Foundation
import Testing

/// A new break is never hidden, tried as a user would on the bundled spec: master gains an op
/// at a number an old continuation reaches, or at one a removed op kept reserved, or drops a
/// count flag. `check` fails with the new counterexample and `diff` shows the change as breaking.
@Suite(.serialized) struct NewBreakCommandTests {
  /// The bundled spec as JSON, with `edit` applied to master's hypercall `name`.
  static func spec(editing name: String, _ edit: @escaping (inout [String: Any]) -> Void) throws -> Data {
    try AbigenProcess.editedDump([
      .init(release: "master") { release in
        var hypercalls = try #require(release["hypercalls"] as? [[String: Any]])
        let index = try #require(hypercalls.firstIndex { $0["name"] as? String == name })
        edit(&hypercalls[index])
        release["hypercalls"] = hypercalls
      }
    ])
  }

  /// master's memory_op with a guest-visible `XENMEM_new_op` at `number`.
  static func newOp(_ number: Int) throws -> Data {
    try spec(editing: "memory_op") { memory in
      var multiplex = memory["multiplex"] as! [String: Any]
      var ops = multiplex["subOps"] as! [[String: Any]]
      ops.append([
        "name": "XENMEM_new_op", "cName": "XENMEM_new_op", "lineage": "memory_op:XENMEM_new_op", "number": number,
        "toolsOnly": false, "formerNames": [String](), "location": "Spec/Xen/MemoryOp.swift:200",
      ])
      multiplex["subOps"] = ops
      memory["multiplex"] = multiplex
    }
  }

  /// Each edit below is to master, so the obligations about master (its own and every
  /// migration into it) are where its break is; the first test checks the whole history once.
  static let masterCheck = ["check", "--verbose", "--spec", "-", "--release", "master"]

  @Test func aNewOpWhereAnOldContinuationLandsFailsCheckAndDiff() throws {
    let spec = try Self.newOp(32)
    for format in ["text", "json", "sarif"] {
      // Each format renders the break; the obligations about master are where it is.
      let run = try AbigenProcess.run(["check", "--spec", "-", "--release", "master", "--format", format], stdin: spec)
      #expect(run.status == 1, "\(format): \(run.stderr)")
      #expect(run.output.contains("XENMEM_new_op"), "\(format)")
    }
    let check = try AbigenProcess.run(["check", "--verbose", "--spec", "-"], stdin: spec)
    let line = try #require(check.output.split(separator: "\n").first { $0.hasPrefix("error[") })
    #expect(
      line.hasPrefix(
        "error[alias] memory_op 3.3 -> master (x86_64, cmd): 0x20: 3.3 reads XENMEM_increase_reservation resuming at start_extent 2; master reads XENMEM_new_op at start_extent 0."
      ))
    #expect(line.contains("Also breaks 6 other release pairs: 3.0.0..3.3 -> master (x86_64, x86_32)."))
    #expect(line.contains("Closest accepted break: 'memop-shift-4-to-6' (Spec/Xen/AcceptedBreaks.swift:"))
    #expect(
      line.hasSuffix(
        #"To accept it, add to an Accepted record: Covers(.alias, subOp: "XENMEM_increase_reservation", of: "memory_op", becomes: .op("XENMEM_new_op"), older: .span("3.0.0", "3.3"), newer: .from("master"))"#
      ))
    #expect(check.output.split(separator: "\n").filter { $0.hasPrefix("error[") }.count == 1)

    let diff = try AbigenProcess.run(["diff", "--spec", "-", "4.22", "master"], stdin: spec)
    #expect(diff.status == 1)
    #expect(diff.output.contains("  + added XENMEM_new_op = 32: BREAKING"))
    #expect(
      diff.output.contains(
        "      error[alias] 0x20 (x86_64, cmd): 3.3 reads XENMEM_increase_reservation resuming at start_extent 2; master reads XENMEM_new_op at start_extent 0. Breaks migrations 3.0.0..3.3 -> master."
      ))
  }

  @Test func aNewOpAtANumberARemovedOpKeptReservedFails() throws {
    let spec = try Self.newOp(8)
    let check = try AbigenProcess.run(Self.masterCheck, stdin: spec)
    #expect(check.status == 1)
    #expect(
      check.output.contains(
        "error[alias] memory_op 3.3 -> master (x86_64, cmd): 0x8: 3.3 reads XENMEM_translate_gpfn_list; master reads XENMEM_new_op."
      ))
    let diff = try AbigenProcess.run(["diff", "--spec", "-", "4.22", "master"], stdin: spec)
    #expect(diff.status == 1)
    #expect(diff.output.contains("  + added XENMEM_new_op = 8: BREAKING"))
  }

  @Test func aNewOpAtAFreeNumberPasses() throws {
    let spec = try Self.newOp(30)
    let check = try AbigenProcess.run(Self.masterCheck, stdin: spec)
    #expect(check.status == 0, "\(check.output)")
    let diff = try AbigenProcess.run(["diff", "--spec", "-", "4.22", "master"], stdin: spec)
    #expect(diff.status == 0)
    #expect(diff.output.contains("  + added XENMEM_new_op = 30: compatible"))
  }

  @Test func droppingACountFlagFails() throws {
    let spec = try Self.spec(editing: "mmu_update") { $0.removeValue(forKey: "countFlag") }
    let check = try AbigenProcess.run(Self.masterCheck, stdin: spec)
    #expect(check.status == 1)
    #expect(
      check.output.contains(
        "error[continuation-lost] mmu_update 4.22 -> master (x86_64, count): 0x80000000: 4.22 reads a resumed call with 0 left; master reads a fresh call of 2147483648."
      ))
    // The sentinel is a value of its own, lost the same way but not standing in for the count.
    #expect(
      check.output.contains(
        "error[continuation-lost] mmu_update 4.22 -> master (x86_64, count): 0x80000000: 4.22 reads the sentinel continuation, finishing with the deferred return code in 'foreigndom' (arguments 0, 2 NULL); master reads a fresh call of 2147483648; the return code in 'foreigndom' is lost."
      ))
    let diff = try AbigenProcess.run(["diff", "--spec", "-", "4.22", "master"], stdin: spec)
    #expect(diff.status == 1)
    #expect(
      diff.output.contains(
        "  ~ mmu_update count flag MMU_UPDATE_PREEMPTED bit 31 of 'count' (arg 1, unsigned int), sentinel: count = flag only, arguments 0, 2 NULL, return code in 'foreigndom' (argument 3) -> none: BREAKING"
      ))
  }

  /// master drops EVTCHNOP_reset_cont: a reset preempted on 4.15 .. 4.22 was re-issued as op
  /// 14, which master answers -ENOSYS. The value is only ever a continuation (the op is
  /// hypervisor-internal), so the break is a lost continuation, not a removed op.
  @Test func droppingAHypervisorInternalContinuationOpFails() throws {
    let spec = try Self.spec(editing: "event_channel_op") { hypercall in
      var multiplex = hypercall["multiplex"] as! [String: Any]
      var ops = (multiplex["subOps"] as! [[String: Any]]).filter { $0["name"] as? String != "EVTCHNOP_reset_cont" }
      for index in ops.indices where ops[index]["name"] as? String == "EVTCHNOP_reset" {
        ops[index].removeValue(forKey: "continuation")
      }
      multiplex["subOps"] = ops
      hypercall["multiplex"] = multiplex
    }
    let check = try AbigenProcess.run(Self.masterCheck, stdin: spec)
    #expect(check.status == 1)
    #expect(
      check.output.contains(
        "error[continuation-lost] event_channel_op 4.22 -> master (x86_64, cmd): 0xe: 4.22 reads EVTCHNOP_reset_cont; master reads -ENOSYS (unknown op)."
      ))
    #expect(check.output.contains("4.15..4.22 -> master"))
    let diff = try AbigenProcess.run(["diff", "--spec", "-", "4.22", "master"], stdin: spec)
    #expect(diff.status == 1)
    #expect(diff.output.contains("- removed EVTCHNOP_reset_cont = 14"))
  }

  /// master drops the XSA-45 sentinel of mmu_update: a 4.3 .. 4.22 guest preempted in the
  /// `old_guest_table` cleanup was re-issued as `(NULL, MMU_UPDATE_PREEMPTED, NULL, rc)`, which
  /// master resumes as a call with nothing left, losing the return code.
  @Test func droppingTheCountSentinelFails() throws {
    let spec = try Self.spec(editing: "mmu_update") { hypercall in
      var flag = hypercall["countFlag"] as! [String: Any]
      flag.removeValue(forKey: "sentinel")
      hypercall["countFlag"] = flag
    }
    let check = try AbigenProcess.run(Self.masterCheck, stdin: spec)
    #expect(check.status == 1)
    let errors = check.output.split(separator: "\n").filter { $0.hasPrefix("error[") }
    #expect(errors.count == 1, "\(errors)")
    #expect(
      errors.first?.hasPrefix(
        "error[continuation-lost] mmu_update 4.22 -> master (x86_64, count): 0x80000000: 4.22 reads the sentinel continuation, finishing with the deferred return code in 'foreigndom' (arguments 0, 2 NULL); master reads a resumed call with 0 left; the return code in 'foreigndom' is lost."
      ) == true)
    #expect(errors.first?.contains("4.3..4.22 -> master (x86_64, x86_32)") == true)
    #expect(
      errors.first?.hasSuffix(
        #"Covers(.continuationLost, sentinelOf: "mmu_update", becomes: .resumedCall, older: .span("4.3", "4.22"), newer: .from("master"))"#
      ) == true)
    let diff = try AbigenProcess.run(["diff", "--spec", "-", "4.22", "master"], stdin: spec)
    #expect(diff.status == 1)
    #expect(
      diff.output.contains(
        "sentinel: count = flag only, arguments 0, 2 NULL, return code in 'foreigndom' (argument 3) -> MMU_UPDATE_PREEMPTED bit 31 of 'count' (arg 1, unsigned int): BREAKING"
      ))
  }

  /// master's multicall_entry fields shrink to 32 bits for x86_64 guests: a memory_op
  /// continuation a 4.2 guest had written back there (start_extent above bit 26) resumes at 0.
  @Test func narrowingTheMulticallEntryFails() throws {
    let spec = try Self.spec(editing: "multicall") { hypercall in
      var writeBack = hypercall["writeBack"] as! [String: Any]
      var widths = writeBack["fieldWidths"] as! [[String: Any]]
      widths.append(["guestABI": "x86_64", "bits": 32])
      writeBack["fieldWidths"] = widths
      hypercall["writeBack"] = writeBack
    }
    let check = try AbigenProcess.run(Self.masterCheck, stdin: spec)
    #expect(check.status == 1)
    let errors = check.output.split(separator: "\n").filter { $0.hasPrefix("error[") }
    #expect(
      errors.contains {
        $0.hasPrefix(
          "error[progress-corrupted] memory_op 4.2 -> master (x86_64, multicall_entry.args[0] (cmd)): 0x100000000: 4.2 reads XENMEM_increase_reservation resuming at start_extent 67108864 from the register; master reads XENMEM_increase_reservation at start_extent 0 from multicall_entry.args[0]. Cause: multicall_entry.args[0] is 64 bits for x86_64 in 4.2 and 32 in master, narrower than the 64-bit 'cmd'"
        )
      }, "\(errors)")
    #expect(
      errors.contains {
        $0.hasPrefix(
          "error[write-back-changes] memory_op master (x86_64, multicall_entry.args[0] (cmd)): 0x100000015: XENMEM_access_op resuming at start_iter 4294967296 from the register, but XENMEM_access_op at start_iter 0 from multicall_entry.args[0]."
        )
      })
    // The bundled spec's own fields are register-wide (ARM's wider): no write-back finding.
    let bundled = try AbigenProcess.bundledCheck.get()
    #expect(bundled.status == 0)
    #expect(!bundled.output.contains("multicall_entry"))
  }

  /// master stops re-issuing XEN_DOMCTL_shadow_op's log-dirty continuation as hypercall 49
  /// (`__HYPERVISOR_arch_1`, the paging continuation): a toolstack's call preempted on 4.5 ..
  /// 4.22 reaches a placeholder. Tools-only, so reported; a policy that keeps tools-only ops fails.
  @Test func droppingTheShadowOpNumberSwitchIsReported() throws {
    func spec(strict: Bool) throws -> Data {
      let edited = try Self.spec(editing: "domctl") { hypercall in
        var multiplex = hypercall["multiplex"] as! [String: Any]
        var ops = multiplex["subOps"] as! [[String: Any]]
        for index in ops.indices where ops[index]["name"] as? String == "XEN_DOMCTL_shadow_op" {
          // One encoding for every architecture again: x86's switch and ARM's retry are dropped.
          ops[index]["continuations"] = nil
          ops[index]["continuation"] = ["kinds": ["reexecute_unchanged"]]
        }
        multiplex["subOps"] = ops
        hypercall["multiplex"] = multiplex
      }
      guard strict else { return edited }
      var object = try #require(try JSONSerialization.jsonObject(with: edited) as? [String: Any])
      var policy = try #require(object["migrationPolicy"] as? [String: Any])
      policy["mustSurvive"] = ["guest-visible", "tools-only"]
      object["migrationPolicy"] = policy
      return try JSONSerialization.data(withJSONObject: object)
    }
    let line =
      "warning[continuation-lost] 4.22 -> master (x86_64, hypercall number): 0x31: 4.22 reads __HYPERVISOR_arch_1, the continuation of XEN_DOMCTL_shadow_op (domctl); master reads __HYPERVISOR_arch_1, which carries no continuation of XEN_DOMCTL_shadow_op: -ENOSYS."
    let check = try AbigenProcess.run(Self.masterCheck, stdin: try spec(strict: false))
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.output.contains(line), "\(check.output.suffix(2000))")
    #expect(check.output.contains("4.5..4.22 -> master"))
    let strict = try AbigenProcess.run(Self.masterCheck, stdin: try spec(strict: true))
    #expect(strict.status == 1)
    #expect(strict.output.contains(line.replacingOccurrences(of: "warning[", with: "error[")))
    // The bundled spec carries the switch from 4.5 on, and every newer release keeps it.
    #expect(try AbigenProcess.run(["check", "--from", "4.5", "--to", "master"]).status == 0)
  }

  @Test func findingsAreInTheSameOrderWhateverTheJobs() throws {
    let spec = try Self.newOp(32)
    func findings(_ jobs: String) throws -> String {
      let run = try AbigenProcess.run(
        ["check", "--spec", "-", "--release", "master", "--jobs", jobs, "--format", "json"], stdin: spec)
      let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
      let data = try JSONSerialization.data(withJSONObject: object["findings"] as Any, options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }
    let one = try findings("1")
    #expect(one.count > 1000)
    #expect(try findings("2") == one)
    #expect(try findings("4") == one)
    let text1 = try AbigenProcess.run(["check", "--jobs", "1"]).output.split(separator: "\n").dropLast()
    let text2 = try AbigenProcess.run(["check", "--jobs", "2"]).output.split(separator: "\n").dropLast()
    #expect(text1 == text2)
  }
}
