import Foundation
import Testing

/// `abigen dump` end to end, as a maintainer runs it.
@Suite struct DumpCommandTests {
  @Test func theShiftWideningIsVisibleBetween33And34() throws {
    let old = try AbigenProcess.run(["dump", "--release", "3.3", "--hypercall", "memory_op"])
    let new = try AbigenProcess.run(["dump", "--release", "3.4", "--hypercall", "memory_op"])
    #expect(old.status == 0 && new.status == 0)
    #expect(old.output.contains("mask MEMOP_CMD_MASK = 0xf (MEMOP_EXTENT_SHIFT = 4)"))
    #expect(new.output.contains("mask MEMOP_CMD_MASK = 0x3f (MEMOP_EXTENT_SHIFT = 6)"))
    #expect(!old.output.contains("XENMEM_set_pod_target"))
    #expect(new.output.contains("    16  XENMEM_set_pod_target"))
  }

  /// The event-channel table of 4.15: EVTCHNOP_reset continues as EVTCHNOP_reset_cont, an op
  /// only the hypervisor writes (XSA-343).
  @Test func resetContIsHypervisorInternalIn415() throws {
    let run = try AbigenProcess.run(["dump", "--release", "4.15", "--hypercall", "event_channel_op"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.output.contains(
        "event_channel_op (32): op in 'cmd' (arg 0, unsigned int); no mask: the whole register is the op"))
    #expect(run.output.contains("    10  EVTCHNOP_reset                         op_rewrite -> EVTCHNOP_reset_cont\n"))
    #expect(
      run.output.contains(
        "    14  EVTCHNOP_reset_cont        xen         reexecute_unchanged [hypervisor-internal: #ifdef __XEN__]\n"))
    let before = try AbigenProcess.run(["dump", "--release", "4.14", "--hypercall", "event_channel_op"])
    #expect(before.status == 0)
    #expect(!before.output.contains("EVTCHNOP_reset_cont"))
  }

  @Test func jsonDumpRoundTripsByteForByte() throws {
    let first = try AbigenProcess.run(["dump", "--format", "json"])
    #expect(first.status == 0)
    let second = try AbigenProcess.run(["dump", "--spec", "/dev/stdin", "--format", "json"], stdin: first.stdout)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout == first.stdout)
  }

  @Test func aMissingSpecFileSaysSo() throws {
    let run = try AbigenProcess.run(["dump", "--spec", "/nonexistent/spec.json"])
    #expect(run.status == 1)
    #expect(run.stderr == "/nonexistent/spec.json: error: spec file does not exist\n")
  }

  @Test func malformedJSONNamesTheField() throws {
    let dump = try AbigenProcess.run(["dump", "--format", "json", "--release", "4.5"])
    let broken = dump.output.replacingOccurrences(of: "\"family\" : \"xen\"", with: "\"family\" : 7")
    let run = try AbigenProcess.run(["dump", "--spec", "-"], stdin: Data(broken.utf8))
    #expect(run.status == 1)
    #expect(run.stderr == "-: error: family: expected a string\n")
  }

  @Test func anInvalidSpecListsEveryDiagnosticAndExits1() throws {
    let dump = try AbigenProcess.run(["dump", "--format", "json", "--release", "3.4", "--hypercall", "memory_op"])
    // 3.4's memory_op with the 3.3 mask: set_pod_target (16) and get_pod_target (17) no longer fit.
    let broken = dump.output.replacingOccurrences(of: "\"bits\" : 6", with: "\"bits\" : 4")
    let run = try AbigenProcess.run(["dump", "--spec", "-"], stdin: Data(broken.utf8))
    #expect(run.status == 1)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(
      lines.allSatisfy {
        $0.hasPrefix("Spec/Xen/MemoryOp.swift:") && $0.contains(": error: 3.4: memory_op: sub-op 'XENMEM_")
      })
  }

  @Test func unknownReleaseListsTheValidOnes() throws {
    let run = try AbigenProcess.run(["dump", "--release", "3.5"])
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("error: unknown release '3.5' (known: 3.0.0, 3.0.2,"))
  }

  @Test func badUsageExits64() throws {
    let run = try AbigenProcess.run(["dump", "--format", "yaml"])
    #expect(run.status == 64)
  }
}
