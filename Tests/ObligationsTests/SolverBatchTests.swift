import ABIModel
import Testing

@testable import Obligations

/// Queries share a Z3 solver in batches of consecutive positions. The models a solver finds
/// depend on what it was asked before, so a batch must be the same however many workers there
/// are, and every query must still be asked exactly once.
@Suite struct SolverBatchTests {
  @Test(arguments: [0, 1, 7, 8, 9, 17, 64, 100])
  func batchesCoverEveryQueryOnceAndDoNotDependOnTheWorkers(count: Int) {
    let alone = QuerySolver.batches(of: count, worker: 0, workers: 1)
    #expect(Array(alone.joined()) == Array(0..<count))
    #expect(alone.allSatisfy { !$0.isEmpty && $0.count <= QuerySolver.batchSize })
    for workers in 2...4 {
      let dealt = (0..<workers).map { QuerySolver.batches(of: count, worker: $0, workers: workers) }
      #expect(dealt.joined().sorted { $0.lowerBound < $1.lowerBound } == alone, "\(workers) workers")
    }
  }

  /// A batch's queries are asked of one solver, each in its own scope: the answers are the
  /// ones fresh solvers give, and a new batch starts a new solver.
  @Test func aBatchSharesOneSolverAndAnswersAsFreshSolversDo() throws {
    // Xen 3.3 -> 3.4 in miniature (breaks), then a release that changes nothing.
    let model = Fixtures.model([
      ("3.3", [Fixtures.memoryOp(maskBits: 4, Fixtures.reservation33)]),
      ("3.4", [Fixtures.memoryOp(maskBits: 6, Fixtures.reservation34)]),
      ("3.5", [Fixtures.memoryOp(maskBits: 6, Fixtures.reservation34)]),
    ])
    let planner = ObligationPlanner(model: model, options: CheckOptions(), identities: IdentityTable(model))
    _ = try planner.plan()
    let keys = planner.keyTable.keys
    #expect(keys.count > QuerySolver.batchSize)
    let shared = try QuerySolver(timeoutMilliseconds: 10_000, wantsSMT: false)
    var sharedAnswers: [[QueryAnswer]] = []
    for batch in QuerySolver.batches(of: keys.count, worker: 0, workers: 1) {
      shared.startBatch()
      for index in batch { sharedAnswers.append(try shared.solve(keys[index]).answers) }
    }
    #expect(shared.solversMade == (keys.count + QuerySolver.batchSize - 1) / QuerySolver.batchSize)
    let fresh = try keys.map { key in
      let solver = try QuerySolver(timeoutMilliseconds: 10_000, wantsSMT: false)
      return try solver.solve(key).answers
    }
    // Proofs and refutations agree; the values of refutations may differ, but each is checked
    // by replay wherever it is used.
    func verdicts(_ answers: [[QueryAnswer]]) -> [[String]] {
      answers.map {
        $0.map { answer in
          switch answer {
          case .holds: "holds"
          case .fails: "fails"
          case .vacuous: "vacuous"
          case .inconclusive: "inconclusive"
          case .error(let message): "error \(message)"
          }
        }
      }
    }
    #expect(verdicts(sharedAnswers) == verdicts(fresh))
    #expect(verdicts(fresh).joined().contains("fails"))
    #expect(verdicts(fresh).joined().contains("holds"))
  }
}
