import Foundation
import Testing

/// Write errors are one line on standard error and exit 1, never a crash; `--spec` and
/// `--lock` read only regular files (or standard input), up to a limit.
@Suite struct IOFaultTests {
  /// The exit status of abigen and its standard error, from a script that echoes `$?` last.
  func expectOneLineError(_ run: ShellRun, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!run.signalled, sourceLocation: sourceLocation)
    #expect(run.stdout.hasSuffix("status 1\n"), "\(run.stdout) \(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr == message + "\n", sourceLocation: sourceLocation)
  }

  @Test func jsonToAFullDiskIsAnError() throws {
    let run = try AbigenProcess.shell(#""$ABIGEN" dump --format json > /dev/full; echo "status $?""#)
    expectOneLineError(run, "error: cannot write to standard output (No space left on device)")
  }

  @Test func sarifToAFullDiskIsAnError() throws {
    let run = try AbigenProcess.shell(
      #""$ABIGEN" check --release 3.0.0 --format sarif > /dev/full; echo "status $?""#)
    expectOneLineError(run, "error: cannot write to standard output (No space left on device)")
  }

  @Test func textToAFullDiskIsAnError() throws {
    let run = try AbigenProcess.shell(#""$ABIGEN" dump --release 4.5 > /dev/full; echo "status $?""#)
    expectOneLineError(run, "error: cannot write to standard output (No space left on device)")
  }

  @Test func aClosedStandardOutputIsAnError() throws {
    let run = try AbigenProcess.shell(#""$ABIGEN" dump --release 4.5 >&-; echo "status $?""#)
    expectOneLineError(run, "error: cannot write to standard output (the stream is closed)")
  }

  @Test func aClosedStandardErrorIsNotACrash() throws {
    // The lock warning (no lock beside a spec in /tmp) cannot be written: exit 1, not a trap.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let spec = directory.appendingPathComponent("spec.json").path
    let run = try AbigenProcess.shell(
      #""$ABIGEN" dump --format json --release 3.0.0 > '\#(spec)' && { "$ABIGEN" check --spec '\#(spec)' > /dev/null 2>&-; echo "check $?"; "$ABIGEN" dump --release 4.5 > /dev/null 2>&-; echo "dump $?"; }"#
    )
    #expect(!run.signalled)
    #expect(run.stdout == "check 1\ndump 0\n", "\(run.stderr)")
  }

  @Test func aBrokenPipeIsAnError() throws {
    let run = try AbigenProcess.shell(
      #""$ABIGEN" dump --format json | (exit 0); echo "status ${PIPESTATUS[0]}""#)
    expectOneLineError(run, "error: cannot write to standard output (Broken pipe)")
  }

  @Test func aFIFOIsRefusedWithoutBlocking() throws {
    let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-fifo-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: fifo) }
    let run = try AbigenProcess.shell(
      #"mkfifo '\#(fifo)' && "$ABIGEN" dump --spec '\#(fifo)'; echo "status $?""#, timeout: 20)
    expectOneLineError(
      run, "\(fifo): error: spec file is not a regular file (it is a FIFO); give a file, or - for standard input")
  }

  @Test func aDeviceIsRefused() throws {
    let run = try AbigenProcess.shell(#""$ABIGEN" dump --spec /dev/zero; echo "status $?""#, timeout: 20)
    expectOneLineError(
      run,
      "/dev/zero: error: spec file is not a regular file (it is a character device); give a file, or - for standard input"
    )
  }

  @Test func aSpecOverTheSizeLimitIsRefused() throws {
    let big = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-big-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: big) }
    let run = try AbigenProcess.shell(
      #"truncate -s 257M '\#(big)' && "$ABIGEN" dump --spec '\#(big)'; echo "status $?"; head -c 270000000 /dev/zero | "$ABIGEN" dump --spec -; echo "status $?""#
    )
    #expect(!run.signalled)
    #expect(run.stdout == "status 1\nstatus 1\n")
    #expect(
      run.stderr
        == "\(big): error: spec file is larger than 256 MiB\n<stdin>: error: spec file is larger than 256 MiB\n")
  }

  @Test func devNullAsALockSaysWhatItIs() throws {
    let run = try AbigenProcess.shell(#""$ABIGEN" check --release 3.0.0 --lock /dev/null; echo "status $?""#)
    expectOneLineError(run, "/dev/null: error: lock file is not a regular file (it is a character device); give a file")
  }

  @Test func aMalformedLockIsOneLine() throws {
    let lock = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-lock-\(UUID().uuidString).json")
      .path
    defer { try? FileManager.default.removeItem(atPath: lock) }
    try Data(#"{"format": "abigen-release-lock", "version": 1, "family": "xen", "releases": [{"release": 3}]}"#.utf8)
      .write(to: URL(fileURLWithPath: lock))
    let run = try AbigenProcess.shell(#""$ABIGEN" check --release 3.0.0 --lock '\#(lock)'; echo "status $?""#)
    expectOneLineError(run, "\(lock): error: not a release lock: releases[0].release has the wrong type")
  }
}
