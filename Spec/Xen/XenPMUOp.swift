import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_xenpmu_op` (40, from 4.6): `do_xenpmu_op(unsigned int op, arg)`, the op in argument 0
  /// (facts-v2 carrier `register`). Source: xen/include/public/pmu.h at each release tag.
  static var xenpmuOp: Multiplexed {
    Multiplexed("xenpmu_op", argument: ArgumentSlot(index: 0, name: "op", type: .unsignedInt)) {
      In("4.6", source: "RELEASE-4.6.0") {
        WholeRegisterIsOp()
        Op("XENPMU_mode_get", 0)  // xen/include/public/pmu.h:46
        Op("XENPMU_mode_set", 1)  // xen/include/public/pmu.h:47
        Op("XENPMU_feature_get", 2)  // xen/include/public/pmu.h:48
        Op("XENPMU_feature_set", 3)  // xen/include/public/pmu.h:49
        Op("XENPMU_init", 4)  // xen/include/public/pmu.h:50
        Op("XENPMU_finish", 5)  // xen/include/public/pmu.h:51
        Op("XENPMU_lvtpc_set", 6)  // xen/include/public/pmu.h:52
        Op("XENPMU_flush", 7)  // xen/include/public/pmu.h:53
      }
    }
  }
}
