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

    // physdev.h keeps the 3.0.0 upper-case names as aliases of the 3.0.3 ones, for every guest up to 4.5
    // and for old interface versions from 4.6. They sit on physdev_op (33); physdev_op_compat (19)
    // defines the same names, but a release defines each alias once.
    LegacyAlias(
      "PHYSDEVOP_IRQ_STATUS_QUERY", of: "PHYSDEVOP_irq_status_query", since: "3.0.3", until: "4.6",
      hypercall: "physdev_op",
      source: "3.0.3-branched xen/include/public/physdev.h:130; RELEASE-4.5.0 xen/include/public/physdev.h:351")
    LegacyAlias(
      "PHYSDEVOP_IRQ_STATUS_QUERY", of: "PHYSDEVOP_irq_status_query", since: "4.6", hypercall: "physdev_op",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00040600",
      source: "RELEASE-4.6.0 xen/include/public/physdev.h:360; master xen/include/public/physdev.h:359")
    LegacyAlias(
      "PHYSDEVOP_SET_IOPL", of: "PHYSDEVOP_set_iopl", since: "3.0.3", until: "4.6", hypercall: "physdev_op",
      source: "3.0.3-branched xen/include/public/physdev.h:131; RELEASE-4.5.0 xen/include/public/physdev.h:352")
    LegacyAlias(
      "PHYSDEVOP_SET_IOPL", of: "PHYSDEVOP_set_iopl", since: "4.6", hypercall: "physdev_op",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00040600",
      source: "RELEASE-4.6.0 xen/include/public/physdev.h:361; master xen/include/public/physdev.h:360")
    LegacyAlias(
      "PHYSDEVOP_SET_IOBITMAP", of: "PHYSDEVOP_set_iobitmap", since: "3.0.3", until: "4.6", hypercall: "physdev_op",
      source: "3.0.3-branched xen/include/public/physdev.h:132; RELEASE-4.5.0 xen/include/public/physdev.h:353")
    LegacyAlias(
      "PHYSDEVOP_SET_IOBITMAP", of: "PHYSDEVOP_set_iobitmap", since: "4.6", hypercall: "physdev_op",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00040600",
      source: "RELEASE-4.6.0 xen/include/public/physdev.h:362; master xen/include/public/physdev.h:361")
    LegacyAlias(
      "PHYSDEVOP_APIC_READ", of: "PHYSDEVOP_apic_read", since: "3.0.3", until: "4.6", hypercall: "physdev_op",
      source: "3.0.3-branched xen/include/public/physdev.h:133; RELEASE-4.5.0 xen/include/public/physdev.h:354")
    LegacyAlias(
      "PHYSDEVOP_APIC_READ", of: "PHYSDEVOP_apic_read", since: "4.6", hypercall: "physdev_op",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00040600",
      source: "RELEASE-4.6.0 xen/include/public/physdev.h:363; master xen/include/public/physdev.h:362")
    LegacyAlias(
      "PHYSDEVOP_APIC_WRITE", of: "PHYSDEVOP_apic_write", since: "3.0.3", until: "4.6", hypercall: "physdev_op",
      source: "3.0.3-branched xen/include/public/physdev.h:134; RELEASE-4.5.0 xen/include/public/physdev.h:355")
    LegacyAlias(
      "PHYSDEVOP_APIC_WRITE", of: "PHYSDEVOP_apic_write", since: "4.6", hypercall: "physdev_op",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00040600",
      source: "RELEASE-4.6.0 xen/include/public/physdev.h:364; master xen/include/public/physdev.h:363")
    LegacyAlias(
      "PHYSDEVOP_ASSIGN_VECTOR", of: "PHYSDEVOP_alloc_irq_vector", since: "3.0.3", until: "4.6",
      hypercall: "physdev_op",
      source: "3.0.3-branched xen/include/public/physdev.h:135; RELEASE-4.5.0 xen/include/public/physdev.h:356")
    LegacyAlias(
      "PHYSDEVOP_ASSIGN_VECTOR", of: "PHYSDEVOP_alloc_irq_vector", since: "4.6", hypercall: "physdev_op",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00040600",
      source: "RELEASE-4.6.0 xen/include/public/physdev.h:365; master xen/include/public/physdev.h:364")
    LegacyAlias(
      "PHYSDEVOP_FREE_VECTOR", of: "PHYSDEVOP_free_irq_vector", since: "3.0.4", until: "4.6", hypercall: "physdev_op",
      source: "3.0.4-branched xen/include/public/physdev.h:155; RELEASE-4.5.0 xen/include/public/physdev.h:357")
    LegacyAlias(
      "PHYSDEVOP_FREE_VECTOR", of: "PHYSDEVOP_free_irq_vector", since: "4.6", hypercall: "physdev_op",
      guardedBy: "__XEN_INTERFACE_VERSION__ < 0x00040600",
      source: "RELEASE-4.6.0 xen/include/public/physdev.h:366; master xen/include/public/physdev.h:365")
    // PHYSDEVOP_pirq_eoi_gmfn (17) was renamed _v1 (4.1.3 on the 4.1 line); for new interface versions
    // the old name means _v2 (28). Its other reading, = _v1 for old interface versions, is not modelled
    // (one alias per name and release).
    LegacyAlias(
      "PHYSDEVOP_pirq_eoi_gmfn", of: "PHYSDEVOP_pirq_eoi_gmfn_v2", since: "4.2", hypercall: "physdev_op",
      guardedBy: "!(__XEN_INTERFACE_VERSION__ < 0x00040200)",
      source: "RELEASE-4.2.0 xen/include/public/physdev.h:339; master xen/include/public/physdev.h:373")
    // 4.4 moved KEXEC_CMD_kexec_load / unload to 4 / 5 for __XEN_INTERFACE_VERSION__ >= 0x00040400; older
    // interface versions keep 1 / 2 through these aliases, gone at master with the v1 ops (7702e782f3).
    LegacyAlias(
      "KEXEC_CMD_kexec_load", of: "KEXEC_CMD_kexec_load_v1", since: "4.4", until: "master", hypercall: "kexec_op",
      guardedBy: "!(__XEN_INTERFACE_VERSION__ >= 0x00040400)",
      source: "RELEASE-4.4.0 xen/include/public/kexec.h:232; RELEASE-4.22.0 xen/include/public/kexec.h:229")
    LegacyAlias(
      "KEXEC_CMD_kexec_unload", of: "KEXEC_CMD_kexec_unload_v1", since: "4.4", until: "master", hypercall: "kexec_op",
      guardedBy: "!(__XEN_INTERFACE_VERSION__ >= 0x00040400)",
      source: "RELEASE-4.4.0 xen/include/public/kexec.h:233; RELEASE-4.22.0 xen/include/public/kexec.h:230")
    // XENPF_settime (17) was renamed XENPF_settime32 in 4.6; for new interface versions the old name means
    // XENPF_settime64 (62). Its other reading, = XENPF_settime32 for old interface versions, is not
    // modelled (one alias per name and release).
    LegacyAlias(
      "XENPF_settime", of: "XENPF_settime64", since: "4.6", hypercall: "platform_op",
      guardedBy: "!(__XEN_INTERFACE_VERSION__ < 0x00040600)",
      source: "RELEASE-4.6.0 xen/include/public/platform.h:57; master xen/include/public/platform.h:42")
  }
}
