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
  }
}
