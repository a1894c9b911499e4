import ABIModel
import ArgumentParser
import Foundation
import ReleaseLock

/// `abigen release R`: marks the release in development as released and locks its ABI, so that
/// `abigen check` fails on any later change to it.
struct ReleaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "release",
    abstract: "Mark a release as released and lock its ABI in the lock file.",
    discussion: """
      For the bundled Swift spec, the release's declaration line (relative to the current \
      directory: run from the repository root) is rewritten from InDevelopment("R", commit: "X") \
      to Released("R", tag: "X"); when that line holds anything else, nothing is written and the \
      edit to make by hand is printed. Rebuild abigen after the edit. For --spec FILE.json, the \
      release's status in the file becomes "released". A release already marked released but not \
      yet locked is only locked. To correct a transcription error in a locked release, remove \
      its block from the lock in the same change and run abigen release R again: the lock's diff \
      shows the correction to review. Exit status: 0 locked, 1 unknown release, already locked, a \
      spec that no longer matches the lock, or a declaration that cannot be edited, 64 usage.
      """)

  @Argument(help: "The release to mark released and lock.")
  var release: String

  @OptionGroup var specOptions: SpecOptions

  @OptionGroup var lockOptions: LockOptions

  func validate() throws {
    if let spec = specOptions.spec, spec == "-" || spec.hasPrefix("/dev/") {
      throw ValidationError("abigen release writes the spec back: give --spec a file, not a stream")
    }
  }

  func run() throws {
    let model = try specOptions.loadModel()
    guard let (lockPath, _) = lockOptions.resolve(spec: specOptions.spec, model: model) else {
      throw ValidationError("say where the lock is: --lock FILE")
    }
    guard let target = model.release(named: release) else {
      printError("error: unknown release '\(release)' (known: \(model.releases.map(\.name).joined(separator: ", ")))")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    let lock = try LockFile.load(path: lockPath) ?? ReleaseLock(family: model.family)
    if lock.entry(for: release) != nil {
      if target.status == .development && specOptions.spec == nil {
        printError(
          "\(target.location): error: \(release) is already locked in \(lockPath), but this abigen's bundled spec still has it in development: rebuild abigen after the edit of this line"
        )
      } else {
        printError("error: \(release) is already released and locked in \(lockPath)")
      }
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    let problems = lock.verify(model, lockFile: lockPath, requireEveryReleaseLocked: false)
    if !problems.isEmpty {
      printError(SpecErrors(problems).description)
      printError("error: the spec no longer matches \(lockPath); restore the locked releases before locking \(release)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }

    if target.status == .development {
      if let spec = specOptions.spec {
        try markReleased(inJSON: spec, model: model)
      } else {
        try markReleased(inSwift: target)
      }
    }
    let locked = lock.locking(target, of: model)
    try LockFile.writeAtomically(locked.encoded(), to: lockPath)
    try StandardStreams.out("\(lockPath): locked \(release) (\(locked.entry(for: release)!.digest))\n")
    if target.status == .development && specOptions.spec == nil {
      try StandardStreams.out("rebuild abigen: until then its bundled spec still has \(release) in development\n")
    }
  }

  /// Sets the release's status in a JSON spec and writes the file back in the interchange
  /// format's canonical form.
  func markReleased(inJSON path: String, model: ABIModel) throws {
    var marked = model
    let index = marked.releaseIndex(named: release)!
    marked.releases[index].status = .released
    try LockFile.writeAtomically(try SpecJSON.encode(marked), to: path)
    try StandardStreams.out("\(path): marked \(release) released\n")
  }

  /// Rewrites the release's declaration line in the Swift spec, or prints the edit and exits 1.
  func markReleased(inSwift target: Release) throws {
    let edit = DeclarationEdit(release: target.name, commit: target.source ?? "")
    let file = target.location.file
    let byHand =
      "make the edit by hand (\(edit.before) -> \(edit.after)), rebuild abigen, then run `abigen release \(release)` again to lock it"
    guard let data = FileManager.default.contents(atPath: file) else {
      printError(
        "\(target.location): error: \(file) is not readable from the current directory (run from the repository root), or \(byHand)"
      )
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    guard let edited = edit.apply(to: String(decoding: data, as: UTF8.self), line: target.location.line) else {
      printError("\(target.location): error: this line does not hold \(edit.before) as written; \(byHand)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    try LockFile.writeAtomically(Data(edited.utf8), to: file)
    try StandardStreams.out("\(target.location): marked \(release) released: \(edit.after)\n")
  }
}
