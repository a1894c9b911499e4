import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_mca` (= `__HYPERVISOR_arch_0`, 48, from 3.3; the spec's hypercall table calls it
  /// `arch_0`, and `__HYPERVISOR_mca` is its alias in Headers.swift): `do_mca(XEN_GUEST_HANDLE(xen_mc_t)
  /// u_xen_mc)`, the op is `struct xen_mc.cmd` (uint32_t, with `interface_version`) in guest memory,
  /// argument 0 (facts-v2 family `mca`, carrier `struct`). Source:
  /// xen/include/public/arch-x86/xen-mca.h at each release tag.
  ///
  /// Not expressible: the table is x86 only (facts-v2 flag `a=x86_32,x86_64` from 4.2, when the Arm
  /// ABIs were first preprocessed; the handler is x86's), while `arch_0` is defined for every guest ABI
  /// and the model's sub-op table belongs to all of them.
  static var mca: Multiplexed {
    Multiplexed("arch_0", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)) {
      In("3.3", source: "3.3.0-rc7") {
        RequiresInterfaceVersion("XEN_MCA_INTERFACE_VERSION", 0x3000001)  // xen/include/public/arch-x86/xen-mca.h:59
        WholeRegisterIsOp()
        Op("XEN_MC_fetch", 1)  // xen/include/public/arch-x86/xen-mca.h:228
        Op("XEN_MC_notifydomain", 2)  // xen/include/public/arch-x86/xen-mca.h:247
      }
      In("3.4", source: "3.4.0-rc3") {
        RequiresInterfaceVersion("XEN_MCA_INTERFACE_VERSION", 0x1ecc003)  // xen/include/public/arch-x86/xen-mca.h:65
        Op("XEN_MC_physcpuinfo", 3)  // xen/include/public/arch-x86/xen-mca.h:378
        Op("XEN_MC_msrinject", 4)  // xen/include/public/arch-x86/xen-mca.h:387
        Op("XEN_MC_mceinject", 5)  // xen/include/public/arch-x86/xen-mca.h:401
      }
      In("4.1", source: "RELEASE-4.1.0") {
        Op("XEN_MC_inject_v2", 6, toolsOnly: true)  // xen/include/public/arch-x86/xen-mca.h:408
      }
    }
  }
}
