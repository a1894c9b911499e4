import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_argo_op` (39, from 4.12): `do_argo_op(unsigned int cmd, arg1, arg2, arg3, arg4)`, the
  /// op in argument 0 (facts-v2 carrier `register`). Source: xen/include/public/argo.h at each release tag.
  static var argoOp: Multiplexed {
    Multiplexed("argo_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("4.12", source: "RELEASE-4.12.0") {
        WholeRegisterIsOp()
        Op("XEN_ARGO_OP_register_ring", 1)  // xen/include/public/argo.h:182
        Op("XEN_ARGO_OP_unregister_ring", 2)  // xen/include/public/argo.h:208
        Op("XEN_ARGO_OP_sendv", 3)  // xen/include/public/argo.h:234
        Op("XEN_ARGO_OP_notify", 4)  // xen/include/public/argo.h:265
      }
    }
  }
}
