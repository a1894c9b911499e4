import ABIModel
import ArgumentParser
import EmitC
import EmitCore
import EmitSwift
import Foundation

/// `abigen emit [c|swift]`: generated code for one release or all of them, or, with `--check`,
/// whether a checked-in tree is what the spec generates.
struct Emit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write C headers or Swift dispatch code generated from the spec, or check that a tree is up to date.",
    discussion: """
      With a language, emit writes that language's files into --output (default '.'): \
      `abigen emit c --line-releases --output Generated/C`. Without one, it writes the checked-in \
      tree: C into Generated/C, the Xen layout into Generated/Xen, Swift into Generated/Swift, for \
      the release each line starts with and master (--line-releases), and the resolved model's \
      JSON dump, every release, into Generated/Model (what `abigen diff --against-ref` reads from a \
      branch; --output sets the root). A point release's code is emitted on request: --release R, \
      or --all-releases for every release.

      C comes in two layouts. --layout standalone (the default) writes one self-contained header \
      per release for tools (xen_4_19.h). --layout xen writes, per release, the headers as the Xen \
      tree lays them out: xen_4_19/public/ (xen-compat.h, hypercalls.h and one sub-op table per \
      multiplexed hypercall, what guests and the toolstack include) and xen_4_19/xen/ (masks, \
      shifts and the encode/decode helpers, built with the hypervisor's own flags).

      --check writes nothing: it generates the files in memory and compares them with the \
      output, `abigen emit --check` for the whole tree or `abigen emit c --line-releases --output \
      Generated/C --check` for one language. A file that differs, is missing, or is no longer \
      generated is stale; each is listed with the exact command that regenerates, and the exit \
      status is 2.

      Exit status: 0 written or up to date, 1 invalid spec, unknown release or unwritable output, \
      2 stale (--check), 4 internal error, 64 usage.
      """)

  enum Language: String, ExpressibleByArgument, CaseIterable {
    case c, swift

    /// The directory under `Generated/` that holds this language's checked-in output.
    var treeDirectory: String {
      switch self {
      case .c: return "C"
      case .swift: return "Swift"
      }
    }

    var emitter: any Emitter {
      switch self {
      case .c: return CEmitter()
      case .swift: return SwiftEmitter()
      }
    }
  }

  /// How `emit c` lays out its headers.
  enum Layout: String, ExpressibleByArgument, CaseIterable {
    case standalone, xen
  }

  @Argument(help: "What to emit: c or swift. Omit it for the whole checked-in tree (both, every release).")
  var language: Language?

  @Option(help: "C only: 'standalone' (one header per release, for tools) or 'xen' (the Xen tree's layout).")
  var layout: Layout = .standalone

  @OptionGroup var specOptions: SpecOptions

  @Option(help: "Only this release.")
  var release: String?

  @Flag(help: "Every release of the spec, point releases included.")
  var allReleases = false

  @Flag(
    help: "The release each line starts with, and master: what the checked-in tree holds (implied without a language).")
  var lineReleases = false

  @Option(
    help: ArgumentHelp(
      "Directory to write into, created if missing (default: '.'); without a language, the root that holds C/ and Swift/ (default: Generated).",
      valueName: "DIR"))
  var output: String?

  @Flag(help: "Write nothing: generate in memory, compare with the output, exit 2 if stale.")
  var check = false

  func validate() throws {
    if layout == .xen && language != .c {
      throw ValidationError("--layout applies to 'emit c' only")
    }
    if [release != nil, allReleases, lineReleases].filter({ $0 }).count > 1 {
      throw ValidationError("--release, --all-releases and --line-releases exclude each other")
    }
    if language == nil {
      if release != nil || allReleases {
        throw ValidationError(
          "without a language, emit writes the checked-in tree (the release each line starts with, and master); drop \(release != nil ? "--release" : "--all-releases")"
        )
      }
    } else if release == nil && !allReleases && !lineReleases {
      throw ValidationError("say which releases: --release R, --line-releases or --all-releases")
    } else if check && release != nil {
      throw ValidationError("--check compares a whole tree: use --line-releases or --all-releases, not --release")
    }
  }

  /// Where the whole tree keeps the model's dump, relative to the repository root: what
  /// `abigen diff --against-ref REF` reads from git.
  static func modelDumpPath(family: String) -> String { "Generated/Model/" + ModelDump.fileName(family: family) }

  /// Each emitter with the directory its files go to. The whole tree also holds the model's
  /// dump (Model/), which a branch's review reads.
  func targets(_ model: ABIModel) throws -> [(emitter: any Emitter, directory: String)] {
    if let language {
      return [(language == .c && layout == .xen ? XenLayoutEmitter() : language.emitter, output ?? ".")]
    }
    let root = output ?? "Generated"
    func under(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }
    let dump: ModelDump
    do {
      dump = try ModelDump(model)
    } catch {
      printError("error: cannot encode the model (\(error))")
      throw ExitStatus.internalError.exitCode
    }
    return Language.allCases.map { ($0.emitter, under($0.treeDirectory)) } + [
      (XenLayoutEmitter(), under("Xen")), (dump, under("Model")),
    ]
  }

  func run() throws {
    let model = try specOptions.loadModel()
    let releases: [Release]
    if let release {
      guard let selected = model.release(named: release) else {
        printError(
          "error: unknown release '\(release)' (known: \(model.releases.map(\.name).joined(separator: ", ")))")
        throw ExitStatus.refutedOrInvalid.exitCode
      }
      releases = [selected]
    } else if allReleases {
      releases = model.releases
    } else {
      releases = model.lineReleases
    }
    let selection = ABIModelSelection(model: model, releases: releases)
    if check {
      try runCheck(selection)
      return
    }
    // Every target in one write: the whole tree changes, or none of it.
    let targets = try targets(model)
    do {
      try GeneratedFileWriter.write(
        targets.map { ($0.emitter.emit(selection), URL(fileURLWithPath: $0.directory)) })
    } catch {
      printError(error.description)
      throw ExitStatus.refutedOrInvalid.exitCode
    }
  }

  func runCheck(_ selection: ABIModelSelection) throws {
    var stale: [GeneratedTreeCheck.StaleFile] = []
    let targets = try targets(selection.model)
    for target in targets {
      let result: GeneratedTreeCheck.Result
      do {
        result = try GeneratedTreeCheck.compare(target.emitter.emit(selection), with: target.directory)
      } catch {
        printError(error.description)
        throw ExitStatus.refutedOrInvalid.exitCode
      }
      if result.stale.isEmpty {
        try StandardStreams.out("\(target.directory): \(result.fileCount) files up to date\n")
      }
      stale += result.stale
    }
    guard !stale.isEmpty else { return }
    for file in stale {
      printError("\(file.path): error: stale: \(file.reason)")
    }
    let directories = targets.map(\.directory).joined(separator: ", ")
    printError("\(stale.count) stale file\(stale.count == 1 ? "" : "s") under \(directories); regenerate with:")
    printError("  " + regenerateCommand(removing: stale.filter { $0.kind == .notGenerated }.map(\.path)))
    throw ExitStatus.stale.exitCode
  }

  /// The command that makes the output what `--check` expects: this same invocation without
  /// `--check`, after removing the files the generator no longer produces (emit itself never
  /// deletes anything in a directory it is pointed at).
  func regenerateCommand(removing extra: [String]) -> String {
    var arguments = [CommandLine.arguments.first ?? "abigen", "emit"]
    if let language {
      arguments +=
        [language.rawValue] + (layout == .xen ? ["--layout", "xen"] : [])
        + [allReleases ? "--all-releases" : "--line-releases"]
    }
    if let spec = specOptions.spec { arguments += ["--spec", spec] }
    if let output { arguments += ["--output", output] }
    let emit = arguments.map(ShellQuoting.quote).joined(separator: " ")
    guard !extra.isEmpty else { return emit }
    return (["rm", "--"] + extra).map(ShellQuoting.quote).joined(separator: " ") + " && " + emit
  }
}

/// Quotes words for a POSIX shell, only where needed.
enum ShellQuoting {
  static func quote(_ word: String) -> String {
    let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%")
    if !word.isEmpty && word.unicodeScalars.allSatisfy({ plain.contains($0) }) { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
