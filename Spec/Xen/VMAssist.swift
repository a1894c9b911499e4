import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_vm_assist` (21): `do_vm_assist(unsigned int cmd, unsigned int type)`, the op in
  /// argument 0 (facts-v2 family `vm_assist.cmd`, carrier `register`). The assist type in argument 1
  /// (`vm_assist.type`) is a second table of the same hypercall, which the model (one table per
  /// hypercall) cannot hold; it is not modelled here. Source: xen/include/public/xen.h at each release tag.
  static var vmAssist: Multiplexed {
    Multiplexed("vm_assist", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        WholeRegisterIsOp()
        Op("VMASST_CMD_enable", 0)  // xen/include/public/xen.h:207
        Op("VMASST_CMD_disable", 1)  // xen/include/public/xen.h:208
      }
    }
  }
}
