import EmitCore
import EmitSwift
import Foundation
import Testing

/// The emitted Swift for `GoldenFixture`, byte for byte. Re-record with
/// `ABIGEN_RECORD=1 swift test --filter EmitSwiftTests.GoldenTests` and review the diff.
@Suite struct GoldenTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static var recording: Bool { ProcessInfo.processInfo.environment["ABIGEN_RECORD"] == "1" }

  @Test func theFixtureEmitsTheRecordedFiles() throws {
    let files = SwiftEmitter().emit(GoldenFixture.selection)
    #expect(
      files.map(\.path) == [
        "DispatchRuntime.swift", "TestReleases.swift", "Test_1_0.swift", "Test_2_0_rc.swift",
      ])
    for file in files {
      // `.golden`: SwiftPM would compile a `.swift` file in the test target's folder.
      let golden = Self.directory.appendingPathComponent(file.path + ".golden")
      if Self.recording {
        try FileManager.default.createDirectory(
          at: Self.directory, withIntermediateDirectories: true)
        try Data(file.contents.utf8).write(to: golden)
        continue
      }
      let recorded = try? String(contentsOf: golden, encoding: .utf8)
      // A Bool, so a failure prints the diff rather than both texts whole.
      let matches = recorded == file.contents
      #expect(
        matches,
        "\(file.path) differs from \(golden.lastPathComponent) (ABIGEN_RECORD=1 re-records):\n\(lineDiff(recorded ?? "", file.contents))"
      )
    }
  }

  @Test func emittingTwiceGivesTheSameBytes() {
    #expect(
      SwiftEmitter().emit(GoldenFixture.selection) == SwiftEmitter().emit(GoldenFixture.selection))
  }

  @Test func namesAreLintCleanSwift() {
    let module = SwiftDispatchLowering.lower(GoldenFixture.selection)
    let memoryOp = module.releases[0].multiplexed[0]
    #expect(memoryOp.subOps.map(\.caseName) == ["increase", "query", "defaultOp", "rawValueOp"])
    #expect(module.releases.map(\.typeName) == ["Test_1_0", "Test_2_0_rc"])
    #expect(
      module.releases[0].hypercallNumbers.map(\.memberName) == [
        "memoryOp", "setTimerOp", "switchMode", "dmOp",
      ])
  }

  /// 2.0-rc keeps 1.0's dm_op exactly and changes memory_op: only dm_op is 1.0's type there.
  @Test func aTableAnOlderReleaseKeptIsThatReleasesType() {
    let module = SwiftDispatchLowering.lower(GoldenFixture.selection)
    #expect(module.releases[0].sharedTables.isEmpty)
    #expect(
      module.releases[1].sharedTables == ["DmOp": .init(namespace: "Test_1_0", releaseName: "1.0")])
    // Emitted alone, a release defines every table itself.
    let alone = SwiftDispatchLowering.lower(
      ABIModelSelection(model: GoldenFixture.model, releases: [GoldenFixture.release2]))
    #expect(alone.releases[0].sharedTables.isEmpty)
    // Any difference in what the code is made of (here one op's tools-only note) is a table of
    // its own.
    var changed = GoldenFixture.release2
    changed.hypercalls[3].multiplex?.subOps[0].toolsOnly = true
    let apart = SwiftDispatchLowering.lower(
      ABIModelSelection(model: GoldenFixture.model, releases: [GoldenFixture.release1, changed]))
    #expect(apart.releases[1].sharedTables.isEmpty)
  }
}

/// The lines that differ, as `-expected` / `+actual` with their line numbers, at most 40.
func lineDiff(_ expected: String, _ actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var out: [String] = []
  for index in 0..<max(old.count, new.count) {
    let a = index < old.count ? String(old[index]) : nil
    let b = index < new.count ? String(new[index]) : nil
    guard a != b else { continue }
    if let a { out.append("\(index + 1): -\(a)") }
    if let b { out.append("\(index + 1): +\(b)") }
    if out.count >= 40 { break }
  }
  return out.joined(separator: "\n")
}
