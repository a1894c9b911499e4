import ABIModel
import Testing

@testable import Obligations

/// The one table from outcomes to exit codes, and the internal error a counterexample that does
/// not replay becomes.
@Suite struct ExitStatusTests {
  func report(_ outcomes: [CheckReport.Outcome]) -> CheckReport {
    let obligation = ProofObligation(
      kind: .migration, older: "1", release: "2", guestWidth: 64, guestABI: "x86_64", hypercall: "h")
    return CheckReport(
      results: ObligationResults(outcomes.map { .init(obligation: obligation, outcome: $0, verdict: .vacuous) }),
      findings: [],
      notes: [], distinctQueries: 0, solverChecks: 0, seconds: 0)
  }

  @Test func outcomesMapToExitCodes() {
    #expect(report([.proved, .accepted, .reported]).exitCode == 0)
    #expect(report([.proved, .refuted]).exitCode == 1)
    #expect(report([.vacuous]).exitCode == 1)
    #expect(report([.proved, .inconclusive]).exitCode == 3)
    // A definite refutation outranks an undecided query; a bug in abigen outranks both.
    #expect(report([.refuted, .inconclusive]).exitCode == 1)
    #expect(report([.refuted, .inconclusive, .internalError]).exitCode == 4)
  }

  /// Results are stored compactly (interned names, a proved obligation's witness as a value):
  /// what is read back is what was recorded, names, outcomes and verdicts alike.
  @Test func compactResultsReadBackWhatWasRecorded() {
    let migration = ProofObligation(
      kind: .migration, older: "3.3", release: "3.4", guestWidth: 64, guestABI: "x86_64", hypercall: "memory_op")
    let table = ProofObligation(
      kind: .hypercallNumbers, older: "3.3", release: "3.4", guestWidth: 32, guestABI: "x86_32", hypercall: nil)
    let release = ProofObligation(
      kind: .roundTrip, older: nil, release: "3.4", guestWidth: 64, guestABI: "x86_64", hypercall: "memory_op")
    let recorded: [CheckReport.ObligationResult] = [
      .init(
        obligation: migration, outcome: .proved,
        verdict: .proved(witness: Witness(value: 0x10, description: "live value 0x10"))),
      // A witness with another text is kept whole.
      .init(
        obligation: table, outcome: .proved, verdict: .proved(witness: Witness(value: 7, description: "something else"))
      ),
      .init(obligation: release, outcome: .inconclusive, verdict: .inconclusive(reason: "timeout")),
      .init(obligation: migration, outcome: .vacuous, verdict: .vacuous),
    ]
    let results = ObligationResults(recorded)
    #expect(results.count == 4)
    #expect(results.map(\.obligation) == recorded.map(\.obligation))
    #expect(results.map(\.outcome) == [.proved, .proved, .inconclusive, .vacuous])
    #expect(results.count(.proved) == 2 && results.count(.vacuous) == 1 && results.count(.refuted) == 0)
    let witnesses = results.compactMap { result -> Witness? in
      if case .proved(let witness) = result.verdict { return witness }
      return nil
    }
    #expect(
      witnesses == [
        Witness(value: 0x10, description: "live value 0x10"), Witness(value: 7, description: "something else"),
      ])
    if case .inconclusive(let reason) = results[2].verdict {
      #expect(reason == "timeout")
    } else {
      Issue.record("inconclusive verdict not read back: \(results[2].verdict)")
    }
  }

  @Test func aValueThatMeansTheSameInBothReleasesDoesNotReplay() {
    let release = Release(name: "1")
    let multiplex = Fixtures.memoryOp(maskBits: 6, Fixtures.reservation34).multiplex!
    #expect(throws: CounterexampleReplay.Mismatch.self) {
      try CounterexampleReplay.migration(
        FoundValue(value: 0x40), hypercall: "memory_op", older: release, multiplex, newer: release, multiplex,
        guestWidth: 64)
    }
  }

  @Test func anObligationDecidedByManyQueriesCombinesTheirAnswers() {
    #expect(Checker.combine([.holds(witness: 1), .error("Z3 error 1")]).isError)
    #expect(Checker.combine([.vacuous, .vacuous]).isVacuous)
    #expect(Checker.combine([.vacuous, .holds(witness: 3)]).isHolds)
    #expect(Checker.combine([.inconclusive("timeout"), .fails([FoundValue(value: 1)])]).isFails)
  }
}

extension QueryAnswer {
  var isError: Bool {
    if case .error = self { return true }
    return false
  }
  var isVacuous: Bool {
    if case .vacuous = self { return true }
    return false
  }
  var isHolds: Bool {
    if case .holds = self { return true }
    return false
  }
  var isFails: Bool {
    if case .fails = self { return true }
    return false
  }
}
