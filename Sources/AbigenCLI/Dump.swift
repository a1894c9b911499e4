import ABIModel
import ArgumentParser
import Foundation

/// `abigen dump`: the resolved model, as readable tables or as the JSON interchange format.
struct Dump: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the resolved model: a table per release, or JSON (docs/spec-format.md).")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var specOptions: SpecOptions

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @Option(help: "Only this release.")
  var release: String?

  @Option(help: "Only this hypercall.")
  var hypercall: String?

  func run() throws {
    let model = try specOptions.loadModel()
    let filtered: ABIModel
    do {
      filtered = try ModelFilter.apply(to: model, release: release, hypercall: hypercall)
    } catch {
      printError("error: \(error.description)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    switch format {
    case .json:
      try StandardStreams.out(try SpecJSON.encode(filtered))
    case .text:
      try StandardStreams.out(ModelTextRenderer.render(filtered))
    }
  }
}
