import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_platform_op` (7, from 3.0.3): `do_platform_op(XEN_GUEST_HANDLE(xen_platform_op_t)
  /// u_xenpf_op)`, the op is `struct xen_platform_op.cmd` (uint32_t) in guest memory, argument 0
  /// (facts-v2 carrier `struct`). Source: facts-v2 subops platform_op (xen/include/public/platform.h)
  /// and continuations (xen/arch/x86/platform_hypercall.c, xen/arch/arm/platform_hypercall.c).
  ///
  /// The structure also carries `interface_version`, which the handler requires to be
  /// `XENPF_INTERFACE_VERSION` of the running release (-EACCES otherwise): `RequiresInterfaceVersion`
  /// (0x03000001 at every release, so it never refuses).
  ///
  /// Not expressible: the variant `XENPF_settime = XENPF_settime32` for guests of
  /// `__XEN_INTERFACE_VERSION__ < 0x00040600` (one alias per name and release). The legacy `DOM0_*`
  /// names of dom0_ops.h (`DOM0_SETTIME` = `XENPF_settime`, ..., `DOM0_MSR` 15 and
  /// `DOM0_PHYSICAL_MEMORY_MAP` 40 without a platform_op op), which that header defines only for guests
  /// without `__XEN_INTERFACE_VERSION__` and which have no guard the model could state.
  static var platformOp: Multiplexed {
    Multiplexed("platform_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)) {
      In("3.0.3", source: "3.0.3-branched") {
        RequiresInterfaceVersion("XENPF_INTERFACE_VERSION", 0x3000001)  // xen/include/public/platform.h:14
        WholeRegisterIsOp()
        Op("XENPF_settime", 17)  // xen/include/public/platform.h:20
        Op("XENPF_add_memtype", 31)  // xen/include/public/platform.h:37
        Op("XENPF_del_memtype", 32)  // xen/include/public/platform.h:57
        Op("XENPF_read_memtype", 33)  // xen/include/public/platform.h:67
        Op("XENPF_microcode_update", 35)  // xen/include/public/platform.h:79
        Op("XENPF_platform_quirk", 39)  // xen/include/public/platform.h:88
      }
      In("3.2", source: "3.2.0-rc6") {
        Op("XENPF_firmware_info", 50)  // xen/include/public/platform.h:117
        Op("XENPF_enter_acpi_sleep", 51)  // xen/include/public/platform.h:156
        Op("XENPF_change_freq", 52)  // xen/include/public/platform.h:167
        Op("XENPF_getidletime", 53)  // xen/include/public/platform.h:185
      }
      In("3.3", source: "3.3.0-rc7") {
        Op("XENPF_set_processor_pminfo", 54)  // xen/include/public/platform.h:202
      }
      In("4.0", source: "RELEASE-4.0.0") {
        // Any op re-executes unchanged when xenpf_lock is contended ("h": u_xenpf_op).
        Op("XENPF_get_cpuinfo", 55, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:315
        Op("XENPF_cpu_online", 56, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:332
        Op("XENPF_cpu_offline", 57, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:333
        Op("XENPF_cpu_hotadd", 58, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:341
        Op("XENPF_mem_hotadd", 59, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:349
        Continues("XENPF_settime", .reexecuteUnchanged)
        Continues("XENPF_add_memtype", .reexecuteUnchanged)
        Continues("XENPF_del_memtype", .reexecuteUnchanged)
        Continues("XENPF_read_memtype", .reexecuteUnchanged)
        Continues("XENPF_microcode_update", .reexecuteUnchanged)
        Continues("XENPF_platform_quirk", .reexecuteUnchanged)
        Continues("XENPF_firmware_info", .reexecuteUnchanged)
        Continues("XENPF_enter_acpi_sleep", .reexecuteUnchanged)
        Continues("XENPF_change_freq", .reexecuteUnchanged)
        Continues("XENPF_getidletime", .reexecuteUnchanged)
        Continues("XENPF_set_processor_pminfo", .reexecuteUnchanged)
      }
      In("4.2", source: "RELEASE-4.2.0") {
        Op("XENPF_get_cpu_version", 48, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:452
        Op("XENPF_efi_runtime_call", 49, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:117
        Op("XENPF_core_parking", 60, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:493
      }
      In("4.5", source: "RELEASE-4.5.0") {
        Op("XENPF_resource_op", 61, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:538
      }
      In("4.6", source: "RELEASE-4.6.0") {
        // XENPF_settime (17) is renamed XENPF_settime32; the old name now means XENPF_settime64 (62) for
        // __XEN_INTERFACE_VERSION__ >= 0x00040600 (alias in Headers.swift).
        Renamed("XENPF_settime", to: "XENPF_settime32")
        Op("XENPF_settime64", 62, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:45
        Op("XENPF_get_symbol", 63, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:593
      }
      In("4.18", source: "RELEASE-4.18.0") {
        Op("XENPF_get_dom0_console", 64, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:613
        Op("XENPF_get_ucode_revision", 65, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:617
      }
      In("4.20", source: "RELEASE-4.20.0") {
        Op("XENPF_microcode_update2", 66, continues: .reexecuteUnchanged)  // xen/include/public/platform.h:628
      }
    }
  }
}
