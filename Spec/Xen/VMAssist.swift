import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_vm_assist` (21): `do_vm_assist(unsigned int cmd, unsigned int type)`, the op in
  /// argument 0 (facts-v2 family `vm_assist.cmd`, carrier `register`) and the assist type in
  /// argument 1 (`vm_assist.type`, carrier `register`, decoded for every `cmd`): a nested table of
  /// its own. Source: xen/include/public/xen.h at each release tag.
  static var vmAssist: Multiplexed {
    Multiplexed("vm_assist", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        WholeRegisterIsOp()
        Op("VMASST_CMD_enable", 0)  // xen/include/public/xen.h:207
        Op("VMASST_CMD_disable", 1)  // xen/include/public/xen.h:208
        // The facts give no mask for the type: the whole 32-bit argument is read as the type.
        Nested("type", alwaysIn: ArgumentSlot(index: 1, name: "type", type: .unsignedInt), source: "RELEASE-3.0.0") {
          WholeRegisterIsOp()
          UnusedBits(.rejected)
          Op("VMASST_TYPE_4gb_segments", 0)  // xen/include/public/xen.h:209
          Op("VMASST_TYPE_4gb_segments_notify", 1)  // xen/include/public/xen.h:210
          Op("VMASST_TYPE_writable_pagetables", 2)  // xen/include/public/xen.h:211
        }
      }
      In("3.0.3", source: "3.0.3-branched") {
        Nested("type") {
          Op("VMASST_TYPE_pae_extended_cr3", 3)  // xen/include/public/xen.h:275
        }
      }
      In("4.6", source: "RELEASE-4.6.0") {
        Nested("type") {
          Op("VMASST_TYPE_m2p_strict", 32)  // xen/include/public/xen.h:501
        }
      }
      In("4.7", source: "RELEASE-4.7.0") {
        Nested("type") {
          Op("VMASST_TYPE_architectural_iopl", 4)  // xen/include/public/xen.h:510
        }
      }
      In("4.8", source: "RELEASE-4.8.0") {
        Nested("type") {
          Op("VMASST_TYPE_runstate_update_flag", 5)  // xen/include/public/xen.h:522
        }
      }
    }
  }
}
