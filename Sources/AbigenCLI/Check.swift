import ABIModel
import ArgumentParser
import Foundation
import Obligations

/// `abigen check`: the proof obligations, every release pair, with concrete counterexamples.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Prove that every release decodes what older releases wrote the same way.",
    discussion: """
      Exit status: 0 all obligations hold (accepted breaks allowed), 1 a property is refuted or \
      the spec is invalid, 3 inconclusive (the solver could not decide), 4 internal error, \
      64 usage.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
  }

  @OptionGroup var specOptions: SpecOptions

  @OptionGroup var lockOptions: LockOptions

  @Option(help: "Only obligations about this release (its own properties and its migrations).")
  var release: String?

  @Option(help: "Only the migration from this release (with --to).")
  var from: String?

  @Option(help: "Only the migration to this release (with --from).")
  var to: String?

  @Option(help: "Only this guest register width in bits (32 or 64).")
  var width: Int?

  @Option(help: "Output format: text, json or sarif (SARIF 2.1.0).")
  var format: Format = .text

  @Option(help: ArgumentHelp("Write every distinct query as an SMT-LIB2 file into this directory.", valueName: "DIR"))
  var dumpSmt: String?

  @Option(help: "Per-query solver timeout in milliseconds.")
  var timeoutMs: UInt32 = 10_000

  @Option(help: "Worker tasks, each with its own Z3 context.")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(
    help: ArgumentHelp(
      "A query that runs into the timeout is split on up to N of its register's highest bits (2^N parts, each with the full timeout) before it is reported inconclusive; 0 does not split.",
      valueName: "N"))
  var splitBits: Int = 4

  func validate() throws {
    if release != nil && (from != nil || to != nil) {
      throw ValidationError("--release and --from/--to exclude each other")
    }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if timeoutMs < 1 { throw ValidationError("--timeout-ms must be at least 1") }
    if !(0...8).contains(splitBits) { throw ValidationError("--split-bits must be 0 to 8") }
  }

  func run() throws {
    let model = try specOptions.loadModel()
    // A locked release that changed is a rewrite of history, reported like an invalid spec:
    // before any solver runs.
    try lockOptions.verify(model, spec: specOptions.spec)
    var options = CheckOptions(
      release: release, from: from, to: to, widths: width.map { [$0] } ?? [], timeoutMilliseconds: timeoutMs,
      jobs: jobs, keepSMT: dumpSmt != nil)
    options.splitBits = splitBits
    var checker = Checker(model: model, options: options)
    let report: CheckReport
    do {
      report = try checker.run()
    } catch {
      printError("error: \(error.description)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    if let dumpSmt {
      try writeSMT(checker.smtQueries, to: dumpSmt)
    }
    switch format {
    case .text: try StandardStreams.out(CheckTextRenderer.render(report, model: model))
    case .json: try StandardStreams.out(try CheckJSONRenderer.render(report))
    case .sarif: try StandardStreams.out(try SARIFRenderer.render(report))
    }
    if report.exitCode != 0 { throw ExitCode(report.exitCode) }
  }

  func writeSMT(_ queries: [(name: String, text: String, expected: String)], to directory: String) throws {
    let url = URL(fileURLWithPath: directory)
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      for query in queries {
        let header = "; abigen query for \(query.name)\n; expected: \(query.expected)\n"
        try Data((header + query.text).utf8).write(
          to: url.appendingPathComponent(query.name + ".smt2"), options: .atomic)
      }
    } catch {
      printError("\(directory): error: cannot write SMT-LIB2 files (\(error.localizedDescription))")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
  }
}
