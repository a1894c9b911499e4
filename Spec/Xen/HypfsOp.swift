import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_hypfs_op` (42, from 4.14): `do_hypfs_op(unsigned int cmd, arg1, arg2, arg3, arg4)`,
  /// the op in argument 0 (facts-v2 carrier `register`). Source: xen/include/public/hypfs.h at each
  /// release tag.
  static var hypfsOp: Multiplexed {
    Multiplexed("hypfs_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("4.14", source: "RELEASE-4.14.0") {
        WholeRegisterIsOp()
        Op("XEN_HYPFS_OP_get_version", 0)  // xen/include/public/hypfs.h:80
        Op("XEN_HYPFS_OP_read", 1)  // xen/include/public/hypfs.h:107
        Op("XEN_HYPFS_OP_write_contents", 2)  // xen/include/public/hypfs.h:127
      }
    }
  }
}
