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
      The lock of released releases. Default: releases.lock.json beside the bundled spec's sources \
      (Spec/Xen/releases.lock.json, relative to the current directory); for --spec NAME.json, \
      NAME.lock.json beside it; none for a spec read from standard input. When the default lock \
      is missing, check says so on stderr and goes on; a --lock FILE that is missing is an error.
      """,
      valueName: "FILE"))
  var lock: String?

  /// The lock file to use, and whether the user named it; `nil` when there is no default.
  func resolve(spec: String?, model: ABIModel) -> (path: String, explicit: Bool)? {
    if let lock { return (lock, true) }
    return LockFile.defaultPath(spec: spec, model: model).map { ($0, false) }
  }

  /// Checks `model` against its lock for `abigen check`: every departure on stderr and exit 1.
  /// A missing default lock is a warning (the check goes on); a missing `--lock FILE` is an error.
  func verify(_ model: ABIModel, spec: String?) throws {
    guard let (path, explicit) = resolve(spec: spec, model: model) else {
      printError(
        "warning: no lock for a spec read from standard input: released releases are not checked against a lock (pass --lock FILE)"
      )
      return
    }
    guard let lock = try LockFile.load(path: path) else {
      if explicit {
        printError("\(path): error: lock file does not exist")
        throw ExitStatus.refutedOrInvalid.exitCode
      }
      printError(
        "warning: no lock file at \(path) (run from the repository root, or pass --lock FILE): released releases are not checked against a lock"
      )
      return
    }
    let diagnostics = lock.verify(model, lockFile: path)
    if !diagnostics.isEmpty {
      printError(SpecErrors(diagnostics).description)
      throw ExitStatus.refutedOrInvalid.exitCode
    }
  }
}

/// Where the lock lives, and reading and writing it.
enum LockFile {
  /// Beside the file that declares the family for a Swift spec (`Spec/Xen/Xen.swift` ->
  /// `Spec/Xen/releases.lock.json`); `NAME.lock.json` beside a JSON spec; none for a pipe.
  static func defaultPath(spec: String?, model: ABIModel) -> String? {
    guard let spec else {
      let directory = (model.location.file as NSString).deletingLastPathComponent
      return directory.isEmpty ? "releases.lock.json" : directory + "/releases.lock.json"
    }
    if spec == "-" || spec.hasPrefix("/dev/") { return nil }
    return (spec.hasSuffix(".json") ? String(spec.dropLast(5)) : spec) + ".lock.json"
  }

  /// The lock at `path`, or `nil` when there is no file; an unreadable or malformed lock is an
  /// error on stderr and exit 1.
  static func load(path: String) throws -> ReleaseLock? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    do {
      return try ReleaseLock.decode(try InputFile.read(path, what: "lock file", standardInput: false), file: path)
    } catch let error as ReleaseLock.LoadError {
      printError(error.description)
    } catch {
      printError("\(error)")
    }
    throw ExitStatus.refutedOrInvalid.exitCode
  }

  /// Replaces the file at `path` with `data` in one step (a temporary file renamed over it), so
  /// a failed write never leaves half a file.
  static func writeAtomically(_ data: Data, to path: String) throws {
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      printError("\(path): error: cannot write (\(error.localizedDescription))")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
  }
}
