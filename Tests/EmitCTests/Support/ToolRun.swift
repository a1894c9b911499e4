import Foundation

/// What a child process printed and how it ended.
struct ToolResult {
  var status: Int32
  var stdout: String
  var stderr: String

  var succeeded: Bool { status == 0 }
}

/// Runs compilers, the probe program and `abigen`, through files rather than pipes so a large
/// output never blocks the child or the test.
enum ToolRun {
  /// An executable on `PATH`, or `nil`.
  static func find(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// Starts every command at once and waits for all (the machine has two cores; callers pass
  /// at most a few).
  static func runAll(_ commands: [Command]) throws -> [ToolResult] {
    var running: [(Process, URL, URL)] = []
    for command in commands {
      let scratch = try TemporaryDirectory.make("run")
      let outURL = scratch.appendingPathComponent("stdout")
      let errURL = scratch.appendingPathComponent("stderr")
      try Data().write(to: outURL)
      try Data().write(to: errURL)
      let process = Process()
      process.executableURL = command.executable
      process.arguments = command.arguments
      if let directory = command.directory { process.currentDirectoryURL = directory }
      if let environment = command.environment {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
      }
      process.standardInput =
        try command.stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
      process.standardOutput = try FileHandle(forWritingTo: outURL)
      process.standardError = try FileHandle(forWritingTo: errURL)
      try process.run()
      running.append((process, outURL, errURL))
    }
    return try running.map { process, outURL, errURL in
      process.waitUntilExit()
      defer { try? FileManager.default.removeItem(at: outURL.deletingLastPathComponent()) }
      return ToolResult(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
  }

  static func run(_ command: Command) throws -> ToolResult {
    try runAll([command])[0]
  }

  struct Command {
    var executable: URL
    var arguments: [String]
    var directory: URL? = nil
    var stdin: URL? = nil
    var environment: [String: String]? = nil
  }
}

/// Scratch directories under the system temp dir.
enum TemporaryDirectory {
  static func make(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("abigen-emitc-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
