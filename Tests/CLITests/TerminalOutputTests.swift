import Foundation
import Testing

/// Escape sequences in a spec never reach the terminal: `dump` and `check` print them escaped,
/// in one line per diagnostic.
@Suite struct TerminalOutputTests {
  @Test(arguments: ["dump", "check"])
  func escapeSequencesInASpecArePrintedEscaped(command: String) throws {
    let dump = try AbigenProcess.run(["dump", "--format", "json", "--release", "3.0.0"])
    #expect(dump.status == 0)
    var text = dump.output
    // An OSC title sequence in a release's source, then a clear-screen in an unknown key.
    text = text.replacingOccurrences(
      of: "\"source\" : \"RELEASE-3.0.0\"", with: "\"source\" : \"x\\u001b]0;owned\\u0007\"")
    let run = try AbigenProcess.run([command, "--spec", "-"], stdin: Data(text.utf8))
    #expect(run.status == 1)
    #expect(!run.stderr.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x07 }, "\(run.stderr)")
    #expect(run.stderr.contains("\\u{1B}]0;owned\\u{7}"), "\(run.stderr)")
    #expect(run.output.isEmpty)
    let key = dump.output.replacingOccurrences(
      of: "\"family\" : \"xen\"", with: "\"family\" : \"xen\", \"\\u001b[2J\" : 1")
    let unknown = try AbigenProcess.run([command, "--spec", "-"], stdin: Data(key.utf8))
    #expect(unknown.stderr == "-: error: \\u{1B}[2J: unknown field\n")
  }
}
