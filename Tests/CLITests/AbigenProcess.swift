import Foundation

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
    try process.run()
    process.waitUntilExit()
    return AbigenRun(
      status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }
}
