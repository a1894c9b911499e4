import ABIModel
import ArgumentParser
import Foundation
import Headroom
import Obligations

/// `abigen headroom`: how much room each op mask and continuation leaves, before it ships, and
/// what a change to a mask or a shift would do.
struct HeadroomCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "headroom",
    abstract: "Show the sub-op numbers and continuation progress each op register has left.",
    discussion: """
      Per multiplexed hypercall and guest register width: the highest sub-op number used against \
      what the op mask (or, with no mask, the whole register) holds, how many releases the \
      numbers above it last at the rate the spec's own history added numbers, and a verdict: \
      full, tight (under \(RoomVerdict.tightReleases) releases), adequate (under \
      \(RoomVerdict.ampleReleases)) or ample; and whether the mask can still change at no cost \
      (no released release has it). Per continuation that keeps progress in the op register, the \
      bits of progress it holds against its declared bound.

      --what-if HYPERCALL.mask=BITS or HYPERCALL.shift=N (repeatable) makes the edit in the \
      release (and in every later release that kept the value) without touching the spec, shows \
      the headroom it leaves, and runs the checker on every obligation of the release against \
      every older and newer one: `abigen headroom --release 4.5 --what-if hvm_op.mask=12`. The \
      breaks the edit adds are listed. Exit status: 0 the edit keeps every obligation the spec \
      keeps, 1 it adds a break (or the edit or the spec is invalid), 3 inconclusive, 64 usage.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var specOptions: SpecOptions

  @Option(help: "The release to report on (default: the newest).")
  var release: String?

  @Option(help: "Output format: text or json (docs/schemas/headroom.schema.json).")
  var format: Format = .text

  @Option(
    name: .customLong("what-if"),
    help: ArgumentHelp(
      "An edit to evaluate without changing the spec: HYPERCALL.mask=BITS or HYPERCALL.shift=N.", valueName: "EDIT"))
  var whatIf: [String] = []

  @Option(help: "With --what-if: per-query solver timeout in milliseconds.")
  var timeoutMs: UInt32 = 10_000

  @Option(help: "With --what-if: worker tasks, each with its own Z3 context.")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    for text in whatIf where WhatIf(text) == nil {
      throw ValidationError("--what-if '\(text)': expected HYPERCALL.mask=BITS or HYPERCALL.shift=N (0 to 64)")
    }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if timeoutMs < 1 { throw ValidationError("--timeout-ms must be at least 1") }
  }

  func run() throws {
    let model = try specOptions.loadModel()
    guard let report = HeadroomReport(model: model, release: release) else {
      printError(
        "error: unknown release '\(release ?? "")' (known: \(model.releases.map(\.name).joined(separator: ", ")))")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    let outcome = try whatIf.isEmpty ? nil : evaluate(model, release: report.release)
    switch format {
    case .text:
      try StandardStreams.out(
        outcome.map { HeadroomTextRenderer.render($0) } ?? HeadroomTextRenderer.render(report))
    case .json:
      try StandardStreams.out(try DeterministicJSON.encode(HeadroomDocument(report: report, whatIf: outcome)))
    }
    if let outcome, outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
  }

  /// The edits made, the headroom they leave, and what the checker says of them next to what it
  /// says of the spec as it is.
  func evaluate(_ model: ABIModel, release name: String) throws -> WhatIfOutcome {
    let index = model.releaseIndex(named: name)!
    var edited = model
    var releases: [String] = []
    for text in whatIf {
      do {
        let applied = try WhatIf(text)!.apply(to: edited, release: index)
        edited = applied.model
        releases += applied.releases.filter { !releases.contains($0) }
      } catch {
        printError("error: --what-if \(text): \(error.description)")
        throw ExitStatus.refutedOrInvalid.exitCode
      }
    }
    let problems = edited.validate().filter { $0.severity == .error }
    let headroom = HeadroomReport(model: edited, release: name)!
    guard problems.isEmpty else {
      return WhatIfOutcome(
        edits: whatIf, releases: releases, headroom: headroom, invalid: problems.map(\.description), check: nil,
        newBreaks: [], newReports: [], exitCode: ExitStatus.refutedOrInvalid.rawValue)
    }
    let options = CheckOptions(release: name, timeoutMilliseconds: timeoutMs, jobs: jobs)
    let before: CheckReport
    let after: CheckReport
    do {
      var baseline = Checker(model: model, options: options)
      before = try baseline.run()
      var checker = Checker(model: edited, options: options)
      after = try checker.run()
    } catch {
      printError("error: \(error.description)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    // A break of the edited model is new when the spec as it is has no break of the same kind,
    // value and release pair; tools-only breaks are listed but do not fail, as in `check`.
    let known = Set(before.findings.map(CIFinding.init).map(\.identity))
    let fresh = after.findings.filter { !known.contains(CIFinding($0).identity) }
    let added = fresh.filter { $0.disposition == .failing }
    let reported = fresh.filter { $0.disposition == .reported }
    var status = after.exitCode
    if added.isEmpty && status == ExitStatus.refutedOrInvalid.rawValue { status = before.exitCode }
    if !added.isEmpty { status = ExitStatus.refutedOrInvalid.rawValue }
    return WhatIfOutcome(
      edits: whatIf, releases: releases, headroom: headroom, invalid: [],
      check: WhatIfOutcome.Check(
        obligations: after.results.count, proved: after.count(.proved), failing: after.count(.refuted),
        inconclusive: after.count(.inconclusive), failingWithoutEdit: before.count(.refuted)),
      newBreaks: added.map(WhatIfOutcome.Break.init),
      newReports: reported.map(WhatIfOutcome.Break.init), exitCode: status)
  }
}

/// What `--what-if` found.
struct WhatIfOutcome: Encodable {
  struct Check: Encodable {
    var obligations: Int
    var proved: Int
    /// Obligations refuted by a break that fails the check.
    var failing: Int
    var inconclusive: Int
    /// The same count for the spec as it is.
    var failingWithoutEdit: Int
  }

  struct Break: Encodable {
    var ruleId: String
    var line: String

    init(_ finding: CheckReport.Finding) {
      ruleId = finding.counterexample.failure.ruleID
      line = CheckTextRenderer.compactLine(finding)
    }
  }

  var edits: [String]
  /// The releases the edits changed, oldest first.
  var releases: [String]
  var headroom: HeadroomReport
  /// Structural problems of the edited model (the checker is not run then).
  var invalid: [String]
  var check: Check?
  /// Breaks the edit adds that fail, as `check` would report them.
  var newBreaks: [Break]
  /// Breaks the edit adds of tools-only ops: reported, not failing (the migration policy).
  var newReports: [Break]
  var exitCode: Int32
  /// `compatible`, `breaking`, `invalid` or `inconclusive`.
  var verdict: String {
    if !invalid.isEmpty { return "invalid" }
    if !newBreaks.isEmpty { return "breaking" }
    return exitCode == ExitStatus.inconclusive.rawValue ? "inconclusive" : "compatible"
  }

  enum CodingKeys: String, CodingKey {
    case edits, releases, headroom, invalid, check, newBreaks, newReports, exitCode, verdict
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(edits, forKey: .edits)
    try container.encode(releases, forKey: .releases)
    try container.encode(headroom, forKey: .headroom)
    try container.encode(invalid, forKey: .invalid)
    try container.encodeIfPresent(check, forKey: .check)
    try container.encode(newBreaks, forKey: .newBreaks)
    try container.encode(newReports, forKey: .newReports)
    try container.encode(exitCode, forKey: .exitCode)
    try container.encode(verdict, forKey: .verdict)
  }
}

/// `abigen headroom --format json` (docs/schemas/headroom.schema.json).
struct HeadroomDocument: Encodable {
  var format = "abigen-headroom"
  var version = 1
  var report: HeadroomReport
  var whatIf: WhatIfOutcome?

  enum CodingKeys: String, CodingKey {
    case format, version, family, release, hypercalls, whatIf
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(format, forKey: .format)
    try container.encode(version, forKey: .version)
    try container.encode(report.family, forKey: .family)
    try container.encode(report.release, forKey: .release)
    try container.encode(report.hypercalls, forKey: .hypercalls)
    try container.encodeIfPresent(whatIf, forKey: .whatIf)
  }
}
