import ABIDSL
import ABIModel

extension Xen {
  /// Known breaks of the guest-visible ABI, accepted with the project's own record of them
  /// (facts.json abi_breaks_and_hazards). Each record lists exactly the breaks it accepts, as
  /// `abigen check` found them: the op an older release writes a value for, what a newer release
  /// makes of it, and the releases on each side. A new way any of these values breaks (a new op
  /// at a number an old continuation reaches, say) is not covered and fails the check.
  ///
  /// Tools-only hazards (hvm_op 4.4 -> 4.5 and 4.8 -> 4.9, the XENMEM sub-op renumbering in 4.6)
  /// are not listed: the migration policy only fails on guest-visible ops.
  @SpecBuilder static var acceptedBreaks: [SpecDeclaration] {
    // Derived, not reported: a <= 3.3 continuation op | s << 4 decodes on >= 3.4 as
    // op | ((s & 3) << 4) resuming at s >> 2. No incident report was found.
    Accepted(
      "memop-shift-4-to-6",
      reason: """
        MEMOP_EXTENT_SHIFT widened from 4 to 6 to make room for XENMEM ops 16..63 (first users \
        XENMEM_set_pod_target and XENMEM_get_pod_target): "Increase the number of MEMOP bits from 4 to \
        6". The project states the hazard in 4ef6b5f16c: a guest suspended mid-continuation "would fail \
        to work if resumed on a hypervisor using a different value".
        """,
      source: "36e3044132"
    ) {
      // Extent s with s & 3 == 1 lands on op 16 / 17, the ops the widening made room for.
      Covers(
        .alias, subOp: "XENMEM_increase_reservation", of: "memory_op", becomes: .op("XENMEM_set_pod_target"),
        older: .span("3.0.0", "3.3"), newer: .from("3.4"))
      Covers(
        .alias, subOp: "XENMEM_decrease_reservation", of: "memory_op", becomes: .op("XENMEM_get_pod_target"),
        older: .span("3.0.0", "3.3"), newer: .from("3.4"))
      // Derived: 4.2 gave 22 = 6 | (1 << 4) to XENMEM_sharing_op, so a populate_physmap continuation at
      // an extent with s & 3 == 1 runs it. A consequence of the widening that no later release fixed.
      Covers(
        .alias, subOp: "XENMEM_populate_physmap", of: "memory_op", becomes: .op("XENMEM_sharing_op"),
        older: .span("3.0.2", "3.3"), newer: .from("4.2"))
      // Extents with s & 3 == 2 or 3 select numbers (32 + op, 48 + op) no release defines.
      Covers(
        .continuationLost, subOp: "XENMEM_increase_reservation", of: "memory_op", becomes: .rejected,
        older: .span("3.0.0", "3.3"), newer: .from("3.4"))
      Covers(
        .continuationLost, subOp: "XENMEM_decrease_reservation", of: "memory_op", becomes: .rejected,
        older: .span("3.0.0", "3.3"), newer: .from("3.4"))
      Covers(
        .continuationLost, subOp: "XENMEM_populate_physmap", of: "memory_op", becomes: .rejected,
        older: .span("3.0.2", "3.3"), newer: .from("3.4"))
      // Extents with s & 3 == 0 keep the op and resume at s >> 2.
      Covers(
        .progressCorrupted, subOp: "XENMEM_increase_reservation", of: "memory_op",
        becomes: .op("XENMEM_increase_reservation"), older: .span("3.0.0", "3.3"), newer: .from("3.4"))
      Covers(
        .progressCorrupted, subOp: "XENMEM_decrease_reservation", of: "memory_op",
        becomes: .op("XENMEM_decrease_reservation"), older: .span("3.0.0", "3.3"), newer: .from("3.4"))
      Covers(
        .progressCorrupted, subOp: "XENMEM_populate_physmap", of: "memory_op",
        becomes: .op("XENMEM_populate_physmap"), older: .span("3.0.2", "3.3"), newer: .from("3.4"))
    }
    Accepted(
      "xenmem-translate-gpfn-list-removed",
      reason: """
        XENMEM_translate_gpfn_list (8), which had a shifted-progress continuation, was removed; number 8 \
        is kept reserved as a comment. A fresh call or an in-flight continuation gets -ENOSYS (derived).
        """,
      source: "2d2f7977a0"
    ) {
      Covers(
        .removed, subOp: "XENMEM_translate_gpfn_list", of: "memory_op", becomes: .rejected,
        older: .span("3.0.2", "3.3"), newer: .from("3.4"))
      Covers(
        .continuationLost, subOp: "XENMEM_translate_gpfn_list", of: "memory_op", becomes: .rejected,
        older: .span("3.0.2", "3.3"), newer: .from("3.4"))
      // Derived: 4.3 gave 24 = 8 | (1 << 4) to XENMEM_claim_pages, so a translate_gpfn_list continuation
      // at an index with i & 3 == 1 runs it.
      Covers(
        .alias, subOp: "XENMEM_translate_gpfn_list", of: "memory_op", becomes: .op("XENMEM_claim_pages"),
        older: .span("3.0.2", "3.3"), newer: .from("4.3"))
    }
    // Derived, not reported: 4.3 lowered the native nr_extents limit, so a 64-bit guest's reservation
    // continuation past start_extent 2^26 - 1, which 4.2 creates, is refused by 4.3 (do_memory_op
    // returns start_extent instead of resuming). Found by abigen's progress-bound obligation.
    Accepted(
      "memop-nr-extents-limit",
      reason: """
        The native nr_extents limit went from ULONG_MAX >> MEMOP_EXTENT_SHIFT to UINT_MAX >> \
        MEMOP_EXTENT_SHIFT ("Currently do_memory_op has a different maximum limit for nr_extents on 32 bit \
        and 64 bit"), so 64-bit guests lost the ability to continue requests of 2^26 extents or more.
        """,
      source: "4f3c473d51"
    ) {
      Covers(
        .continuationLost, subOp: "XENMEM_increase_reservation", of: "memory_op", becomes: .refused,
        older: .span("3.4", "4.2"), newer: .from("4.3"), widths: [64])
      Covers(
        .continuationLost, subOp: "XENMEM_decrease_reservation", of: "memory_op", becomes: .refused,
        older: .span("3.4", "4.2"), newer: .from("4.3"), widths: [64])
      Covers(
        .continuationLost, subOp: "XENMEM_populate_physmap", of: "memory_op", becomes: .refused,
        older: .span("3.4", "4.2"), newer: .from("4.3"), widths: [64])
    }
    // Hypercall-number reuse: the entry names the old hypercall, as the older releases call it, and
    // the one the number became. The facts give no commit for 23 -> iret; the release tag where it
    // first shows stands in.
    Accepted(
      "hypercall-reuse-switch_vm86",
      reason:
        "__HYPERVISOR_switch_vm86 and its second name __HYPERVISOR_switch_to_user (23) were withdrawn and 23 became __HYPERVISOR_iret.",
      source: "3.0.2-branched"
    ) {
      Covers(
        .hypercallReuse, numberOf: "switch_vm86", becomes: .op("iret"), older: .only("3.0.0"), newer: .from("3.0.2"))
    }
    Accepted(
      "hypercall-reuse-dom0_op",
      reason: """
        __HYPERVISOR_dom0_op (7) was replaced by __HYPERVISOR_platform_op; dom0_op survives only as an \
        alias of platform_op for __XEN_INTERFACE_VERSION__ < 0x00030204.
        """,
      source: "1df421476a"
    ) {
      Covers(
        .hypercallReuse, numberOf: "dom0_op", becomes: .op("platform_op"), older: .span("3.0.0", "3.0.2"),
        newer: .from("3.0.3"))
    }
    Accepted(
      "hypercall-reuse-acm_op", reason: "__HYPERVISOR_acm_op (27) was replaced by __HYPERVISOR_xsm_op.",
      source: "d046f361dc"
    ) {
      Covers(
        .hypercallReuse, numberOf: "acm_op", becomes: .op("xsm_op"), older: .span("3.0.0", "3.1"), newer: .from("3.2"))
    }
    Accepted(
      "hypercall-reuse-xc_reserved_op",
      reason: "__HYPERVISOR_xc_reserved_op (39, reserved for XenClient, 4.2 .. 4.11) became __HYPERVISOR_argo_op.",
      source: "1ddc0d43c2"
    ) {
      Covers(
        .hypercallReuse, numberOf: "xc_reserved_op", becomes: .op("argo_op"), older: .span("4.2", "4.11"),
        newer: .from("4.12"))
    }
    // do_event_channel_op_compat (16) forwarded every cmd until 4.9; from 4.10 it forwards 0 .. 9 only.
    Accepted(
      "evtchnop-compat-restricted",
      reason: """
        "x86/evtchn: Restrict the ops usable in do_event_channel_op_compat()": "This hypercall is unused by \
        guests these days, but there was no prevention of usable subops. The following ops have been \
        restricted, as there is no suitable structure in the evntchn_op union": EVTCHNOP_reset, \
        EVTCHNOP_init_control, EVTCHNOP_expand_array, EVTCHNOP_set_priority get -ENOSYS through hypercall 16.
        """,
      source: "ab48596654"
    ) {
      Covers(
        .removed, subOp: "EVTCHNOP_reset", of: "event_channel_op_compat", becomes: .rejected,
        older: .span("3.1", "4.9"),
        newer: .from("4.10"))
      Covers(
        .removed, subOp: "EVTCHNOP_init_control", of: "event_channel_op_compat", becomes: .rejected,
        older: .span("4.4", "4.9"), newer: .from("4.10"))
      Covers(
        .removed, subOp: "EVTCHNOP_expand_array", of: "event_channel_op_compat", becomes: .rejected,
        older: .span("4.4", "4.9"), newer: .from("4.10"))
      Covers(
        .removed, subOp: "EVTCHNOP_set_priority", of: "event_channel_op_compat", becomes: .rejected,
        older: .span("4.4", "4.9"), newer: .from("4.10"))
    }
    // TMEM_CONTROL (0) is answered with -EOPNOTSUPP from 4.6 and stays in tmem.h under `#ifdef __XEN__`
    // only (the facts' flag X), which the model reads as a hypervisor-internal op: a new op at 0.
    Accepted(
      "tmem-control-moved-to-sysctl",
      reason: """
        "tmem: Move TMEM_CONTROL subop of tmem hypercall to sysctl": "There is no need to have them in the \
        tmem hypercall path." do_tmem_op answers TMEM_CONTROL with -EOPNOTSUPP; the control domain uses \
        XEN_SYSCTL_tmem_op.
        """,
      source: "d0edc15a6c"
    ) {
      Covers(
        .alias, subOp: "TMEM_CONTROL", of: "tmem_op", becomes: .op("TMEM_CONTROL"), older: .span("4.0", "4.5"),
        newer: .span("4.6", "4.12"))
    }
    // tmem is gone from the hypervisor in 4.13 (no handler); tmem.h drops TMEM_CONTROL and keeps the other
    // ops for old interface versions. The continuation-lost entry is the model's reading of a
    // hypervisor-internal op (its values are continuations); nothing writes TMEM_CONTROL as one.
    Accepted(
      "tmem-removed",
      reason: """
        "xen: remove tmem from hypervisor": from 4.13 no release handles __HYPERVISOR_tmem_op, and tmem.h \
        no longer defines TMEM_CONTROL.
        """,
      source: "c492e19fdd"
    ) {
      Covers(
        .removed, subOp: "TMEM_CONTROL", of: "tmem_op", becomes: .rejected, older: .span("4.0", "4.5"),
        newer: .from("4.13"))
      Covers(
        .continuationLost, subOp: "TMEM_CONTROL", of: "tmem_op", becomes: .rejected, older: .span("4.6", "4.12"),
        newer: .from("4.13"))
    }
    Accepted(
      "kexec-v1-dropped",
      reason: """
        "xen/kexec: Drop the obsolete v1 hypercall implementation": "The v1 interface was declared obsolete \
        in Xen 4.4 (2013) ... The only known user of the v1 interface was the classic-xen fork of Linux." \
        KEXEC_CMD_kexec_load_v1 (1) and KEXEC_CMD_kexec_unload_v1 (2) get -ENOSYS at master.
        """,
      source: "7702e782f3"
    ) {
      Covers(
        .removed, subOp: "KEXEC_CMD_kexec_load_v1", of: "kexec_op", becomes: .rejected, older: .span("3.0.4", "4.22"),
        newer: .from("master"))
      Covers(
        .removed, subOp: "KEXEC_CMD_kexec_unload_v1", of: "kexec_op", becomes: .rejected,
        older: .span("3.0.4", "4.22"), newer: .from("master"))
    }
    // Exposed when mmuext_op's entry table was modelled. The facts record the removal from the
    // public header only (facts-v2 mainline_deltas 3.0.0 -> 3.0.2: removed
    // subop|mmuext_op|MMUEXT_REASSIGN_PAGE, xen/include/public/xen.h:166 @ RELEASE-3.0.0); the commit
    // was not identified, and whether 3.0.2's do_mmuext_op still had the case is not in the facts.
    // Conservative reading: the default case, -ENOSYS.
    Accepted(
      "mmuext-reassign-page-removed",
      reason: """
        MMUEXT_REASSIGN_PAGE (14), a privileged reassignment of a page to the foreign domain, is no \
        longer defined from 3.0.2; number 14 is not reused. A 3.0.0 guest's entry with cmd 14 gets \
        -ENOSYS (derived).
        """,
      source: "3.0.2-branched"
    ) {
      Covers(
        .removed, subOp: "MMUEXT_REASSIGN_PAGE", of: "mmuext_op", becomes: .rejected, older: .only("3.0.0"),
        newer: .from("3.0.2"))
    }
    Accepted(
      "gnttab-cache-flush-arm-only",
      reason: """
        x86 stopped implementing GNTTABOP_cache_flush in 4.21 (its x86 implementation did not do what \
        the op promises, and no x86 user was known): only CONFIG_HAS_GRANT_CACHE_FLUSH (ARM) builds the \
        op, so an x86 guest's cache_flush continuation (cur_ref above GNTTABOP_CMD_MASK) gets -ENOSYS. \
        ARM keeps it.
        """,
      source: "5642a6055c"
    ) {
      Covers(
        .continuationLost, subOp: "GNTTABOP_cache_flush", of: "grant_table_op", becomes: .rejected,
        older: .span("4.5", "4.20"), newer: .from("4.21"), on: ["x86"])
    }
    // The version is compared before any op is decoded (do_mca: -EACCES on a mismatch).
    Accepted(
      "mca-interface-version-3.4",
      reason: """
        XEN_MCA_INTERFACE_VERSION went from 0x03000001 (3.3) to 0x01ecc003 (3.4) in three steps, each \
        with a change of the machine-check structures (extended physical CPU info in e16fc5ba59, new \
        telemetry structures in e114bca753, 32-on-64 layouts in 57f5ad16f8), so every arch_0 (mca) call \
        made for 3.3's version is refused with -EACCES from 3.4 on.
        """,
      source: "57f5ad16f8"
    ) {
      Covers(
        .interfaceRefused, subOp: "XEN_MC_fetch", of: "arch_0", becomes: .refused, older: .only("3.3"),
        newer: .from("3.4"))
      Covers(
        .interfaceRefused, subOp: "XEN_MC_notifydomain", of: "arch_0", becomes: .refused, older: .only("3.3"),
        newer: .from("3.4"))
    }
  }
}
