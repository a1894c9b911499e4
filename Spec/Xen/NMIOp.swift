import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_nmi_op` (28, from 3.0.2): `do_nmi_op(unsigned int cmd, arg)`, the op in argument 0
  /// (facts-v2 carrier `register`). Source: xen/include/public/nmi.h at each release tag.
  static var nmiOp: Multiplexed {
    Multiplexed("nmi_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.0.2", source: "3.0.2-branched") {
        WholeRegisterIsOp()
        Op("XENNMI_register_callback", 0)  // xen/include/public/nmi.h:36
        Op("XENNMI_unregister_callback", 1)  // xen/include/public/nmi.h:47
      }
    }
  }
}
