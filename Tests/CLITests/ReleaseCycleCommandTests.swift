import Foundation
import Testing

/// A maintainer's whole cycle end to end: ship the development release under its real name,
/// open the next one, add an op, and review the change against the branch with
/// `diff --against-ref`.
@Suite(.serialized) struct ReleaseCycleCommandTests {
  typealias Scratch = ReleaseLockCommandTests.Scratch

  static let committedLock = ReleaseLockCommandTests.committedLock

  /// `git` in `directory`; fails the test on a non-zero exit.
  @discardableResult
  func git(_ arguments: [String], in directory: URL) throws -> String {
    let run = try AbigenProcess.shell(
      "git -c user.name=abigen-test -c user.email=test@abigen.invalid "
        + arguments.map { "'\($0)'" }.joined(separator: " "), in: directory)
    try #require(run.status == 0, "git \(arguments): \(run.stderr)")
    return run.stdout
  }

  func releases(of spec: String) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: spec)))
    return try #require((object as? [String: Any])?["releases"] as? [[String: Any]])
  }

  @Test func releaseMasterAs423OpenANewMasterAddAnOpAndReviewItAgainstHEAD() throws {
    let scratch = try Scratch()
    let spec = scratch.path("xen.json")
    let lock = scratch.path("xen.lock.json")
    try ReleaseLockCommandTests().xenSpec().write(to: URL(fileURLWithPath: spec))
    try FileManager.default.copyItem(atPath: Self.committedLock.path, toPath: lock)
    try git(["init", "-q", "."], in: scratch.url)
    try git(["add", "."], in: scratch.url)
    try git(["commit", "-qm", "xen up to master"], in: scratch.url)

    let release = try AbigenProcess.run([
      "release", "master", "--as", "4.23", "--tag", "RELEASE-4.23.0", "--spec", spec,
    ])
    #expect(release.status == 0, "\(release.stderr)")
    #expect(
      release.output.hasPrefix(
        "\(spec): released master as 4.23; opened master after it\n\(lock): locked 4.23 (sha256:"))
    let after = try releases(of: spec)
    #expect(after.suffix(3).map { $0["name"] as? String } == ["4.22", "4.23", "master"])
    #expect(after.suffix(2).map { $0["status"] as? String } == ["released", "development"])
    #expect(after[after.count - 2]["source"] as? String == "RELEASE-4.23.0")
    #expect(try String(contentsOfFile: lock, encoding: .utf8).contains("\"release\": \"4.23\""))
    // 4.23 is what master was; the new master is empty.
    let shipped = try AbigenProcess.run(["diff", "--spec", spec, "4.22", "4.23"])
    #expect(shipped.status == 0, "\(shipped.stderr)")
    #expect(try AbigenProcess.run(["diff", "--spec", spec, "4.23", "master"]).output.contains("\nno changes\n"))
    let locked = try AbigenProcess.run(["check", "--spec", spec, "--release", "4.23"])
    #expect(locked.status == 0, "\(locked.stderr)")
    #expect(locked.stderr.isEmpty)

    // A patch on the new master: one op more. Reviewed against the branch as committed.
    var object = try #require(
      try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: spec))) as? [String: Any])
    var list = try #require(object["releases"] as? [[String: Any]])
    var hypercalls = try #require(list[list.count - 1]["hypercalls"] as? [[String: Any]])
    let dm = try #require(hypercalls.firstIndex { $0["name"] as? String == "dm_op" })
    ReleaseLockCommandTests().addDMOp(&hypercalls[dm])
    list[list.count - 1]["hypercalls"] = hypercalls
    object["releases"] = list
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: spec))

    let review = try AbigenProcess.run(["diff", "--spec", spec, "--against-ref", "HEAD"])
    #expect(review.status == 0, "\(review.stderr)")
    #expect(review.output.hasPrefix("xen master (HEAD) -> master\n"))
    #expect(review.output.contains("  + added XEN_DMOP_test = 21: compatible (Spec/Xen/DMOp.swift:99)"))
    let json = try AbigenProcess.run(["diff", "--spec", spec, "--against-ref", "HEAD", "--format", "json"])
    let document = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    let changes = try #require(document["changes"] as? [[String: Any]])
    #expect(changes.map { $0["summary"] as? String } == ["added XEN_DMOP_test = 21"])
    // The locked release did not move: 4.23 still matches the lock after the patch.
    #expect(try AbigenProcess.run(["check", "--spec", spec, "--release", "4.23"]).status == 0)
    // The release cannot be shipped twice, and a released release has no --as.
    let twice = try AbigenProcess.run(["release", "master", "--as", "4.23", "--spec", spec])
    #expect(twice.status == 1)
    #expect(twice.stderr == "error: 4.23 is already released and locked in \(lock)\n")
    let released = try AbigenProcess.run(["release", "4.22", "--as", "4.22.1", "--spec", spec])
    #expect(released.status == 1)
  }

  @Test func releasingTheSwiftSpecRewritesItsDeclarationsAndMasterBlocks() throws {
    let scratch = try Scratch()
    let directory = scratch.url.appendingPathComponent("Spec/Xen")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let original = try String(
      contentsOf: AbigenProcess.packageRoot.appendingPathComponent("Spec/Xen/Releases.swift"), encoding: .utf8)
    try original.write(to: directory.appendingPathComponent("Releases.swift"), atomically: true, encoding: .utf8)
    // A hypercall file with changes stated for master and an accepted break from master on.
    let ops = """
      In("4.22", source: "RELEASE-4.22.0") {
        Op("XEN_DMOP_old", 1)
      }
      In("master", source: "c447b7308b13") {
        Op("XEN_DMOP_new", 2)
      }
      Covers(.alias, subOp: "XEN_DMOP_old", of: "dm_op", becomes: .op("XEN_DMOP_new"), older: .only("master"), newer: .from("master"))

      """
    try ops.write(to: directory.appendingPathComponent("DMOp.swift"), atomically: true, encoding: .utf8)
    let lock = scratch.path("Spec/Xen/releases.lock.json")
    try FileManager.default.copyItem(atPath: Self.committedLock.path, toPath: lock)

    let run = try AbigenProcess.run(
      [
        "release", "master", "--as", "4.23", "--tag", "RELEASE-4.23.0", "--commit", "0123abcd", "--source-root",
        scratch.url.path,
      ],
      in: scratch.url)
    #expect(run.status == 0, "\(run.stderr)")
    let line =
      try #require(
        original.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
          $0.contains("InDevelopment(\"master\"")
        }) + 1
    #expect(
      run.output.hasPrefix(
        """
        Spec/Xen/DMOp.swift:4: master -> 4.23
        Spec/Xen/DMOp.swift:7: master -> 4.23
        Spec/Xen/Releases.swift:\(line): released master as 4.23: Released("4.23", tag: "RELEASE-4.23.0"); opened InDevelopment("master", commit: "0123abcd")

        """))
    #expect(run.output.contains("Spec/Xen/releases.lock.json: locked 4.23 (sha256:"))
    #expect(run.output.hasSuffix("rebuild abigen: until then its bundled spec still has master in development\n"))
    let releases = try String(contentsOf: directory.appendingPathComponent("Releases.swift"), encoding: .utf8)
    #expect(
      releases
        == original.replacingOccurrences(
          of: "    InDevelopment(\"master\", commit: \"c447b7308b13\")",
          with: "    Released(\"4.23\", tag: \"RELEASE-4.23.0\")\n    InDevelopment(\"master\", commit: \"0123abcd\")"))
    #expect(
      try String(contentsOf: directory.appendingPathComponent("DMOp.swift"), encoding: .utf8)
        == ops.replacingOccurrences(of: "In(\"master\"", with: "In(\"4.23\"").replacingOccurrences(
          of: ".only(\"master\"), newer: .from(\"master\")", with: ".span(\"4.23\", \"master\"), newer: .from(\"4.23\")"
        ))
    #expect(try String(contentsOfFile: lock, encoding: .utf8).contains("\"release\": \"4.23\""))
  }

  @Test func theBundledSpecIsReviewedAgainstTheCheckedInDumpFromAnyDirectory() throws {
    let scratch = try Scratch()
    let run = try AbigenProcess.run(["diff", "--against-ref", "HEAD"], in: scratch.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.output.contains("\nno changes\n"))
    let bad = try AbigenProcess.run(["diff", "--against-ref", "no-such-ref-abigen"], in: scratch.url)
    #expect(bad.status == 1)
    #expect(bad.stderr.hasPrefix("error: cannot read Generated/Model/xen.json at no-such-ref-abigen: git show"))
    #expect(bad.stderr.split(separator: "\n").count == 1)
    #expect(try AbigenProcess.run(["diff", "--against-ref", "HEAD", "--against", "x.json"]).status == 64)
  }
}
