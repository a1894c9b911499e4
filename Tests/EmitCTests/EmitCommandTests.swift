import EmitC
import EmitCore
import Foundation
import Testing

/// Writing the headers: atomically, only when the bytes change, and nothing at all when the
/// output cannot be written. The command-line checks run the built `abigen`.
@Suite struct EmitCommandTests {
  func modificationDate(_ url: URL) throws -> Date? {
    try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
  }

  @Test func rewritesOnlyFilesWhoseBytesChange() throws {
    let xen = try TestModels.xen.get()
    let directory = try TemporaryDirectory.make("write")
    defer { try? FileManager.default.removeItem(at: directory) }
    let files = TestModels.headers(xen)
    let first = try GeneratedFileWriter.write(files, to: directory)
    #expect(first.values.allSatisfy { $0 == .written } && first.count == files.count)

    let untouched = directory.appendingPathComponent("xen_4_19.h")
    let past = Date(timeIntervalSince1970: 1_000_000_000)
    try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: untouched.path)
    var changed = files
    changed[0].contents += "/* edited */\n"
    let second = try GeneratedFileWriter.write(changed, to: directory)
    #expect(second[changed[0].path] == .written)
    #expect(second.filter { $0.value == .unchanged }.count == files.count - 1)
    let rewritten = FileManager.default.contents(atPath: directory.appendingPathComponent(changed[0].path).path)
    #expect(rewritten.map { String(decoding: $0, as: UTF8.self) } == changed[0].contents)
    #expect(try modificationDate(untouched) == past)
    // No temporary files are left behind.
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(!names.contains { $0.hasSuffix(".tmp") })
  }

  @Test func anUnwritableOutputFailsBeforeWritingAnything() throws {
    let xen = try TestModels.xen.get()
    let directory = try TemporaryDirectory.make("blocked")
    defer { try? FileManager.default.removeItem(at: directory) }
    // A regular file where a directory is needed: unwritable even for root.
    let blocker = directory.appendingPathComponent("blocker")
    try Data("x".utf8).write(to: blocker)
    #expect(throws: GeneratedFileWriter.Failure.self) {
      try GeneratedFileWriter.write(TestModels.headers(xen), to: blocker.appendingPathComponent("out"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["blocker"])
  }

  // MARK: The built binary

  /// `abigen`, or a recorded failure saying why the CLI checks cannot run.
  func abigen() -> URL? {
    let url = Paths.abigen
    guard FileManager.default.isExecutableFile(atPath: url.path) else {
      Issue.record(
        "the abigen binary is not at \(url.path); build it first (`swift build`), or give EmitCTests a dependency on it"
      )
      return nil
    }
    return url
  }

  func run(_ arguments: [String], in directory: URL) throws -> ToolResult? {
    guard let abigen = abigen() else { return nil }
    return try ToolRun.run(.init(executable: abigen, arguments: ["emit", "c"] + arguments, directory: directory))
  }

  @Test func unknownReleaseListsTheKnownOnes() throws {
    let xen = try TestModels.xen.get()
    let directory = try TemporaryDirectory.make("cli-unknown")
    defer { try? FileManager.default.removeItem(at: directory) }
    guard let result = try run(["--release", "9.9", "--output", "out"], in: directory) else { return }
    #expect(result.status == 1)
    #expect(result.stderr.contains("unknown release '9.9'"), "\(result.stderr)")
    #expect(result.stderr.contains(xen.releases.map(\.name).joined(separator: ", ")), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
  }

  @Test func unwritableOutputSaysSoAndLeavesNothing() throws {
    let directory = try TemporaryDirectory.make("cli-blocked")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("x".utf8).write(to: directory.appendingPathComponent("blocker"))
    guard let result = try run(["--all-releases", "--output", "blocker/out"], in: directory) else { return }
    #expect(result.status == 1)
    #expect(result.stderr.contains("blocker/out: error: cannot create the output directory"), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["blocker"])
  }

  @Test func commandReproducesTheCommittedTree() throws {
    let directory = try TemporaryDirectory.make("cli-tree")
    defer { try? FileManager.default.removeItem(at: directory) }
    guard let result = try run(["--line-releases", "--output", "Generated/C"], in: directory) else { return }
    #expect(result.succeeded, "\(result.stderr)")
    let written = directory.appendingPathComponent("Generated/C")
    let names = try FileManager.default.contentsOfDirectory(atPath: written.path).sorted()
    let committed = try FileManager.default.contentsOfDirectory(atPath: Paths.generatedC.path)
      .filter { $0.hasSuffix(".h") }.sorted()
    #expect(names == committed)
    for name in names {
      let fresh = try Data(contentsOf: written.appendingPathComponent(name))
      let existing = try Data(contentsOf: Paths.generatedC.appendingPathComponent(name))
      #expect(fresh == existing, "Generated/C/\(name) differs from what the command writes")
    }

    // A second run changes nothing.
    let one = written.appendingPathComponent("xen_4_19.h")
    let past = Date(timeIntervalSince1970: 1_000_000_000)
    try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: one.path)
    guard let again = try run(["--release", "4.19", "--output", "Generated/C"], in: directory) else { return }
    #expect(again.succeeded, "\(again.stderr)")
    #expect(try modificationDate(one) == past)
  }
}
