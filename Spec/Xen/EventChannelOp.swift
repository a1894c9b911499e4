import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_event_channel_op` (32 from 3.0.3): `do_event_channel_op(int cmd, arg)`, the
  /// sub-op in argument 0 (facts-v2: carrier `register`, 3.0.3-master). In 3.0.0 and 3.0.2 the
  /// hypercall of that name is 16, which reads `struct evtchn_op.cmd` (uint32_t) in guest memory
  /// through argument 0; from 3.0.3 that is `event_channel_op_compat` (facts-v2 carrier `struct`),
  /// which copies the structure and calls `do_event_channel_op(op.cmd, ...)`. Source:
  /// xen/include/public/event_channel.h, xen/common/event_channel.c and xen/arch/x86/compat.c at
  /// each release tag.
  @SpecBuilder static var eventChannelOp: [SpecDeclaration] {
    // `int cmd`: signed 32 bits. Every op number is small and positive, so a value with bit 31 set
    // is negative and matches no case, as it reads unsigned: modelled as a 32-bit unsigned op.
    Multiplexed(
      "event_channel_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)
    ) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        // Hypercall 16 reads the op from struct evtchn_op.cmd (uint32_t) in guest memory, arg0 uop.
        OpArgument(ArgumentSlot(index: 0, name: "cmd", type: .guestField32))
        // Its ops are, across releases, those of event_channel_op_compat, not of the later 32.
        OpLineage("event_channel_op_compat")
        WholeRegisterIsOp()
        Op("EVTCHNOP_bind_interdomain", 0)  // xen/include/public/event_channel.h:39
        Op("EVTCHNOP_bind_virq", 1)  // xen/include/public/event_channel.h:56
        Op("EVTCHNOP_bind_pirq", 2)  // xen/include/public/event_channel.h:71
        Op("EVTCHNOP_close", 3)  // xen/include/public/event_channel.h:99
        Op("EVTCHNOP_send", 4)  // xen/include/public/event_channel.h:109
        Op("EVTCHNOP_status", 5)  // xen/include/public/event_channel.h:123
        Op("EVTCHNOP_alloc_unbound", 6)  // xen/include/public/event_channel.h:22
        Op("EVTCHNOP_bind_ipi", 7)  // xen/include/public/event_channel.h:87
        Op("EVTCHNOP_bind_vcpu", 8)  // xen/include/public/event_channel.h:160
      }
      In("3.0.2", source: "3.0.2-branched") {
        Op("EVTCHNOP_unmask", 9)  // xen/include/public/event_channel.h:172
      }
      // 16 is renamed event_channel_op_compat and keeps the structure-borne table; the new
      // event_channel_op 32 reads `int cmd` from argument 0.
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
    // do_event_channel_op_compat forwards every op up to 4.9 (3.0.3-branched .. RELEASE-4.9.0
    // xen/arch/x86/compat.c); it gains ops as event_channel.h does.
    Multiplexed(
      "event_channel_op_compat", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)
    ) {
      In("3.1", source: "3.1.0-branched") {
        Op("EVTCHNOP_reset", 10)  // xen/include/public/event_channel.h:225
      }
      In("4.4", source: "RELEASE-4.4.0") {
        Op("EVTCHNOP_init_control", 11)  // xen/include/public/event_channel.h:74
        Op("EVTCHNOP_expand_array", 12)  // xen/include/public/event_channel.h:75
        Op("EVTCHNOP_set_priority", 13)  // xen/include/public/event_channel.h:76
      }
      // "x86/evtchn: Restrict the ops usable in do_event_channel_op_compat()": from 4.10 the compat
      // handler forwards EVTCHNOP_bind_interdomain .. EVTCHNOP_unmask (0 .. 9) only and answers every
      // other op with -ENOSYS (RELEASE-4.10.0 xen/arch/x86/compat.c). EVTCHNOP_reset_cont (4.15) is
      // never reachable through it.
      In("4.10", source: "RELEASE-4.10.0") {
        Withdrawn("EVTCHNOP_reset", source: "ab48596654")
        Withdrawn("EVTCHNOP_init_control", source: "ab48596654")
        Withdrawn("EVTCHNOP_expand_array", source: "ab48596654")
        Withdrawn("EVTCHNOP_set_priority", source: "ab48596654")
      }
    }
  }
}
