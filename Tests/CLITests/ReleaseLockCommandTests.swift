import Foundation
import Testing

/// The lock of released releases end to end: `abigen check` against the committed lock and
/// temporary copies, and `abigen release` on temporary copies of a JSON spec and of the Swift
/// release list.
@Suite(.serialized) struct ReleaseLockCommandTests {
  static var committedLock: URL { AbigenProcess.packageRoot.appendingPathComponent("Spec/Xen/releases.lock.json") }

  /// A fresh directory, removed at the end of the test.
  final class Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-lock-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
  }

  /// One edit of the bundled spec: `edit` applied to `hypercall` in each of `releases`.
  struct SpecEdit {
    var releases: [String]
    var hypercall: String
    var edit: (inout [String: Any]) -> Void
  }

  /// The bundled spec as a JSON object, with `edits` applied in order.
  func xenSpec(_ edits: [SpecEdit]) throws -> Data {
    try AbigenProcess.editedDump(
      edits.flatMap { change in
        change.releases.map { name in
          AbigenProcess.ReleaseEdit(release: name) { release in
            var hypercalls = try #require(release["hypercalls"] as? [[String: Any]])
            let index = try #require(hypercalls.firstIndex { $0["name"] as? String == change.hypercall })
            change.edit(&hypercalls[index])
            release["hypercalls"] = hypercalls
          }
        }
      })
  }

  /// The bundled spec as a JSON object, with `edit` applied to one release's hypercall.
  func xenSpec(
    editing release: String? = nil, _ hypercall: String = "", _ edit: @escaping (inout [String: Any]) -> Void = { _ in }
  ) throws -> Data {
    try xenSpec(release.map { [SpecEdit(releases: [$0], hypercall: hypercall, edit: edit)] } ?? [])
  }

  func widenHVMMask(_ hypercall: inout [String: Any]) {
    var multiplex = hypercall["multiplex"] as! [String: Any]
    var mask = multiplex["opMask"] as! [String: Any]
    mask["bits"] = 12
    multiplex["opMask"] = mask
    hypercall["multiplex"] = multiplex
  }

  func addDMOp(_ hypercall: inout [String: Any]) {
    var multiplex = hypercall["multiplex"] as! [String: Any]
    var ops = multiplex["subOps"] as! [[String: Any]]
    ops.append([
      "name": "XEN_DMOP_test", "cName": "XEN_DMOP_test", "lineage": "dm_op:XEN_DMOP_test", "number": 21,
      "formerNames": [String](), "toolsOnly": false, "location": "Spec/Xen/DMOp.swift:99",
    ])
    multiplex["subOps"] = ops
    hypercall["multiplex"] = multiplex
  }

  @Test func theBundledSpecMatchesTheCommittedLockSilently() throws {
    let run = try AbigenProcess.run(["check", "--from", "4.21", "--to", "4.22"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
  }

  @Test func widening45sHVMMaskFailsNamingReleaseHypercallAndChange() throws {
    let scratch = try Scratch()
    let lock = scratch.path("copy.lock.json")
    try FileManager.default.copyItem(atPath: Self.committedLock.path, toPath: lock)
    let spec = try xenSpec(editing: "4.5", "hvm_op", widenHVMMask)
    let run = try AbigenProcess.run(["check", "--spec", "-", "--lock", lock], stdin: spec)
    #expect(run.status == 1)
    #expect(
      run.stderr
        == "Spec/Xen/HVMOp.swift:65: error: 4.5 is released and locked, but its hvm_op changed: op mask 0xff -> 0xfff\n"
    )
    // Like an invalid spec: no solver ran.
    #expect(run.output.isEmpty)
  }

  @Test func addingAnOpToMasterPassesAndTo422Fails() throws {
    let scratch = try Scratch()
    // The default lock of a JSON spec sits beside it: NAME.lock.json.
    try FileManager.default.copyItem(atPath: Self.committedLock.path, toPath: scratch.path("xen.lock.json"))
    try xenSpec(editing: "master", "dm_op", addDMOp).write(to: URL(fileURLWithPath: scratch.path("xen.json")))
    let master = try AbigenProcess.run([
      "check", "--spec", scratch.path("xen.json"), "--from", "4.22", "--to", "master",
    ])
    #expect(master.status == 0, "\(master.stderr)")
    #expect(master.stderr.isEmpty)

    try xenSpec(editing: "4.22", "dm_op", addDMOp).write(to: URL(fileURLWithPath: scratch.path("xen.json")))
    let released = try AbigenProcess.run(["check", "--spec", scratch.path("xen.json")])
    #expect(released.status == 1)
    #expect(
      released.stderr.contains(
        "Spec/Xen/DMOp.swift:99: error: 4.22 is released and locked, but its dm_op changed: op 21 (XEN_DMOP_test) added"
      ))
  }

  @Test func aHandEditedLockIsCaught() throws {
    let scratch = try Scratch()
    let lock = scratch.path("edited.lock.json")
    let text = try String(contentsOf: Self.committedLock, encoding: .utf8)
    // The first "op mask: 0x3f" is 3.4's memory_op.
    let edited = try #require(text.range(of: "\"op mask: 0x3f\"")).lowerBound
    try text.replacingCharacters(in: edited..<text.index(edited, offsetBy: 15), with: "\"op mask: 0x7f\"")
      .write(toFile: lock, atomically: true, encoding: .utf8)
    let run = try AbigenProcess.run(["check", "--lock", lock])
    #expect(run.status == 1)
    #expect(run.stderr.contains("\(lock): error: the entry of 3.4 does not match its digest sha256:"))
    #expect(run.stderr.contains("error: 3.4 is released and locked, but its memory_op changed: op mask 0x7f -> 0x3f"))
  }

  @Test func theBundledSpecsLockIsFoundFromAnyDirectoryAndMustExist() throws {
    let scratch = try Scratch()
    let named = try AbigenProcess.run(["check", "--lock", scratch.path("none.json"), "--from", "4.21", "--to", "4.22"])
    #expect(named.status == 1)
    #expect(named.stderr == "\(scratch.path("none.json")): error: lock file does not exist\n")
    // The bundled spec's lock is found from the spec's sources, wherever abigen runs: outside
    // the repository it is still checked.
    let elsewhere = try AbigenProcess.run(["check", "--from", "4.21", "--to", "4.22"], in: scratch.url)
    #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
    #expect(elsewhere.stderr.isEmpty)
    let edited = scratch.path("Spec/Xen/releases.lock.json")
    try FileManager.default.createDirectory(
      atPath: scratch.path("Spec/Xen"), withIntermediateDirectories: true)
    try String(contentsOf: Self.committedLock, encoding: .utf8).replacingOccurrences(
      of: "\"release\": \"4.22\"", with: "\"release\": \"4.22-edited\""
    ).write(toFile: edited, atomically: true, encoding: .utf8)
    let found = try AbigenProcess.run(
      ["check", "--source-root", scratch.url.path, "--from", "4.21", "--to", "4.22"], in: AbigenProcess.packageRoot)
    #expect(found.status == 1)
    #expect(found.stderr.contains("4.22-edited is released and locked in \(edited), but the spec no longer has it"))
    // A missing lock of the bundled spec is an error, not a warning.
    let empty = try Scratch()
    let missing = try AbigenProcess.run(["check", "--source-root", empty.url.path, "--from", "4.21", "--to", "4.22"])
    #expect(missing.status == 1)
    #expect(
      missing.stderr
        == "\(empty.path("Spec/Xen/releases.lock.json")): error: the bundled spec's lock does not exist (pass --source-root DIR for the checkout that holds it, or --lock FILE)\n"
    )
    let piped = try AbigenProcess.run(["check", "--spec", "-", "--from", "4.21", "--to", "4.22"], stdin: try xenSpec())
    #expect(piped.status == 0)
    #expect(piped.stderr.hasPrefix("warning: no lock for a spec read from standard input"))
  }

  @Test func releasingMasterOfAJSONSpecLocksItOnce() throws {
    let scratch = try Scratch()
    let spec = scratch.path("xen.json")
    let lock = scratch.path("xen.lock.json")
    try xenSpec().write(to: URL(fileURLWithPath: spec))
    try FileManager.default.copyItem(atPath: Self.committedLock.path, toPath: lock)

    let first = try AbigenProcess.run(["release", "master", "--spec", spec])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.output.contains("\(spec): marked master released\n\(lock): locked master (sha256:"))
    let written =
      try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: spec))) as? [String: Any]
    let releases = try #require(written?["releases"] as? [[String: Any]])
    #expect(releases.last?["status"] as? String == "released")
    let locked = try String(contentsOfFile: lock, encoding: .utf8)
    #expect(locked.hasPrefix(try String(contentsOf: Self.committedLock, encoding: .utf8).dropLast(7)))
    #expect(locked.contains("\"release\": \"master\""))

    let check = try AbigenProcess.run(["check", "--spec", spec, "--from", "4.22", "--to", "master"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stderr.isEmpty)

    let second = try AbigenProcess.run(["release", "master", "--spec", spec])
    #expect(second.status == 1)
    #expect(second.stderr == "error: master is already released and locked in \(lock)\n")
    #expect(try String(contentsOfFile: lock, encoding: .utf8) == locked)
  }

  /// set_timer_op (15) gains a sub-op table the spec did not model (a made-up one: every hypercall
  /// Xen multiplexes already has its table in the lock).
  func modelTimerTable(_ hypercall: inout [String: Any]) {
    func op(_ name: String, _ number: Int, line: Int) -> [String: Any] {
      [
        "name": name, "cName": name, "lineage": "set_timer_op:\(name)", "number": number,
        "formerNames": [String](), "toolsOnly": false, "location": "Spec/Xen/TimerOp.swift:\(line)",
      ]
    }
    hypercall["multiplex"] = [
      "location": "Spec/Xen/TimerOp.swift:1",
      "opArgument": ["index": 0, "name": "cmd", "type": "unsigned int"], "opMask": [String: Any](),
      "unusedBits": "ignored",
      "subOps": [op("TIMEROP_one", 0, line: 2), op("TIMEROP_two", 1, line: 3)],
    ]
  }

  /// A model that comes to describe more of locked releases extends their lock with exactly the
  /// added facts; a changed locked fact is refused and nothing is written.
  @Test func extendingTheLockAddsOnlyWhatWasNotDescribed() throws {
    let scratch = try Scratch()
    let spec = scratch.path("xen.json")
    let lock = scratch.path("xen.lock.json")
    let timerTable = SpecEdit(releases: ["4.21", "4.22", "master"], hypercall: "set_timer_op", edit: modelTimerTable)
    try xenSpec([timerTable]).write(to: URL(fileURLWithPath: spec))
    try FileManager.default.copyItem(atPath: Self.committedLock.path, toPath: lock)

    let before = try AbigenProcess.run(["check", "--spec", spec, "--lock", lock, "--from", "4.21", "--to", "4.22"])
    #expect(before.status == 1)
    #expect(
      before.stderr.contains(
        "Spec/Xen/TimerOp.swift:2: error: 4.21 is released and locked, but its set_timer_op changed: op 0 (TIMEROP_one) added"
      ))

    // One locked fact changed as well: nothing is extended.
    let changed = scratch.path("changed.json")
    try xenSpec([timerTable, SpecEdit(releases: ["4.22"], hypercall: "hvm_op", edit: widenHVMMask)])
      .write(to: URL(fileURLWithPath: changed))
    let lockBytes = try Data(contentsOf: URL(fileURLWithPath: lock))
    let refused = try AbigenProcess.run(["release", "--extend", "--spec", changed, "--lock", lock])
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains(
        "error: 4.22: hvm_op: 'op mask: whole register' is locked but the spec now says otherwise"))
    #expect(refused.stderr.hasSuffix("error: extending the lock would change locked facts; nothing was written\n"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: lock)) == lockBytes)

    let extended = try AbigenProcess.run(["release", "--extend", "--spec", spec, "--lock", lock])
    #expect(extended.status == 0, "\(extended.stderr)")
    let added = [
      "  + set_timer_op: op argument: 0 (unsigned int)", "  + set_timer_op: op mask: whole register",
      "  + set_timer_op: unused bits: ignored", "  + set_timer_op: op 0: TIMEROP_one",
      "  + set_timer_op: op 1: TIMEROP_two",
    ]
    #expect(
      extended.output
        == (["\(lock): extended 4.21 by 5 facts"] + added + ["\(lock): extended 4.22 by 5 facts"] + added)
        .joined(separator: "\n") + "\n")
    let after = try AbigenProcess.run(["check", "--spec", spec, "--lock", lock, "--from", "4.21", "--to", "4.22"])
    #expect(after.status == 0, "\(after.stderr)")
    let again = try AbigenProcess.run(["release", "--extend", "4.22", "--spec", spec, "--lock", lock])
    #expect(again.status == 0)
    #expect(again.output == "\(lock): nothing to extend\n")
  }

  /// An op added to a table the lock already describes is a rewrite of history, not an
  /// extension.
  @Test func extendingRefusesAnOpAddedToALockedTable() throws {
    let scratch = try Scratch()
    let spec = scratch.path("xen.json")
    let lock = scratch.path("xen.lock.json")
    try xenSpec(editing: "4.22", "dm_op", addDMOp).write(to: URL(fileURLWithPath: spec))
    try FileManager.default.copyItem(atPath: Self.committedLock.path, toPath: lock)
    let run = try AbigenProcess.run(["release", "--extend", "4.22", "--spec", spec, "--lock", lock])
    #expect(run.status == 1)
    #expect(
      run.stderr.contains(
        "error: 4.22: dm_op: 'op 21: XEN_DMOP_test' is new for a part of the hypercall the lock already describes"))
    #expect(try AbigenProcess.run(["release", "--extend", "--as", "4.23"]).status == 64)
    #expect(try AbigenProcess.run(["release"]).status == 64)
  }

  @Test func releasingMasterOfTheSwiftSpecEditsItsDeclarationLine() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("Spec/Xen"), withIntermediateDirectories: true)
    let releases = scratch.path("Spec/Xen/Releases.swift")
    let lock = scratch.path("Spec/Xen/releases.lock.json")
    let original = try String(
      contentsOf: AbigenProcess.packageRoot.appendingPathComponent("Spec/Xen/Releases.swift"), encoding: .utf8)
    try original.write(toFile: releases, atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(atPath: Self.committedLock.path, toPath: lock)

    let first = try AbigenProcess.run(["release", "master", "--source-root", scratch.url.path], in: scratch.url)
    #expect(first.status == 0, "\(first.stderr)")
    let line =
      try #require(
        original.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
          $0.contains("InDevelopment(\"master\"")
        }) + 1
    #expect(
      first.output.hasPrefix(
        "Spec/Xen/Releases.swift:\(line): marked master released: Released(\"master\", tag: \"c447b7308b13\")\n"))
    #expect(first.output.contains("rebuild abigen"))
    let edited = try String(contentsOfFile: releases, encoding: .utf8)
    #expect(
      edited
        == original.replacingOccurrences(
          of: "InDevelopment(\"master\", commit: \"c447b7308b13\")", with: "Released(\"master\", tag: \"c447b7308b13\")"
        ))
    #expect(try String(contentsOfFile: lock, encoding: .utf8).contains("\"release\": \"master\""))

    // This binary's bundled spec still has master in development: locked, but not rebuilt.
    let second = try AbigenProcess.run(["release", "master", "--source-root", scratch.url.path], in: scratch.url)
    #expect(second.status == 1)
    #expect(second.stderr.contains("error: master is already locked in Spec/Xen/releases.lock.json"))
    #expect(second.stderr.contains("rebuild abigen"))
  }

  @Test func aDeclarationThatCannotBeEditedIsLeftWithTheEditToMake() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("Spec/Xen"), withIntermediateDirectories: true)
    let releases = scratch.path("Spec/Xen/Releases.swift")
    let lock = scratch.path("Spec/Xen/releases.lock.json")
    try "// moved\n".write(toFile: releases, atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(atPath: Self.committedLock.path, toPath: lock)
    let run = try AbigenProcess.run(["release", "master", "--source-root", scratch.url.path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("error: this line does not hold InDevelopment(\"master\", commit: \"c447b7308b13\")"))
    #expect(run.stderr.contains("Released(\"master\", tag: \"c447b7308b13\")"))
    #expect(try String(contentsOfFile: releases, encoding: .utf8) == "// moved\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: lock)) == (try Data(contentsOf: Self.committedLock)))
  }

  @Test func releaseRefusesUnknownAndLockedReleasesAndStreams() throws {
    let scratch = try Scratch()
    let lock = scratch.path("copy.lock.json")
    try FileManager.default.copyItem(atPath: Self.committedLock.path, toPath: lock)
    let unknown = try AbigenProcess.run(["release", "9.9", "--lock", lock])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.hasPrefix("error: unknown release '9.9' (known: 3.0.0,"))
    let locked = try AbigenProcess.run(["release", "4.5", "--lock", lock])
    #expect(locked.status == 1)
    #expect(locked.stderr == "error: 4.5 is already released and locked in \(lock)\n")
    #expect(try AbigenProcess.run(["release", "master", "--spec", "-"]).status == 64)
  }

  @Test func releaseRefusesASpecThatNoLongerMatchesTheLock() throws {
    let scratch = try Scratch()
    let spec = scratch.path("xen.json")
    try xenSpec(editing: "4.5", "hvm_op", widenHVMMask).write(to: URL(fileURLWithPath: spec))
    try FileManager.default.copyItem(atPath: Self.committedLock.path, toPath: scratch.path("xen.lock.json"))
    let run = try AbigenProcess.run(["release", "master", "--spec", spec])
    #expect(run.status == 1)
    #expect(run.stderr.contains("4.5 is released and locked, but its hvm_op changed: op mask 0xff -> 0xfff"))
    #expect(run.stderr.contains("restore the locked releases before locking master"))
  }
}
