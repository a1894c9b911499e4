import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_console_io` (18): `do_console_io(int cmd, count, buffer)` up to 4.12 and
  /// `do_console_io(unsigned int cmd, ...)` from 4.13 (facts-v2 carrier `register`, arg0); both read as a
  /// 32-bit unsigned op. Source: facts-v2 subops console_io (xen/include/public/xen.h) and continuations
  /// (xen/drivers/char/console.c) at each release tag.
  ///
  /// `CONSOLEIO_write` continues by re-issuing `"iih"` with the handle advanced and the count reduced
  /// (facts-v2 kind `handle_and_count`; at 3.0.0 through `hypercall3_create_continuation`).
  static var consoleIO: Multiplexed {
    // `int cmd`: signed 32 bits. Every op number is small and positive, so a value with bit 31 set
    // is negative and matches no case, as it reads unsigned: modelled as a 32-bit unsigned op.
    Multiplexed("console_io", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        WholeRegisterIsOp()
        Op("CONSOLEIO_write", 0, continues: .handleAndCount)  // xen/include/public/xen.h:201
        Op("CONSOLEIO_read", 1)  // xen/include/public/xen.h:202
      }
    }
  }
}
