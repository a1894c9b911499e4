import ABIModel
import ArgumentParser
import Foundation
import Headroom

/// `abigen headroom`: how much room each op mask and continuation leaves, before it ships.
struct HeadroomCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "headroom",
    abstract: "Show the sub-op numbers and continuation progress each op register has left.",
    discussion: """
      Per multiplexed hypercall and guest register width: the highest sub-op number used against \
      what the op mask (or, with no mask, the whole register) holds, and how many releases the \
      numbers above it last at the rate the spec's own history added numbers; per continuation \
      that keeps progress in the op register, the bits of progress it holds against its declared \
      bound.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var specOptions: SpecOptions

  @Option(help: "The release to report on (default: the newest).")
  var release: String?

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  func run() throws {
    let model = try specOptions.loadModel()
    guard let report = HeadroomReport(model: model, release: release) else {
      printError(
        "error: unknown release '\(release ?? "")' (known: \(model.releases.map(\.name).joined(separator: ", ")))")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    switch format {
    case .text:
      try StandardStreams.out(HeadroomTextRenderer.render(report))
    case .json:
      try StandardStreams.out(try DeterministicJSON.encode(report))
    }
  }
}
