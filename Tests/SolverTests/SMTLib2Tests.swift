import Foundation
import Solver
import Testing

@Suite struct SMTLib2Tests {
  /// (script, expected verdict) for a sat and an unsat query.
  static func scripts() throws -> [(String, String)] {
    var result: [(String, String)] = []
    for unsat in [false, true] {
      let context = try SolverContext()
      let x = context.variable("x", width: 32)
      let flag = context.boolVariable("flag")
      let solver = Solver(context: context)
      solver.assert((x & 0xf) == 3 && flag.implies((x >> 4) == 5))
      solver.assert(flag)
      if unsat { solver.assert(x.ult(0x50)) }
      result.append((try solver.smtLib2(), unsat ? "unsat" : "sat"))
    }
    return result
  }

  @Test func scriptHasDeclarationsAssertionsAndCheckSat() throws {
    for (script, _) in try Self.scripts() {
      #expect(script.contains("(declare-fun x () (_ BitVec 32))"))
      #expect(script.contains("(declare-fun flag () Bool)"))
      #expect(script.contains("(assert"))
      #expect(script.hasSuffix("(check-sat)\n"))
    }
  }

  @Test func scriptReloadsWithSameVerdict() throws {
    for (script, verdict) in try Self.scripts() {
      let context = try SolverContext()
      let solver = Solver(context: context)
      solver.assert(smtLib2: script)
      let result = try solver.check()
      #expect((result.isUnsat ? "unsat" : result.model != nil ? "sat" : "unknown") == verdict)
    }
  }

  @Test func malformedScriptIsAnError() throws {
    let context = try SolverContext()
    let solver = Solver(context: context)
    solver.assert(smtLib2: "(assert (= x")
    #expect(throws: SolverError.self) { try solver.check() }
  }

  static let z3Path = "/usr/bin/z3"

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: z3Path), "needs the z3 CLI"))
  func z3CommandLineAgrees() throws {
    for (script, verdict) in try Self.scripts() {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Self.z3Path)
      process.arguments = ["-in", "-smt2"]
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      try process.run()
      input.fileHandleForWriting.write(Data(script.utf8))
      try input.fileHandleForWriting.close()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      let text = String(decoding: data, as: UTF8.self)
      #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == verdict, "\(script)")
    }
  }
}
