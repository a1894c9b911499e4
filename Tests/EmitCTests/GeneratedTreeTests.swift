import EmitC
import EmitCore
import Foundation
import Testing

/// `Generated/C` is exactly what `abigen emit c --line-releases --output Generated/C` writes.
@Suite struct GeneratedTreeTests {
  static let regenerate = "abigen emit c --line-releases --output Generated/C"

  @Test func committedHeadersAreUpToDate() throws {
    let xen = try TestModels.xen.get()
    let scratch = try TemporaryDirectory.make("tree")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let files = TestModels.headers(xen)
    try GeneratedFileWriter.write(files, to: scratch)

    let committed = try FileManager.default.contentsOfDirectory(atPath: Paths.generatedC.path)
      .filter { $0.hasSuffix(".h") }.sorted()
    #expect(committed == files.map(\.path).sorted(), "stale file set; run `\(Self.regenerate)`")
    for file in files {
      let fresh = String(decoding: try Data(contentsOf: scratch.appendingPathComponent(file.path)), as: UTF8.self)
      let existing =
        FileManager.default.contents(atPath: Paths.generatedC.appendingPathComponent(file.path).path)
        .map { String(decoding: $0, as: UTF8.self) } ?? ""
      #expect(
        existing == fresh,
        "Generated/C/\(file.path) is stale; run `\(Self.regenerate)`\n\(TextDiff.describe(expected: fresh, actual: existing, label: file.path))"
      )
    }
  }
}
