import Foundation
import Testing

/// `abigen diff` end to end: the 3.3 -> 3.4 shift widening as a reviewer reads it, the exit
/// codes, `--against` a dump, and JSON.
@Suite struct DiffCommandTests {
  static let pod =
    "accepted[alias] 0x10 (x86_64, cmd): 3.3 reads XENMEM_increase_reservation resuming at start_extent 1; 3.4 reads XENMEM_set_pod_target at start_extent 0. Breaks migrations 3.0.0..3.3 -> 3.4. Accepted as 'memop-shift-4-to-6'"

  /// The lines of section `title` (up to the next blank line).
  func section(_ title: String, of output: String) -> [String] {
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: title) else { return [] }
    return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
  }

  @Test func theShiftWideningIsBreakingWithTheSetPodTargetCounterexample() throws {
    let run = try AbigenProcess.run(["diff", "3.3", "3.4"])
    #expect(run.status == 0, "\(run.stderr)")
    let memory = section("memory_op (12)", of: run.output)
    try #require(memory.count >= 2, "\(run.output)")
    #expect(
      memory[0].hasPrefix(
        "  ~ op mask MEMOP_CMD_MASK 0xf -> 0x3f (MEMOP_EXTENT_SHIFT 4 -> 6), moving the progress of XENMEM_increase_reservation,"
      ))
    #expect(
      memory[0].contains(
        ": breaking, accepted as 'memop-shift-4-to-6', 'xenmem-translate-gpfn-list-removed' (Spec/Xen/MemoryOp.swift:"))
    // The alias comes first under the change that causes it, with every migration into 3.4 it breaks.
    #expect(memory[1] == "      " + Self.pod + " (Spec/Xen/AcceptedBreaks.swift:16).")
    #expect(memory.contains { $0.hasPrefix("  + added XENMEM_set_pod_target = 16: breaking, accepted") })
    #expect(memory.contains { $0.hasPrefix("  + added XENMEM_get_pod_target = 17: breaking, accepted") })
    #expect(memory.contains("      with the op mask change: accepted[alias] 0x10 (XENMEM_increase_reservation)"))
    #expect(
      memory.contains {
        $0.hasPrefix("  - removed XENMEM_translate_gpfn_list = 8: breaking, accepted as ")
          && $0.contains("'xenmem-translate-gpfn-list-removed'")
      })
    #expect(
      run.output.contains(
        "\nhvm_op (34)\n  ~ HVMOP_set_param continuation none -> reexecute_unchanged (x86 only): compatible"))
    // The MCA interface version change, one change for both ops it refuses.
    #expect(
      run.output.contains(
        "\narch_0 (48)\n  ~ interface version XEN_MCA_INTERFACE_VERSION 0x3000001 -> 0x1ecc003: every call made for the older release is refused (-EACCES): breaking, accepted as 'mca-interface-version-3.4'"
      ))
    #expect(
      run.output.hasSuffix("\n71 changes: 66 compatible, 5 breaking (0 failing, 5 accepted, 0 tools-only); exit 0\n"))
  }

  @Test func anUnacceptedBreakExits1AndIsMarkedBreaking() throws {
    let dump = try AbigenProcess.run(["dump", "--format", "json"])
    var object = try #require(try JSONSerialization.jsonObject(with: dump.stdout) as? [String: Any])
    var accepted = try #require(object["acceptedBreaks"] as? [[String: Any]])
    accepted.removeAll { ($0["id"] as? String) == "memop-shift-4-to-6" }
    object["acceptedBreaks"] = accepted
    let spec = try JSONSerialization.data(withJSONObject: object)
    let run = try AbigenProcess.run(["diff", "--spec", "-", "3.3", "3.4"], stdin: spec)
    #expect(run.status == 1)
    #expect(run.output.contains("  ~ op mask MEMOP_CMD_MASK 0xf -> 0x3f (MEMOP_EXTENT_SHIFT 4 -> 6), moving"))
    #expect(
      run.output.contains(
        "\n      error[alias] 0x10 (x86_64, cmd): 3.3 reads XENMEM_increase_reservation resuming at start_extent 1; 3.4 reads XENMEM_set_pod_target at start_extent 0. Breaks migrations 3.0.0..3.3 -> 3.4.\n"
      ))
    let maskLine = try #require(run.output.split(separator: "\n").first { $0.contains("op mask MEMOP_CMD_MASK") })
    #expect(maskLine.contains(": BREAKING"))
    // The removal stays accepted by its own record.
    #expect(run.output.contains("accepted[removed] 0x8 (x86_64, cmd)"))
  }

  @Test func againstADumpOfTheOlderRelease() throws {
    let dump = try AbigenProcess.run(["dump", "--release", "3.3", "--format", "json"])
    try #require(dump.status == 0)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-3.3-\(UUID().uuidString).json")
    try dump.stdout.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let against = try AbigenProcess.run(["diff", "--against", file.path, "3.4"])
    let direct = try AbigenProcess.run(["diff", "3.3", "3.4"])
    #expect(against.status == 0, "\(against.stderr)")
    // The same release on both sides: the same report, accepted breaks included.
    #expect(against.output == direct.output)

    // By default the spec's release of the same name: 3.3 against itself.
    let same = try AbigenProcess.run(["diff", "--against", file.path])
    #expect(same.status == 0)
    #expect(
      same.output
        == "xen 3.3 (\(file.lastPathComponent)) -> 3.3\n\nno changes\n\n0 changes: 0 compatible, 0 breaking; exit 0\n")
  }

  @Test func aDumpWithOtherGuestWidthsIsAnErrorNotACrash() throws {
    let dump = try AbigenProcess.run(["dump", "--release", "4.22", "--format", "json"])
    var object = try #require(try JSONSerialization.jsonObject(with: dump.stdout) as? [String: Any])
    var guests = try #require(object["guestABIs"] as? [[String: Any]])
    for index in guests.indices { guests[index]["width"] = 64 }
    object["guestABIs"] = guests
    let run = try AbigenProcess.run(
      ["diff", "--against", "-", "master"], stdin: try JSONSerialization.data(withJSONObject: object))
    #expect(run.status == 1)
    #expect(
      run.stderr
        == "error: stdin has guest widths 64, the spec 32, 64: the releases cannot be compared\n")
  }

  @Test func jsonCarriesLabelsAndCounterexamples() throws {
    let run = try AbigenProcess.run(["diff", "3.3", "3.4", "--format", "json"])
    #expect(run.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    #expect(object["format"] as? String == "abigen-diff")
    let changes = try #require(object["changes"] as? [[String: Any]])
    let mask = try #require(changes.first { ($0["kind"] as? String) == "op-mask" })
    #expect(mask["label"] as? String == "breaking")
    #expect(mask["disposition"] as? String == "accepted")
    let examples = try #require(mask["counterexamples"] as? [[String: Any]])
    #expect(
      examples.contains {
        $0["value"] as? String == "0x10" && $0["failure"] as? String == "alias" && $0["primary"] as? Bool == true
      })
    let removed = try #require(changes.first { ($0["summary"] as? String) == "removed XENMEM_translate_gpfn_list = 8" })
    #expect(removed["label"] as? String == "breaking")
  }

  @Test func unknownReleasesAndBadUsage() throws {
    let unknown = try AbigenProcess.run(["diff", "3.3", "3.5"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.hasPrefix("error: unknown release '3.5' (known: 3.0.0,"))
    let backwards = try AbigenProcess.run(["diff", "3.4", "3.3"])
    #expect(backwards.status == 1)
    #expect(backwards.stderr == "error: release 3.4 is not older than 3.3; give the older release first\n")
    #expect(try AbigenProcess.run(["diff", "3.3"]).status == 64)
    #expect(try AbigenProcess.run(["diff", "--against", "x.json", "3.3", "3.4"]).status == 64)
    #expect(try AbigenProcess.run(["diff", "3.3", "3.4", "--format", "yaml"]).status == 64)
  }
}
