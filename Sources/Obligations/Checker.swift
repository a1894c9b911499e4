import ABIModel
import Dispatch
import Foundation

/// `abigen check`: plans the proof obligations of a model, asks Z3 each structurally distinct
/// query once, replays every counterexample through the model's own decoder, and sorts the
/// breaks into failing, accepted and reported.
public struct Checker: Sendable {
  public let model: ABIModel
  public let options: CheckOptions
  let identities: IdentityTable
  /// The entries of the spec's accepted breaks, resolved once.
  let coverage: [ResolvedCoverage]
  /// The positions in `coverage` of the entries about each way of breaking: a report with
  /// thousands of breaks matches each only against the few entries that can cover it.
  let coverageByIdentity: [BreakIdentity: [Int]]
  /// `model.architectures`, computed once: every break asks for its architectures by name.
  let architectureNames: [String]
  /// The model as each architecture sees it: an obligation is replayed in its ABI's view.
  let views: ArchitectureViews
  /// The architectures each obligation stands for (`PlannedObligation.architectures`), as the
  /// plan interned them.
  private(set) var architectureGroups: [[Int]] = []

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public init(model: ABIModel, options: CheckOptions = CheckOptions()) {
    self.model = model
    self.options = options
    self.identities = IdentityTable(model)
    let coverage = model.resolvedCoverage
    self.coverage = coverage
    self.coverageByIdentity = Dictionary(grouping: coverage.indices) { coverage[$0].identity }
    self.architectureNames = model.architectures
    self.views = ArchitectureViews(model)
  }

  /// The SMT-LIB2 text of each distinct query, named after the first obligation that asked it;
  /// filled only when `options.keepSMT` is set.
  public private(set) var smtQueries: [(name: String, text: String, expected: String)] = []

  /// Runs the check; `whenSolved` is called (on this thread) once every query is answered and
  /// replayed, when what remains is serial: work the caller overlaps with the rest.
  public mutating func run(whenSolved: () -> Void = {}) throws(Failure) -> CheckReport {
    let start = DispatchTime.now()
    let planned: [PlannedObligation]
    let planner = ObligationPlanner(model: model, options: options, identities: identities, views: views)
    // Workers solve the queries as planning finds them: all but one while the planner has a
    // core, every one after. Which worker solves a batch does not change its answers.
    let feed = QueryFeed()
    planner.keyTable.feed = feed
    let solving = Solving(feed: feed, options: options)
    let workers = max(1, options.jobs)
    // More workers than batches would only wait: before the plan's size is known, at most 64.
    let early = min(max(1, workers - 1), 64)
    for _ in 0..<early { solving.startWorker() }
    do {
      planned = try planner.plan()
    } catch {
      feed.finish()
      _ = solving.wait()
      throw Failure(description: error.description)
    }
    planner.keyTable.publish()
    feed.finish()
    let batches = (feed.count + QuerySolver.batchSize - 1) / QuerySolver.batchSize
    for _ in early..<max(early, min(workers, batches)) { solving.startWorker() }
    architectureGroups = planner.architectureGroups.groups

    // Every distinct query once, in the order the plan first asks it.
    let keys = planner.keyTable.keys
    let keySets = planner.keyTable.sets
    var firstAsker: [Int?] = Array(repeating: nil, count: keys.count)
    var setAsked = Array(repeating: false, count: keySets.count)
    for (position, item) in planned.enumerated() where !setAsked[Int(item.keySet)] {
      setAsked[Int(item.keySet)] = true
      for key in keySets[Int(item.keySet)] where firstAsker[key] == nil { firstAsker[key] = position }
    }
    let (outcomes, splits) = solving.wait()

    var results = ObligationResults()
    // Names interned once: release positions, then each release's hypercalls.
    let releaseNames = model.releases.map { results.intern($0.name) }
    // Each hypercall's tables by position (`Hypercall.table(at:)`): `memory_op`, then
    // `memory_op.access_op`, ...
    let tableNames = model.releases.map { release in
      release.hypercalls.map { hypercall in
        (0...hypercall.nestedTables.count).map { results.intern(hypercall.tableName(at: $0)) }
      }
    }
    let abis = model.guestABIs.map { results.guestABI($0.name) }
    /// The interned names of an obligation's table and releases.
    func names(_ item: PlannedObligation) -> (hypercall: Int32, older: Int32, release: Int32) {
      let older = item.olderIndex
      return (
        item.subject.hypercall.map { tableNames[older ?? item.newerIndex][$0][Int(item.table)] } ?? -1,
        older.map { releaseNames[$0] } ?? -1, releaseNames[item.newerIndex]
      )
    }
    func record(_ item: PlannedObligation, _ outcome: CheckReport.Outcome, _ verdict: Verdict) {
      let (hypercall, older, release) = names(item)
      results.append(
        kind: item.kind, outcome: outcome, guestWidth: item.guestWidth, guestABI: abis[Int(item.guestABI)],
        hypercall: hypercall, older: older, release: release, verdict: verdict)
    }
    var notes: [CheckReport.Note] = []
    var breaks = BreakTable()
    // A migration's counterexample depends on the two hypercalls' states, not on which releases
    // hold them: the pairs of a long history whose states are the same share one replay.
    let states = planner.states
    // Each set's answer, combined once for every obligation that shares it (per facet).
    var combined: [QueryAnswer?] = Array(repeating: nil, count: keySets.count * QueryKey.maximumFacets)
    func answer(_ item: PlannedObligation) -> QueryAnswer {
      let slot = Int(item.keySet) * QueryKey.maximumFacets + Int(item.facet)
      if let known = combined[slot] { return known }
      let answer = Self.combine(keySets[Int(item.keySet)].lazy.map { outcomes[$0].answers[Int(item.facet)] })
      combined[slot] = answer
      return answer
    }
    // The distinct migration replays first, on the workers: each is pure, and a long history
    // has thousands. Failing migrations of the same states and answer are one replay class:
    // their values, counterexamples and (where no entry is about them) dispositions are the same.
    var pending: [ReplayKey: Int] = [:]
    var order: [(item: Int, value: FoundValue)] = []
    var classOfItem: [Int32] = Array(repeating: -1, count: planned.count)
    var classes: [ReplayClass: Int32] = [:]
    var classReplays: [[Int]] = []
    for (index, item) in planned.enumerated() {
      guard case .fails(let values) = answer(item), let key = states.replayClass(item) else { continue }
      if let known = classes[key] {
        classOfItem[index] = known
        continue
      }
      let replays = values.map { value in
        let replayKey = ReplayKey(of: key, value: value)
        if let known = pending[replayKey] { return known }
        pending[replayKey] = order.count
        order.append((index, value))
        return order.count - 1
      }
      classOfItem[index] = Int32(classReplays.count)
      classes[key] = Int32(classReplays.count)
      classReplays.append(replays)
    }
    let replayed = Locked<[Result<(Counterexample, MigrationGroup?), CounterexampleReplay.Mismatch>?]>(
      Array(repeating: nil, count: order.count))
    let replayers = max(1, min(options.jobs, order.count))
    let (checker, jobs) = (self, order)
    DispatchQueue.concurrentPerform(iterations: replayers) { worker in
      var mine: [(Int, Result<(Counterexample, MigrationGroup?), CounterexampleReplay.Mismatch>)] = []
      // A class's values are consecutive jobs of one obligation: its subject is resolved once.
      var resolved: (item: Int, subject: PlannedObligation.ResolvedSubject)?
      for position in stride(from: worker, to: jobs.count, by: replayers) {
        let job = jobs[position]
        let item = planned[job.item]
        if resolved?.item != job.item {
          resolved = (job.item, item.resolved(in: checker.views.model(forABI: Int(item.guestABI))))
        }
        let subject = resolved!.subject
        mine.append(
          (
            position,
            Result { () throws(CounterexampleReplay.Mismatch) in try checker.replay(job.value, item, subject) }
          ))
      }
      replayed.update { all in for (position, result) in mine { all[position] = result } }
    }
    whenSolved()
    // Each replay stored once in the break table, with the disposition it has wherever no
    // accepted-break entry is about its way of breaking (`nil` where one is).
    var replayPositions: [Int32] = []
    var plainDisposition: [Int32?] = []
    var replayMismatch: [String?] = []
    for result in replayed.current {
      switch result! {
      case .success(let (counterexample, group)):
        replayPositions.append(breaks.add(counterexample, group))
        plainDisposition.append(plainPosition(of: counterexample))
        replayMismatch.append(nil)
      case .failure(let mismatch):
        replayPositions.append(-1)
        plainDisposition.append(nil)
        replayMismatch.append(mismatch.description)
      }
    }
    /// A replay class's counterexamples (one array, shared by every verdict of the class), and
    /// its dispositions when they hold for every obligation of the class.
    struct ClassBreaks {
      var counterexamples: [Counterexample]
      var positions: [Int32]
      var dispositions: [Int32]?
      var mismatch: String?
    }
    let classBreaks = classReplays.map { replays in
      ClassBreaks(
        counterexamples: replays.compactMap {
          replayPositions[$0] < 0 ? nil : breaks.counterexample(at: replayPositions[$0])
        },
        positions: replays.map { replayPositions[$0] },
        dispositions: replays.allSatisfy { plainDisposition[$0] != nil } ? replays.map { plainDisposition[$0]! } : nil,
        mismatch: replays.lazy.compactMap { replayMismatch[$0] }.last)
    }
    func outcome(of dispositions: [Int32]) -> CheckReport.Outcome {
      dispositions.contains(BreakTable.failing)
        ? .refuted : dispositions.contains(BreakTable.reported) ? .reported : .accepted
    }
    for (index, item) in planned.enumerated() {
      switch answer(item) {
      case .holds(let witness):
        // Its text is made when the result is read: millions of proofs format none.
        let (hypercall, older, release) = names(item)
        results.appendProved(
          kind: item.kind, guestWidth: item.guestWidth, guestABI: abis[Int(item.guestABI)], hypercall: hypercall,
          older: older, release: release, witness: witness)
      case .vacuous:
        record(item, .vacuous, .vacuous)
        notes.append(
          .init(
            severity: .error, outcome: .vacuous,
            message: "\(obligation(item)) holds only vacuously: it talks about no value at all", location: nil))
      case .inconclusive(let reason):
        record(item, .inconclusive, .inconclusive(reason: reason))
      case .error(let message):
        record(item, .internalError, .inconclusive(reason: message))
        notes.append(
          .init(
            severity: .error, outcome: .internalError, message: "\(obligation(item)): solver error: \(message)",
            location: nil))
      case .fails(let values):
        let counterexamples: [Counterexample]
        var positions: [Int32] = []
        var dispositions: [Int32] = []
        var mismatch: String?
        if classOfItem[index] >= 0 {
          // Replayed above, once for its class.
          let shared = classBreaks[Int(classOfItem[index])]
          (counterexamples, positions, mismatch) = (shared.counterexamples, shared.positions, shared.mismatch)
          if let fixed = shared.dispositions {
            dispositions = fixed
          } else {
            positions = positions.filter { $0 >= 0 }
            dispositions = positions.map { breaks.position(of: disposition(of: breaks.counterexample(at: $0), item)) }
          }
        } else {
          // The other kinds are replayed here, per obligation.
          var found: [Counterexample] = []
          for value in values {
            do {
              let (counterexample, group) = try replay(value, item)
              found.append(counterexample)
              positions.append(breaks.add(counterexample, group))
              dispositions.append(breaks.position(of: disposition(of: counterexample, item)))
            } catch {
              mismatch = error.description
            }
          }
          counterexamples = found
        }
        for (position, disposition) in zip(positions, dispositions) where position >= 0 {
          breaks.append(obligation: index, counterexample: position, disposition: disposition)
        }
        if let mismatch {
          record(item, .internalError, .refuted(counterexamples))
          notes.append(
            .init(
              severity: .error, outcome: .internalError,
              message: "\(obligation(item)): counterexample does not replay: \(mismatch)", location: nil))
          continue
        }
        record(item, outcome(of: dispositions), .refuted(counterexamples))
      }
    }

    let findings = representatives(breaks, planned)
    // An undecided query may hide the break an entry is for: staleness is judged on a full answer.
    if results.count(.inconclusive) == 0 && results.count(.internalError) == 0 {
      notes += staleAcceptedBreaks(breaks, planned)
    }
    for (key, asker) in firstAsker.enumerated() {
      guard let asker else { continue }
      let obligation = obligation(planned[asker])
      for answer in outcomes[key].answers {
        guard case .inconclusive(let reason) = answer else { continue }
        let sharing = planned.filter { keySets[Int($0.keySet)].contains(key) }.count
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
          let name =
            String(format: "%04d-%d-", index, facet)
            + (firstAsker[index].map { obligation(planned[$0]).fileName } ?? "query")
          return (name, pair.0, expected)
        }
      }
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    return CheckReport(
      results: results, findings: findings, notes: notes.sorted { $0.message < $1.message },
      distinctQueries: keys.count, solverChecks: outcomes.reduce(0) { $0 + $1.checks }, splitChecks: splits,
      seconds: elapsed)
  }

  // MARK: solving

  /// The answer of an obligation decided by several queries: refuted if any refutes, then
  /// undecided if any is, vacuous only if every part is, proved otherwise.
  static func combine<Answers: Sequence<QueryAnswer>>(_ answers: Answers) -> QueryAnswer {
    var found: [FoundValue] = []
    var witness: UInt64?
    var undecided: String?
    var failure: String?
    var vacuousParts = 0
    var parts = 0
    for answer in answers {
      parts += 1
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
    if vacuousParts == parts { return .vacuous }
    return .holds(witness: witness ?? 0)
  }

  /// The queries being solved: `wait` returns every key's outcome once planning has finished,
  /// and how many undecided checks were split.
  struct Solving {
    let group = DispatchGroup()
    let feed: QueryFeed
    let answered = Locked<[Int: QueryOutcome]>([:])
    let splits = Locked(0)
    /// The next batch (of `QuerySolver.batchSize` positions) a worker takes.
    let nextBatch = Locked(0)
    let options: CheckOptions

    /// Starts a worker with a Z3 context of its own, which takes the next batch of keys until
    /// the feed has no more.
    func startWorker() {
      let (feed, answered, splits, nextBatch) = (feed, answered, splits, nextBatch)
      let options = options
      DispatchQueue.global().async(group: group) {
        // Made with the first batch: a worker that finds none makes no Z3 context.
        var made: Result<QuerySolver, any Error>?
        var mine: [(Int, QueryOutcome)] = []
        while true {
          let batch = QuerySolver.batch(
            nextBatch.update { next in
              defer { next += 1 }
              return next
            })
          let keys = feed.keys(at: batch)
          if keys.isEmpty { break }
          let solver =
            made
            ?? Result {
              try QuerySolver(
                timeoutMilliseconds: options.timeoutMilliseconds, wantsSMT: options.keepSMT,
                splitBits: options.splitBits, forcedSplitBits: options.forcedSplitBits)
            }
          made = solver
          switch solver {
          case .failure(let error):
            mine += keys.indices.map { ($0, QueryOutcome(failed: "\(error)", key: keys[$0])) }
          case .success(let solver):
            solver.startBatch()
            for index in keys.indices {
              do {
                mine.append((index, try solver.solve(keys[index])))
              } catch {
                mine.append((index, QueryOutcome(failed: "\(error)", key: keys[index])))
              }
            }
          }
        }
        answered.update { answered in for (index, outcome) in mine { answered[index] = outcome } }
        if case .success(let solver) = made { splits.update { $0 += solver.splits } }
      }
    }

    func wait() -> (outcomes: [QueryOutcome], splits: Int) {
      group.wait()
      let answered = answered.current
      let outcomes = (0..<feed.count).map { index in
        answered[index] ?? QueryOutcome(failed: "no worker answered", key: feed.keys(at: index..<index + 1).first!)
      }
      return (outcomes, splits.current)
    }
  }

  // MARK: replay and disposition

  func replay(_ found: FoundValue, _ item: PlannedObligation) throws(CounterexampleReplay.Mismatch)
    -> (Counterexample, MigrationGroup?)
  {
    try replay(found, item, item.resolved(in: views.model(forABI: Int(item.guestABI))))
  }

  /// `replay(_:_:)` with the obligation's subject already resolved in its ABI's view.
  func replay(_ found: FoundValue, _ item: PlannedObligation, _ subject: PlannedObligation.ResolvedSubject)
    throws(CounterexampleReplay.Mismatch) -> (Counterexample, MigrationGroup?)
  {
    let width = Int(item.guestWidth)
    let model = views.model(forABI: Int(item.guestABI))
    switch subject {
    case .migration(let older, let table, let newer, let newerMultiplex, let refusal):
      let (hypercall, olderMultiplex) = (table, table.multiplex)
      if item.kind == .progressBound {
        return (
          try CounterexampleReplay.progressBound(
            found, hypercall: hypercall.lineage, older: older, olderMultiplex, newer: newer, newerMultiplex,
            guestWidth: width
          ).naming(table), nil
        )
      }
      let (counterexample, group) = try CounterexampleReplay.migration(
        found, hypercall: hypercall.lineage, older: older, olderMultiplex, newer: newer, newerMultiplex,
        refusal: refusal, guestWidth: width)
      return (counterexample.naming(table), group)
    case .countFlagMigration(let older, let hypercall, let flag, let newer, let newerFlag, let argument):
      return (
        try CounterexampleReplay.countFlagMigration(
          found, older: older, hypercall, flag, newer: newer, newerFlag, argument: argument, guestWidth: width), nil
      )
    case .table(let older, let newer):
      return (
        try CounterexampleReplay.table(
          found, older: older, newer: newer, abi: model.guestABIs[Int(item.guestABI)].name), nil
      )
    case .writeBack(
      let older, let hypercall, let olderMultiplex, let newer, let newerMultiplex, let store, let load, let writeBack):
      return (
        try CounterexampleReplay.writeBack(
          found, hypercall: hypercall, older: older, olderMultiplex, newer: newer, newerMultiplex, store: store,
          load: load, writeBack, abi: model.guestABIs[Int(item.guestABI)]), nil
      )
    case .continuationTargets(let older, let newer):
      return (
        try CounterexampleReplay.continuationTarget(
          found, older: older, newer: newer, abi: model.guestABIs[Int(item.guestABI)].name, identities: identities), nil
      )
    case .countFlag(_, let hypercall, let flag):
      return (try CounterexampleReplay.countFlagRoundTrip(found, hypercall, flag, guestWidth: width), nil)
    case .multiplex(_, let table):
      return (try ReleaseReplay.replay(found, item.kind, table.multiplex, guestWidth: width).naming(table), nil)
    }
  }

  /// Accepted when entries of accepted breaks cover exactly this way of breaking, this pair,
  /// this width and every architecture the obligation stands for (the first such entry names
  /// the record); otherwise failing, or reported for op classes the policy lets through.
  func disposition(of counterexample: Counterexample, _ item: PlannedObligation) -> CheckReport.Disposition {
    guard let identity = counterexample.identity, let olderIndex = item.olderIndex else { return .failing }
    // Most breaks of a long history are of ways no entry is about: for those, no architecture
    // names are made and no entry is asked.
    if let candidates = coverageByIdentity[identity] {
      let entries = architectures(of: item).map { architecture in
        candidates.first {
          coverage[$0].covers(
            identity, older: olderIndex, newer: item.newerIndex, guestWidth: Int(item.guestWidth),
            architecture: architecture)
        }
      }
      if !entries.isEmpty, entries.allSatisfy({ $0 != nil }), let entry = entries[0] {
        let record = model.acceptedBreaks[coverage[entry].record]
        return .accepted(id: record.id, reason: record.reason, location: record.location)
      }
    }
    return policyDisposition(of: counterexample)
  }

  /// Failing, or reported for op classes the policy lets through.
  func policyDisposition(of counterexample: Counterexample) -> CheckReport.Disposition {
    let opClass: MigrationPolicy.OpClass = counterexample.toolsOnly ? .toolsOnly : .guestVisible
    return model.migrationPolicy.mustSurvive.contains(opClass) ? .failing : .reported
  }

  /// The position of a migration counterexample's disposition in a `BreakTable` when it is the
  /// same for every obligation (no accepted-break entry is about its way of breaking); `nil`
  /// when it depends on the obligation's releases, width and architectures.
  func plainPosition(of counterexample: Counterexample) -> Int32? {
    guard let identity = counterexample.identity else { return BreakTable.failing }
    if coverageByIdentity[identity] != nil { return nil }
    return policyDisposition(of: counterexample) == .failing ? BreakTable.failing : BreakTable.reported
  }

  /// The obligation in the spec's names.
  func obligation(_ item: PlannedObligation) -> ProofObligation { item.obligation(in: model) }

  /// The architectures an obligation stands for, by name.
  func architectures(of item: PlannedObligation) -> [String] {
    Int(item.architectures) < architectureGroups.count
      ? architectureGroups[Int(item.architectures)].map { architectureNames[$0] }
      : [model.guestABIs[Int(item.guestABI)].architecture]
  }
}

extension Counterexample {
  /// The counterexample with its word named as reports name it: a nested table's field with its
  /// structure (`xen_mem_access_op.op`), a main table's argument as it is.
  func naming(_ table: HypercallTable) -> Counterexample {
    guard let nested = table.nested else { return self }
    var named = self
    named.argument = nested.wordName
    return named
  }
}

/// A value the workers write under a lock (each writes its own entries).
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) {
    self.value = value
  }

  @discardableResult
  func update<Result>(_ body: (inout Value) -> Result) -> Result {
    lock.lock()
    defer { lock.unlock() }
    return body(&value)
  }

  var current: Value {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}

/// Every hypercall of every release as the id of its state (equal states, equal ids), so two
/// migrations can be told to ask the same question of the same decoders.
struct HypercallStates {
  /// `[release][hypercall position]`.
  let ids: [[Int32]]

  init(_ model: ABIModel) {
    var known: [Hypercall: Int32] = [:]
    var ids: [[Int32]] = []
    var previous: [Hypercall] = []
    for release in model.releases {
      ids.append(
        release.hypercalls.enumerated().map { position, hypercall in
          // Most releases keep most hypercalls as the one before had them, often as the same
          // storage, which compares equal without hashing the whole table.
          if position < previous.count, previous[position] == hypercall { return ids[ids.count - 1][position] }
          if let id = known[hypercall] { return id }
          let id = Int32(known.count)
          known[hypercall] = id
          return id
        })
      previous = release.hypercalls
    }
    self.ids = ids
  }

  /// The replay class of a migration (`nil` for the other kinds, replayed per obligation).
  func replayClass(_ item: PlannedObligation) -> ReplayClass? {
    guard item.kind == .migration || item.kind == .progressBound,
      case .migration(let older, let hypercall, let newer, let successor) = item.subject
    else { return nil }
    return ReplayClass(
      older: ids[Int(older)][Int(hypercall)], newer: ids[Int(newer)][Int(successor)], kind: item.kind,
      table: item.table, guestABI: item.guestABI, guestWidth: item.guestWidth, keySet: item.keySet, facet: item.facet)
  }
}

/// What a migration's replays depend on, and the answer that gave its values: the obligations
/// of a class share their counterexamples.
struct ReplayClass: Hashable {
  var older: Int32
  var newer: Int32
  var kind: ProofObligation.Kind
  var table: UInt8
  var guestABI: UInt8
  var guestWidth: UInt8
  var keySet: Int32
  var facet: UInt8
}

/// What one migration replay depends on.
struct ReplayKey: Hashable {
  var older: Int32
  var newer: Int32
  var kind: ProofObligation.Kind
  var table: UInt8
  var guestABI: UInt8
  var guestWidth: UInt8
  var value: FoundValue

  init(of replayClass: ReplayClass, value: FoundValue) {
    (older, newer, kind) = (replayClass.older, replayClass.newer, replayClass.kind)
    (table, guestABI, guestWidth) = (replayClass.table, replayClass.guestABI, replayClass.guestWidth)
    self.value = value
  }
}
