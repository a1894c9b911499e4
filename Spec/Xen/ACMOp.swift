import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_acm_op` (27, 3.0.0 .. 3.1): from 3.0.3 `do_acm_op(int cmd, arg)`, the op in argument 0
  /// (facts-v2 carrier `register`), read as a 32-bit unsigned op. Source: xen/include/public/acm_ops.h at
  /// each release tag.
  ///
  /// Not modelled: 3.0.0 and 3.0.2 read the op from `struct acm_op.cmd` in guest memory (with
  /// `interface_version`; `ACM_SETPOLICY` 4 .. `ACM_GETDECISION` 8). The op moved from the structure to
  /// the register on the same hypercall, and a table has one op word, so the model starts at 3.0.3.
  /// From 3.2 the number is `xsm_op`; the ACM module's `xen_acmctl.cmd` table there (3.2 .. 4.1) shares
  /// the hypercall with FLASK's and is not modelled (XSMOp.swift).
  static var acmOp: Multiplexed {
    Multiplexed("acm_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.0.3", source: "3.0.3-branched") {
        WholeRegisterIsOp()
        Op("ACMOP_setpolicy", 1)  // xen/include/public/acm_ops.h:31
        Op("ACMOP_getpolicy", 2)  // xen/include/public/acm_ops.h:40
        Op("ACMOP_dumpstats", 3)  // xen/include/public/acm_ops.h:49
        Op("ACMOP_getssid", 4)  // xen/include/public/acm_ops.h:58
        Op("ACMOP_getdecision", 5)  // xen/include/public/acm_ops.h:73
      }
      In("3.1", source: "3.1.0-branched") {
        Op("ACMOP_chgpolicy", 6)  // xen/include/public/acm_ops.h:111
        Op("ACMOP_relabeldoms", 7)  // xen/include/public/acm_ops.h:127
      }
    }
  }
}
