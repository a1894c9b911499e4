import ABIModel
import ArgumentParser
import Foundation
import ReleaseLock

/// `--lock FILE`, shared by the commands that read or write the lock of released releases.
struct LockOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      """
      The lock of released releases. Default: for the bundled spec, releases.lock.json beside its \
      sources in the checkout abigen was built from (--source-root), wherever abigen runs; for \
      --spec NAME.json, NAME.lock.json beside it; none for a spec read from standard input. A \
      missing lock of the bundled spec, or a missing --lock FILE, is an error; a JSON spec \
      without a lock is checked with a warning.
      """,
      valueName: "FILE"))
  var lock: String?

  /// Where the lock is, and whether its absence is an error.
  struct Location {
    var path: String
    /// Named with `--lock`, or the bundled spec's: it must exist.
    var required: Bool
    /// `path` as messages show it.
    var shown: String { displayPath(path) }
  }

  /// The lock file to use; `nil` when there is none (a spec on standard input).
  func resolve(_ specOptions: SpecOptions, model: ABIModel) -> Location? {
    if let lock { return Location(path: lock, required: true) }
    guard let spec = specOptions.spec else {
      let directory = (model.location.file as NSString).deletingLastPathComponent
      return Location(
        path: specOptions.sourceFile((directory as NSString).appendingPathComponent("releases.lock.json")),
        required: true)
    }
    if spec == "-" || spec.hasPrefix("/dev/") { return nil }
    return Location(path: (spec.hasSuffix(".json") ? String(spec.dropLast(5)) : spec) + ".lock.json", required: false)
  }

  /// Checks `model` against its lock for `abigen check`: the departures as diagnostics (thrown),
  /// warnings on stderr.
  func verify(_ model: ABIModel, _ specOptions: SpecOptions) throws(SpecLoader.Failure) {
    guard let location = resolve(specOptions, model: model) else {
      printError(
        "warning: no lock for a spec read from standard input: released releases are not checked against a lock (pass --lock FILE)"
      )
      return
    }
    let lock: ReleaseLock
    switch LockFile.read(location) {
    case .failure(let failure): throw failure
    case .success(nil):
      if location.required {
        let why =
          self.lock == nil && specOptions.spec == nil
          ? "the bundled spec's lock does not exist (pass --source-root DIR for the checkout that holds it, or --lock FILE)"
          : "lock file does not exist"
        throw SpecLoader.Failure(file: location.shown, text: why)
      }
      printError(
        "warning: no lock file at \(location.shown): released releases are not checked against a lock (pass --lock FILE)"
      )
      return
    case .success(let found?): lock = found
    }
    let diagnostics = lock.verify(model, lockFile: location.shown)
    if !diagnostics.isEmpty { throw SpecLoader.Failure(diagnostics) }
  }
}

/// Reading and writing the lock.
enum LockFile {
  /// The lock at `location`, `nil` when there is no file, or why it cannot be used.
  static func read(_ location: LockOptions.Location) -> Result<ReleaseLock?, SpecLoader.Failure> {
    guard FileManager.default.fileExists(atPath: location.path) else { return .success(nil) }
    do {
      let data = try InputFile.read(location.path, what: "lock file", standardInput: false)
      return .success(try ReleaseLock.decode(data, file: location.shown))
    } catch let error as ReleaseLock.LoadError {
      return .failure(SpecLoader.Failure(file: location.shown, text: error.description))
    } catch {
      return .failure(SpecLoader.Failure(file: location.shown, text: "\(error)"))
    }
  }

  /// The lock at `location`, or `nil` when there is no file; an unreadable or malformed lock is
  /// an error on stderr and exit 1.
  static func load(_ location: LockOptions.Location) throws -> ReleaseLock? {
    switch read(location) {
    case .success(let lock): return lock
    case .failure(let failure):
      printError(failure.description)
      throw ExitStatus.refutedOrInvalid.exitCode
    }
  }

  /// Replaces the file at `path` with `data` in one step (a temporary file renamed over it), so
  /// a failed write never leaves half a file.
  static func writeAtomically(_ data: Data, to path: String) throws {
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      printError("\(displayPath(path)): error: cannot write (\(error.localizedDescription))")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
  }
}
