import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_vcpu_op` (24): `do_vcpu_op(int cmd, unsigned int vcpuid, arg)`, the op in argument 0
  /// (facts-v2 carrier `register`). Source: facts-v2 subops vcpu_op (xen/include/public/vcpu.h) and
  /// continuations (xen/common/domain.c, xen/arch/*/domain.c) at each release tag.
  ///
  /// Continuations re-issue the call unchanged (`"iih"`; `"iuh"` at one of the 4.6 .. 4.12 sites):
  /// `VCPUOP_initialise` from 4.3, `VCPUOP_register_vcpu_info` and the two `*_phys_area` ops from 4.18.
  static var vcpuOp: Multiplexed {
    // `int cmd`: signed 32 bits. Every op number is small and positive, so a value with bit 31 set
    // is negative and matches no case, as it reads unsigned: modelled as a 32-bit unsigned op.
    Multiplexed("vcpu_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        WholeRegisterIsOp()
        Op("VCPUOP_initialise", 0)  // xen/include/public/vcpu.h:27
        Op("VCPUOP_up", 1)  // xen/include/public/vcpu.h:33
        Op("VCPUOP_down", 2)  // xen/include/public/vcpu.h:49
        Op("VCPUOP_is_up", 3)  // xen/include/public/vcpu.h:52
      }
      In("3.0.2", source: "3.0.2-branched") {
        Op("VCPUOP_get_runstate_info", 4)  // xen/include/public/vcpu.h:58
        Op("VCPUOP_register_runstate_memory_area", 5)  // xen/include/public/vcpu.h:101
      }
      In("3.1", source: "3.1.0-branched") {
        Op("VCPUOP_set_periodic_timer", 6)  // xen/include/public/vcpu.h:138
        Op("VCPUOP_stop_periodic_timer", 7)  // xen/include/public/vcpu.h:139
        Op("VCPUOP_set_singleshot_timer", 8)  // xen/include/public/vcpu.h:150
        Op("VCPUOP_stop_singleshot_timer", 9)  // xen/include/public/vcpu.h:151
        Op("VCPUOP_register_vcpu_info", 10)  // xen/include/public/vcpu.h:174
      }
      In("3.2", source: "3.2.0-rc6") {
        Op("VCPUOP_send_nmi", 11)  // xen/include/public/vcpu.h:183
      }
      In("3.3", source: "3.3.0-rc7") {
        Op("VCPUOP_get_physid", 12)  // xen/include/public/vcpu.h:192
      }
      In("4.0", source: "RELEASE-4.0.0") {
        Op("VCPUOP_register_vcpu_time_memory_area", 13)  // xen/include/public/vcpu.h:221
      }
      In("4.3", source: "RELEASE-4.3.0") {
        Continues("VCPUOP_initialise", .reexecuteUnchanged)
      }
      In("4.18", source: "RELEASE-4.18.0") {
        Op("VCPUOP_register_runstate_phys_area", 14, continues: .reexecuteUnchanged)  // xen/include/public/vcpu.h:243
        Op("VCPUOP_register_vcpu_time_phys_area", 15)  // xen/include/public/vcpu.h:244
        // Only xen/arch/x86/domain.c do_vcpu_op re-executes it (facts-v2 arch x86).
        Continues("VCPUOP_register_vcpu_time_phys_area", .reexecuteUnchanged, on: ["x86"])
        Continues("VCPUOP_register_vcpu_info", .reexecuteUnchanged)
      }
    }
  }
}
