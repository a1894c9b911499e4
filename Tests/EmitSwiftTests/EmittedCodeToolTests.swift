import EmitCore
import EmitSwift
import Foundation
import Testing

/// The emitted code through the toolchain's own tools. The fixture's output is not part of the
/// package, so `swiftc` type-checks it here, warnings as errors (the golden files prove the
/// bytes, this that they are Swift; the bundled spec's output is compiled by the package). And
/// `swift format lint --strict` passes on both outputs with the `swift-format-ignore-file`
/// marker taken out, so the marker hides nothing.
@Suite struct EmittedCodeToolTests {
  static func tool(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").map {
      URL(fileURLWithPath: String($0)).appendingPathComponent(name)
    }
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  static let swiftc = tool("swiftc")
  static let swift = tool("swift")

  @Test(.enabled(if: swiftc != nil, "needs swiftc on PATH"))
  func theFixtureTypeChecksWithoutWarnings() throws {
    let files = SwiftEmitter().emit(GoldenFixture.selection)
    let (status, diagnostics) = try Self.run(
      Self.swiftc!,
      ["-typecheck", "-swift-version", "6", "-warnings-as-errors", "-module-name", "TestDispatch"],
      on: files)
    #expect(status == 0, "swiftc -typecheck:\n\(diagnostics)")
  }

  @Test(.enabled(if: swift != nil, "needs swift on PATH"))
  func theOutputIsLintCleanWithoutItsIgnoreMarker() throws {
    let selection = ABIModelSelection(
      model: BundledSpec.model, releases: BundledSpec.model.lineReleases)
    let fixture = SwiftEmitter().emit(GoldenFixture.selection).map { file in
      GeneratedFile(path: "fixture-" + file.path, contents: file.contents)
    }
    let files = (SwiftEmitter().emit(selection) + fixture).map { file in
      #expect(
        file.contents.contains("\n// swift-format-ignore-file\n"), "\(file.path) lacks the marker")
      return GeneratedFile(
        path: file.path,
        contents: file.contents.replacingOccurrences(of: "// swift-format-ignore-file\n", with: ""))
    }
    let (status, diagnostics) = try Self.run(
      Self.swift!, ["format", "lint", "--strict"], on: files)
    #expect(status == 0, "swift format lint --strict:\n\(diagnostics)")
  }

  /// Writes `files` to a temporary directory and runs `tool` with `arguments` and their paths.
  static func run(_ tool: URL, _ arguments: [String], on files: [GeneratedFile]) throws -> (
    Int32, String
  ) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("abigen-emit-swift-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try GeneratedFileWriter.write(files, to: directory)
    let process = Process()
    process.executableURL = tool
    process.arguments = arguments + files.map { directory.appendingPathComponent($0.path).path }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let diagnostics = String(
      decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, diagnostics)
  }
}
