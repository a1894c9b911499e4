import ABIDSL
import ABIModel

extension Xen {
  /// What the public headers add around the numbers: the interface version each release
  /// implements (`__XEN_LATEST_INTERFACE_VERSION__` in xen/include/public/xen-compat.h; 3.0.0 has
  /// none) and the compatibility names guests of older interface versions keep. Transcribed from
  /// facts-v2 (interface_versions, hypercalls[].legacy_interface / alias_of, subops[].alias_of).
  ///
  /// Not here: `__HYPERVISOR_paging_domctl_cont` (alias of arch_1 from 4.17), which is private to
  /// xen/arch/x86/include/asm/hypercall.h, not a public-header macro.
  @SpecBuilder static var headers: [SpecDeclaration] {
    // 3.0.2 forces the latest version on the hypervisor build only (`#if defined(__XEN__)`); from
    // 3.0.3 on the toolstack build (`__XEN_TOOLS__`) gets it too.
    Interface(
      "3.0.2", latest: 0x0003_0101, toolsSeeLatest: false,
      source: "3.0.2-branched xen/include/public/xen-compat.h:12")
    Interface("3.0.3", latest: 0x0003_0204, source: "3.0.3-branched xen/include/public/xen-compat.h:12")
    Interface("3.0.4", latest: 0x0003_0205, source: "3.0.4-branched xen/include/public/xen-compat.h:30")
    Interface("3.2", latest: 0x0003_0207, source: "3.2.0-rc6 xen/include/public/xen-compat.h:30")
    Interface("3.3", latest: 0x0003_0209, source: "3.3.0-rc7 xen/include/public/xen-compat.h:30")
    Interface("4.0", latest: 0x0003_020a, source: "RELEASE-4.0.0 xen/include/public/xen-compat.h:30")
    Interface("4.2", latest: 0x0004_0200, source: "RELEASE-4.2.0 xen/include/public/xen-compat.h:30")
    Interface("4.3", latest: 0x0004_0300, source: "RELEASE-4.3.0 xen/include/public/xen-compat.h:30")
    Interface("4.4", latest: 0x0004_0400, source: "RELEASE-4.4.0 xen/include/public/xen-compat.h:30")
    Interface("4.6", latest: 0x0004_0600, source: "RELEASE-4.6.0 xen/include/public/xen-compat.h:30")
    Interface("4.7", latest: 0x0004_0700, source: "RELEASE-4.7.0 xen/include/public/xen-compat.h:30")
    Interface("4.8", latest: 0x0004_0800, source: "RELEASE-4.8.0 xen/include/public/xen-compat.h:30")
    Interface("4.9", latest: 0x0004_0900, source: "RELEASE-4.9.0 xen/include/public/xen-compat.h:30")
    Interface("4.12", latest: 0x0004_0a00, source: "RELEASE-4.12.0 xen/include/public/xen-compat.h:30")
    Interface("4.13", latest: 0x0004_0d00, source: "RELEASE-4.13.0 xen/include/public/xen-compat.h:30")
    Interface("4.14", latest: 0x0004_0e00, source: "RELEASE-4.14.0 xen/include/public/xen-compat.h:30")
    Interface("4.19", latest: 0x0004_1300, source: "RELEASE-4.19.0 xen/include/public/xen-compat.h:13")

    // 3.0.0's second name for 23 (xen.h:57 @ RELEASE-3.0.0), beside switch_vm86 (xen.h:56).
    LegacyAlias(
      "__HYPERVISOR_switch_to_user", of: "__HYPERVISOR_switch_vm86", since: "3.0.0", until: "3.0.2",
      source: "RELEASE-3.0.0 xen/include/public/xen.h:57")
    // Old guests keep the old argument ABIs under the old names (xen-compat.h in 3.0.2, xen.h from
    // 3.0.3; the #undef + #define replaces the new number where the guard holds).
    LegacyAlias(
      "__HYPERVISOR_sched_op", of: "__HYPERVISOR_sched_op_compat", since: "3.0.2",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00030101",
      source: "3.0.2-branched xen/include/public/xen-compat.h:28; master xen/include/public/xen.h:141")
    LegacyAlias(
      "__HYPERVISOR_event_channel_op", of: "__HYPERVISOR_event_channel_op_compat", since: "3.0.3",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00030202",
      source: "3.0.3-branched xen/include/public/xen.h:91; master xen/include/public/xen.h:147")
    LegacyAlias(
      "__HYPERVISOR_physdev_op", of: "__HYPERVISOR_physdev_op_compat", since: "3.0.3",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00030202",
      source: "3.0.3-branched xen/include/public/xen.h:93; master xen/include/public/xen.h:149")
    LegacyAlias(
      "__HYPERVISOR_dom0_op", of: "__HYPERVISOR_platform_op", since: "3.0.3",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00030204",
      source: "3.0.3-branched xen/include/public/xen.h:98; master xen/include/public/xen.h:154")
    // arch-x86/xen-mca.h, x86 only (the 3.3 .. 4.1 facts preprocess x86 only; from 4.2 the Arm ABIs
    // do not see it).
    LegacyAlias(
      "__HYPERVISOR_mca", of: "__HYPERVISOR_arch_0", since: "3.3", only: ["x86_32", "x86_64"],
      source: "3.3.0-rc7 xen/include/public/arch-x86/xen-mca.h:57; master xen/include/public/arch-x86/xen-mca.h:40")
    // Renamed to XENMEM_add_to_physmap_batch in 4.4 (89ec246739); the old name stays for old guests.
    LegacyAlias(
      "XENMEM_add_to_physmap_range", of: "XENMEM_add_to_physmap_batch", since: "4.4", hypercall: "memory_op",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00040400",
      source: "RELEASE-4.4.0 xen/include/public/memory.h:266; master xen/include/public/memory.h:283")
  }
}
