import ABIModel
import ArgumentParser
import Foundation
import ReleaseLock

/// `abigen release R`: marks the release in development as released and locks its ABI, so that
/// `abigen check` fails on any later change to it; with `--as NAME`, ships the development
/// release under its real name and opens the next development release.
struct ReleaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "release",
    abstract: "Mark a release as released and lock its ABI; with --as, ship the development release and open the next.",
    discussion: """
      The release cycle: `abigen release master --as 4.23 --tag RELEASE-4.23.0` turns the \
      development release `master` into the released, locked release 4.23, with every change \
      stated for master (its In("master") blocks become In("4.23"), and accepted-break spans \
      that start at master start at 4.23), and opens a new, empty development release `master` \
      after it (its commit: --commit, default master's). The next change goes under \
      In("master") again, and `abigen diff 4.22 4.23` shows what 4.23 shipped.

      Without --as, the release keeps its name: its declaration InDevelopment("R", commit: "X") \
      becomes Released("R", tag: "X") (or --tag), and no release opens.

      For the bundled Swift spec the files are edited in the checkout abigen was built from \
      (--source-root), wherever abigen runs; when the declaration line holds anything else, \
      nothing is written and the edit to make by hand is printed. Rebuild abigen after the edit. \
      For --spec FILE.json the file is rewritten. A release already marked released but not yet \
      locked is only locked. To correct a transcription error in a locked release, remove its \
      block from the lock in the same change and run abigen release R again: the lock's diff \
      shows the correction to review.

      When the model comes to describe more of releases already locked (a hypercall's sub-op \
      table it did not model, a hypercall it did not list, accepted breaks of the history that \
      exposes), `abigen release --extend [R]` adds that to the lock of R, or of every locked \
      release: only additions, each listed; a locked fact that changed is refused with what \
      differs, and nothing is written.

      Exit status: 0 locked (or extended), 1 unknown release, already locked, a spec that no \
      longer matches the lock, a declaration that cannot be edited, or an extension that would \
      change a locked fact, 64 usage.
      """)

  @Argument(
    help: ArgumentHelp(
      "The release to mark released and lock (with --as, the development release; with --extend, the locked release to extend, default all).",
      valueName: "release"))
  var releaseArgument: String?

  var release: String { releaseArgument ?? "" }

  @Flag(
    help: "Add what the model now describes beyond the lock to locked releases, refusing any change to a locked fact.")
  var extend = false

  @Option(
    name: .customLong("as"),
    help: ArgumentHelp("Ship the development release under this name and open the next one.", valueName: "NAME"))
  var releasedAs: String?

  @Option(help: "The tag the release ships at (default: its commit).")
  var tag: String?

  @Option(help: "With --as: the commit the new development release starts at (default: the released one's).")
  var commit: String?

  @OptionGroup var specOptions: SpecOptions

  @OptionGroup var lockOptions: LockOptions

  func validate() throws {
    if releaseArgument == nil && !extend { throw ValidationError("name the release to lock") }
    if extend && (releasedAs != nil || tag != nil || commit != nil) {
      throw ValidationError("--extend changes no declaration: it takes no --as, --tag or --commit")
    }
    if let spec = specOptions.spec, spec == "-" || spec.hasPrefix("/dev/") {
      throw ValidationError("abigen release writes the spec back: give --spec a file, not a stream")
    }
    if commit != nil && releasedAs == nil { throw ValidationError("--commit needs --as: no release opens without it") }
    if let releasedAs, releasedAs == release || releasedAs.isEmpty {
      throw ValidationError("--as names the release to ship, not '\(releasedAs)'")
    }
  }

  func run() throws {
    let model = try specOptions.loadModel()
    guard let location = lockOptions.resolve(specOptions, model: model) else {
      throw ValidationError("say where the lock is: --lock FILE")
    }
    let lockPath = location.shown
    if extend {
      try extendLock(model, location)
      return
    }
    guard let target = model.release(named: release) else {
      printError("error: unknown release '\(release)' (known: \(model.releases.map(\.name).joined(separator: ", ")))")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    let lock = try LockFile.load(location) ?? ReleaseLock(family: model.family)
    let shippedName = releasedAs ?? release
    if lock.entry(for: shippedName) != nil {
      if target.status == .development && specOptions.spec == nil && releasedAs == nil {
        printError(
          "\(target.location): error: \(release) is already locked in \(lockPath), but this abigen's bundled spec still has it in development: rebuild abigen after the edit of this line"
        )
      } else {
        printError("error: \(shippedName) is already released and locked in \(lockPath)")
      }
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    let problems = lock.verify(model, lockFile: lockPath, requireEveryReleaseLocked: false)
    if !problems.isEmpty {
      printError(SpecErrors(problems).description)
      printError("error: the spec no longer matches \(lockPath); restore the locked releases before locking \(release)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    if let releasedAs {
      try ship(target, as: releasedAs, model: model, lock: lock, lockPath: location.path)
      return
    }

    if target.status == .development {
      if let spec = specOptions.spec {
        var marked = model
        let index = marked.releaseIndex(named: release)!
        marked.releases[index].status = .released
        if let tag { marked.releases[index].source = tag }
        try LockFile.writeAtomically(try SpecJSON.encode(marked), to: spec)
        try StandardStreams.out("\(spec): marked \(release) released\n")
      } else {
        let edit = DeclarationEdit(release: target.name, commit: target.source ?? "", tag: tag)
        try write(try edited([(target.location, edit)], renaming: nil))
      }
    }
    let locked = lock.locking(target, of: model)
    try LockFile.writeAtomically(locked.encoded(), to: location.path)
    try StandardStreams.out("\(lockPath): locked \(release) (\(locked.entry(for: release)!.digest))\n")
    if target.status == .development && specOptions.spec == nil {
      try StandardStreams.out("rebuild abigen: until then its bundled spec still has \(release) in development\n")
    }
  }

  /// `release R --as NAME`: the development release ships as NAME, locked, and a new
  /// development release of R's name opens after it.
  func ship(_ target: Release, as name: String, model: ABIModel, lock: ReleaseLock, lockPath: String) throws {
    guard target.status == .development else {
      printError("\(target.location): error: \(release) is released already; --as ships the development release")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    guard model.release(named: name) == nil else {
      printError("\(model.release(named: name)!.location): error: the spec already has a release \(name)")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    let source = target.source ?? release
    let cycle = ReleaseCycle(development: release, released: name, tag: tag ?? source, commit: commit ?? source)
    let shipped = cycle.apply(to: model)!
    let problems = shipped.validate().filter { $0.severity == .error }
    if !problems.isEmpty {
      printError(SpecErrors(problems).description)
      printError("error: releasing \(release) as \(name) would leave the spec invalid; nothing was written")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    if let spec = specOptions.spec {
      try LockFile.writeAtomically(try SpecJSON.encode(shipped), to: spec)
      try StandardStreams.out("\(spec): released \(release) as \(name); opened \(release) after it\n")
    } else {
      try write(try edited([(target.location, cycle.declaration(declaredCommit: source))], renaming: cycle))
    }
    let locked = lock.locking(shipped.release(named: name)!, of: shipped)
    try LockFile.writeAtomically(locked.encoded(), to: lockPath)
    try StandardStreams.out("\(displayPath(lockPath)): locked \(name) (\(locked.entry(for: name)!.digest))\n")
    if specOptions.spec == nil {
      try StandardStreams.out("rebuild abigen: until then its bundled spec still has \(release) in development\n")
    }
  }

  /// `release --extend [R]`: the lock of R (or of every locked release) gains what the model
  /// now describes beyond it; all or nothing.
  func extendLock(_ model: ABIModel, _ location: LockOptions.Location) throws {
    let lockPath = location.shown
    guard let lock = try LockFile.load(location) else {
      printError("error: there is no lock at \(lockPath) to extend")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    // A hand-edited entry must not be laundered into a fresh digest.
    let handEdited = lock.handEditedEntries(lockFile: lockPath)
    if !handEdited.isEmpty {
      printError(SpecErrors(handEdited).description)
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    let names = releaseArgument.map { [$0] } ?? lock.entries.map(\.release)
    var extended = lock
    var report = ""
    var refused = false
    for name in names {
      guard let release = model.release(named: name) else {
        printError("error: unknown release '\(name)' (known: \(model.releases.map(\.name).joined(separator: ", ")))")
        throw ExitStatus.refutedOrInvalid.exitCode
      }
      switch extended.extending(release, of: model) {
      case .refused(let reasons):
        refused = true
        for reason in reasons { printError("\(release.location): error: \(name): \(reason)") }
      case .extended(let next, let lines):
        extended = next
        if !lines.isEmpty {
          report += "\(lockPath): extended \(name) by \(lines.count) fact\(lines.count == 1 ? "" : "s")\n"
          report += lines.map { "  + \($0)\n" }.joined()
        }
      }
    }
    if refused {
      printError("error: extending the lock would change locked facts; nothing was written")
      throw ExitStatus.refutedOrInvalid.exitCode
    }
    if report.isEmpty {
      try StandardStreams.out("\(lockPath): nothing to extend\n")
      return
    }
    try LockFile.writeAtomically(extended.encoded(), to: location.path)
    try StandardStreams.out(report)
  }

  /// One edited source file of the bundled spec: where, the new text, and what to print.
  struct EditedFile {
    var path: String
    var text: String
    var messages: [String]
  }

  /// The declaration edits and, for a release cycle, every renamed reference in the spec's
  /// files, all computed before anything is written; or the edit to make by hand and exit 1.
  func edited(_ declarations: [(SourceLocation, DeclarationEdit)], renaming cycle: ReleaseCycle?) throws
    -> [EditedFile]
  {
    var files: [String: EditedFile] = [:]
    func read(_ relative: String) throws -> EditedFile {
      if let file = files[relative] { return file }
      let path = specOptions.sourceFile(relative)
      guard let data = FileManager.default.contents(atPath: path) else {
        printError(
          "\(relative): error: \(displayPath(path)) is not readable (pass --source-root DIR for the checkout that holds the spec), or make the edit by hand and rebuild abigen"
        )
        throw ExitStatus.refutedOrInvalid.exitCode
      }
      return EditedFile(path: path, text: String(decoding: data, as: UTF8.self), messages: [])
    }
    for (location, edit) in declarations {
      var file = try read(location.file)
      guard let text = edit.apply(to: file.text, line: location.line) else {
        let opened = edit.opened.map { " and a line \($0) after it" } ?? ""
        printError(
          "\(location): error: this line does not hold \(edit.before) as written; make the edit by hand (\(edit.before) -> \(edit.after)\(opened)), rebuild abigen, then run `abigen release \(release)` again to lock it"
        )
        throw ExitStatus.refutedOrInvalid.exitCode
      }
      file.text = text
      file.messages.append(
        edit.releasedAs == edit.release
          ? "\(location): marked \(edit.release) released: \(edit.after)"
          : "\(location): released \(edit.release) as \(edit.releasedAs): \(edit.after)"
            + (edit.opened.map { "; opened \($0)" } ?? ""))
      files[location.file] = file
    }
    if let cycle {
      let directory = (specOptions.sourceFile(declarations[0].0.file) as NSString).deletingLastPathComponent
      let relativeDirectory = (declarations[0].0.file as NSString).deletingLastPathComponent
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for name in names.sorted() where name.hasSuffix(".swift") {
        let relative = (relativeDirectory as NSString).appendingPathComponent(name)
        var file = try read(relative)
        let (text, lines) = cycle.renamingReferences(in: file.text)
        guard !lines.isEmpty else { continue }
        file.text = text
        file.messages += lines.map { "\(relative):\($0): \(cycle.development) -> \(cycle.released)" }
        files[relative] = file
      }
    }
    return files.keys.sorted().map { files[$0]! }
  }

  func write(_ files: [EditedFile]) throws {
    for file in files {
      try LockFile.writeAtomically(Data(file.text.utf8), to: file.path)
      for message in file.messages { try StandardStreams.out(message + "\n") }
    }
  }
}
