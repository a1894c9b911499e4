import ABIModel
import Obligations
import Testing

/// A continuation re-issued as another hypercall number (`XEN_DOMCTL_shadow_op` as
/// `__HYPERVISOR_arch_1`, 49): kept, it proves; dropped, or the number given to another
/// hypercall, the exact number is the counterexample.
@Suite struct ContinuationTargetTests {
  static let cmd = ArgumentSlot(index: 0, name: "cmd", type: .guestField32)

  static func domctl(switches: Bool, toolsOnly: Bool = false) -> Hypercall {
    Hypercall(
      name: "domctl", number: 36,
      multiplex: Multiplex(
        opArgument: cmd, opMask: .wholeRegister, unusedBits: .ignored,
        subOps: [
          SubOp(name: "XEN_DOMCTL_createdomain", number: 1, toolsOnly: toolsOnly),
          SubOp(
            name: "XEN_DOMCTL_shadow_op", number: 10, toolsOnly: toolsOnly,
            continuation: switches ? ContinuationEncoding(kinds: [.hypercallRewrite], switchesTo: "arch_1") : nil),
        ]))
  }

  static func release(_ name: String, switches: Bool, fortyNine: String? = "arch_1") -> (String, [Hypercall]) {
    (name, [domctl(switches: switches)] + (fortyNine.map { [Hypercall(name: $0, number: 49)] } ?? []))
  }

  @Test func keptProvesWithTheNumberAsWitness() throws {
    let report = try Fixtures.check(
      Fixtures.model([Self.release("1", switches: true), Self.release("2", switches: true)]))
    #expect(report.exitCode == 0)
    let results = report.results(.continuationTargets)
    #expect(results.map(\.outcome) == [.proved])
    guard case .proved(let witness) = results.first?.verdict else {
      Issue.record("not proved")
      return
    }
    // The premise holds: the older release re-issues shadow_op as 49.
    #expect(witness.description == "continuation at hypercall 49")
  }

  @Test func noObligationWhereNothingIsReissued() throws {
    let report = try Fixtures.check(
      Fixtures.model([Self.release("1", switches: false), Self.release("2", switches: true)]))
    #expect(report.exitCode == 0)
    #expect(report.results(.continuationTargets).isEmpty)
  }

  @Test func droppedIsALostContinuationAtTheNumber() throws {
    let report = try Fixtures.check(
      Fixtures.model([Self.release("1", switches: true), Self.release("2", switches: false)]))
    #expect(report.exitCode == 1)
    let finding = try #require(report.findings.first)
    #expect(report.findings.count == 1)
    #expect(finding.obligation.kind == .continuationTargets)
    #expect(finding.counterexample.failure == .migration(.continuationLost))
    #expect(finding.counterexample.value == 49)
    #expect(
      finding.counterexample.olderReading == "__HYPERVISOR_arch_1, the continuation of XEN_DOMCTL_shadow_op (domctl)")
    #expect(
      finding.counterexample.newerReading
        == "__HYPERVISOR_arch_1, which carries no continuation of XEN_DOMCTL_shadow_op: -ENOSYS")
    #expect(finding.counterexample.identity?.value == .continuationNumber)
  }

  @Test func anotherHypercallAtTheNumberIsAnAlias() throws {
    let report = try Fixtures.check(
      Fixtures.model([Self.release("1", switches: true), Self.release("2", switches: false, fortyNine: "new_op")]))
    let finding = try #require(report.findings.first { $0.obligation.kind == .continuationTargets })
    #expect(finding.counterexample.failure == .migration(.alias))
    #expect(finding.counterexample.newerReading == "__HYPERVISOR_new_op, another hypercall")
    // The number table breaks on its own too: 49 names another hypercall.
    #expect(report.findings.contains { $0.obligation.kind == .hypercallNumbers })
  }

  @Test func aToolsOnlyOpsLostContinuationIsReported() throws {
    var newer = Self.release("2", switches: false)
    newer.1[0] = Self.domctl(switches: false, toolsOnly: true)
    var older = Self.release("1", switches: true)
    older.1[0] = Self.domctl(switches: true, toolsOnly: true)
    let report = try Fixtures.check(Fixtures.model([older, newer]))
    #expect(report.exitCode == 0)
    #expect(report.findings.map(\.disposition) == [.reported])
  }

  @Test func anAcceptedBreakNamesTheOpsContinuation() throws {
    let covers = BreakCoverage(
      .continuationLost, hypercall: "domctl", value: .continuationNumber, subOp: "XEN_DOMCTL_shadow_op",
      becomes: .rejected, older: .only("1"), newer: .only("2"))
    let model = Fixtures.model(
      [Self.release("1", switches: true), Self.release("2", switches: false)],
      accepted: [Fixtures.accepted("shadow", [covers])])
    #expect(model.validate().filter { $0.severity == .error }.isEmpty)
    #expect(try Fixtures.check(model).exitCode == 0)
  }

  @Test func aSwitchNamesAnotherHypercallOfTheRelease() {
    func errors(_ continuation: ContinuationEncoding) -> [String] {
      var domctl = Self.domctl(switches: true)
      domctl.multiplex!.subOps[1].continuation = continuation
      return Fixtures.model([("1", [domctl, Hypercall(name: "arch_1", number: 49)])]).validate()
        .filter { $0.severity == .error }.map(\.message)
    }
    #expect(errors(ContinuationEncoding(kinds: [.hypercallRewrite], switchesTo: "arch_1")) == [])
    #expect(
      errors(ContinuationEncoding(kinds: [.hypercallRewrite], switchesTo: "arch_9")) == [
        "1: domctl: XEN_DOMCTL_shadow_op: continues as hypercall 'arch_9', which is not another hypercall of the release"
      ])
    #expect(
      errors(ContinuationEncoding(kinds: [.hypercallRewrite], switchesTo: "domctl")) == [
        "1: domctl: XEN_DOMCTL_shadow_op: continues as hypercall 'domctl', which is not another hypercall of the release"
      ])
    #expect(
      errors(ContinuationEncoding(kinds: [.hypercallRewrite])) == [
        "1: domctl: XEN_DOMCTL_shadow_op: a hypercall_rewrite continuation needs the hypercall it is re-issued as"
      ])
    #expect(
      errors(ContinuationEncoding(kinds: [.guestStruct], switchesTo: "arch_1")) == [
        "1: domctl: XEN_DOMCTL_shadow_op: only a hypercall_rewrite continuation is re-issued as another hypercall ('arch_1')"
      ])
  }
}
