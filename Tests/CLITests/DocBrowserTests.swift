import Foundation
import Testing

/// The atlas rendered by headless Chromium (scripts/doc-browser-test.sh): the index and
/// memory_op.html at 1280x900 and on a phone's width, each PNG of that size and not blank.
/// `.ci/run` installs Chromium and sets ABIGEN_REQUIRE_BROWSER=1, so there the test always runs
/// (and fails without a browser); elsewhere it runs when Chromium is on PATH.
@Suite struct DocBrowserTests {
  static var required: Bool { ProcessInfo.processInfo.environment["ABIGEN_REQUIRE_BROWSER"] == "1" }

  static var chromiumFound: Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").contains { directory in
      ["chromium", "chromium-browser"].contains {
        FileManager.default.isExecutableFile(atPath: "\(directory)/\($0)")
      }
    }
  }

  @Test(.enabled(if: required || chromiumFound, "needs chromium on PATH (or ABIGEN_REQUIRE_BROWSER=1)"))
  func indexAndMemoryOpRenderInChromium() throws {
    let run = try AbigenProcess.shell("bash scripts/doc-browser-test.sh \"$ABIGEN\"", timeout: 400)
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.filter { $0.contains("1280x900,") }.count == 2, "\(run.stdout)")
    #expect(lines.contains { $0.contains("390x844,") }, "\(run.stdout)")
    #expect(lines.last == "doc-browser-test: ok")
  }
}
