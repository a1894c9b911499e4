import ABIAtlas
import ABIModel
import ArgumentParser
import EmitCore
import Foundation
import Obligations

/// `abigen doc`: the model and its check drawn as a static site.
struct Doc: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the ABI atlas: a static site of every hypercall's bit layouts, history, findings and headroom.",
    discussion: """
      Runs the check (every obligation, both guest widths) and writes into --output: index.html \
      and one page per hypercall (memory_op.html), HTML with inline SVG and CSS, no script and \
      nothing fetched. Each release's layout has an anchor (memory_op.html#r3.4). The same spec \
      gives the same bytes; files whose bytes are unchanged are not touched, and pages the spec \
      no longer produces are left alone.

      The site is written whatever the check found (failing findings are drawn too). Exit status: \
      0 written, 1 invalid spec or unwritable output, 4 internal error, 64 usage.
      """)

  @OptionGroup var specOptions: SpecOptions

  @Option(help: ArgumentHelp("Directory to write the site into, created if missing.", valueName: "DIR"))
  var output: String

  @Option(help: "Worker tasks for the check, each with its own Z3 context.")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Per-query solver timeout in milliseconds.")
  var timeoutMs: UInt32 = 10_000

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if timeoutMs < 1 { throw ValidationError("--timeout-ms must be at least 1") }
    if output.isEmpty { throw ValidationError("--output must name a directory") }
  }

  func run() throws {
    // A file where the site should go is found before the check spends the solver's time.
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory.boolValue {
      printError("\(output): error: not a directory; nothing was written")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    let model = try specOptions.loadModel()
    var checker = Checker(model: model, options: CheckOptions(timeoutMilliseconds: timeoutMs, jobs: jobs))
    let report: CheckReport
    do {
      report = try checker.run()
    } catch {
      printError("error: \(error.description)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    let files = AtlasSite(model: model, report: report).files
    do {
      try GeneratedFileWriter.write(files, to: URL(fileURLWithPath: output))
    } catch {
      printError(error.description)
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    try StandardStreams.out("\(output): \(files.count) pages\n")
    if report.count(.internalError) > 0 { throw ExitStatus.internalError.exitCode }
  }
}
