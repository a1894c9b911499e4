import Foundation
import Testing

/// `abigen headroom` end to end on the bundled spec.
@Suite struct HeadroomCommandTests {
  @Test func textFor45() throws {
    let run = try AbigenProcess.run(["headroom", "--release", "4.5"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.output.split(separator: "\n").map(String.init)
    #expect(lines.first == "headroom of xen 4.5")
    #expect(lines.contains("hvm_op ('op', op mask 0xff (HVMOP_op_mask)): 23 sub-op numbers defined"))
    #expect(
      lines.contains(
        "  32-bit (x86_32, arm32) and 64-bit (x86_64, arm64): highest 22 of 256, 233 free, 122 releases at the historical rate: ample"
      ))
    #expect(lines.contains("  history: 21 numbers added in the 11 releases after 3.0.3 (1.91 per release)"))
    #expect(
      lines.contains(
        "  32-bit (x86_32, arm32) and 64-bit (x86_64, arm64): highest 26 of 64, 37 free, 22 releases at the historical rate: adequate"
      ))
    #expect(lines.contains("  mask: shipped in 4.5: part of the ABI, a change is checked against every older release"))
    #expect(
      lines.contains(
        "  32-bit (x86_32, arm32) and 64-bit (x86_64, arm64): highest 12 of 4096, 4083 free, 6634 releases at the historical rate: ample"
      ))
    #expect(lines.contains("  XENMEM_increase_reservation: start_extent shifted by 6"))
    #expect(lines.contains("    32-bit (x86_32, arm32): 26 bits, bound UINT_MAX >> 6 (26 bits): no spare bits"))
    #expect(lines.contains("  HVMOP_modified_memory: start_iter raw above the op mask, in steps of 256"))
  }

  @Test func jsonDefaultsToTheNewestRelease() throws {
    let run = try AbigenProcess.run(["headroom", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    #expect(object["release"] as? String == "master")
    let hypercalls = try #require(object["hypercalls"] as? [[String: Any]])
    let hvm = try #require(hypercalls.first { $0["hypercall"] as? String == "hvm_op" })
    #expect(hvm["opMask"] == nil)
    let numbers = try #require(hvm["numbers"] as? [[String: Any]])
    #expect(numbers.map { $0["capacityBits"] as? Int } == [32, 64])
  }

  @Test func textShowsWholeRegisterOpsWithTheirRegister() throws {
    let run = try AbigenProcess.run(["headroom"])
    #expect(run.status == 0)
    #expect(run.output.contains("hvm_op ('op', no op mask: the whole register is the op)"))
    #expect(run.output.contains("  32-bit (x86_32, arm32): highest 25 of 4294967296, 4294967270 free"))
    #expect(
      run.output.contains("  64-bit (x86_64, arm64): highest 25 of 2^64, over 2^63 free, over a million releases"))
  }

  @Test func anUnknownReleaseListsTheValidOnes() throws {
    let run = try AbigenProcess.run(["headroom", "--release", "9.9"])
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("error: unknown release '9.9' (known: 3.0.0,"))
    #expect(try AbigenProcess.run(["headroom", "--format", "xml"]).status == 64)
  }

  /// The seed question in one command: would a 12-bit hvm_op mask in 4.5 have broken anything?
  @Test func whatIfAWiderHVMMaskIn45() throws {
    let run = try AbigenProcess.run(["headroom", "--release", "4.5", "--what-if", "hvm_op.mask=12"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.output.split(separator: "\n").map(String.init)
    // 4.9 dropped the mask (the whole register is the op again): the edit stops there.
    #expect(lines.first == "what-if hvm_op.mask=12 in 4.5, 4.6, 4.7, 4.8")
    #expect(lines.contains("hvm_op ('op', op mask 0xfff (HVMOP_op_mask)): 23 sub-op numbers defined"))
    #expect(
      lines.contains(
        "  32-bit (x86_32, arm32) and 64-bit (x86_64, arm64): highest 22 of 4096, 4073 free, 2133 releases at the historical rate: ample"
      ))
    // hvm_op's raw-aligned continuations are x86's only, so 4.5's hvm_op pairs are asked for x86
    // and ARM apart.
    #expect(lines.contains { $0.hasPrefix("checker: 4390 obligations of 4.5 against every other release: ") })
    // Tools-only continuations of 4.5 (progress in steps of 4096 now) reach 4.9, which dropped those ops.
    #expect(
      lines.contains(
        "Spec/Xen/HVMOp.swift:129: warning[continuation-lost] hvm_op 4.5 -> 4.9 (x86_64, op): 0x1007: 4.5 reads HVMOP_modified_memory resuming at start_iter 4096; 4.9 reads -ENOSYS (unknown op) (+14 pairs) [tools-only]"
      ))
    #expect(lines.last == "verdict: compatible: the edit adds no break against any other release")
  }

  @Test func whatIfAWiderExtentShiftBreaksOlderContinuations() throws {
    let run = try AbigenProcess.run([
      "headroom", "--release", "4.5", "--what-if", "memory_op.shift=8", "--format", "json",
    ])
    #expect(run.status == 1, "\(run.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    #expect(object["format"] as? String == "abigen-headroom")
    let whatIf = try #require(object["whatIf"] as? [String: Any])
    #expect(whatIf["verdict"] as? String == "breaking")
    let breaks = try #require(whatIf["newBreaks"] as? [[String: Any]])
    #expect(breaks.count == 10)
    #expect(
      breaks.contains {
        ($0["line"] as? String)?.contains(
          "error[progress-corrupted] memory_op 4.4 -> 4.5 (x86_64, cmd): 0x100: 4.4 reads XENMEM_increase_reservation resuming at start_extent 4; 4.5 reads XENMEM_increase_reservation resuming at start_extent 1"
        ) == true
      })
    // The spec itself is untouched: without the what-if, 4.5 holds.
    #expect(try AbigenProcess.run(["check", "--release", "4.5"]).status == 0)
  }

  @Test func whatIfANarrowMaskIsInvalidAndABadEditIsUsage() throws {
    let narrow = try AbigenProcess.run(["headroom", "--release", "4.5", "--what-if", "hvm_op.mask=4"])
    #expect(narrow.status == 1)
    #expect(
      narrow.output.contains(
        "Spec/Xen/HVMOp.swift:89: error: 4.8: hvm_op: sub-op 'HVMOP_altp2m' = 25 does not fit the op mask 0xf"))
    #expect(narrow.output.hasSuffix("verdict: invalid: the edited spec does not validate\n"))
    let unknown = try AbigenProcess.run(["headroom", "--release", "4.5", "--what-if", "nosuch_op.mask=12"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.hasPrefix("error: --what-if nosuch_op.mask=12: 4.5 has no hypercall 'nosuch_op' (known: "))
    #expect(try AbigenProcess.run(["headroom", "--what-if", "hvm_op.width=12"]).status == 64)
  }

  /// A mask that only the development release has can still change at no cost.
  @Test func aMaskNewInTheDevelopmentReleaseIsStillChangeable() throws {
    let spec = try NewBreakCommandTests.spec(editing: "hvm_op") { hvm in
      var multiplex = hvm["multiplex"] as! [String: Any]
      multiplex["opMask"] = ["bits": 10, "maskName": "HVMOP_op_mask"]
      hvm["multiplex"] = multiplex
    }
    let run = try AbigenProcess.run(["headroom", "--spec", "-"], stdin: spec)
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.output.split(separator: "\n").map(String.init)
    let hvm = try #require(lines.firstIndex { $0.hasPrefix("hvm_op ") })
    #expect(lines[hvm + 2] == "  mask: in no released release: it can still change at no cost")
  }
}
