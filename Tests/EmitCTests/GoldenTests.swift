import EmitC
import Foundation
import Testing

/// The emitted text of the fixture spec, byte for byte. Re-record after an intended change with
/// `ABIGEN_RECORD=1 swift test --filter EmitCTests.GoldenTests`.
@Suite struct GoldenTests {
  static var recording: Bool { ProcessInfo.processInfo.environment["ABIGEN_RECORD"] == "1" }

  @Test(arguments: ["demo_1_0.h", "demo_2_0_rc1.h"])
  func fixtureHeaderMatchesGolden(_ path: String) throws {
    let files = TestModels.headers(TestModels.fixture)
    #expect(files.map(\.path) == ["demo_1_0.h", "demo_2_0_rc1.h"])
    let actual = try #require(files.first { $0.path == path }).contents
    let golden = Paths.golden.appendingPathComponent(path)
    if Self.recording {
      try Data(actual.utf8).write(to: golden)
      return
    }
    guard let data = FileManager.default.contents(atPath: golden.path) else {
      Issue.record("no golden file \(path); record it with ABIGEN_RECORD=1")
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    #expect(
      expected == actual,
      "\(TextDiff.describe(expected: expected, actual: actual, label: path))\nre-record with ABIGEN_RECORD=1 if intended"
    )
  }

  @Test func outputIsDeterministicAndPortable() throws {
    let xen = try TestModels.xen.get()
    let first = TestModels.headers(xen) + TestModels.headers(TestModels.fixture)
    let second = TestModels.headers(xen) + TestModels.headers(TestModels.fixture)
    #expect(first == second)
    for file in first {
      #expect(file.contents.hasSuffix("\n") && !file.contents.hasSuffix("\n\n"), "\(file.path)")
      #expect(!file.contents.contains("\r"), "\(file.path)")
      #expect(!file.contents.contains("\t"), "\(file.path)")
      // No machine paths: the banner names Spec/ and the relative output directory only.
      #expect(!file.contents.contains("/work/") && !file.contents.contains("/tmp/"), "\(file.path)")
      #expect(!file.contents.contains(" \n"), "\(file.path): trailing space")
    }
  }
}
