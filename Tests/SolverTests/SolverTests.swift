import Solver
import Testing

@Suite struct SolverTests {
  @Test func satQueryYieldsSatisfyingModel() throws {
    let context = try SolverContext()
    let x = context.variable("x", width: 32)
    let solver = Solver(context: context)
    solver.assert((x & 0xf) == 3 && (x >> 4) == 5)
    let model = try #require(try solver.check().model)
    #expect(try model.value(of: x) == 0x53)
  }

  @Test func modelCompletesUnconstrainedVariables() throws {
    let context = try SolverContext()
    let x = context.variable("x", width: 8)
    let y = context.variable("y", width: 8)
    let flag = context.boolVariable("flag")
    let solver = Solver(context: context)
    solver.assert(x == 7)
    solver.assert(flag.implies(context.false))
    let model = try #require(try solver.check().model)
    let xValue = try model.value(of: x)
    let yValue = try model.value(of: y)
    #expect(xValue == 7)
    #expect(yValue <= 0xff)
    #expect(try model.value(of: flag) == false)
    #expect(try model.value(of: x + y) == (xValue &+ yValue) & 0xff)
  }

  @Test func booleanConnectives() throws {
    let context = try SolverContext()
    let p = context.boolVariable("p")
    let q = context.boolVariable("q")
    let solver = Solver(context: context)
    solver.assert(context.or([p, q]) && !p)
    solver.assert(context.and([]))
    let model = try #require(try solver.check().model)
    #expect(try model.value(of: p) == false)
    #expect(try model.value(of: q) == true)
    #expect(try model.value(of: p.iff(q)) == false)
    #expect(try model.value(of: ite(q, context.true, context.false)) == true)

    solver.assert(context.or([]) || context.false)
    #expect(try solver.check().isUnsat)
  }

  @Test func shiftByWidthOrMoreIsZero() throws {
    let context = try SolverContext()
    let solver = Solver(context: context)
    let x = context.variable("x", width: 16)
    let y = context.variable("y", width: 16)
    solver.assert(x == context.constant(0xffff, width: 16) << 16)
    solver.assert(y == context.constant(0xffff, width: 16) >> 100)
    let model = try #require(try solver.check().model)
    #expect(try model.value(of: x) == 0)
    #expect(try model.value(of: y) == 0)
  }

  @Test func constantsAreTruncatedToWidth() throws {
    let context = try SolverContext()
    let model = try #require(try Solver(context: context).check().model)
    #expect(try model.value(of: context.constant(0x1234, width: 8)) == 0x34)
  }

  /// Asserts that `x * y == p * q` with `x, y > 1` for factors of `factorWidth` bits,
  /// multiplied at twice that width so nothing overflows; returns `x` and `y`.
  @discardableResult
  static func assertFactoring(
    _ solver: Solver, p: UInt64, q: UInt64, factorWidth: Int
  ) -> (BitVector, BitVector) {
    let context = solver.context
    let x = context.variable("x\(factorWidth)", width: factorWidth).zeroExtend(to: 2 * factorWidth)
    let y = context.variable("y\(factorWidth)", width: factorWidth).zeroExtend(to: 2 * factorWidth)
    solver.assert(x * y == p * q)
    solver.assert(x.ugt(1) && y.ugt(1))
    return (x, y)
  }

  /// A factoring problem far beyond 1 ms: a 62-bit semiprime of two 31-bit primes.
  static func assertHardQuery(_ solver: Solver) {
    assertFactoring(solver, p: 2_147_483_647, q: 2_147_483_629, factorWidth: 32)
  }

  @Test func hardQueryWithTinyTimeoutIsUnknown() throws {
    let context = try SolverContext()
    let solver = Solver(context: context, timeoutMilliseconds: 1)
    Self.assertHardQuery(solver)
    let result = try solver.check()
    guard case .unknown(let reason) = result else {
      Issue.record("expected unknown, got \(result)")
      return
    }
    #expect(!reason.isEmpty)
  }

  // Z3 4.8.12 sometimes loses its own 1 ms timer (seen as hangs under parallel load); the
  // watchdog must still end every such check as unknown, and a small search afterwards in the
  // same context (no timeout) must still succeed rather than come back canceled.
  @Test func repeatedTimeoutsStayUnknownAndLeaveContextUsable() throws {
    let context = try SolverContext()
    for round in 0..<20 {
      let solver = Solver(context: context, timeoutMilliseconds: 1)
      Self.assertHardQuery(solver)
      let result = try solver.check()
      guard case .unknown = result else {
        Issue.record("round \(round): expected unknown, got \(result)")
        return
      }
      let easy = Solver(context: context)
      let (x, y) = Self.assertFactoring(easy, p: 251, q: 241, factorWidth: 8)
      let model = try #require(try easy.check().model, "round \(round)")
      #expect(Set([try model.value(of: x), try model.value(of: y)]) == [241, 251])
    }
  }

  // The watchdog sleeps until the armed deadline and is not woken for a later one; a check with
  // a shorter timeout than the one it sleeps for must wake it, or that check would run until
  // the earlier check's hour was up.
  @Test(.timeLimit(.minutes(1))) func shortTimeoutAfterLongOneStillFires() throws {
    let context = try SolverContext()
    let easy = Solver(context: context, timeoutMilliseconds: 3_600_000)
    Self.assertFactoring(easy, p: 251, q: 241, factorWidth: 8)
    #expect(try easy.check().model != nil)
    let hard = Solver(context: context, timeoutMilliseconds: 1)
    Self.assertHardQuery(hard)
    guard case .unknown = try hard.check() else {
      Issue.record("expected unknown")
      return
    }
  }

  @Test func solverTimeoutDefaultsToContextTimeout() throws {
    let context = try SolverContext(timeoutMilliseconds: 250)
    #expect(Solver(context: context).timeoutMilliseconds == 250)
    #expect(Solver(context: context, timeoutMilliseconds: 5).timeoutMilliseconds == 5)
    #expect(Solver(context: try SolverContext()).timeoutMilliseconds == nil)
  }

  @Test func mixedWidthsThrowAtCheck() throws {
    let context = try SolverContext()
    let a = context.variable("a", width: 32)
    let b = context.variable("b", width: 64)
    let solver = Solver(context: context)
    solver.assert((a & b) == 0)
    #expect(context.firstError != nil)
    let error = #expect(throws: SolverError.self) { try solver.check() }
    guard case .z3(let code, let message) = error else {
      Issue.record("expected a Z3 error, got \(String(describing: error))")
      return
    }
    #expect(code != 0)
    #expect(!message.isEmpty)
    #expect(error.map { !$0.description.contains("\n") } == true)
    #expect(throws: SolverError.self) { try solver.smtLib2() }
  }

  @Test func errorDescriptionIsOneLine() {
    let error = SolverError.z3(code: 1, message: "sort\nmismatch")
    #expect(error.description == "Z3 error 1 (sort error): sort mismatch")
    #expect(SolverError.invalidArgument("x").description == "invalid solver argument: x")
  }

  @Test func firstErrorIsKept() throws {
    let context = try SolverContext()
    let tooWide = context.constant(1, width: 65)
    _ = tooWide & context.constant(1, width: 64)
    _ = context.variable("a", width: 8) & context.variable("b", width: 16)
    #expect(throws: SolverError.invalidArgument("bit-vector width 65 not in 1...64")) {
      try Solver(context: context).check()
    }
  }

  @Test func invalidArgumentsAreRecorded() throws {
    let cases: [(SolverContext) -> Void] = [
      { _ = $0.variable("v", width: 0) },
      { _ = $0.variable("v", width: 8).extract(high: 8, low: 0) },
      { _ = $0.variable("v", width: 8).extract(high: 2, low: 3) },
      { _ = $0.variable("v", width: 8).zeroExtend(to: 4) },
      { _ = $0.variable("v", width: 32).zeroExtend(to: 65) },
      { _ = $0.variable("v", width: 8) << -1 },
      { _ = ($0.variable("v", width: 8), $0.variable("v", width: 16)) },
      { _ = ($0.variable("v", width: 8), $0.boolVariable("v")) },
      { Solver(context: $0).pop(-1) },
    ]
    for (index, makeError) in cases.enumerated() {
      let context = try SolverContext()
      makeError(context)
      #expect(throws: SolverError.self, "case \(index)") { try Solver(context: context).check() }
    }
  }

  @Test func mixingContextsIsAnError() throws {
    let first = try SolverContext()
    let second = try SolverContext()
    let x = first.variable("x", width: 8)
    let y = second.variable("y", width: 8)
    let sum = x + y
    let solver = Solver(context: second)
    solver.assert(sum == 1)
    #expect(throws: SolverError.self) { try Solver(context: first).check() }
    #expect(throws: SolverError.self) { try solver.check() }

    let third = try SolverContext()
    let model = try #require(try Solver(context: third).check().model)
    #expect(throws: SolverError.self) { try model.value(of: y) }
  }

  @Test func popBeyondPushIsAnError() throws {
    let context = try SolverContext()
    let solver = Solver(context: context)
    solver.pop()
    #expect(throws: SolverError.self) { try solver.check() }
  }

  @Test func pushAndPopRestoreAssertions() throws {
    let context = try SolverContext()
    let x = context.variable("x", width: 8)
    let solver = Solver(context: context)
    solver.assert(x.ult(10))
    solver.push()
    solver.assert(x.uge(10))
    #expect(try solver.check().isUnsat)
    solver.pop()
    let model = try #require(try solver.check().model)
    #expect(try model.value(of: x) < 10)
  }

  @Test func sameQueryGivesSameModel() throws {
    func solve() throws -> [UInt64] {
      let context = try SolverContext(randomSeed: 7)
      let x = context.variable("x", width: 64)
      let y = context.variable("y", width: 64)
      let solver = Solver(context: context)
      solver.assert(x.ugt(1000) && (x & 7) == 5 && (x ^ y).ult(1 << 40) && y != x)
      let model = try #require(try solver.check().model)
      return [try model.value(of: x), try model.value(of: y)]
    }
    #expect(try solve() == solve())
  }
}
