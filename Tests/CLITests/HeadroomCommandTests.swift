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
        "  32-bit (x86_32, arm32) and 64-bit (x86_64, arm64): highest 22 of 256, 233 free, 129 releases at the historical rate"
      ))
    #expect(lines.contains("  history: 18 numbers added in the 10 releases after 3.0.4 (1.80 per release)"))
    #expect(
      lines.contains(
        "  32-bit (x86_32, arm32) and 64-bit (x86_64, arm64): highest 12 of 4096, 4083 free, 6634 releases at the historical rate"
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
}
