import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_event_channel_op` (32 from 3.0.3): `do_event_channel_op(int cmd, arg)`, the
  /// sub-op in argument 0 (facts-v2: carrier `register`, 3.0.3-master). The older hypercall 16,
  /// `event_channel_op_compat`, carries `cmd` in `struct evtchn_op` in guest memory and is not
  /// modelled as a table yet. Source: xen/include/public/event_channel.h and
  /// xen/common/event_channel.c at each release tag.
  static var eventChannelOp: Multiplexed {
    // `int cmd`: signed 32 bits. Every op number is small and positive, so a value with bit 31 set
    // is negative and matches no case, as it reads unsigned: modelled as a 32-bit unsigned op.
    Multiplexed(
      "event_channel_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)
    ) {
      In("3.0.3", source: "3.0.3-branched") {
        // `switch ( cmd )` on the whole argument: there is no op mask.
        WholeRegisterIsOp()
        Op("EVTCHNOP_bind_interdomain", 0)
        Op("EVTCHNOP_bind_virq", 1)
        Op("EVTCHNOP_bind_pirq", 2)
        Op("EVTCHNOP_close", 3)
        Op("EVTCHNOP_send", 4)
        Op("EVTCHNOP_status", 5)
        Op("EVTCHNOP_alloc_unbound", 6)
        Op("EVTCHNOP_bind_ipi", 7)
        Op("EVTCHNOP_bind_vcpu", 8)
        Op("EVTCHNOP_unmask", 9)
      }
      In("3.1", source: "3.1.0-branched") {
        Op("EVTCHNOP_reset", 10)
      }
      In("4.4", source: "RELEASE-4.4.0") {
        Op("EVTCHNOP_init_control", 11)
        Op("EVTCHNOP_expand_array", 12)
        Op("EVTCHNOP_set_priority", 13)
      }
      // XSA-343, backported to 4.12.4, 4.13.2 and 4.14.1; 4.15.0 is the first x.y.0 with it.
      // EVTCHNOP_reset continues by re-issuing the call as EVTCHNOP_reset_cont, defined under
      // `#ifdef __XEN__` only; reset_cont re-issues itself (the same register: unchanged).
      In("4.15", source: "RELEASE-4.15.0") {
        Op("EVTCHNOP_reset_cont", 14, hypervisorInternal: true, continues: .reexecuteUnchanged)
        Continues("EVTCHNOP_reset", .rewritesOp(to: "EVTCHNOP_reset_cont"))
      }
    }
  }
}
