import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes generated trees all or nothing: every file is first written into a staging directory
/// inside its output directory (`.abigen-stage-UUID`), and only when all of them are written
/// are they renamed into place, with the usual termination signals held off meanwhile. A
/// failure before that point leaves the output as it was; a file whose bytes are unchanged is
/// not touched, so an unchanged tree keeps its timestamps. The staging directory goes on every
/// exit abigen can catch (an error, SIGINT, SIGTERM, SIGHUP, SIGQUIT); one left by a `kill -9`
/// is removed by the next write. An exclusive lock on each output directory makes a second,
/// concurrent write fail at once instead of mixing two trees.
public enum GeneratedFileWriter {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// What happened to each file.
  public enum Outcome: Equatable, Sendable {
    case written
    case unchanged
  }

  /// Names abigen's staging directories start with; `emit --check` ignores them.
  public static let stagingPrefix = ".abigen-stage-"

  /// Writes every file under `directory`, creating it if needed.
  @discardableResult
  public static func write(_ files: [GeneratedFile], to directory: URL) throws(Failure) -> [String: Outcome] {
    try write([(files, directory)])[directory.path] ?? [:]
  }

  /// Writes each tree into its directory, all trees or none; the outcomes per directory path.
  @discardableResult
  public static func write(_ trees: [(files: [GeneratedFile], directory: URL)]) throws(Failure)
    -> [String: [String: Outcome]]
  {
    var transaction = Transaction()
    do {
      for (files, directory) in trees.sorted(by: { $0.directory.path < $1.directory.path }) {
        try transaction.stage(files, in: directory)
      }
      try transaction.commit()
    } catch {
      transaction.finish(failed: true)
      throw error
    }
    transaction.finish(failed: false)
    return transaction.outcomes
  }

  /// One all-or-nothing write.
  struct Transaction {
    struct Target {
      var directory: String
      var stage: String
      var lock: Int32
      /// Relative paths staged for renaming into place.
      var staged: [String] = []
    }

    var targets: [Target] = []
    var outcomes: [String: [String: Outcome]] = [:]
    /// Output directories this write created, outermost first: removed again if it fails.
    var created: [String] = []

    mutating func stage(_ files: [GeneratedFile], in url: URL) throws(Failure) {
      let directory = url.path
      let manager = FileManager.default
      var missing: [String] = []
      var ancestor = directory
      while !ancestor.isEmpty && ancestor != "/" && !manager.fileExists(atPath: ancestor) {
        missing.insert(ancestor, at: 0)
        ancestor = (ancestor as NSString).deletingLastPathComponent
      }
      created += missing
      do {
        try manager.createDirectory(at: url, withIntermediateDirectories: true)
      } catch {
        throw Failure(description: "\(directory): error: cannot create the output directory")
      }
      guard manager.isWritableFile(atPath: directory) else {
        throw Failure(description: "\(directory): error: the output directory is not writable")
      }
      let lock = open(directory, O_RDONLY | O_CLOEXEC)
      guard lock >= 0 else {
        throw Failure(description: "\(directory): error: cannot open the output directory (\(Self.reason()))")
      }
      guard flock(lock, LOCK_EX | LOCK_NB) == 0 else {
        let busy = errno == EWOULDBLOCK
        let why = Self.reason()
        close(lock)
        throw Failure(
          description: busy
            ? "\(directory): error: another abigen emit is writing to this directory; try again when it is done"
            : "\(directory): error: cannot lock the output directory (\(why))")
      }
      // Holding the lock, every staging directory here is left over from a killed run.
      Self.removeStale(in: directory)
      let stage = (directory as NSString).appendingPathComponent(stagingPrefix + UUID().uuidString)
      targets.append(Target(directory: directory, stage: stage, lock: lock))
      CleanupOnSignal.add(stage, isDirectory: true)
      guard mkdir(stage, 0o755) == 0 else {
        throw Failure(description: "\(directory): error: cannot write into the output directory (\(Self.reason()))")
      }
      var made: Set<String> = [stage]
      var outcome: [String: Outcome] = [:]
      for file in files {
        let target = (directory as NSString).appendingPathComponent(file.path)
        let bytes = Data(file.contents.utf8)
        // What would make the rename fail later is found now, while nothing has changed.
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
          throw Failure(description: "\(target): error: a directory is in the way; nothing was changed")
        }
        if let existing = manager.contents(atPath: target), existing == bytes {
          outcome[file.path] = .unchanged
          continue
        }
        let staged = (stage as NSString).appendingPathComponent(file.path)
        do {
          // Each directory of the path, outermost first, registered before it exists.
          var parents: [String] = []
          var parent = (staged as NSString).deletingLastPathComponent
          while !made.contains(parent) && parent.count > stage.count {
            parents.insert(parent, at: 0)
            parent = (parent as NSString).deletingLastPathComponent
          }
          for directory in parents {
            CleanupOnSignal.add(directory, isDirectory: true)
            made.insert(directory)
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: false)
          }
        } catch {
          throw Failure(
            description: "\(target): error: cannot write (\(Self.underlyingReason(error))); nothing was changed")
        }
        CleanupOnSignal.add(staged, isDirectory: false)
        if let reason = Self.writeNew(staged, bytes) {
          throw Failure(description: "\(target): error: cannot write (\(reason)); nothing was changed")
        }
        targets[targets.count - 1].staged.append(file.path)
        outcome[file.path] = .written
      }
      outcomes[directory] = outcome
    }

    /// Renames every staged file into place with the termination signals held, so that an
    /// interrupt lands before or after the tree changes, never in the middle.
    mutating func commit() throws(Failure) {
      try CleanupOnSignal.withSignalsBlocked { () throws(Failure) in try renameIntoPlace() }
    }

    func renameIntoPlace() throws(Failure) {
      for target in targets {
        for path in target.staged {
          let from = (target.stage as NSString).appendingPathComponent(path)
          let to = (target.directory as NSString).appendingPathComponent(path)
          let parent = (to as NSString).deletingLastPathComponent
          try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
          // rename(2) replaces the target atomically; FileManager.replaceItemAt on Linux removes
          // the target first and can fail half way.
          guard rename(from, to) == 0 else {
            throw Failure(description: "\(to): error: cannot replace (\(Self.reason()))")
          }
        }
      }
    }

    /// Removes the staging directories and releases the locks, on success and on failure.
    func finish(failed: Bool) {
      for target in targets {
        try? FileManager.default.removeItem(atPath: target.stage)
        close(target.lock)
      }
      CleanupOnSignal.reset()
      if failed {
        // Only empty ones go: rmdir(2) refuses the others.
        for directory in created.reversed() { rmdir(directory) }
      }
    }

    /// Creates `path` with exactly `bytes`, or says why not (`File too large`, `No space left on
    /// device`).
    static func writeNew(_ path: String, _ bytes: Data) -> String? {
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else { return reason() }
      var offset = 0
      let failure: String? = bytes.withUnsafeBytes { raw in
        while offset < raw.count {
          let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            return reason()
          }
          offset += written
        }
        return nil
      }
      if close(descriptor) != 0 && failure == nil { return reason() }
      return failure
    }

    /// Staging directories of killed runs, and temporary files of the writer before it staged.
    static func removeStale(in directory: String) {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for entry in entries
      where entry.hasPrefix(stagingPrefix)
        || (entry.hasPrefix(".") && entry.contains(".abigen-") && entry.hasSuffix(".tmp"))
      {
        try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(entry))
      }
    }

    static func reason() -> String { String(cString: strerror(errno)) }

    static func underlyingReason(_ error: any Error) -> String {
      let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
      if let underlying, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
      }
      return error.localizedDescription
    }
  }
}

/// What to remove if abigen is told to stop while it stages: every staging directory, file and
/// subdirectory, in the order they were made. The list is built with the signals blocked, and
/// the handler only calls `unlink`, `rmdir`, `signal` and `raise`, which are async-signal-safe.
enum CleanupOnSignal {
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

  struct Entry {
    var path: UnsafeMutablePointer<CChar>
    var isDirectory: Bool
  }

  nonisolated(unsafe) static var entries: UnsafeMutablePointer<Entry>? = nil
  nonisolated(unsafe) static var count = 0
  nonisolated(unsafe) static var capacity = 0
  nonisolated(unsafe) static var installed = false

  /// Runs `body` with the termination signals blocked.
  static func withSignalsBlocked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    var blocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&blocked)
    for signal in signals { sigaddset(&blocked, signal) }
    sigprocmask(SIG_BLOCK, &blocked, &previous)
    defer { sigprocmask(SIG_SETMASK, &previous, nil) }
    return try body()
  }

  /// Remembers a path about to be created.
  static func add(_ path: String, isDirectory: Bool) {
    withSignalsBlocked {
      if !installed {
        installed = true
        for signal in signals { installHandler(signal) }
      }
      if count == capacity {
        let grown = UnsafeMutablePointer<Entry>.allocate(capacity: max(16, capacity * 2))
        if let entries {
          grown.moveInitialize(from: entries, count: count)
          entries.deallocate()
        }
        entries = grown
        capacity = max(16, capacity * 2)
      }
      (entries! + count).initialize(to: Entry(path: strdup(path), isDirectory: isDirectory))
      count += 1
    }
  }

  /// Forgets every path (the staging directories are gone).
  static func reset() {
    withSignalsBlocked {
      for index in 0..<count { free(entries![index].path) }
      count = 0
    }
  }
}

/// A signal abigen was started ignoring (SIGINT and SIGQUIT in a background job of a shell
/// without job control, SIGHUP under nohup) is left ignored: whoever started it chose so.
private func installHandler(_ number: Int32) {
  let previous = signal(number, cleanupHandler)
  if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
    signal(number, SIG_IGN)
  }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

/// Removes what was staged, newest first (files before the directories that hold them), then
/// dies of the signal as abigen would have without the handler.
private func cleanupHandler(_ number: Int32) {
  var index = CleanupOnSignal.count
  while index > 0 {
    index -= 1
    let entry = CleanupOnSignal.entries![index]
    if entry.isDirectory { rmdir(entry.path) } else { unlink(entry.path) }
  }
  signal(number, SIG_DFL)
  raise(number)
}
