import Foundation
import Testing

/// `abigen emit --check` end to end, on generated copies of the tree in temporary directories
/// (never on `Generated/` itself, which is only read).
@Suite struct EmitCheckCommandTests {
  /// A temporary directory holding `gen/C` and `gen/Swift` as `abigen emit --output gen` writes them.
  func freshTree() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-emit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let emit = try AbigenProcess.run(["emit", "--output", "gen"], in: directory)
    try #require(emit.status == 0, "\(emit.stderr)")
    return directory
  }

  func shell(_ command: String, in directory: URL) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = directory
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  func append(_ text: String, to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
  }

  @Test func theCheckedInTreeIsUpToDate() throws {
    let run = try AbigenProcess.run(["emit", "--check"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.output.contains("Generated/C: ") && run.output.contains("Generated/Swift: ")
        && run.output.contains("Generated/Xen: ") && run.output.contains("Generated/Model: 1 files up to date"))
  }

  @Test func anUntouchedTreeExits0() throws {
    let directory = try freshTree()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try AbigenProcess.run(["emit", "--check", "--output", "gen"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    let lines = run.output.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines.last == "gen/Model: 1 files up to date")
    #expect(lines.first?.hasPrefix("gen/C: ") == true && lines.first?.hasSuffix(" files up to date") == true)
    let single = try AbigenProcess.run(
      ["emit", "swift", "--line-releases", "--output", "gen/Swift", "--check"], in: directory)
    #expect(single.status == 0, "\(single.stderr)")
  }

  @Test func aHandEditAMissingFileAndAnExtraFileAreStaleAndThePrintedCommandFixesThem() throws {
    let directory = try freshTree()
    defer { try? FileManager.default.removeItem(at: directory) }
    let gen = directory.appendingPathComponent("gen")
    try append("/* hand edit */\n", to: gen.appendingPathComponent("C/xen_4_19.h"))
    try FileManager.default.removeItem(at: gen.appendingPathComponent("Swift/Xen_3_4.swift"))
    try Data("// left over\n".utf8).write(to: gen.appendingPathComponent("Swift/Xen_9_9.swift"))

    let run = try AbigenProcess.run(["emit", "--check", "--output", "gen"], in: directory)
    #expect(run.status == 2)
    let lines = run.stderr.split(separator: "\n").map(String.init)
    try #require(lines.count == 5, "\(run.stderr)")
    #expect(lines[0].hasPrefix("gen/C/xen_4_19.h: error: stale: differs from what the spec generates (first at line "))
    #expect(lines[1] == "gen/Swift/Xen_3_4.swift: error: stale: missing; the spec generates it")
    #expect(lines[2] == "gen/Swift/Xen_9_9.swift: error: stale: the spec no longer generates this file")
    #expect(lines[3] == "3 stale files under gen/C, gen/Swift, gen/Xen, gen/Model; regenerate with:")
    let executable = AbigenProcess.executable.path
    #expect(lines[4] == "  rm -- gen/Swift/Xen_9_9.swift && \(executable) emit --output gen")
    // Nothing was written by the check.
    #expect(!FileManager.default.fileExists(atPath: gen.appendingPathComponent("Swift/Xen_3_4.swift").path))

    #expect(try shell(lines[4], in: directory) == 0)
    let again = try AbigenProcess.run(["emit", "--check", "--output", "gen"], in: directory)
    #expect(again.status == 0, "\(again.stderr)")
  }

  @Test func oneLanguageChecksItsDirectoryAndPrintsItsOwnCommand() throws {
    let directory = try freshTree()
    defer { try? FileManager.default.removeItem(at: directory) }
    try append("// edit\n", to: directory.appendingPathComponent("gen/C/xen_3_3.h"))
    let arguments = ["emit", "c", "--line-releases", "--output", "gen/C", "--check"]
    let run = try AbigenProcess.run(arguments, in: directory)
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("gen/C/xen_3_3.h: error: stale: differs"))
    let command = try #require(run.stderr.split(separator: "\n").last.map(String.init))
    #expect(command == "  \(AbigenProcess.executable.path) emit c --line-releases --output gen/C")
    // The Swift tree is not this command's business.
    #expect(!run.stderr.contains("gen/Swift"))
    #expect(try shell(command, in: directory) == 0)
    #expect(try AbigenProcess.run(arguments, in: directory).status == 0)
  }

  @Test func aMissingTreeIsStale() throws {
    let directory = try freshTree()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try AbigenProcess.run(["emit", "--check", "--output", "nothing"], in: directory)
    #expect(run.status == 2)
    #expect(run.stderr.contains("nothing/C/xen_4_19.h: error: stale: missing; the spec generates it"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("nothing").path))
  }

  @Test func usageErrorsExit64() throws {
    #expect(try AbigenProcess.run(["emit", "c", "--release", "4.19", "--check"]).status == 64)
    #expect(try AbigenProcess.run(["emit", "--release", "4.19", "--check"]).status == 64)
    #expect(try AbigenProcess.run(["emit", "c", "--check"]).status == 64)
  }
}
