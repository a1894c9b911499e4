import ABIModel
import Dispatch
import Foundation

/// `abigen check`: plans the proof obligations of a model, asks Z3 each structurally distinct
/// query once, replays every counterexample through the model's own decoder, and sorts the
/// breaks into failing, accepted and reported.
public struct Checker {
  public let model: ABIModel
  public let options: CheckOptions
  let identities: IdentityTable
  /// The entries of the spec's accepted breaks, resolved once.
  let coverage: [ResolvedCoverage]

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public init(model: ABIModel, options: CheckOptions = CheckOptions()) {
    self.model = model
    self.options = options
    self.identities = IdentityTable(model)
    self.coverage = model.resolvedCoverage
  }

  /// The SMT-LIB2 text of each distinct query, named after the first obligation that asked it;
  /// filled only when `options.keepSMT` is set.
  public private(set) var smtQueries: [(name: String, text: String, expected: String)] = []

  public mutating func run() throws(Failure) -> CheckReport {
    let start = DispatchTime.now()
    let planned: [PlannedObligation]
    let planner = ObligationPlanner(model: model, options: options, identities: identities)
    do {
      planned = try planner.plan()
    } catch {
      throw Failure(description: error.description)
    }

    // Every distinct query once, in the order the plan first asks it.
    let keys = planner.keyTable.keys
    var firstAsker: [ProofObligation?] = Array(repeating: nil, count: keys.count)
    for item in planned {
      for key in item.keys where firstAsker[key] == nil { firstAsker[key] = item.obligation }
    }
    let outcomes = solveAll(keys)

    var results: [CheckReport.ObligationResult] = []
    var notes: [CheckReport.Note] = []
    var breaks: [(PlannedObligation, Counterexample, MigrationGroup?, CheckReport.Disposition)] = []
    for item in planned {
      switch Self.combine(item.keys.map { outcomes[$0].answers[item.facet] }) {
      case .holds(let witness):
        results.append(
          .init(
            obligation: item.obligation, outcome: .proved,
            verdict: .proved(witness: Witness(value: witness, description: witnessText(item, witness)))))
      case .vacuous:
        results.append(.init(obligation: item.obligation, outcome: .vacuous, verdict: .vacuous))
        notes.append(
          .init(
            severity: .error, outcome: .vacuous,
            message: "\(item.obligation) holds only vacuously: it talks about no value at all", location: nil))
      case .inconclusive(let reason):
        results.append(
          .init(obligation: item.obligation, outcome: .inconclusive, verdict: .inconclusive(reason: reason)))
      case .error(let message):
        results.append(
          .init(obligation: item.obligation, outcome: .internalError, verdict: .inconclusive(reason: message)))
        notes.append(
          .init(
            severity: .error, outcome: .internalError, message: "\(item.obligation): solver error: \(message)",
            location: nil))
      case .fails(let values):
        var counterexamples: [Counterexample] = []
        var dispositions: [CheckReport.Disposition] = []
        var mismatch: String?
        for value in values {
          do {
            let (counterexample, group) = try replay(value, item)
            let disposition = disposition(of: counterexample, item)
            counterexamples.append(counterexample)
            dispositions.append(disposition)
            breaks.append((item, counterexample, group, disposition))
          } catch {
            mismatch = error.description
          }
        }
        if let mismatch {
          results.append(
            .init(obligation: item.obligation, outcome: .internalError, verdict: .refuted(counterexamples)))
          notes.append(
            .init(
              severity: .error, outcome: .internalError,
              message: "\(item.obligation): counterexample does not replay: \(mismatch)", location: nil))
          continue
        }
        let outcomeKind: CheckReport.Outcome =
          dispositions.contains(.failing)
          ? .refuted
          : dispositions.contains(.reported) ? .reported : .accepted
        results.append(.init(obligation: item.obligation, outcome: outcomeKind, verdict: .refuted(counterexamples)))
      }
    }

    let findings = representatives(breaks)
    // An undecided query may hide the break an entry is for: staleness is judged on a full answer.
    if !results.contains(where: { $0.outcome == .inconclusive || $0.outcome == .internalError }) {
      notes += staleAcceptedBreaks(breaks)
    }
    for (key, asker) in firstAsker.enumerated() {
      guard let obligation = asker else { continue }
      for answer in outcomes[key].answers {
        guard case .inconclusive(let reason) = answer else { continue }
        let sharing = planned.filter { $0.keys.contains(key) }.count
        notes.append(
          .init(
            severity: .warning, outcome: .inconclusive,
            message:
              "\(obligation) is inconclusive (\(reason))\(sharing > 1 ? " and so are \(sharing - 1) obligations of the same shape" : "")",
            location: nil))
        break
      }
    }
    if options.keepSMT {
      // Numbered, since one obligation can be decided by several queries, and one query can
      // answer several obligations (its facets).
      smtQueries = keys.indices.flatMap { index in
        let outcome = outcomes[index]
        return zip(outcome.smtLib2, outcome.answers).enumerated().map { facet, pair in
          let expected: String =
            switch pair.1 {
            case .holds, .vacuous: "unsat"
            case .fails: "sat"
            case .inconclusive, .error: "unknown"
            }
          let name = String(format: "%04d-%d-", index, facet) + (firstAsker[index]?.fileName ?? "query")
          return (name, pair.0, expected)
        }
      }
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    return CheckReport(
      results: results, findings: findings, notes: notes.sorted { $0.message < $1.message },
      distinctQueries: keys.count, solverChecks: outcomes.reduce(0) { $0 + $1.checks }, seconds: elapsed)
  }

  // MARK: solving

  /// The answer of an obligation decided by several queries: refuted if any refutes, then
  /// undecided if any is, vacuous only if every part is, proved otherwise.
  static func combine(_ answers: [QueryAnswer]) -> QueryAnswer {
    var found: [FoundValue] = []
    var witness: UInt64?
    var undecided: String?
    var failure: String?
    var vacuousParts = 0
    for answer in answers {
      switch answer {
      case .holds(let value): witness = witness ?? value
      case .fails(let values): found += values
      case .inconclusive(let reason): undecided = undecided ?? reason
      case .vacuous: vacuousParts += 1
      case .error(let message): failure = failure ?? message
      }
    }
    if let failure { return .error(failure) }
    if !found.isEmpty { return .fails(found) }
    if let undecided { return .inconclusive(undecided) }
    if vacuousParts == answers.count { return .vacuous }
    return .holds(witness: witness ?? 0)
  }

  /// Solves every key once, spread over `options.jobs` workers with a Z3 context each.
  func solveAll(_ keys: [QueryKey]) -> [QueryOutcome] {
    let store = Locked<[QueryOutcome?]>(Array(repeating: nil, count: keys.count))
    let jobs = max(1, min(options.jobs, keys.count))
    let timeout = options.timeoutMilliseconds
    let keepSMT = options.keepSMT
    DispatchQueue.concurrentPerform(iterations: jobs) { worker in
      let solver: QuerySolver
      do {
        solver = try QuerySolver(timeoutMilliseconds: timeout, wantsSMT: keepSMT)
      } catch {
        for index in stride(from: worker, to: keys.count, by: jobs) {
          store.update { $0[index] = QueryOutcome(failed: "\(error)", key: keys[index]) }
        }
        return
      }
      for index in stride(from: worker, to: keys.count, by: jobs) {
        let outcome: QueryOutcome
        do {
          outcome = try solver.solve(keys[index])
        } catch {
          outcome = QueryOutcome(failed: "\(error)", key: keys[index])
        }
        store.update { $0[index] = outcome }
      }
    }
    return store.current.enumerated().map { index, outcome in
      outcome ?? QueryOutcome(failed: "no worker answered", key: keys[index])
    }
  }

  // MARK: replay and disposition

  func replay(_ found: FoundValue, _ item: PlannedObligation) throws(CounterexampleReplay.Mismatch)
    -> (Counterexample, MigrationGroup?)
  {
    let width = item.obligation.guestWidth
    switch item.subject.resolved(in: model) {
    case .migration(let older, let hypercall, let olderMultiplex, let newer, _, let newerMultiplex):
      if item.obligation.kind == .progressBound {
        return (
          try CounterexampleReplay.progressBound(
            found, hypercall: hypercall.lineage, older: older, olderMultiplex, newer: newer, newerMultiplex,
            guestWidth: width), nil
        )
      }
      let (counterexample, group) = try CounterexampleReplay.migration(
        found, hypercall: hypercall.lineage, older: older, olderMultiplex, newer: newer, newerMultiplex,
        guestWidth: width)
      return (counterexample, group)
    case .countFlagMigration(let older, let hypercall, let flag, let newer, let newerFlag, let argument):
      return (
        try CounterexampleReplay.countFlagMigration(
          found, older: older, hypercall, flag, newer: newer, newerFlag, argument: argument, guestWidth: width), nil
      )
    case .table(let older, let newer):
      return (try CounterexampleReplay.table(found, older: older, newer: newer, abi: item.obligation.guestABI), nil)
    case .countFlag(_, let hypercall, let flag):
      return (try CounterexampleReplay.countFlagRoundTrip(found, hypercall, flag, guestWidth: width), nil)
    case .multiplex(_, _, let multiplex):
      return (try ReleaseReplay.replay(found, item.obligation.kind, multiplex, guestWidth: width), nil)
    }
  }

  /// Accepted when an entry of an accepted break covers exactly this way of breaking, this
  /// pair and this width; otherwise failing, or reported for op classes the policy lets through.
  func disposition(of counterexample: Counterexample, _ item: PlannedObligation) -> CheckReport.Disposition {
    guard let identity = counterexample.identity, let olderIndex = item.olderIndex else { return .failing }
    if let entry = coverage.first(where: {
      $0.covers(identity, older: olderIndex, newer: item.newerIndex, guestWidth: item.obligation.guestWidth)
    }) {
      let record = model.acceptedBreaks[entry.record]
      return .accepted(id: record.id, reason: record.reason, location: record.location)
    }
    let opClass: MigrationPolicy.OpClass = counterexample.toolsOnly ? .toolsOnly : .guestVisible
    return model.migrationPolicy.mustSurvive.contains(opClass) ? .failing : .reported
  }

  func witnessText(_ item: PlannedObligation, _ value: UInt64) -> String {
    switch item.obligation.kind {
    case .opFitsMask, .numbersUnique: return "op number \(value)"
    case .fieldsDisjoint: return "progress \(value)"
    case .hypercallNumbers: return "hypercall \(value)"
    default: return "live value \(CounterexampleReplay.hex(value))"
    }
  }
}

/// A value the workers write under a lock (each writes its own entries).
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) {
    self.value = value
  }

  func update(_ body: (inout Value) -> Void) {
    lock.lock()
    body(&value)
    lock.unlock()
  }

  var current: Value {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
