import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_sched_op`: `do_sched_op(int cmd, arg)` at 6 in 3.0.0; from 3.0.2 the new
  /// `do_sched_op(int cmd, XEN_GUEST_HANDLE(void) arg)` at 29, and 6 is `sched_op_compat`
  /// (`do_sched_op_compat(int cmd, unsigned long arg)`), the op in argument 0 for both (facts-v2 family
  /// `sched_op`, carrier `register`). Source: xen/include/public/sched.h at each release tag.
  ///
  /// `sched_op_compat` keeps 3.0.0's table and never gains an op: its handler switches on `SCHEDOP_yield`,
  /// `SCHEDOP_block` and `SCHEDOP_shutdown` only and answers every other number with -ENOSYS (read at
  /// 3.0.2-branched, 3.0.3-branched, 3.1.0-branched, RELEASE-4.0.0 and RELEASE-4.4.0 xen/common/schedule.c
  /// and master xen/arch/x86/compat.c), although sched.h defines the later ops for every carrier.
  static var schedOp: Multiplexed {
    // `int cmd`: signed 32 bits. Every op number is small and positive, so a value with bit 31 set
    // is negative and matches no case, as it reads unsigned: modelled as a 32-bit unsigned op.
    Multiplexed("sched_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        // Its ops are, across releases, those of sched_op_compat, not of the later 29.
        OpLineage("sched_op_compat")
        WholeRegisterIsOp()
        Op("SCHEDOP_yield", 0)  // xen/include/public/sched.h:23
        Op("SCHEDOP_block", 1)  // xen/include/public/sched.h:32
        Op("SCHEDOP_shutdown", 2)  // xen/include/public/sched.h:38
      }
      In("3.0.2", source: "3.0.2-branched") {
        // 6 is renamed sched_op_compat and keeps this table; the new sched_op 29 starts its own.
        WholeRegisterIsOp()
        Op("SCHEDOP_yield", 0)  // xen/include/public/sched.h:33
        Op("SCHEDOP_block", 1)  // xen/include/public/sched.h:42
        Op("SCHEDOP_shutdown", 2)  // xen/include/public/sched.h:48
        Op("SCHEDOP_poll", 3)  // xen/include/public/sched.h:59
      }
      In("3.0.3", source: "3.0.3-branched") {
        Op("SCHEDOP_remote_shutdown", 4)  // xen/include/public/sched.h:75
      }
      In("4.1", source: "RELEASE-4.1.0") {
        Op("SCHEDOP_shutdown_code", 5)  // xen/include/public/sched.h:106
        Op("SCHEDOP_watchdog", 6)  // xen/include/public/sched.h:116
      }
      In("4.7", source: "RELEASE-4.7.0") {
        Op("SCHEDOP_pin_override", 7)  // xen/include/public/sched.h:132
      }
    }
  }
}
