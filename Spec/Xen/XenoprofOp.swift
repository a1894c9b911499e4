import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_xenoprof_op` (31, from 3.0.3): `do_xenoprof_op(int op, arg)`, the op in argument 0
  /// (facts-v2 carrier `register`). From 4.22 there is no handler (xenoprof was dropped, 69e8aaf9cc): the
  /// number and xen/include/public/xenoprof.h stay, so the table stays as the header defines it; the model
  /// cannot say that the hypervisor answers every op with -ENOSYS there. Source:
  /// xen/include/public/xenoprof.h at each release tag.
  static var xenoprofOp: Multiplexed {
    // `int op`: signed 32 bits. Every op number is small and positive, so a value with bit 31 set
    // is negative and matches no case, as it reads unsigned: modelled as a 32-bit unsigned op.
    Multiplexed("xenoprof_op", argument: ArgumentSlot(index: 0, name: "op", type: .unsignedInt)) {
      In("3.0.3", source: "3.0.3-branched") {
        WholeRegisterIsOp()
        Op("XENOPROF_init", 0)  // xen/include/public/xenoprof.h:17
        Op("XENOPROF_reset_active_list", 1)  // xen/include/public/xenoprof.h:18
        Op("XENOPROF_reset_passive_list", 2)  // xen/include/public/xenoprof.h:19
        Op("XENOPROF_set_active", 3)  // xen/include/public/xenoprof.h:20
        Op("XENOPROF_set_passive", 4)  // xen/include/public/xenoprof.h:21
        Op("XENOPROF_reserve_counters", 5)  // xen/include/public/xenoprof.h:22
        Op("XENOPROF_counter", 6)  // xen/include/public/xenoprof.h:23
        Op("XENOPROF_setup_events", 7)  // xen/include/public/xenoprof.h:24
        Op("XENOPROF_enable_virq", 8)  // xen/include/public/xenoprof.h:25
        Op("XENOPROF_start", 9)  // xen/include/public/xenoprof.h:26
        Op("XENOPROF_stop", 10)  // xen/include/public/xenoprof.h:27
        Op("XENOPROF_disable_virq", 11)  // xen/include/public/xenoprof.h:28
        Op("XENOPROF_release_counters", 12)  // xen/include/public/xenoprof.h:29
        Op("XENOPROF_shutdown", 13)  // xen/include/public/xenoprof.h:30
        Op("XENOPROF_get_buffer", 14)  // xen/include/public/xenoprof.h:31
      }
      In("3.2", source: "3.2.0-rc6") {
        Op("XENOPROF_set_backtrace", 15)  // xen/include/public/xenoprof.h:52
      }
      In("4.1", source: "RELEASE-4.1.0") {
        Op("XENOPROF_get_ibs_caps", 16)  // xen/include/public/xenoprof.h:55
        Op("XENOPROF_ibs_counter", 17)  // xen/include/public/xenoprof.h:56
      }
    }
  }
}
