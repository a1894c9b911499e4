import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_xen_version` (17): `do_xen_version(int cmd, arg)`, the op in argument 0 (facts-v2
  /// carrier `register`). No continuation. Source: xen/include/public/version.h at each release tag.
  static var xenVersion: Multiplexed {
    // `int cmd`: signed 32 bits. Every op number is small and positive, so a value with bit 31 set
    // is negative and matches no case, as it reads unsigned: modelled as a 32-bit unsigned op.
    Multiplexed("xen_version", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        WholeRegisterIsOp()
        Op("XENVER_version", 0)  // xen/include/public/version.h:16
        Op("XENVER_extraversion", 1)  // xen/include/public/version.h:19
        Op("XENVER_compile_info", 2)  // xen/include/public/version.h:23
        Op("XENVER_capabilities", 3)  // xen/include/public/version.h:31
        Op("XENVER_changeset", 4)  // xen/include/public/version.h:34
        Op("XENVER_platform_parameters", 5)  // xen/include/public/version.h:37
      }
      In("3.0.2", source: "3.0.2-branched") {
        Op("XENVER_get_features", 6)  // xen/include/public/version.h:45
      }
      In("3.0.3", source: "3.0.3-branched") {
        Op("XENVER_pagesize", 7)  // xen/include/public/version.h:58
        Op("XENVER_guest_handle", 8)  // xen/include/public/version.h:61
      }
      In("4.0", source: "RELEASE-4.0.0") {
        Op("XENVER_commandline", 9)  // xen/include/public/version.h:81
      }
      In("4.7", source: "RELEASE-4.7.0") {
        Op("XENVER_build_id", 10)  // xen/include/public/version.h:95
      }
      In("4.20", source: "RELEASE-4.20.0") {
        Op("XENVER_extraversion2", 11)  // xen/include/public/version.h:170
        Op("XENVER_capabilities2", 12)  // xen/include/public/version.h:171
        Op("XENVER_changeset2", 13)  // xen/include/public/version.h:172
        Op("XENVER_commandline2", 14)  // xen/include/public/version.h:173
      }
    }
  }
}
