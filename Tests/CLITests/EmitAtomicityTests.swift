import Foundation
import Testing

/// `emit` writes the whole tree or nothing, leaves no temporary file on any exit it can catch,
/// cleans up after one it cannot, and refuses to run twice at once on one output directory.
@Suite(.serialized) struct EmitAtomicityTests {
  func scratch() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-emit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// Every entry under `directory` whose name says abigen made it in passing.
  func debris(under directory: URL) -> [String] {
    let entries = FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []
    return entries.filter { ($0 as NSString).lastPathComponent.contains(".abigen-") }
  }

  /// Shell lines that wait until the emit `$pid` writing into `out` has made its staging
  /// directory, or has ended: before it exists, nothing is on disk for a signal to interrupt.
  func untilStaging(_ out: String) -> String {
    #"""
    while kill -0 $pid 2>/dev/null && [ -z "$(find '\#(out)' -name '.abigen-stage-*' 2>/dev/null)" ]; do
      sleep 0.005
    done
    """#
  }

  @Test func aWriteThatFailsPartwayChangesNothing() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    // 20 KiB per file: the small headers fit, a larger one fails with EFBIG (SIGXFSZ ignored).
    let run = try AbigenProcess.shell(
      #"ulimit -f 20; "$ABIGEN" emit --output '\#(root.path)/tree'; echo "status $?""#)
    #expect(!run.signalled)
    #expect(run.stdout == "status 1\n", "\(run.stderr)")
    #expect(run.stderr.hasSuffix(": error: cannot write (File too large); nothing was changed\n"), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("tree").path))
    #expect(debris(under: root) == [])
  }

  @Test func anInterruptedEmitLeavesNoTemporaryFile() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("tree").path
    // SIGTERM and SIGINT at spread-out moments of a whole-tree emit's writing (about 0.3 s),
    // each sent once the staging directory exists: before it, nothing is on disk to leave behind.
    // `set -m`: a background job of a shell without job control ignores SIGINT.
    let run = try AbigenProcess.shell(
      #"""
      set -m
      "$ABIGEN" emit --output '\#(root.path)/whole' > /dev/null
      whole=$(find '\#(root.path)/whole' -type f | wc -l)
      killed=0
      for i in $(seq 1 6); do
        rm -rf '\#(out)'
        "$ABIGEN" emit --output '\#(out)' > /dev/null & pid=$!
        \#(untilStaging(out))
        sleep 0.0$((i * 3 % 10))
        if [ $((i % 2)) = 0 ]; then kill -TERM $pid 2>/dev/null; else kill -INT $pid 2>/dev/null; fi
        wait $pid
        status=$?
        if [ $status = 130 ] || [ $status = 143 ]; then killed=$((killed + 1)); fi
        find '\#(out)' -name '*.abigen-*' 2>/dev/null
        # Whatever is there is complete: the tree is either all there or absent.
        n=$(find '\#(out)' -type f 2>/dev/null | wc -l)
        if [ "$n" != 0 ] && [ "$n" != "$whole" ]; then echo "partial tree: $n of $whole files"; fi
      done
      # A signal that always came after the emit finished would test nothing.
      if [ $killed = 0 ]; then echo "no emit was stopped by its signal"; fi
      echo done
      """#, timeout: 400)
    #expect(!run.signalled)
    #expect(run.stdout == "done\n", "\(run.stdout)")
  }

  /// A SIGINT abigen was started ignoring (a background job of a shell without job control)
  /// stays ignored, as a program should leave it: the emit goes on and writes the whole tree.
  @Test func anInterruptItWasToldToIgnoreIsIgnored() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("tree").path
    let run = try AbigenProcess.shell(
      #"""
      "$ABIGEN" emit --output '\#(root.path)/whole' > /dev/null
      whole=$(find '\#(root.path)/whole' -type f | wc -l)
      sent=0
      for i in 1 2 3; do
        rm -rf '\#(out)'
        "$ABIGEN" emit --output '\#(out)' > /dev/null & pid=$!
        \#(untilStaging(out))
        if [ -n "$(find '\#(out)' -name '.abigen-stage-*' 2>/dev/null)" ] && kill -INT $pid 2>/dev/null; then
          sent=$((sent + 1))
        fi
        wait $pid
        echo "status $?"
        n=$(find '\#(out)' -type f 2>/dev/null | wc -l)
        if [ "$n" != "$whole" ]; then echo "partial tree: $n of $whole files"; fi
      done
      # A signal that never reached a writing emit would test nothing.
      if [ $sent = 0 ]; then echo "no SIGINT reached a writing emit"; fi
      """#, timeout: 400)
    #expect(!run.signalled)
    #expect(run.stdout == "status 0\nstatus 0\nstatus 0\n", "\(run.stdout)")
  }

  @Test func debrisOfAKilledEmitIsRemovedByTheNextAndIgnoredByCheck() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("tree")
    let first = try AbigenProcess.run(["emit", "--output", out.path])
    #expect(first.status == 0, "\(first.stderr)")
    // What kill -9 leaves: a staging directory, and a temporary file of the writer before it.
    let stale = out.appendingPathComponent("C/.abigen-stage-0000")
    try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
    try Data("half".utf8).write(to: stale.appendingPathComponent("xen_4_19.h"))
    try Data("half".utf8).write(to: out.appendingPathComponent("C/.xen_4_19.h.abigen-1234.tmp"))
    let check = try AbigenProcess.run(["emit", "--output", out.path, "--check"])
    #expect(check.stderr.contains(".abigen-stage-") == false, "\(check.stderr)")
    let second = try AbigenProcess.run(["emit", "--output", out.path])
    #expect(second.status == 0)
    #expect(debris(under: out) == [])
    let again = try AbigenProcess.run(["emit", "--output", out.path, "--check"])
    #expect(again.status == 0, "\(again.stderr)")
  }

  @Test func aSecondEmitOnTheSameDirectoryIsRefused() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("tree")
    try FileManager.default.createDirectory(at: out.appendingPathComponent("C"), withIntermediateDirectories: true)
    // The shell takes the same lock a running emit holds on the directory (flock(1) on a
    // descriptor of its own) and holds it until it exits, after the emit gave up.
    let run = try AbigenProcess.shell(
      #"exec 9<'\#(out.path)/C' && flock -n 9 || exit 9; "$ABIGEN" emit c --line-releases --output '\#(out.path)/C'; echo "status $?""#
    )
    #expect(run.stdout == "status 1\n")
    #expect(
      run.stderr
        == "\(out.path)/C: error: another abigen emit is writing to this directory; try again when it is done\n")
    #expect((try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("C").path)) == [])
  }
}

extension EmitAtomicityTests {
  @Test func aDirectoryInTheWayIsFoundBeforeAnythingChanges() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("C")
    try FileManager.default.createDirectory(
      at: out.appendingPathComponent("xen_4_19.h"), withIntermediateDirectories: true)
    let run = try AbigenProcess.run(["emit", "c", "--line-releases", "--output", out.path])
    #expect(run.status == 1)
    #expect(run.stderr == "\(out.path)/xen_4_19.h: error: a directory is in the way; nothing was changed\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["xen_4_19.h"])
  }
}
