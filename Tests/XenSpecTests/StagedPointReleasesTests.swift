import Foundation
import Testing

/// The point releases' transcription waits as a patch (docs/point-releases.md) until the checker
/// scales to them: it must keep applying to the spec as the spec changes, or it rots unseen.
@Suite struct StagedPointReleasesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test(.enabled(if: FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path)))
  func theStagedPatchStillApplies() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "apply", "--check", "docs/staged/point-releases.patch"]
    process.currentDirectoryURL = Self.root
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 0, "git apply --check: \(message)")
  }

  /// Every point release of the facts is declared by the patch, with its tag.
  @Test func thePatchDeclaresEveryPointRelease() throws {
    let patch = try String(
      contentsOf: Self.root.appendingPathComponent("docs/staged/point-releases.patch"), encoding: .utf8)
    let fixture = try JSONSerialization.jsonObject(
      with: Data(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/xen-point-releases.json")))
    let releases = try #require((fixture as? [String: Any])?["releases"] as? [[String: Any]])
    #expect(releases.count == 111)
    for release in releases {
      let name = try #require(release["name"] as? String)
      let tag = try #require(release["ref"] as? String)
      #expect(patch.contains("Point(\"\(name)\", tag: \"\(tag)\")\n"), "\(name) is not declared")
    }
  }
}
