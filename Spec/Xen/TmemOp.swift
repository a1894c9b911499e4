import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_tmem_op` (38, from 4.0): `do_tmem_op(tmem_cli_op_t uops)`, the op is `struct tmem_op.cmd`
  /// (uint32_t) in guest memory, argument 0 (facts-v2 carrier `struct`). Source: xen/include/public/tmem.h
  /// at each release tag.
  ///
  /// Not expressible: from 4.13 the hypervisor has no tmem handler (every call fails), while the header
  /// still defines the ops; the model's table is what the header defines.
  static var tmemOp: Multiplexed {
    Multiplexed("tmem_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)) {
      In("4.0", source: "RELEASE-4.0.0") {
        WholeRegisterIsOp()
        Op("TMEM_CONTROL", 0)  // xen/include/public/tmem.h:33
        Op("TMEM_NEW_POOL", 1)  // xen/include/public/tmem.h:34
        Op("TMEM_DESTROY_POOL", 2)  // xen/include/public/tmem.h:35
        Op("TMEM_NEW_PAGE", 3)  // xen/include/public/tmem.h:36
        Op("TMEM_PUT_PAGE", 4)  // xen/include/public/tmem.h:37
        Op("TMEM_GET_PAGE", 5)  // xen/include/public/tmem.h:38
        Op("TMEM_FLUSH_PAGE", 6)  // xen/include/public/tmem.h:39
        Op("TMEM_FLUSH_OBJECT", 7)  // xen/include/public/tmem.h:40
        Op("TMEM_READ", 8)  // xen/include/public/tmem.h:41
        Op("TMEM_WRITE", 9)  // xen/include/public/tmem.h:42
        Op("TMEM_XCHG", 10)  // xen/include/public/tmem.h:43
        Op("TMEM_AUTH", 101)  // xen/include/public/tmem.h:46
        Op("TMEM_RESTORE_NEW", 102)  // xen/include/public/tmem.h:47
      }
      In("4.4", source: "RELEASE-4.4.0") {
        Guarded("TMEM_NEW_PAGE", by: "__XEN_INTERFACE_VERSION__ < 0x00040400")
        Guarded("TMEM_READ", by: "__XEN_INTERFACE_VERSION__ < 0x00040400")
        Guarded("TMEM_WRITE", by: "__XEN_INTERFACE_VERSION__ < 0x00040400")
        Guarded("TMEM_XCHG", by: "__XEN_INTERFACE_VERSION__ < 0x00040400")
      }
      In("4.6", source: "RELEASE-4.6.0") {
        // TMEM_CONTROL moved to XEN_SYSCTL_tmem_op; tmem.h keeps 0 under `#ifdef __XEN__` only. The
        // model has no way to change an op's audience, so the op is withdrawn and defined again as
        // hypervisor-internal (a new lineage).
        // From 4.6 do_tmem_op answers TMEM_CONTROL with -EOPNOTSUPP (RELEASE-4.6.0 xen/common/tmem.c:2679).
        Withdrawn("TMEM_CONTROL", source: "d0edc15a6c")
        Op("TMEM_CONTROL", 0, hypervisorInternal: true, source: "d0edc15a6c")  // xen/include/public/tmem.h:37
      }
      In("4.13", source: "RELEASE-4.13.0") {
        // "xen: remove tmem from hypervisor" (c492e19fdd): no handler from 4.13 (facts-v2 carrier
        // "(no handler)"); the number stays and tmem.h keeps the ops for old interface versions. The table
        // stays as the header defines it.
        Withdrawn("TMEM_CONTROL", source: "c492e19fdd")
        Guarded("TMEM_NEW_POOL", by: "__XEN_INTERFACE_VERSION__ < 0x00041300")
        // TMEM_NEW_PAGE, TMEM_READ, TMEM_WRITE and TMEM_XCHG now sit in a `< 0x00041300` block inside their
        // `< 0x00040400` one; the conjunction is their 4.4 guard, which stays.
        Guarded("TMEM_DESTROY_POOL", by: "__XEN_INTERFACE_VERSION__ < 0x00041300")
        Guarded("TMEM_PUT_PAGE", by: "__XEN_INTERFACE_VERSION__ < 0x00041300")
        Guarded("TMEM_GET_PAGE", by: "__XEN_INTERFACE_VERSION__ < 0x00041300")
        Guarded("TMEM_FLUSH_PAGE", by: "__XEN_INTERFACE_VERSION__ < 0x00041300")
        Guarded("TMEM_FLUSH_OBJECT", by: "__XEN_INTERFACE_VERSION__ < 0x00041300")
        Guarded("TMEM_AUTH", by: "__XEN_INTERFACE_VERSION__ < 0x00041300")
        Guarded("TMEM_RESTORE_NEW", by: "__XEN_INTERFACE_VERSION__ < 0x00041300")
      }
    }
  }
}
