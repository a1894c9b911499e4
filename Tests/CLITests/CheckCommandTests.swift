import Foundation
import Testing

/// `abigen check` end to end: every exit code of the table, the real Xen break, and the
/// machine-readable outputs.
@Suite(.serialized) struct CheckCommandTests {
  /// The bundled spec as JSON with `transform` applied to its text.
  func xenJSON(_ transform: (String) -> String = { $0 }) throws -> Data {
    let dump = try AbigenProcess.run(["dump", "--format", "json"])
    try #require(dump.status == 0)
    return Data(transform(dump.output).utf8)
  }

  @Test func theBundledSpecHolds() throws {
    let run = try AbigenProcess.bundledCheck.get()
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.output.contains(
        "accepted[alias] memory_op 3.3 -> 3.4 (x86_64, cmd): 0x10: 3.3 reads XENMEM_increase_reservation resuming at start_extent 1; 3.4 reads XENMEM_set_pod_target at start_extent 0. Cause: op mask 0xf -> 0x3f"
      ))
    let summary = try #require(run.output.split(separator: "\n").last)
    #expect(summary.contains(" 0 refuted,") && summary.contains(" 0 inconclusive"))
  }

  @Test func removingTheAcceptanceOfTheShiftWideningFails() throws {
    var object = try #require(try JSONSerialization.jsonObject(with: try xenJSON()) as? [String: Any])
    var accepted = try #require(object["acceptedBreaks"] as? [[String: Any]])
    accepted.removeAll { ($0["id"] as? String) == "memop-shift-4-to-6" }
    object["acceptedBreaks"] = accepted
    let spec = try JSONSerialization.data(withJSONObject: object)
    let run = try AbigenProcess.run(["check", "--verbose", "--spec", "-", "--from", "3.3", "--to", "3.4"], stdin: spec)
    #expect(run.status == 1)
    #expect(
      run.output.contains(
        "error[alias] memory_op 3.3 -> 3.4 (x86_64, cmd): 0x10: 3.3 reads XENMEM_increase_reservation resuming at start_extent 1; 3.4 reads XENMEM_set_pod_target at start_extent 0. Cause: op mask 0xf -> 0x3f"
      ))
    #expect(run.output.contains("error[progress-corrupted] memory_op 3.3 -> 3.4"))
    #expect(run.output.contains("error[continuation-lost] memory_op 3.3 -> 3.4"))
  }

  @Test func anInvalidSpecExits1BeforeAnySolverRuns() throws {
    let spec = try xenJSON { $0.replacingOccurrences(of: "\"bits\" : 6", with: "\"bits\" : 4") }
    let run = try AbigenProcess.run(["check", "--spec", "-"], stdin: spec)
    #expect(run.status == 1)
    #expect(
      run.stderr.contains(": error: 3.4: memory_op: sub-op 'XENMEM_set_pod_target' = 16 does not fit the op mask 0xf"))
    #expect(run.output.isEmpty)
  }

  @Test func aOneMillisecondTimeoutIsInconclusiveNeverProved() throws {
    // Without splitting, so that no part of a query is decided on its own.
    let run = try AbigenProcess.run([
      "check", "--timeout-ms", "1", "--split-bits", "0", "--jobs", "1", "--format", "json",
    ])
    #expect(run.status == 3, "\(run.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Any])
    #expect((summary["inconclusive"] as? Int ?? 0) > 0)
    #expect((summary["refuted"] as? Int) == 0)
    let unproved = try #require(object["unproved"] as? [[String: Any]])
    #expect(
      unproved.contains { ($0["outcome"] as? String) == "inconclusive" && ($0["reason"] as? String)?.isEmpty == false })
  }

  @Test func usageErrorsExit64() throws {
    #expect(try AbigenProcess.run(["check", "--release", "4.5", "--from", "4.4"]).status == 64)
    #expect(try AbigenProcess.run(["check", "--jobs", "0"]).status == 64)
    #expect(try AbigenProcess.run(["check", "--format", "xml"]).status == 64)
    #expect(try AbigenProcess.run(["check", "--split-bits", "9"]).status == 64)
  }

  @Test func unknownReleaseListsTheValidOnes() throws {
    let run = try AbigenProcess.run(["check", "--from", "3.3", "--to", "3.5"])
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("error: unknown release '3.5' (known: 3.0.0,"))
  }

  @Test func filtersNarrowTheObligations() throws {
    let all = try AbigenProcess.run(["check", "--release", "4.5", "--width", "32", "--format", "json"])
    #expect(all.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: all.stdout) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Any])
    let count = try #require(summary["obligations"] as? Int)
    // 4.5's own properties and its 31 migrations, one width: far fewer than the whole history
    // (1631 of 54790 for the bundled spec).
    #expect(count > 100 && count < 5000)
  }

  @Test func sarifCarriesAStableRuleIdPerClass() throws {
    let run = try AbigenProcess.run(["check", "--from", "3.3", "--to", "3.4", "--format", "sarif"])
    #expect(run.status == 0)
    let log = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let runs = try #require(log["runs"] as? [[String: Any]])
    let results = try #require(runs.first?["results"] as? [[String: Any]])
    let alias = try #require(results.first { ($0["ruleId"] as? String) == "ABI001" })
    #expect(alias["level"] as? String == "note")
    #expect((alias["suppressions"] as? [[String: Any]])?.first?["kind"] as? String == "inSource")
    let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.contains { ($0["id"] as? String) == "ABI001" && ($0["name"] as? String) == "alias" })
  }

  /// Every dumped query, re-checked by the `z3` command line, gives the verdict abigen reported.
  @Test func dumpedQueriesRecheckWithTheZ3CommandLine() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-smt-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try AbigenProcess.run(["check", "--from", "3.3", "--to", "3.4", "--dump-smt", directory.path])
    #expect(run.status == 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".smt2") }
    #expect(files.count > 5)
    let z3 = ["/usr/bin/z3", "/usr/local/bin/z3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    try #require(z3 != nil, "the z3 command line is not installed (apt-get install z3); .ci/run installs it")
    var verdicts: Set<String> = []
    for file in files.sorted() {
      let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
      let expected = try #require(
        text.split(separator: "\n").first { $0.hasPrefix("; expected: ") }?.dropFirst("; expected: ".count))
      let process = Process()
      process.executableURL = URL(fileURLWithPath: z3!)
      process.arguments = [directory.appendingPathComponent(file).path]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      let verdict = output.split(separator: "\n").first.map(String.init) ?? ""
      #expect(verdict == String(expected), "\(file)")
      verdicts.insert(verdict)
    }
    #expect(verdicts == ["sat", "unsat"])
  }

  /// One short line per finding for a person; every detail with --verbose.
  @Test func theTextReportIsOneShortLinePerFindingAndVerboseHasTheDetails() throws {
    let range = ["--from", "3.3", "--to", "3.4"]
    let compact = try AbigenProcess.run(["check"] + range)
    #expect(compact.status == 0, "\(compact.stderr)")
    let lines = compact.output.split(separator: "\n").dropLast()
    #expect(!lines.isEmpty)
    #expect(lines.allSatisfy { $0.count < 260 && !$0.contains(" Cause: ") })
    #expect(
      lines.contains(
        "Spec/Xen/MemoryOp.swift:78: accepted[alias] memory_op 3.3 -> 3.4 (x86_64, cmd): 0x10: 3.3 reads XENMEM_increase_reservation resuming at start_extent 1; 3.4 reads XENMEM_set_pod_target at start_extent 0 [memop-shift-4-to-6]"
      ))
    let verbose = try AbigenProcess.run(["check", "--verbose"] + range)
    #expect(verbose.output.split(separator: "\n").count == compact.output.split(separator: "\n").count)
    #expect(verbose.output.contains(". Cause: op mask 0xf -> 0x3f"))
    #expect(verbose.output.contains("Accepted as 'memop-shift-4-to-6' (Spec/Xen/AcceptedBreaks.swift:"))
  }

  @Test func versionAndHelpStateTheContract() throws {
    let version = try AbigenProcess.run(["--version"])
    #expect(version.status == 0)
    let lines = version.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("abigen ") && lines[0].split(separator: ".").count == 3)
    #expect(lines[1] == "spec format abigen-spec version 2 (reads 1 to 2)")
    #expect(lines[2] == "lock format abigen-release-lock version 2")
    let help = try AbigenProcess.run(["--help"])
    #expect(help.status == 0)
    for code in [
      "0   everything holds", "1   a property is refuted", "2   generated files are stale", "3   inconclusive",
      "4   internal error", "64  usage error",
    ] {
      #expect(help.output.contains(code), "\(code)")
    }
  }
}
