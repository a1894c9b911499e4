import ABIDSL
import ABIModel

extension Xen {
  /// Known breaks of the guest-visible ABI, accepted with the project's own record of them
  /// (facts.json abi_breaks_and_hazards). Tools-only hazards (hvm_op 4.4 -> 4.5 and 4.8 -> 4.9, the
  /// XENMEM sub-op renumbering in 4.6) are not listed: the migration policy only fails on
  /// guest-visible ops.
  @SpecBuilder static var acceptedBreaks: [SpecDeclaration] {
    // Derived, not reported: a <= 3.3 continuation op | s << 4 decodes on >= 3.4 as
    // op | ((s & 3) << 4) resuming at s >> 2, so increase_reservation aliases XENMEM_set_pod_target (16)
    // and decrease_reservation XENMEM_get_pod_target (17). No incident report was found.
    Accepted(
      "memop-shift-4-to-6", hypercall: "memory_op", introducedIn: "3.4",
      classes: [.alias, .progressCorrupted, .continuationLost],
      subOps: [
        "XENMEM_increase_reservation", "XENMEM_decrease_reservation", "XENMEM_populate_physmap",
        "XENMEM_translate_gpfn_list",
      ],
      reason: """
        MEMOP_EXTENT_SHIFT widened from 4 to 6 to make room for XENMEM ops 16..63 (first users \
        XENMEM_set_pod_target and XENMEM_get_pod_target): "Increase the number of MEMOP bits from 4 to \
        6". The project states the hazard in 4ef6b5f16c: a guest suspended mid-continuation "would fail \
        to work if resumed on a hypervisor using a different value".
        """,
      source: "36e3044132")
    Accepted(
      "xenmem-translate-gpfn-list-removed", hypercall: "memory_op", introducedIn: "3.4",
      classes: [.removed, .continuationLost], subOps: ["XENMEM_translate_gpfn_list"],
      reason: """
        XENMEM_translate_gpfn_list (8), which had a shifted-progress continuation, was removed; number 8 \
        is kept reserved as a comment. An in-flight continuation gets -ENOSYS (derived).
        """,
      source: "2d2f7977a0")
    // Derived, not reported: 4.3 lowered the native nr_extents limit, so a 64-bit guest's reservation
    // continuation past start_extent 2^26 - 1, which 4.2 creates, is refused by 4.3 (do_memory_op
    // returns start_extent instead of resuming). Found by abigen's progress-bound obligation.
    Accepted(
      "memop-nr-extents-limit", hypercall: "memory_op", introducedIn: "4.3",
      classes: [.continuationLost],
      subOps: ["XENMEM_increase_reservation", "XENMEM_decrease_reservation", "XENMEM_populate_physmap"],
      reason: """
        The native nr_extents limit went from ULONG_MAX >> MEMOP_EXTENT_SHIFT to UINT_MAX >> \
        MEMOP_EXTENT_SHIFT ("Currently do_memory_op has a different maximum limit for nr_extents on 32 bit \
        and 64 bit"), so 64-bit guests lost the ability to continue requests of 2^26 extents or more.
        """,
      source: "4f3c473d51")
    // Hypercall-number reuse: the accepted break names the old hypercall.
    // The facts give no commit for 23 -> iret; the release tag where it first shows stands in.
    Accepted(
      "hypercall-reuse-switch_vm86", hypercall: "switch_vm86", introducedIn: "3.0.2",
      classes: [.hypercallReuse],
      reason: "__HYPERVISOR_switch_vm86 (23, x86_32) was withdrawn and 23 became __HYPERVISOR_iret.",
      source: "3.0.2-branched")
    Accepted(
      "hypercall-reuse-switch_to_user", hypercall: "switch_to_user", introducedIn: "3.0.2",
      classes: [.hypercallReuse],
      reason: "__HYPERVISOR_switch_to_user (23, x86_64) was withdrawn and 23 became __HYPERVISOR_iret.",
      source: "3.0.2-branched")
    Accepted(
      "hypercall-reuse-dom0_op", hypercall: "dom0_op", introducedIn: "3.0.3",
      classes: [.hypercallReuse],
      reason: """
        __HYPERVISOR_dom0_op (7) was replaced by __HYPERVISOR_platform_op; dom0_op survives only as an \
        alias of platform_op for __XEN_INTERFACE_VERSION__ < 0x00030204.
        """,
      source: "1df421476a")
    Accepted(
      "hypercall-reuse-acm_op", hypercall: "acm_op", introducedIn: "3.2",
      classes: [.hypercallReuse],
      reason: "__HYPERVISOR_acm_op (27) was replaced by __HYPERVISOR_xsm_op.",
      source: "d046f361dc")
    Accepted(
      "hypercall-reuse-xc_reserved_op", hypercall: "xc_reserved_op", introducedIn: "4.12",
      classes: [.hypercallReuse],
      reason: "__HYPERVISOR_xc_reserved_op (39, reserved for XenClient, 4.2 .. 4.11) became __HYPERVISOR_argo_op.",
      source: "1ddc0d43c2")
  }
}
