import Foundation
import Testing

/// `abigen emit c --layout xen` end to end: the files of one release where the Xen tree has them,
/// and the option refused where it means nothing.
@Suite struct EmitLayoutCommandTests {
  @Test func theXenLayoutOfOneReleaseIsItsPublicAndHypervisorHeaders() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-layout-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try AbigenProcess.run(
      ["emit", "c", "--layout", "xen", "--release", "4.20", "--output", directory.path])
    #expect(run.status == 0, "\(run.stderr)")
    let files = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? [])
      .filter { $0.hasSuffix(".h") }.sorted()
    let publicHeaders = [
      "xen-compat.h", "hypercalls.h", "memory_op.h", "grant_table_op.h", "event_channel_op.h", "hvm_op.h", "dm_op.h",
    ]
    let hypervisorHeaders = [
      "hypercall-args.h", "mmu_update.h", "memory_op.h", "grant_table_op.h", "event_channel_op.h", "mmuext_op.h",
      "hvm_op.h", "dm_op.h",
    ]
    let expected = (publicHeaders.map { "xen_4_20/public/" + $0 } + hypervisorHeaders.map { "xen_4_20/xen/" + $0 })
    #expect(files == expected.sorted())
    let compat = try String(
      contentsOf: directory.appendingPathComponent("xen_4_20/public/xen-compat.h"), encoding: .utf8)
    #expect(compat.contains("#define __XEN_LATEST_INTERFACE_VERSION__ 0x00041300\n"))
  }

  @Test func theLayoutIsRefusedForSwift() throws {
    let run = try AbigenProcess.run(["emit", "swift", "--layout", "xen", "--all-releases"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--layout applies to 'emit c' only"))
  }
}
