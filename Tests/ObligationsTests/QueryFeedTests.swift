import ABIModel
import Dispatch
import Testing

@testable import Obligations

/// Workers solve queries while the planner is still finding them: each batch of positions is
/// handed out whole, in the planner's order, and the last one as far as the planner got.
@Suite struct QueryFeedTests {
  /// 21 distinct keys: hypercall tables of one number each.
  static let keys: [QueryKey] = (0..<21).map { number in
    var table = TableShape(
      Release(name: "1", hypercalls: []), abi: "x86_64", identities: IdentityTable(Fixtures.shiftWidening))
    table.entries = [UInt64(number): 1]
    return .table(table, table)
  }

  @Test func aReaderGetsEachBatchWholeWhilePlanningGoesOn() {
    let feed = QueryFeed()
    let read = Locked<[QueryKey]>([])
    let reading = DispatchGroup()
    DispatchQueue.global().async(group: reading) {
      for start in stride(from: 0, to: Int.max, by: 8) {
        let batch = feed.keys(at: start..<start + 8)
        if batch.isEmpty { break }
        // Whole batches until the planner finished; only the last may be short.
        #expect(batch.count == 8 || start + batch.count == Self.keys.count)
        read.update { $0 += batch }
      }
    }
    // Published in pieces that do not line up with the batches.
    for piece in [0..<3, 3..<11, 11..<12, 12..<21] {
      feed.publish(Self.keys[piece])
    }
    feed.finish()
    reading.wait()
    #expect(read.current == Self.keys)
    #expect(feed.count == Self.keys.count)
  }

  @Test func aCheckAnswersEveryQueryItsPlanFindsAndSaysWhenSolvingIsOver() throws {
    let model = Fixtures.shiftWidening
    var checks: Set<Int> = []
    // Far more workers than batches too: the spare ones find nothing and stop.
    for jobs in [1, 2, 3, 200] {
      var checker = Checker(model: model, options: CheckOptions(jobs: jobs))
      var solved = 0
      let report = try checker.run(whenSolved: { solved += 1 })
      #expect(solved == 1)
      #expect(report.distinctQueries > QuerySolver.batchSize)
      #expect(report.results.count(.internalError) == 0)
      #expect(report.results.count(.inconclusive) == 0)
      #expect(!report.findings.isEmpty)
      checks.insert(report.solverChecks)
    }
    // What a worker remembers (a premise's witness) lasts one batch: the checks a query needs
    // do not depend on which worker took it, or after what.
    #expect(checks.count == 1)
  }

  @Test func aPlanThatFailsStopsTheWorkersWithoutSolving() {
    var checker = Checker(model: Fixtures.shiftWidening, options: CheckOptions(release: "9.9"))
    var solved = 0
    #expect(throws: Checker.Failure.self) { try checker.run(whenSolved: { solved += 1 }) }
    #expect(solved == 0)
  }
}
