import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_dom0_op` (7, 3.0.0 and 3.0.2): `do_dom0_op(dom0_op_t *u_dom0_op)`, the op is `struct
  /// dom0_op.cmd` (uint32_t, with `interface_version`) in guest memory, argument 0 (facts-v2 family
  /// `dom0_op`, carrier `struct`). From 3.0.3 number 7 is `platform_op` (the accepted break
  /// hypercall-reuse-dom0_op). Source: xen/include/public/dom0_ops.h at each release tag.
  static var dom0Op: Multiplexed {
    Multiplexed("dom0_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        RequiresInterfaceVersion("DOM0_INTERFACE_VERSION", 0x3000000)  // xen/include/public/dom0_ops.h:22
        WholeRegisterIsOp()
        Op("DOM0_GETMEMLIST", 2)  // xen/include/public/dom0_ops.h:26
        Op("DOM0_SCHEDCTL", 6)  // xen/include/public/dom0_ops.h:36
        Op("DOM0_ADJUSTDOM", 7)  // xen/include/public/dom0_ops.h:40
        Op("DOM0_CREATEDOMAIN", 8)  // xen/include/public/dom0_ops.h:44
        Op("DOM0_DESTROYDOMAIN", 9)  // xen/include/public/dom0_ops.h:54
        Op("DOM0_PAUSEDOMAIN", 10)  // xen/include/public/dom0_ops.h:60
        Op("DOM0_UNPAUSEDOMAIN", 11)  // xen/include/public/dom0_ops.h:66
        Op("DOM0_GETDOMAININFO", 12)  // xen/include/public/dom0_ops.h:72
        Op("DOM0_SETDOMAININFO", 13)  // xen/include/public/dom0_ops.h:97
        Op("DOM0_MSR", 15)  // xen/include/public/dom0_ops.h:106
        Op("DOM0_SETTIME", 17)  // xen/include/public/dom0_ops.h:123
        Op("DOM0_GETPAGEFRAMEINFO", 18)  // xen/include/public/dom0_ops.h:131
        Op("DOM0_READCONSOLE", 19)  // xen/include/public/dom0_ops.h:154
        Op("DOM0_PINCPUDOMAIN", 20)  // xen/include/public/dom0_ops.h:166
        Op("DOM0_TBUFCONTROL", 21)  // xen/include/public/dom0_ops.h:175
        Op("DOM0_PHYSINFO", 22)  // xen/include/public/dom0_ops.h:196
        Op("DOM0_SCHED_ID", 24)  // xen/include/public/dom0_ops.h:211
        Op("DOM0_SHADOW_CONTROL", 25)  // xen/include/public/dom0_ops.h:220
        Op("DOM0_SETDOMAINMAXMEM", 28)  // xen/include/public/dom0_ops.h:250
        Op("DOM0_GETPAGEFRAMEINFO2", 29)  // xen/include/public/dom0_ops.h:257
        Op("DOM0_ADD_MEMTYPE", 31)  // xen/include/public/dom0_ops.h:273
        Op("DOM0_DEL_MEMTYPE", 32)  // xen/include/public/dom0_ops.h:291
        Op("DOM0_READ_MEMTYPE", 33)  // xen/include/public/dom0_ops.h:299
        Op("DOM0_PERFCCONTROL", 34)  // xen/include/public/dom0_ops.h:310
        Op("DOM0_MICROCODE", 35)  // xen/include/public/dom0_ops.h:327
        Op("DOM0_IOPORT_PERMISSION", 36)  // xen/include/public/dom0_ops.h:334
        Op("DOM0_GETVCPUCONTEXT", 37)  // xen/include/public/dom0_ops.h:342
        Op("DOM0_GETDOMAININFOLIST", 38)  // xen/include/public/dom0_ops.h:365
        Op("DOM0_PLATFORM_QUIRK", 39)  // xen/include/public/dom0_ops.h:375
        Op("DOM0_PHYSICAL_MEMORY_MAP", 40)  // xen/include/public/dom0_ops.h:382
        Op("DOM0_MAX_VCPUS", 41)  // xen/include/public/dom0_ops.h:395
        Op("DOM0_GETVCPUINFO", 43)  // xen/include/public/dom0_ops.h:351
        Op("DOM0_SETDOMAINHANDLE", 44)  // xen/include/public/dom0_ops.h:401
      }
      In("3.0.2", source: "3.0.2-branched") {
        // "Fix a couple of bogus dom0_op names": same numbers and structures (domain, vcpu, ctxt /
        // cpumap), new names (3.0.0 and 3.0.2 xen/include/public/dom0_ops.h).
        Renamed("DOM0_SETDOMAININFO", to: "DOM0_SETVCPUCONTEXT", source: "5becda0913")
        Renamed("DOM0_PINCPUDOMAIN", to: "DOM0_SETVCPUAFFINITY", source: "5becda0913")
        Op("DOM0_SETDEBUGGING", 45)  // xen/include/public/dom0_ops.h:443
        Op("DOM0_IRQ_PERMISSION", 46)  // xen/include/public/dom0_ops.h:450
        Op("DOM0_IOMEM_PERMISSION", 47)  // xen/include/public/dom0_ops.h:458
        Op("DOM0_HYPERCALL_INIT", 48)  // xen/include/public/dom0_ops.h:467
      }
    }
  }
}
