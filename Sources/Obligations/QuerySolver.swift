import ABIModel
import Solver

/// Builds and solves the query of one key in one context. One instance per worker task: Z3
/// contexts are not thread-safe.
final class QuerySolver {
  let context: SolverContext
  let timeoutMilliseconds: UInt32
  let wantsSMT: Bool
  private var variableCount = 0
  /// Witnesses of premises already shown satisfiable, by what the premise is about.
  private var witnesses: [AnyHashable: UInt64] = [:]

  init(timeoutMilliseconds: UInt32, wantsSMT: Bool) throws {
    context = try SolverContext(randomSeed: 0, timeoutMilliseconds: timeoutMilliseconds)
    self.timeoutMilliseconds = timeoutMilliseconds
    self.wantsSMT = wantsSMT
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
    case .migration(let older, let newer): return try solveMigration(older, newer)
    case .progressBound(let older, let newer): return try solveProgressBound(older, newer)
    case .countFlagRoundTrip(let shape): return try solveCountFlagRoundTrip(shape)
    case .countFlagMigration(let older, let newer): return try solveCountFlagMigration(older, newer)
    case .table(let older, let newer): return try solveTable(older, newer)
    }
  }

  /// The common shape of every query: a premise (what the obligation talks about), a violation
  /// (how it could fail), and how to read a failing value off a model. Enumerates up to `limit`
  /// distinct failures, each excluded by `block` before the next check. When the violation is
  /// unsatisfiable, proves the premise satisfiable (the witness) so nothing holds vacuously.
  func run(
    premise: BoolExpr, violation: BoolExpr, value: BitVector, detail: BitVector? = nil,
    limit: Int = 1, premiseKey: AnyHashable? = nil, block: ((SolverModel) throws -> BoolExpr)? = nil
  ) throws -> QueryOutcome {
    // A fresh solver per query: a solver reused across queries (push/pop) kept state that made
    // later, unrelated queries run into the timeout.
    let solver = Solver(context: context, timeoutMilliseconds: timeoutMilliseconds)
    solver.assert(premise)
    solver.push()
    solver.assert(violation)
    let smt = wantsSMT ? try solver.smtLib2() : nil
    var checks = 0
    var found: [FoundValue] = []
    while found.count < limit {
      checks += 1
      switch try solver.check() {
      case .unknown(let reason):
        solver.pop()
        // A partial enumeration is still a refutation; an undecided first query is not a proof.
        if found.isEmpty { return QueryOutcome(answer: .inconclusive(reason), checks: checks, smtLib2: smt) }
        return QueryOutcome(answer: .fails(found), checks: checks, smtLib2: smt)
      case .unsat:
        solver.pop()
        if !found.isEmpty { return QueryOutcome(answer: .fails(found), checks: checks, smtLib2: smt) }
        // The premise alone: a proof over an empty set of values would be vacuous. Queries with
        // the same premise (one older release's live values against many newer releases)
        // share the witness this worker already found for it.
        if let premiseKey, let witness = witnesses[premiseKey] {
          return QueryOutcome(answer: .holds(witness: witness), checks: checks, smtLib2: smt)
        }
        checks += 1
        switch try solver.check() {
        case .sat(let model):
          let witness = try model.value(of: value)
          if let premiseKey { witnesses[premiseKey] = witness }
          return QueryOutcome(answer: .holds(witness: witness), checks: checks, smtLib2: smt)
        case .unsat:
          return QueryOutcome(answer: .vacuous, checks: checks, smtLib2: smt)
        case .unknown(let reason):
          return QueryOutcome(answer: .inconclusive("witness: \(reason)"), checks: checks, smtLib2: smt)
        }
      case .sat(let model):
        found.append(
          FoundValue(value: try model.value(of: value), detail: try detail.map { try model.value(of: $0) } ?? 0))
        guard let block else {
          solver.pop()
          return QueryOutcome(answer: .fails(found), checks: checks, smtLib2: smt)
        }
        solver.assert(try block(model))
      }
    }
    solver.pop()
    return QueryOutcome(answer: .fails(found), checks: checks, smtLib2: smt)
  }

  /// The smallest value satisfying `premise && violation && extra`, by bisection on an upper
  /// bound: counterexamples that are printed should be the simplest ones (`0x10`, not
  /// `0x7ffd5a10`).
  func smallest(satisfying formula: BoolExpr, value: BitVector, detail: BitVector? = nil) throws -> FoundValue? {
    let solver = Solver(context: context, timeoutMilliseconds: timeoutMilliseconds)
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
