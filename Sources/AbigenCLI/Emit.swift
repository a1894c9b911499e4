import ABIModel
import ArgumentParser
import EmitC
import EmitCore
import EmitSwift
import Foundation

/// `abigen emit c|swift`: generated code for one release or all of them.
struct Emit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write C headers or Swift dispatch code generated from the spec.")

  enum Language: String, ExpressibleByArgument, CaseIterable {
    case c, swift
  }

  @Argument(help: "What to emit: c or swift.")
  var language: Language

  @OptionGroup var specOptions: SpecOptions

  @Option(help: "Only this release.")
  var release: String?

  @Flag(help: "Every release of the spec.")
  var allReleases = false

  @Option(help: "Directory to write into (created if missing).")
  var output: String = "."

  func validate() throws {
    if release != nil && allReleases {
      throw ValidationError("--release and --all-releases exclude each other")
    }
    if release == nil && !allReleases {
      throw ValidationError("say which releases: --release R or --all-releases")
    }
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
    } else {
      releases = model.releases
    }
    let selection = ABIModelSelection(model: model, releases: releases)
    let files = emitter.emit(selection)
    do {
      try GeneratedFileWriter.write(files, to: URL(fileURLWithPath: output))
    } catch {
      printError(error.description)
      throw ExitStatus.refutedOrInvalid.exitCode
    }
  }

  var emitter: any Emitter {
    switch language {
    case .c: return CEmitter()
    case .swift: return SwiftEmitter()
    }
  }
}
