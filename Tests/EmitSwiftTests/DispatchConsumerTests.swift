import Foundation
import Testing

/// The generated dispatch code as its users get it: the `XenDispatch` library product, depended
/// on by another package (Tests/Fixtures/DispatchConsumer) that builds and runs; and the same
/// code and consumer compiled under Embedded Swift, where a hypervisor or firmware would use it.
@Suite(.serialized) struct DispatchConsumerTests {
  static let packageRoot = CheckedInCodeTests.packageRoot
  static let consumer = packageRoot.appendingPathComponent("Tests/Fixtures/DispatchConsumer")
  static let consumerSource = consumer.appendingPathComponent("Sources/DispatchConsumer/Consumer.swift")

  /// What the consumer prints: the answers of the model for the values it asks about.
  static let expected = [
    "XENMEM_set_pod_target at 0",
    "XENMEM_increase_reservation at 1",
    "rejected -38",
    "encode 0 c6",
    "encode -22 0",
    "XENMEM_populate_physmap continues as 86",
  ]

  struct Run {
    var status: Int32
    var output: String
  }

  static func run(_ tool: URL, _ arguments: [String], in directory: URL? = nil) throws -> Run {
    let process = Process()
    process.executableURL = tool
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-consumer-\(UUID().uuidString)")
    try Data().write(to: log)
    defer { try? FileManager.default.removeItem(at: log) }
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return Run(status: process.terminationStatus, output: String(decoding: try Data(contentsOf: log), as: UTF8.self))
  }

  @Test(.enabled(if: EmittedCodeToolTests.swift != nil, "needs swift on PATH"))
  func anotherPackageBuildsAndRunsTheLibraryProduct() throws {
    // A scratch path of its own under .build, kept between runs so only the first one builds
    // everything.
    let scratch = Self.packageRoot.appendingPathComponent(".build/dispatch-consumer")
    let build = try Self.run(
      EmittedCodeToolTests.swift!,
      ["build", "--package-path", Self.consumer.path, "--scratch-path", scratch.path])
    try #require(build.status == 0, "swift build of the consumer:\n\(build.output)")
    let run = try Self.run(scratch.appendingPathComponent("debug/DispatchConsumer"), [])
    #expect(run.status == 0)
    #expect(run.output.split(separator: "\n").map(String.init) == Self.expected, "\(run.output)")
  }

  /// The Embedded Swift libraries of the toolchain for this host, or `nil` when it has none.
  static var embeddedLibraries: URL? {
    guard let swiftc = EmittedCodeToolTests.swiftc else { return nil }
    let toolchain = swiftc.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
    #if arch(x86_64)
      let triple = "x86_64-unknown-linux-gnu"
    #else
      let triple = "aarch64-unknown-linux-gnu"
    #endif
    let directory = toolchain.appendingPathComponent("lib/swift/embedded/\(triple)")
    return FileManager.default.fileExists(atPath: directory.path) ? directory : nil
  }

  static let embedded = ["-enable-experimental-feature", "Embedded", "-wmo", "-parse-as-library"]

  @Test(
    .enabled(
      if: embeddedLibraries != nil,
      "skipped: this toolchain has no Embedded Swift for the host (no lib/swift/embedded/<host triple>)"))
  func theGeneratedCodeAndTheConsumerBuildUnderEmbeddedSwift() throws {
    let swiftc = try #require(EmittedCodeToolTests.swiftc)
    let libraries = try #require(Self.embeddedLibraries)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "abigen-embedded-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let sources = try FileManager.default.contentsOfDirectory(atPath: CheckedInCodeTests.checkedIn.path)
      .filter { $0.hasSuffix(".swift") }.sorted().map { CheckedInCodeTests.checkedIn.appendingPathComponent($0).path }
    #expect(sources.count > 30)
    let module = try Self.run(
      swiftc,
      Self.embedded + [
        "-module-name", "XenDispatch", "-emit-module", "-emit-module-path",
        directory.appendingPathComponent("XenDispatch.swiftmodule").path, "-c", "-o",
        directory.appendingPathComponent("XenDispatch.o").path,
      ] + sources)
    try #require(
      module.status == 0 && module.output.isEmpty, "Embedded Swift build of Generated/Swift:\n\(module.output)")
    // String comparison (the String-backed enums) needs the toolchain's Unicode tables.
    let executable = directory.appendingPathComponent("consumer")
    let link = try Self.run(
      swiftc,
      Self.embedded + [
        "-I", directory.path, Self.consumerSource.path, directory.appendingPathComponent("XenDispatch.o").path, "-o",
        executable.path, "-L", libraries.path, "-lswiftUnicodeDataTables",
      ])
    try #require(link.status == 0, "Embedded Swift build of the consumer:\n\(link.output)")
    let run = try Self.run(executable, [])
    #expect(run.status == 0)
    #expect(run.output.split(separator: "\n").map(String.init) == Self.expected, "\(run.output)")
  }
}
