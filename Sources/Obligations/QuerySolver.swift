import ABIModel
import Solver

/// Builds and solves the query of one key in one context. One instance per worker task: Z3
/// contexts are not thread-safe.
final class QuerySolver {
  let context: SolverContext
  let timeoutMilliseconds: UInt32
  let wantsSMT: Bool
  /// How many of a value's bits an undecided check is split on at most (`2^n` parts).
  let splitBits: Int
  /// Split every check this many bits deep even when it is decided (tests: every split path
  /// must give the unsplit answer).
  let forcedSplitBits: Int
  /// How many undecided checks were split.
  private(set) var splits = 0
  private var variableCount = 0
  /// Witnesses of premises already shown satisfiable in this batch, by what the premise is about.
  private(set) var witnesses: [AnyHashable: UInt64] = [:]
  /// The solver the queries of the current batch share, each in its own scope.
  private var batchSolver: Solver?
  /// How many solvers this worker made (one per batch, or more after timeouts).
  private(set) var solversMade = 0

  /// Queries from here on get a new solver and forget the witnesses found so far. A Z3 solver
  /// costs as much to create as a small query does to decide, so a batch of queries shares one,
  /// each query in its own scope. A solver's state (learned clauses, phases) shapes the models
  /// it finds, and a remembered witness saves a check, so callers start a batch at positions
  /// fixed by the queries alone: the values found and the checks made are then the same
  /// whichever worker solves a batch, and after whatever else. Batches stay short, because a
  /// solver reused for long slowed later queries down into the timeout.
  func startBatch() {
    batchSolver = nil
    witnesses.removeAll(keepingCapacity: true)
  }

  /// How many consecutive queries share a solver: 8 took a fifth off the bundled check's
  /// solving; longer batches gained nothing more (docs/benchmarks.md).
  static let batchSize = 8

  /// The positions of batch `number`: consecutive, `batchSize` of them, so a batch is the same
  /// whichever worker takes it.
  static func batch(_ number: Int) -> Range<Int> {
    number * batchSize..<(number + 1) * batchSize
  }

  /// The batches of `count` queries that `worker` of `workers` solves, dealt out in turn.
  static func batches(of count: Int, worker: Int, workers: Int) -> [Range<Int>] {
    stride(from: worker, to: (count + batchSize - 1) / batchSize, by: workers).map {
      batch($0).clamped(to: 0..<count)
    }
  }

  /// Runs `body` in a scope of the batch's solver, which is back at its base level afterwards.
  func scoped<T>(_ body: (Solver) throws -> T) rethrows -> T {
    let solver =
      batchSolver
      ?? {
        solversMade += 1
        return Solver(context: context, timeoutMilliseconds: timeoutMilliseconds)
      }()
    batchSolver = solver
    solver.push()
    defer { solver.pop() }
    return try body(solver)
  }

  init(timeoutMilliseconds: UInt32, wantsSMT: Bool, splitBits: Int = 4, forcedSplitBits: Int = 0) throws {
    context = try SolverContext(randomSeed: 0, timeoutMilliseconds: timeoutMilliseconds)
    self.timeoutMilliseconds = timeoutMilliseconds
    self.wantsSMT = wantsSMT
    self.splitBits = splitBits
    self.forcedSplitBits = forcedSplitBits
  }

  /// Decides the solver's assertions. A check Z3 leaves undecided (a query that ran into the
  /// timeout) is split on the highest bits of `value`, the register the query is about, and each
  /// half decided on its own, up to `splitBits` deep: a hard query is narrowed rather than
  /// abandoned. The parts cover every value, so the answer is unsat only when every part is, sat
  /// with the first satisfiable part's model, and undecided if any part still is.
  func decide(_ solver: Solver, splitting value: BitVector) throws -> (SolverResult, checks: Int) {
    let splitsBefore = splits
    var checks = 0
    let result = try decide(solver, splitting: value, depth: 0, checks: &checks)
    // A solver that ran into the timeout may have grown large: the next query gets a new one.
    var ranIntoTimeout = splits > splitsBefore
    if case .unknown = result { ranIntoTimeout = true }
    if ranIntoTimeout { batchSolver = nil }
    if case .unknown(let reason) = result, splitBits > 0 {
      return (
        .unknown(reason: "\(reason), still undecided split into \(1 << min(splitBits, value.width)) parts"), checks
      )
    }
    return (result, checks)
  }

  private func decide(_ solver: Solver, splitting value: BitVector, depth: Int, checks: inout Int) throws
    -> SolverResult
  {
    if depth >= forcedSplitBits || depth >= value.width {
      checks += 1
      let result = try solver.check()
      guard case .unknown = result, depth < splitBits, depth < value.width else { return result }
      if depth >= forcedSplitBits { splits += 1 }
    }
    let bit = value.width - 1 - depth
    var undecided: String?
    for half: UInt64 in [0, 1] {
      solver.push()
      solver.assert(value.extract(high: bit, low: bit) == half)
      let result = try decide(solver, splitting: value, depth: depth + 1, checks: &checks)
      solver.pop()
      switch result {
      case .sat: return result
      case .unsat: continue
      case .unknown(let reason): undecided = undecided ?? reason
      }
    }
    return undecided.map { .unknown(reason: $0) } ?? .unsat
  }

  /// A fresh variable: names are never reused within a context.
  func variable(_ name: String, width: Int) -> BitVector {
    variableCount += 1
    return context.variable("\(name)_\(variableCount)", width: width)
  }

  func boolVariable(_ name: String) -> BoolExpr {
    variableCount += 1
    return context.boolVariable("\(name)_\(variableCount)")
  }

  func solve(_ key: QueryKey) throws -> QueryOutcome {
    switch key {
    case .release(let kind, let shape): return try solveRelease(kind, shape)
    case .releaseSlice(let shape): return try solveReleaseSlice(shape)
    case .migration(let older, let newer): return try solveMigration(older, newer)
    case .countFlagRoundTrip(let shape): return try solveCountFlagRoundTrip(shape)
    case .countFlagMigration(let older, let newer): return try solveCountFlagMigration(older, newer)
    case .table(let older, let newer): return try solveTable(older, newer)
    case .writeBack(let older, let newer, let bits): return try solveWriteBack(older, newer, memoryBits: bits)
    }
  }

  /// One way an obligation can fail, and how to read a failing value off a model: enumerates
  /// up to `limit` distinct failures, each excluded by `block` before the next check.
  struct Violation {
    var formula: BoolExpr
    var value: BitVector
    var detail: BitVector? = nil
    var limit: Int = 1
    var block: ((SolverModel) throws -> BoolExpr)? = nil
    /// The formula is false by construction (the same decoder on both sides of a migration):
    /// it is not checked, and only the premise is, so the proof still has its witness.
    var impossible = false
  }

  /// Violations over one premise (see `run(groups:)`).
  struct PremiseGroup {
    var premise: BoolExpr
    var violations: [Violation]
    var premiseKey: AnyHashable? = nil
  }

  /// The common shape of every query: a premise (what the obligation talks about), a violation
  /// (how it could fail), and how to read a failing value off a model.
  func run(
    premise: BoolExpr, violation: BoolExpr, value: BitVector, detail: BitVector? = nil,
    limit: Int = 1, premiseKey: AnyHashable? = nil, block: ((SolverModel) throws -> BoolExpr)? = nil
  ) throws -> QueryOutcome {
    try run(
      premise: premise,
      violations: [Violation(formula: violation, value: value, detail: detail, limit: limit, block: block)],
      premiseKey: premiseKey)
  }

  /// Several obligations over the same premise, asked of one solver: each violation in its own
  /// scope, then, if any of them cannot happen, the premise alone, so that nothing holds
  /// vacuously. One answer per violation, in order.
  func run(premise: BoolExpr, violations: [Violation], premiseKey: AnyHashable? = nil) throws -> QueryOutcome {
    try run(groups: [PremiseGroup(premise: premise, violations: violations, premiseKey: premiseKey)])
  }

  /// Obligations over several premises, asked of one solver, each premise in its own scope (the
  /// properties of one slice of a table). One answer per violation, in the groups' order.
  func run(groups: [PremiseGroup]) throws -> QueryOutcome {
    var checks = 0
    var answers: [QueryAnswer] = []
    var texts: [String] = []
    for group in groups {
      let (groupAnswers, groupTexts) = try scoped { solver in try answer(group, in: solver, checks: &checks) }
      answers += groupAnswers
      texts += groupTexts
    }
    return QueryOutcome(answers: answers, checks: checks, smtLib2: texts)
  }

  private func answer(_ group: PremiseGroup, in solver: Solver, checks: inout Int) throws
    -> (answers: [QueryAnswer], texts: [String])
  {
    solver.assert(group.premise)
    var answers: [QueryAnswer?] = []
    var texts: [String] = []
    for violation in group.violations {
      solver.push()
      defer { solver.pop() }
      if violation.impossible {
        if wantsSMT {
          solver.assert(context.false)
          texts.append(try solver.smtLib2())
        }
        answers.append(nil)
        continue
      }
      solver.assert(violation.formula)
      if wantsSMT { texts.append(try solver.smtLib2()) }
      var found: [FoundValue] = []
      var answer: QueryAnswer?
      enumeration: while found.count < violation.limit {
        let (result, made) = try decide(solver, splitting: violation.value)
        checks += made
        switch result {
        case .unknown(let reason):
          // A partial enumeration is still a refutation; an undecided first check is not a proof.
          answer = found.isEmpty ? .inconclusive(reason) : .fails(found)
          break enumeration
        case .unsat:
          answer = found.isEmpty ? nil : .fails(found)
          break enumeration
        case .sat(let model):
          found.append(
            FoundValue(
              value: try model.value(of: violation.value),
              detail: try violation.detail.map { try model.value(of: $0) } ?? 0))
          guard let block = violation.block else { break enumeration }
          solver.assert(try block(model))
        }
      }
      if answer == nil && !found.isEmpty { answer = .fails(found) }
      answers.append(answer)
    }
    guard answers.contains(where: { $0 == nil }) else { return (answers.map { $0! }, texts) }
    // The premise alone: a proof over an empty set of values would be vacuous. Queries with
    // the same premise (one older release's live values against many newer releases) share
    // the witness this worker already found for it.
    let holds: QueryAnswer
    if let premiseKey = group.premiseKey, let witness = witnesses[premiseKey] {
      holds = .holds(witness: witness)
    } else {
      let (result, made) = try decide(solver, splitting: group.violations[0].value)
      checks += made
      switch result {
      case .sat(let model):
        let witness = try model.value(of: group.violations[0].value)
        if let premiseKey = group.premiseKey { witnesses[premiseKey] = witness }
        holds = .holds(witness: witness)
      case .unsat:
        holds = .vacuous
      case .unknown(let reason):
        holds = .inconclusive("witness: \(reason)")
      }
    }
    return (answers.map { $0 ?? holds }, texts)
  }

  /// The smallest value satisfying `premise && violation && extra`, by bisection on an upper
  /// bound: counterexamples that are printed should be the simplest ones (`0x10`, not
  /// `0x7ffd5a10`).
  func smallest(satisfying formula: BoolExpr, value: BitVector, detail: BitVector? = nil) throws -> FoundValue? {
    try scoped { solver in try smallest(satisfying: formula, value: value, detail: detail, in: solver) }
  }

  private func smallest(satisfying formula: BoolExpr, value: BitVector, detail: BitVector?, in solver: Solver) throws
    -> FoundValue?
  {
    solver.assert(formula)
    guard case .sat(let first) = try solver.check() else { return nil }
    var best = FoundValue(value: try first.value(of: value), detail: try detail.map { try first.value(of: $0) } ?? 0)
    var low: UInt64 = 0
    while low < best.value {
      let middle = low + (best.value - low) / 2
      solver.push()
      solver.assert(value.ule(middle))
      let result = try solver.check()
      solver.pop()
      switch result {
      case .sat(let model):
        best = FoundValue(value: try model.value(of: value), detail: try detail.map { try model.value(of: $0) } ?? 0)
      case .unsat:
        low = middle + 1
      case .unknown:
        return best
      }
    }
    return best
  }
}
