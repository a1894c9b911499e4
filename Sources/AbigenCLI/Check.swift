import ABIModel
import ArgumentParser
import Foundation
import Obligations

/// `abigen check`: the proof obligations, every release pair, with concrete counterexamples.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Prove that every release decodes what older releases wrote the same way.",
    discussion: """
      The text report is one line per finding; --verbose adds each break's cause, the release \
      pairs it breaks and the Covers(...) line that would accept it. --format json \
      (docs/schemas/check.schema.json), sarif (SARIF 2.1.0, for GitHub code scanning) and gitlab \
      (a GitLab Code Quality report) are written even when the spec is invalid, with its \
      diagnostics, so a CI always has a file to upload. Findings come out in the spec's history \
      order whatever --jobs is.

      Exit status: 0 all obligations hold (accepted breaks allowed), 1 a property is refuted or \
      the spec is invalid, 3 inconclusive (the solver could not decide), 4 internal error, \
      64 usage.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, gitlab
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

  @Option(help: "Output format: text, json, sarif (SARIF 2.1.0) or gitlab (GitLab Code Quality).")
  var format: Format = .text

  @Flag(help: "Text format: every detail of each finding, not one short line.")
  var verbose = false

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
    let model: ABIModel
    do throws(SpecLoader.Failure) {
      model = try SpecLoader.load(path: specOptions.spec)
    } catch {
      try refuse(error)
    }
    // A locked release that changed is a rewrite of history, reported like an invalid spec and
    // in place of any result. The lock is verified while the checker records its results, which
    // is serial work: planning and solving keep both cores busy on their own.
    let (lockOptions, specOptions) = (lockOptions, specOptions)
    let lockVerification = BackgroundWork(startingLater: { () throws(SpecLoader.Failure) in
      try lockOptions.verify(model, specOptions)
    })
    var options = CheckOptions(
      release: release, from: from, to: to, widths: width.map { [$0] } ?? [], timeoutMilliseconds: timeoutMs,
      jobs: jobs, keepSMT: dumpSmt != nil)
    options.splitBits = splitBits
    var checker = Checker(model: model, options: options)
    let checked = Result { () throws(Checker.Failure) in try checker.run(whenSolved: lockVerification.start) }
    do throws(SpecLoader.Failure) {
      try lockVerification.wait()
    } catch {
      try refuse(error)
    }
    let report: CheckReport
    switch checked {
    case .success(let made): report = made
    case .failure(let error):
      printError("error: \(error.description)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    if let dumpSmt {
      try writeSMT(checker.smtQueries, to: dumpSmt)
    }
    switch format {
    case .text: try StandardStreams.out(CheckTextRenderer.render(report, model: model, verbose: verbose))
    case .json: try StandardStreams.out(try CheckJSONRenderer.render(report))
    case .sarif:
      try StandardStreams.out(
        try SARIFRenderer.render(
          CIFinding.all(report), command: "check", informationURI: ToolInfo.informationURI(specOptions)))
    case .gitlab: try StandardStreams.out(try GitLabRenderer.render(CIFinding.all(report)))
    }
    if report.exitCode != 0 { throw ExitCode(report.exitCode) }
  }

  /// An invalid spec or lock: its diagnostics, and exit 2.
  func refuse(_ failure: SpecLoader.Failure) throws -> Never {
    printError(failure.description)
    try writeInvalid(failure.diagnostics)
    throw ExitStatus.refutedOrInvalid.exitCode
  }

  /// The machine formats still say why nothing was checked: a CI uploads the file either way.
  func writeInvalid(_ diagnostics: [Diagnostic]) throws {
    let findings = diagnostics.map(CIFinding.init)
    switch format {
    case .text: return
    case .json: try StandardStreams.out(try CheckJSONRenderer.render(invalid: diagnostics))
    case .sarif:
      try StandardStreams.out(
        try SARIFRenderer.render(findings, command: "check", informationURI: ToolInfo.informationURI(specOptions)))
    case .gitlab: try StandardStreams.out(try GitLabRenderer.render(findings))
    }
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
