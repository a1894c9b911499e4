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
    // One header per hypercall with sub-op tables, in both halves; mmu_update and mmuext_op have
    // their count flags' helpers in xen/ too.
    let tables = [
      "mmu_update.h", "mmuext_op.h", "sched_op_compat.h", "platform_op.h", "memory_op.h", "event_channel_op_compat.h",
      "xen_version.h",
      "console_io.h", "physdev_op_compat.h", "grant_table_op.h", "vm_assist.h", "vcpu_op.h", "set_segment_base.h",
      "xsm_op.h", "nmi_op.h", "sched_op.h", "callback_op.h", "xenoprof_op.h", "event_channel_op.h", "physdev_op.h",
      "hvm_op.h", "sysctl.h", "domctl.h", "kexec_op.h", "tmem_op.h", "argo_op.h", "xenpmu_op.h", "dm_op.h",
      "hypfs_op.h", "arch_0.h",
    ]
    let publicHeaders = ["xen-compat.h", "hypercalls.h"] + tables
    let hypervisorHeaders = ["hypercall-args.h"] + tables
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

  /// The whole tree is the line releases; which releases a language emits is said once.
  @Test func theReleaseSelectionsExcludeEachOther() throws {
    let whole = try AbigenProcess.run(["emit", "--all-releases"])
    #expect(whole.status == 64)
    #expect(whole.stderr.contains("without a language, emit writes the checked-in tree"))
    let both = try AbigenProcess.run(["emit", "c", "--line-releases", "--all-releases"])
    #expect(both.status == 64)
    #expect(both.stderr.contains("--release, --all-releases and --line-releases exclude each other"))
    let none = try AbigenProcess.run(["emit", "c"])
    #expect(none.status == 64)
    #expect(none.stderr.contains("say which releases: --release R, --line-releases or --all-releases"))
  }
}
