import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_kexec_op` (37, from 3.0.4): `do_kexec_op(unsigned long op, arg)`, the op in argument 0
  /// (facts-v2 carrier `register`), the guest's `unsigned long`. Source: facts-v2 subops kexec_op
  /// (xen/include/public/kexec.h) and continuations (xen/common/kexec.c) at each release tag.
  static var kexecOp: Multiplexed {
    Multiplexed("kexec_op", argument: ArgumentSlot(index: 0, name: "op", type: .unsignedLong)) {
      In("3.0.4", source: "3.0.4-branched") {
        WholeRegisterIsOp()
        Op("KEXEC_CMD_kexec", 0)  // xen/include/public/kexec.h:91
        Op("KEXEC_CMD_kexec_load", 1)  // xen/include/public/kexec.h:101
        Op("KEXEC_CMD_kexec_unload", 2)  // xen/include/public/kexec.h:102
        Op("KEXEC_CMD_kexec_get_range", 3)  // xen/include/public/kexec.h:119
      }
      In("4.4", source: "RELEASE-4.4.0") {
        // The v1 ops keep 1 and 2 under new names; the names KEXEC_CMD_kexec_load / unload move to 4 / 5
        // for __XEN_INTERFACE_VERSION__ >= 0x00040400. Older interface versions keep the old meaning
        // through the alias KEXEC_CMD_kexec_load = KEXEC_CMD_kexec_load_v1 (Headers.swift).
        Renamed("KEXEC_CMD_kexec_load", to: "KEXEC_CMD_kexec_load_v1")  // xen/include/public/kexec.h:133
        Renamed("KEXEC_CMD_kexec_unload", to: "KEXEC_CMD_kexec_unload_v1")  // xen/include/public/kexec.h:134
        // xen/include/public/kexec.h:205
        Op("KEXEC_CMD_kexec_load", 4, guardedBy: "__XEN_INTERFACE_VERSION__ >= 0x00040400")
        // xen/include/public/kexec.h:224
        Op("KEXEC_CMD_kexec_unload", 5, guardedBy: "__XEN_INTERFACE_VERSION__ >= 0x00040400")
      }
      In("4.9", source: "RELEASE-4.9.0") {
        // Any op re-executes unchanged while KEXEC_FLAG_IN_HYPERCALL is held ("lh": op, arg).
        // xen/include/public/kexec.h:238
        Op(
          "KEXEC_CMD_kexec_status", 6, guardedBy: "__XEN_INTERFACE_VERSION__ >= 0x00040400",
          continues: .reexecuteUnchanged)
        Continues("KEXEC_CMD_kexec", .reexecuteUnchanged)
        Continues("KEXEC_CMD_kexec_load_v1", .reexecuteUnchanged)
        Continues("KEXEC_CMD_kexec_unload_v1", .reexecuteUnchanged)
        Continues("KEXEC_CMD_kexec_get_range", .reexecuteUnchanged)
        Continues("KEXEC_CMD_kexec_load", .reexecuteUnchanged)
        Continues("KEXEC_CMD_kexec_unload", .reexecuteUnchanged)
      }
      In("master", source: "master") {
        // "xen/kexec: Drop the obsolete v1 hypercall implementation": the v1 ops and the interface-version
        // guards are gone at master (see the accepted break kexec-v1-dropped).
        Withdrawn("KEXEC_CMD_kexec_load_v1", source: "7702e782f3")
        Withdrawn("KEXEC_CMD_kexec_unload_v1", source: "7702e782f3")
        Guarded("KEXEC_CMD_kexec_load", by: nil)
        Guarded("KEXEC_CMD_kexec_unload", by: nil)
        Guarded("KEXEC_CMD_kexec_status", by: nil)
      }
    }
  }
}
