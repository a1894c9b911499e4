import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_xsm_op` (27, from 3.2) with the FLASK module: the op is `struct flask_op.cmd` (`int` in
  /// 3.2, uint32_t from 3.3; `struct xen_flask_op` with `interface_version` from 4.2) in guest memory,
  /// argument 0 (facts-v2 family `xsm_op.flask`, carrier `struct`). Source:
  /// xen/include/public/xsm/flask_op.h at each release tag.
  ///
  /// Not expressible: which table the number has depends on the XSM module the hypervisor is built with.
  /// From 3.2 to 4.1 the ACM module decodes `struct xen_acmctl.cmd` on the same hypercall (`ACMOP_*`,
  /// 1 .. 7, the facts' family `acm_op`), numbers that overlap FLASK's; the model holds one table per
  /// hypercall and takes FLASK's, the one that continues to master.
  static var xsmOp: Multiplexed {
    Multiplexed("xsm_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)) {
      In("3.2", source: "3.2.0-rc6") {
        WholeRegisterIsOp()
        Op("FLASK_LOAD", 1)  // xen/include/public/xsm/flask_op.h:14
        Op("FLASK_GETENFORCE", 2)  // xen/include/public/xsm/flask_op.h:15
        Op("FLASK_SETENFORCE", 3)  // xen/include/public/xsm/flask_op.h:16
        Op("FLASK_CONTEXT_TO_SID", 4)  // xen/include/public/xsm/flask_op.h:17
        Op("FLASK_SID_TO_CONTEXT", 5)  // xen/include/public/xsm/flask_op.h:18
        Op("FLASK_ACCESS", 6)  // xen/include/public/xsm/flask_op.h:19
        Op("FLASK_CREATE", 7)  // xen/include/public/xsm/flask_op.h:20
        Op("FLASK_RELABEL", 8)  // xen/include/public/xsm/flask_op.h:21
        Op("FLASK_USER", 9)  // xen/include/public/xsm/flask_op.h:22
        Op("FLASK_POLICYVERS", 10)  // xen/include/public/xsm/flask_op.h:23
        Op("FLASK_GETBOOL", 11)  // xen/include/public/xsm/flask_op.h:24
        Op("FLASK_SETBOOL", 12)  // xen/include/public/xsm/flask_op.h:25
        Op("FLASK_COMMITBOOLS", 13)  // xen/include/public/xsm/flask_op.h:26
        Op("FLASK_MLS", 14)  // xen/include/public/xsm/flask_op.h:27
        Op("FLASK_DISABLE", 15)  // xen/include/public/xsm/flask_op.h:28
        Op("FLASK_GETAVC_THRESHOLD", 16)  // xen/include/public/xsm/flask_op.h:29
        Op("FLASK_SETAVC_THRESHOLD", 17)  // xen/include/public/xsm/flask_op.h:30
        Op("FLASK_AVC_HASHSTATS", 18)  // xen/include/public/xsm/flask_op.h:31
        Op("FLASK_AVC_CACHESTATS", 19)  // xen/include/public/xsm/flask_op.h:32
        Op("FLASK_MEMBER", 20)  // xen/include/public/xsm/flask_op.h:33
      }
      In("4.0", source: "RELEASE-4.0.0") {
        Op("FLASK_ADD_OCONTEXT", 21)  // xen/include/public/xsm/flask_op.h:34
        Op("FLASK_DEL_OCONTEXT", 22)  // xen/include/public/xsm/flask_op.h:35
      }
      In("4.2", source: "RELEASE-4.2.0") {
        RequiresInterfaceVersion("XEN_FLASK_INTERFACE_VERSION", 0x1)  // xen/include/public/xsm/flask_op.h:28
        Op("FLASK_GET_PEER_SID", 23)  // xen/include/public/xsm/flask_op.h:169
      }
      In("4.3", source: "RELEASE-4.3.0") {
        Op("FLASK_RELABEL_DOMAIN", 24)  // xen/include/public/xsm/flask_op.h:176
      }
      In("4.6", source: "RELEASE-4.6.0") {
        Op("FLASK_DEVICETREE_LABEL", 25)  // xen/include/public/xsm/flask_op.h:186
      }
    }
  }
}
