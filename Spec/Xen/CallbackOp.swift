import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_callback_op` (30, from 3.0.3): `do_callback_op(int cmd, arg)`, the op in argument 0
  /// (facts-v2 carrier `register`), and the callback type (`callback_op.type`), a nested table in
  /// the `uint16_t type` of the structure argument 1 points to. Source:
  /// xen/include/public/callback.h at each release tag.
  static var callbackOp: Multiplexed {
    // `int cmd`: signed 32 bits. Every op number is small and positive, so a value with bit 31 set
    // is negative and matches no case, as it reads unsigned: modelled as a 32-bit unsigned op.
    Multiplexed("callback_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.0.3", source: "3.0.3-branched") {
        WholeRegisterIsOp()
        Op("CALLBACKOP_register", 0)  // xen/include/public/callback.h:41
        Op("CALLBACKOP_unregister", 1)  // xen/include/public/callback.h:56
        // `struct callback_register.type` (callback.h:43). CALLBACKOP_unregister reads the same
        // numbers from `struct callback_unregister.type`; the model names one parent op per nested
        // table, so the table is checked as CALLBACKOP_register's (facts-v2 `nested_in`).
        Nested(
          "type", selectedBy: "CALLBACKOP_register", structure: "callback_register",
          word: ArgumentSlot(index: 1, name: "type", type: .guestField16), source: "3.0.3-branched"
        ) {
          WholeRegisterIsOp()
          UnusedBits(.rejected)
          Op("CALLBACKTYPE_event", 0)  // xen/include/public/callback.h:21
          Op("CALLBACKTYPE_failsafe", 1)  // xen/include/public/callback.h:22
          Op("CALLBACKTYPE_syscall", 2)  // xen/include/public/callback.h:23
          Op("CALLBACKTYPE_sysenter", 3)  // xen/include/public/callback.h:28
          Op("CALLBACKTYPE_nmi", 4)  // xen/include/public/callback.h:29
        }
      }
      In("3.2", source: "3.2.0-rc6") {
        Nested("type") {
          // 3 keeps its callback under a new name (callback.h:52); CALLBACKTYPE_sysenter is a new
          // type at 5 (callback.h:65), and stays 3 (= sysenter_deprecated) for guests below interface
          // 0x00030207 (callback.h:108: a header alias, not an op of its own).
          Renamed("CALLBACKTYPE_sysenter", to: "CALLBACKTYPE_sysenter_deprecated")
          Op("CALLBACKTYPE_sysenter", 5)  // xen/include/public/callback.h:65
          Op("CALLBACKTYPE_syscall32", 7)  // xen/include/public/callback.h:71
        }
      }
    }
  }
}
