import ABIModel
import ArgumentParser
import Foundation
import XenSpec

/// `--spec FILE.json`, shared by every command that reads a spec.
struct SpecOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "A spec in abigen's JSON format (docs/spec-format.md) instead of the bundled Xen spec.",
      valueName: "FILE.json"))
  var spec: String?

  /// The validated model, or every diagnostic on stderr and exit 1.
  func loadModel() throws -> ABIModel {
    do {
      return try SpecLoader.load(path: spec)
    } catch {
      printError(error.description)
      throw ExitStatus.refutedOrInvalid.exitCode
    }
  }
}

/// Loads the bundled spec or a JSON file, and validates it.
enum SpecLoader {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func load(path: String?) throws(Failure) -> ABIModel {
    let model: ABIModel
    if let path {
      let data: Data
      do {
        data = try InputFile.read(path, what: "spec file")
      } catch {
        throw Failure(description: error.description)
      }
      do {
        model = try SpecJSON.decode(data, file: path)
      } catch {
        throw Failure(description: error.description)
      }
      let diagnostics = model.validate()
      if diagnostics.contains(where: { $0.severity == .error }) {
        throw Failure(description: SpecErrors(diagnostics).description)
      }
    } else {
      do {
        model = try Xen.spec.model()
      } catch {
        throw Failure(description: error.description)
      }
    }
    return model
  }
}
