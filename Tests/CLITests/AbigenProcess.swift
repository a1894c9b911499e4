import Foundation
import Testing

/// Runs the built `abigen` binary the way a user does, and captures what it prints.
struct AbigenRun {
  var status: Int32
  var stdout: Data
  var stderr: String

  var output: String { String(decoding: stdout, as: UTF8.self) }
}

enum AbigenProcess {
  /// The directory holding the built products (the test bundle sits next to `abigen`).
  static var productsDirectory: URL {
    let bundle = Bundle.main.bundleURL
    return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
  }

  static var executable: URL { productsDirectory.appendingPathComponent("abigen") }

  /// The package root, where `Spec/` and `Generated/` live.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// `abigen check --verbose` of the bundled spec, run once for every test that reads it.
  static let bundledCheck = Result { try run(["check", "--verbose"]) }

  static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> AbigenRun {
    // Files rather than pipes: a large output can never block the child or the test.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inURL = scratch.appendingPathComponent("stdin")
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    try (stdin ?? Data()).write(to: inURL)
    try Data().write(to: outURL)
    try Data().write(to: errURL)

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? packageRoot
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    let started = Date()
    try withSignalsUnblocked { try process.run() }
    process.waitUntilExit()
    logRun(arguments, seconds: Date().timeIntervalSince(started))
    return AbigenRun(
      status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}

extension AbigenProcess {
  /// Runs `body` (a `Process.run()`) with no signal blocked in this thread. The child inherits
  /// the spawning thread's signal mask, and the test runner's dispatch threads block nearly all
  /// of them: without this, abigen and every process a test shell starts would hold a
  /// `kill -TERM` pending until it exited on its own, as under no user's shell.
  static func withSignalsUnblocked<T>(_ body: () throws -> T) rethrows -> T {
    var none = sigset_t()
    var previous = sigset_t()
    sigemptyset(&none)
    pthread_sigmask(SIG_SETMASK, &none, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return try body()
  }

  /// With ABIGEN_RUN_LOG set, each run appends its wall time and arguments to that file: where
  /// the CLI tests' time goes, for keeping CI within its budget.
  static func logRun(_ arguments: [String], seconds: Double) {
    guard let path = ProcessInfo.processInfo.environment["ABIGEN_RUN_LOG"] else { return }
    // O_APPEND: tests run concurrently, and each line must land whole at the end.
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    let line = Array("\(String(format: "%.2f", seconds))\t\(arguments.joined(separator: " "))\n".utf8)
    _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }
}

/// A run of `abigen` under a shell, for redirections a `Process` cannot express (a closed
/// stream, `/dev/full`, a pipe whose reader is gone).
struct ShellRun {
  var status: Int32
  /// Whether the shell itself died of a signal (abigen's own death shows as 128 + signal).
  var signalled: Bool
  var stdout: String
  var stderr: String
}

extension AbigenProcess {
  /// Runs `script` with `bash -c`; `$ABIGEN` is the built binary. Killed after `timeout` seconds.
  static func shell(_ script: String, in directory: URL? = nil, timeout: Double = 60) throws -> ShellRun {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-sh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.environment = ProcessInfo.processInfo.environment.merging(["ABIGEN": executable.path]) { $1 }
    process.currentDirectoryURL = directory ?? packageRoot
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    let started = Date()
    try withSignalsUnblocked { try process.run() }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    logRun(["bash -c", script], seconds: Date().timeIntervalSince(started))
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      return ShellRun(status: -1, signalled: true, stdout: "", stderr: "timed out after \(timeout) s")
    }
    return ShellRun(
      status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}

extension AbigenProcess {
  /// One change to the bundled spec's dump: `edit` applied to the object of release `release`.
  struct ReleaseEdit {
    var release: String
    var edit: (inout [String: Any]) throws -> Void
  }

  /// `abigen dump --format json` of the bundled spec with `edits` applied. Only the edited
  /// releases' objects are parsed and written again (the dump is 7.6 MB, and writing all of it
  /// back through `JSONSerialization` took a second or more per edit); the rest of the text is
  /// the dump's own. A release object is found by the layout the dump is written in: one per
  /// line of the `releases` array, four spaces in, its `name` six spaces in.
  static func editedDump(_ edits: [ReleaseEdit]) throws -> Data {
    let dump = try run(["dump", "--format", "json"])
    try #require(dump.status == 0, "\(dump.stderr)")
    var text = dump.stdout
    // Each release once, with its edits in order: an edited object is no longer in the layout.
    var releases: [String] = []
    for change in edits where !releases.contains(change.release) { releases.append(change.release) }
    for release in releases {
      let name = Data("\n      \"name\" : \"\(release)\",\n".utf8)
      let found = try #require(text.range(of: name), "no release \(release) in the dump")
      try #require(text.range(of: name, in: found.upperBound..<text.endIndex) == nil)
      let opening = try #require(text.range(of: Data("\n    {\n".utf8), options: .backwards, in: 0..<found.lowerBound))
      let closing = try #require(text.range(of: Data("\n    }".utf8), in: found.upperBound..<text.endIndex))
      let span = (opening.lowerBound + 1)..<closing.upperBound
      var object = try #require(try JSONSerialization.jsonObject(with: text.subdata(in: span)) as? [String: Any])
      try #require(object["name"] as? String == release)
      for change in edits where change.release == release { try change.edit(&object) }
      text.replaceSubrange(span, with: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
    return text
  }
}
