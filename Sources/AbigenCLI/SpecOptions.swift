import ABIModel
import ArgumentParser
import Foundation
import XenSpec

/// `--spec FILE.json` and `--source-root DIR`, shared by every command that reads a spec.
struct SpecOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "A spec in abigen's JSON format (docs/spec-format.md) instead of the bundled Xen spec.",
      valueName: "FILE.json"))
  var spec: String?

  @Option(
    name: .customLong("source-root"),
    help: ArgumentHelp(
      "The checkout holding the bundled spec's sources and lock (default: the one this abigen was built from).",
      valueName: "DIR"))
  var sourceRootOption: String?

  /// The directory the bundled spec's `Spec/` files and lock are found in, whatever the
  /// current directory: CI runs abigen from anywhere.
  var sourceRoot: String { sourceRootOption ?? Xen.sourceRoot }

  /// A file of the bundled spec (`Spec/Xen/Releases.swift`) under the source root.
  func sourceFile(_ relative: String) -> String {
    (sourceRoot as NSString).appendingPathComponent(relative)
  }

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

/// `path` as a user reads it: relative to the current directory when it lies under it.
func displayPath(_ path: String) -> String {
  let directory = FileManager.default.currentDirectoryPath
  let prefix = directory.hasSuffix("/") ? directory : directory + "/"
  return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
}

/// Loads the bundled spec or a JSON file, and validates it.
enum SpecLoader {
  /// Why there is no model: the text printed on stderr, and the same as diagnostics for the
  /// machine formats, which are written even then.
  struct Failure: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic]

    var description: String { SpecErrors(diagnostics).description }

    init(_ diagnostics: [Diagnostic]) {
      self.diagnostics = diagnostics
    }

    /// One error about `file` from a message already spelled `file: error: message`.
    init(file: String, text: String) {
      let prefix = "\(file): error: "
      let message = text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
      self.init([.error(message, at: SourceLocation(file: file, line: 0))])
    }
  }

  static func load(path: String?) throws(Failure) -> ABIModel {
    let model: ABIModel
    if let path {
      let name = path == "-" ? "<stdin>" : path
      let data: Data
      do {
        data = try InputFile.read(path, what: "spec file")
      } catch {
        throw Failure(file: name, text: error.description)
      }
      do {
        model = try SpecJSON.decode(data, file: path)
      } catch {
        throw Failure(file: path, text: error.description)
      }
      let diagnostics = model.validate()
      if diagnostics.contains(where: { $0.severity == .error }) {
        throw Failure(diagnostics)
      }
    } else {
      do {
        model = try Xen.spec.model()
      } catch {
        throw Failure(error.diagnostics)
      }
    }
    return model
  }
}
