import ABIModel
import ArgumentParser
import Foundation
import Obligations
import SpecDiff

/// `abigen diff`: what changed between two releases, each change labelled by the checker.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show what changed between two releases, each change labelled compatible or breaking by the checker.",
    discussion: """
      Ops and hypercalls are matched by lineage, so a rename shows as a rename. A change is \
      'breaking' when a counterexample of the checker for the pair involves it (printed under \
      it), 'compatible' when the obligations covering it were decided and none of their \
      counterexamples involves it, 'unproved' otherwise. Breaks recorded as accepted, and \
      tools-only breaks, are labelled so and do not fail.

      `abigen diff 3.3 3.4` compares two releases of the spec. `abigen diff --against \
      last.json [NEWER]` compares a release of a dump (`abigen dump --release R --format json`; \
      --against-release picks one, default its newest) with release NEWER of the spec (default: \
      the release of the same name, else the newest).

      Exit status: 0 no unaccepted breaking change, 1 an unaccepted breaking change (or an \
      invalid spec or unknown release), 3 inconclusive, 4 internal error, 64 usage.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var specOptions: SpecOptions

  @Argument(
    help: ArgumentHelp("OLDER NEWER, two releases of the spec; with --against, at most NEWER.", valueName: "release"))
  var releases: [String] = []

  @Option(
    help: ArgumentHelp(
      "Compare a release of this JSON dump (the older side) with a release of the spec.", valueName: "FILE.json"))
  var against: String?

  @Option(help: ArgumentHelp("With --against: the dump's release (default: its newest).", valueName: "release"))
  var againstRelease: String?

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @Option(help: "Per-query solver timeout in milliseconds.")
  var timeoutMs: UInt32 = 10_000

  @Option(help: "Worker tasks, each with its own Z3 context.")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    if against == nil {
      if releases.count != 2 { throw ValidationError("give two releases, OLDER NEWER (or --against FILE.json)") }
      if againstRelease != nil { throw ValidationError("--against-release needs --against") }
    } else if releases.count > 1 {
      throw ValidationError("with --against, give at most one release: the spec's NEWER")
    }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if timeoutMs < 1 { throw ValidationError("--timeout-ms must be at least 1") }
  }

  func run() throws {
    let spec = try specOptions.loadModel()
    let pair: ReleasePair
    do {
      if let against {
        let dump: ABIModel
        do {
          dump = try SpecLoader.load(path: against)
        } catch {
          printError(error.description)
          throw ExitStatus.refutedOrInvalid.exitCode
        }
        let label = against == "-" ? "stdin" : URL(fileURLWithPath: against).lastPathComponent
        pair = try ReleasePair(
          against: dump, older: againstRelease, label: label, spec: spec, newer: releases.first)
      } else {
        pair = try ReleasePair(spec, older: releases[0], newer: releases[1])
      }
    } catch let failure as ReleasePair.Failure {
      printError("error: \(failure.description)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    let report: DiffReport
    do {
      report = try DiffReport.make(pair, options: CheckOptions(timeoutMilliseconds: timeoutMs, jobs: jobs))
    } catch {
      printError("error: \(error.description)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    switch format {
    case .text: try StandardStreams.out(DiffTextRenderer.render(report))
    case .json: try StandardStreams.out(try DiffJSONRenderer.render(report))
    }
    if report.exitCode != 0 { throw ExitCode(report.exitCode) }
  }
}
