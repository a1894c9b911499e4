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
      the release of the same name, else the newest). `abigen diff --against-ref main` reviews \
      the working tree against a branch: the older side is the model as REF has it, read with \
      git from the checked-in dump Generated/Model/xen.json (for --spec FILE.json, from FILE.json \
      itself at REF), so a patch is judged against its target branch without building it.

      --format json (docs/schemas/diff.schema.json), sarif (SARIF 2.1.0) or gitlab (GitLab Code \
      Quality) report every breaking counterexample and every unproved change for CI.

      Exit status: 0 no unaccepted breaking change, 1 an unaccepted breaking change (or an \
      invalid spec or unknown release), 3 inconclusive, 4 internal error, 64 usage.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, gitlab
  }

  @OptionGroup var specOptions: SpecOptions

  @Argument(
    help: ArgumentHelp("OLDER NEWER, two releases of the spec; with --against, at most NEWER.", valueName: "release"))
  var releases: [String] = []

  @Option(
    help: ArgumentHelp(
      "Compare a release of this JSON dump (the older side) with a release of the spec.", valueName: "FILE.json"))
  var against: String?

  @Option(
    name: .customLong("against-ref"),
    help: ArgumentHelp(
      "Compare with the model as this git commit-ish has it (its checked-in dump), the older side.", valueName: "REF"))
  var againstRef: String?

  @Option(
    help: ArgumentHelp(
      "With --against or --against-ref: the older side's release (default: its newest).", valueName: "release"))
  var againstRelease: String?

  @Option(help: "Output format: text, json, sarif (SARIF 2.1.0) or gitlab (GitLab Code Quality).")
  var format: Format = .text

  @Option(help: "Per-query solver timeout in milliseconds.")
  var timeoutMs: UInt32 = 10_000

  @Option(help: "Worker tasks, each with its own Z3 context.")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    if against != nil && againstRef != nil { throw ValidationError("--against and --against-ref exclude each other") }
    if against == nil && againstRef == nil {
      if releases.count != 2 {
        throw ValidationError("give two releases, OLDER NEWER (or --against FILE.json, or --against-ref REF)")
      }
      if againstRelease != nil { throw ValidationError("--against-release needs --against or --against-ref") }
    } else if releases.count > 1 {
      throw ValidationError("with --against or --against-ref, give at most one release: the spec's NEWER")
    }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if timeoutMs < 1 { throw ValidationError("--timeout-ms must be at least 1") }
  }

  func run() throws {
    let spec = try specOptions.loadModel()
    let pair: ReleasePair
    do {
      if let againstRef {
        let (dump, label) = try modelAt(againstRef, family: spec.family)
        pair = try ReleasePair(against: dump, older: againstRelease, label: label, spec: spec, newer: releases.first)
      } else if let against {
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
    case .sarif:
      try StandardStreams.out(
        try SARIFRenderer.render(
          CIFinding.all(report), command: "diff", informationURI: ToolInfo.informationURI(specOptions)))
    case .gitlab: try StandardStreams.out(try GitLabRenderer.render(CIFinding.all(report)))
    }
    if report.exitCode != 0 { throw ExitCode(report.exitCode) }
  }

  /// The model as git commit-ish `ref` has it, and the label that names it: the checked-in
  /// dump of the bundled spec (`Generated/Model/xen.json` in the checkout abigen was built
  /// from), or the JSON spec file itself.
  func modelAt(_ ref: String, family: String) throws -> (ABIModel, String) {
    let directory: String
    let path: String
    if let spec = specOptions.spec {
      let url = URL(fileURLWithPath: spec).standardizedFileURL
      directory = url.deletingLastPathComponent().path
      path = "./" + url.lastPathComponent
    } else {
      directory = specOptions.sourceRoot
      path = Emit.modelDumpPath(family: family)
    }
    let data: Data
    do {
      data = try Git.show(ref, path: path, in: directory)
    } catch {
      printError(
        "error: cannot read \(path) at \(ref): \(error.description)"
          + (specOptions.spec == nil ? " (the checked-in dump that `abigen emit` writes; commit it on the branch)" : "")
      )
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    let label = "\(ref):\(path.hasPrefix("./") ? String(path.dropFirst(2)) : path)"
    do {
      let model = try SpecJSON.decode(data, file: label)
      let problems = model.validate().filter { $0.severity == .error }
      if !problems.isEmpty { throw SpecErrors(problems) }
      return (model, ref)
    } catch {
      printError("\(error)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
  }
}
