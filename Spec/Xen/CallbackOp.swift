import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_callback_op` (30, from 3.0.3): `do_callback_op(int cmd, arg)`, the op in argument 0
  /// (facts-v2 carrier `register`). The callback type (`callback_op.type`, a field of the argument
  /// structure) is a nested table, not modelled here. Source: xen/include/public/callback.h at each
  /// release tag.
  static var callbackOp: Multiplexed {
    // `int cmd`: signed 32 bits. Every op number is small and positive, so a value with bit 31 set
    // is negative and matches no case, as it reads unsigned: modelled as a 32-bit unsigned op.
    Multiplexed("callback_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.0.3", source: "3.0.3-branched") {
        WholeRegisterIsOp()
        Op("CALLBACKOP_register", 0)  // xen/include/public/callback.h:41
        Op("CALLBACKOP_unregister", 1)  // xen/include/public/callback.h:56
      }
    }
  }
}
