import ABIModel
import Obligations
import Testing

/// The count sentinel (`(NULL, MMU_UPDATE_PREEMPTED, NULL, rc)`) as a value of its own: kept, it
/// proves; gained, it proves; dropped, it is a lost continuation at exactly the flag, with its
/// handles NULL, that an entry for the count does not cover.
@Suite struct CountSentinelTests {
  static let count = ArgumentSlot(index: 1, name: "count", type: .unsignedInt)
  static let sentinel = CountSentinel(
    returnCode: ArgumentSlot(index: 3, name: "foreigndom", type: .unsignedInt), nullArguments: [0, 2])

  static func mmu(sentinel: Bool) -> Hypercall {
    Hypercall(
      name: "mmu_update", number: 1,
      countFlag: CountFlagEncoding(
        argument: count, flagBit: 31, flagName: "MMU_UPDATE_PREEMPTED", sentinel: sentinel ? Self.sentinel : nil))
  }

  static func model(_ older: Bool, _ newer: Bool, accepted: [AcceptedBreak] = []) -> ABIModel {
    Fixtures.model([("1", [mmu(sentinel: older)]), ("2", [mmu(sentinel: newer)])], accepted: accepted)
  }

  @Test func keptOrGainedProves() throws {
    for (older, newer) in [(true, true), (false, true), (false, false)] {
      let report = try Fixtures.check(Self.model(older, newer))
      #expect(report.exitCode == 0, "\(older) -> \(newer)")
      #expect(report.results(.countFlagMigration).map(\.outcome) == [.proved])
      #expect(report.results(.countFlagRoundTrip).allSatisfy { $0.outcome == .proved })
    }
  }

  /// The premise includes the sentinel: the same older release against a newer one without it
  /// fails at exactly the sentinel, so the proof above is not over a premise that misses it.
  @Test func droppedIsALostContinuationAtTheFlag() throws {
    let report = try Fixtures.check(Self.model(true, false))
    #expect(report.exitCode == 1)
    let finding = try #require(report.findings.first)
    #expect(report.findings.count == 1)
    #expect(finding.counterexample.failure == .migration(.continuationLost))
    #expect(finding.counterexample.value == 0x8000_0000)
    #expect(finding.counterexample.nullArguments == [0, 2])
    #expect(finding.counterexample.identity?.value == .countSentinel)
    #expect(
      finding.counterexample.olderReading
        == "the sentinel continuation, finishing with the deferred return code in 'foreigndom' (arguments 0, 2 NULL)")
    #expect(
      finding.counterexample.newerReading
        == "a resumed call with 0 left; the return code in 'foreigndom' is lost")
  }

  /// Without any flag in the newer release, both the resumed counts and the sentinel become
  /// fresh calls: two breaks, and an entry for the count covers only the first.
  @Test func onlyAnEntryForTheSentinelCoversIt() throws {
    func model(_ values: [BreakCoverage.Value]) -> ABIModel {
      let covers = values.map {
        BreakCoverage(
          .continuationLost, hypercall: "mmu_update", value: $0, becomes: .freshCall, older: .only("1"),
          newer: .only("2"))
      }
      var noFlag = Self.mmu(sentinel: false)
      noFlag.countFlag = nil
      return Fixtures.model(
        [("1", [Self.mmu(sentinel: true)]), ("2", [noFlag])],
        accepted: covers.isEmpty ? [] : [Fixtures.accepted("x", covers)])
    }
    let none = try Fixtures.check(model([]))
    #expect(Set(none.findings.map(\.counterexample.identity?.value)) == [.count, .countSentinel])
    let byCount = try Fixtures.check(model([.count]))
    #expect(byCount.exitCode == 1)
    #expect(byCount.findings.filter { $0.disposition == .failing }.map(\.counterexample.value) == [0x8000_0000])
    #expect(
      byCount.findings.filter { $0.disposition == .failing }.map(\.counterexample.identity?.value) == [.countSentinel])
    #expect(try Fixtures.check(model([.count, .countSentinel])).exitCode == 0)
  }

  @Test func aSentinelArgumentMustBeAnotherOne() {
    func errors(_ sentinel: CountSentinel) -> [String] {
      var hypercall = Self.mmu(sentinel: true)
      hypercall.countFlag?.sentinel = sentinel
      return Fixtures.model([("1", [hypercall])]).validate().filter { $0.severity == .error }.map(\.message)
    }
    #expect(errors(Self.sentinel) == [])
    #expect(
      errors(CountSentinel(returnCode: Self.count, nullArguments: [0])) == [
        "1: mmu_update: the count sentinel carries its return code in argument 1, which is the count 'count' itself"
      ])
    #expect(
      errors(CountSentinel(returnCode: Self.sentinel.returnCode, nullArguments: [1, 3])) == [
        "1: mmu_update: the count sentinel needs argument 1 NULL, but it is the count argument",
        "1: mmu_update: the count sentinel needs argument 3 NULL, but it is the return code argument",
      ])
    #expect(
      errors(CountSentinel(returnCode: Self.sentinel.returnCode, nullArguments: [0, 0, 7])) == [
        "1: mmu_update: the count sentinel names argument 7; a hypercall has arguments 0 to 5",
        "1: mmu_update: the count sentinel names a NULL argument twice",
      ])
  }
}
