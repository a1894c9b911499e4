import ABIModel
import Obligations
import Testing

/// Continuations of some architectures only (`GNTTABOP_cache_flush` on ARM, `XENMEM_set_pod_target`
/// on x86): an ABI whose architecture does not make one owes nothing about it and loses nothing;
/// one that makes it is checked on its own, and the finding names its ABIs only.
@Suite struct ArchitectureObligationTests {
  static let guests = [
    GuestABI(name: "x86_64", width: 64, architecture: "x86"), GuestABI(name: "x86_32", width: 32, architecture: "x86"),
    GuestABI(name: "arm64", width: 64, architecture: "arm"), GuestABI(name: "arm32", width: 32, architecture: "arm"),
  ]
  static let cmd = ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)
  static let cacheFlush = ContinuationEncoding(
    kinds: [.cmdRawIndexAligned, .handleAndCount], bound: .registerCapacity, progressName: "cur_ref")

  static func grantTableOp(cacheFlush continuations: [ContinuationEncoding]) -> Hypercall {
    Hypercall(
      name: "grant_table_op", number: 20,
      multiplex: Multiplex(
        opArgument: cmd, opMask: OpMask(bits: 12, maskName: "GNTTABOP_CMD_MASK"), unusedBits: .rejected,
        subOps: [
          SubOp(name: "GNTTABOP_map_grant_ref", number: 0),
          SubOp(name: "GNTTABOP_cache_flush", number: 12, continuations: continuations),
        ]))
  }

  static func model(_ releases: [(String, [ContinuationEncoding])], accepted: [AcceptedBreak] = []) -> ABIModel {
    ABIModel(
      family: "fixture", guestABIs: guests,
      releases: releases.map { Release(name: $0.0, hypercalls: [grantTableOp(cacheFlush: $0.1)]) },
      acceptedBreaks: accepted)
  }

  static var arm: ContinuationEncoding {
    var encoding = cacheFlush
    encoding.architectures = ["arm"]
    return encoding
  }

  @Test func aDroppedARMContinuationIsLostOnARMOnly() throws {
    let report = try Fixtures.check(Self.model([("4.22", [Self.arm]), ("master", [])]))
    #expect(report.exitCode == 1)
    let finding = try #require(report.findings.first)
    #expect(report.findings.count == 1)
    #expect(finding.guestABIs == ["arm64", "arm32"])
    #expect(finding.obligation.description == "migration grant_table_op 4.22 -> master (arm64)")
    #expect(finding.counterexample.failure == .migration(.continuationLost))
    #expect(finding.counterexample.value == 0x100c)
    #expect(finding.counterexample.olderReading == "GNTTABOP_cache_flush resuming at cur_ref 4096")
    #expect(finding.counterexample.newerReading == "-ENOSYS (unused high bits set)")
    // The line that accepts it names the architecture, and nothing wider.
    #expect(finding.suggestion.map(\.architectures) == [["arm"]])
  }

  @Test func aContinuationOfNoArchitectureOfTheABIOwesNothingThere() throws {
    let report = try Fixtures.check(Self.model([("4.22", [Self.arm]), ("master", [Self.arm])]))
    #expect(report.exitCode == 0)
    // Only ARM's register carries progress: its ABIs owe fields-disjoint, x86's do not.
    let disjoint = report.results(.fieldsDisjoint).map(\.obligation.guestABI)
    #expect(disjoint.sorted() == ["arm32", "arm32", "arm64", "arm64"])
    // The migration is one obligation per architecture and width, named by its ABI.
    let migrations = report.results(.migration).map(\.obligation.guestABI).sorted()
    #expect(migrations == ["arm32", "arm64", "x86_32", "x86_64"])
  }

  @Test func theSameContinuationEverywhereIsOneObligationPerWidth() throws {
    let report = try Fixtures.check(Self.model([("4.20", [Self.cacheFlush]), ("4.21", [Self.cacheFlush])]))
    #expect(report.results(.migration).map(\.obligation.guestABI) == ["x86_32", "x86_64"])
  }

  @Test func anEntryForOneArchitectureCoversThatArchitectureOnly() throws {
    func accepted(_ architectures: [String]) -> AcceptedBreak {
      AcceptedBreak(
        id: "cache-flush",
        covers: [
          BreakCoverage(
            .continuationLost, hypercall: "grant_table_op", value: .subOp, subOp: "GNTTABOP_cache_flush",
            becomes: .rejected, older: .only("4.20"), newer: .from("4.21"), architectures: architectures)
        ], reason: "r", source: "s")
    }
    // x86 stops making it, ARM keeps it: the x86 entry covers the x86 break, and ARM does not break.
    let x86Stops = Self.model([("4.20", [Self.cacheFlush]), ("4.21", [Self.arm])], accepted: [accepted(["x86"])])
    let covered = try Fixtures.check(x86Stops)
    #expect(covered.exitCode == 0)
    #expect(covered.findings.map(\.guestABIs) == [["x86_64", "x86_32"]])
    // Both stop: the x86 entry does not cover ARM's break.
    let bothStop = Self.model([("4.20", [Self.cacheFlush]), ("4.21", [])], accepted: [accepted(["x86"])])
    let report = try Fixtures.check(bothStop)
    #expect(report.exitCode == 1)
    #expect(report.findings.count == 1)
    // One obligation stands for both architectures: it fails, since nothing covers ARM, and the
    // finding is ARM's: its ABIs and the obligation it is shown as.
    #expect(report.findings.first?.disposition == .failing)
    #expect(report.findings.first?.guestABIs == ["arm64", "arm32"])
    #expect(report.findings.first?.obligation.guestABI == "arm64")
    // With ARM covered too it is accepted.
    let both = try Fixtures.check(
      Self.model([("4.20", [Self.cacheFlush]), ("4.21", [])], accepted: [accepted(["x86", "arm"])]))
    #expect(both.exitCode == 0)
  }

  @Test func anOlderARMContinuationMustSurviveOnARMInTheNewer() throws {
    // 4.20 continues on ARM only; 4.21 on x86 only: ARM's values are lost, x86 had none to lose.
    var x86 = Self.cacheFlush
    x86.architectures = ["x86"]
    let report = try Fixtures.check(Self.model([("4.20", [Self.arm]), ("4.21", [x86])]))
    #expect(report.exitCode == 1)
    #expect(report.findings.map(\.guestABIs) == [["arm64", "arm32"]])
  }
}

/// `hypercall_rewrite` on x86 only (`XEN_DOMCTL_shadow_op` as `arch_1`): ARM re-issues nothing as
/// another hypercall, so it owes no continuation-target obligation and loses nothing there.
@Suite struct ArchitectureContinuationTargetTests {
  @Test func anX86SwitchIsCheckedOnX86Only() throws {
    let guests = ArchitectureObligationTests.guests
    func release(_ name: String, switches: Bool) -> Release {
      var domctl = ContinuationTargetTests.domctl(switches: switches)
      domctl.multiplex!.subOps[1].continuations = domctl.multiplex!.subOps[1].continuations.map {
        var encoding = $0
        encoding.architectures = ["x86"]
        return encoding
      }
      return Release(name: name, hypercalls: [domctl, Hypercall(name: "arch_1", number: 49)])
    }
    let kept = try Fixtures.check(
      ABIModel(family: "f", guestABIs: guests, releases: [release("1", switches: true), release("2", switches: true)]))
    #expect(kept.results(.continuationTargets).map(\.obligation.guestABI) == ["x86_64", "x86_32"])
    let dropped = try Fixtures.check(
      ABIModel(family: "f", guestABIs: guests, releases: [release("1", switches: true), release("2", switches: false)]))
    #expect(dropped.findings.map(\.guestABIs) == [["x86_64", "x86_32"]])
    #expect(dropped.findings.first?.counterexample.value == 49)
  }
}
