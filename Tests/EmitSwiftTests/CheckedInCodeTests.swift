import EmitCore
import EmitSwift
import Foundation
import Testing

/// `Generated/Swift` is what the emitter makes of the bundled spec today: regenerate into a
/// temporary directory and compare every file, and that no other file is there.
@Suite struct CheckedInCodeTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let checkedIn = packageRoot.appendingPathComponent("Generated/Swift")

  @Test func generatedSwiftIsUpToDate() throws {
    let selection = ABIModelSelection(
      model: BundledSpec.model, releases: BundledSpec.model.lineReleases)
    let temporary = FileManager.default.temporaryDirectory
      .appendingPathComponent("abigen-emit-swift-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: temporary) }
    try GeneratedFileWriter.write(SwiftEmitter().emit(selection), to: temporary)

    let fresh = try FileManager.default.contentsOfDirectory(atPath: temporary.path).sorted()
    let present = try FileManager.default.contentsOfDirectory(atPath: Self.checkedIn.path)
      .filter { !$0.hasPrefix(".") }.sorted()
    // Built before the files go: the package needs them to build. Removed first because the
    // writer cannot yet overwrite a changed file on Linux (FileManager.replaceItemAt fails).
    let fix =
      "regenerate: swift build --product abigen && rm Generated/Swift/*.swift"
      + " && .build/debug/abigen emit swift --line-releases --output Generated/Swift"
    #expect(present == fresh, "Generated/Swift has other files than the emitter makes; \(fix)")
    for name in fresh {
      let expected = try String(contentsOf: temporary.appendingPathComponent(name), encoding: .utf8)
      let actual = try? String(
        contentsOf: Self.checkedIn.appendingPathComponent(name), encoding: .utf8)
      // A Bool, so a failure prints the diff rather than both files whole.
      let upToDate = actual == expected
      #expect(
        upToDate,
        "Generated/Swift/\(name) is stale; \(fix)\n\(lineDiff(actual ?? "", expected))")
    }
    #expect(fresh.count == BundledSpec.generatedReleaseNames.count + 2)
  }
}
