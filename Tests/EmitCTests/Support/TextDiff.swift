import Foundation

/// A readable difference between two texts for a failure message: `diff -u` where it exists,
/// else the first differing line.
enum TextDiff {
  static func describe(expected: String, actual: String, label: String) -> String {
    if let diff = ToolRun.find("diff"), let directory = try? TemporaryDirectory.make("diff") {
      defer { try? FileManager.default.removeItem(at: directory) }
      let expectedURL = directory.appendingPathComponent("expected")
      let actualURL = directory.appendingPathComponent("actual")
      if (try? Data(expected.utf8).write(to: expectedURL)) != nil,
        (try? Data(actual.utf8).write(to: actualURL)) != nil,
        let result = try? ToolRun.run(
          .init(
            executable: diff,
            arguments: [
              "-u", "--label", "\(label) (expected)", "--label", "\(label) (actual)", expectedURL.path, actualURL.path,
            ]))
      {
        return String(result.stdout.prefix(6000))
      }
    }
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let want = index < expectedLines.count ? expectedLines[index] : "<end of file>"
      let got = index < actualLines.count ? actualLines[index] : "<end of file>"
      if want != got { return "\(label):\(index + 1): expected \(want)\n\(label):\(index + 1): actual   \(got)" }
    }
    return "\(label): identical"
  }
}
