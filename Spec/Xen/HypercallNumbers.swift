import ABIDSL
import ABIModel

extension Xen {
  /// The `__HYPERVISOR_*` table of xen/include/public/xen.h, release by release.
  /// Guarded compatibility aliases (`#define __HYPERVISOR_sched_op __HYPERVISOR_sched_op_compat`
  /// for old interface versions) are not entries of their own. A reused number is a `Withdrawn`
  /// plus a new `Number`, so the new hypercall never passes for the old one; a moved name that
  /// keeps its number and meaning (sched_op 6 -> sched_op_compat) is a `Renamed`.
  static var hypercallNumbers: HypercallNumbers {
    HypercallNumbers {
      // The table is the header reading, for every number and release: a number is defined for a
      // guest ABI when the public headers that ABI's guests compile define it (facts-v2
      // `hypercalls`), whatever the hypervisor dispatches. In 3.0.0, xen.h:56-57 defines both
      // switch_vm86 and switch_to_user as 23 for every ABI; the x86_32 hypervisor dispatches 23 to
      // do_switch_vm86 and the x86_64 one to switch_to_user, and 25 (set_segment_base) to
      // do_ni_hypercall on x86_32 until 4.7 (x86_32/entry.S, x86_64/compat/entry.S). The model
      // keeps one hypercall per number: 23 is switch_vm86, and switch_to_user its second name
      // (an alias in Headers.swift).
      // 11 (2.0 set_fast_trap) is unused from 3.0 on; 12 was dom_mem_op in 2.0.x (RELEASE-2.0.6).
      In("3.0.0", source: "RELEASE-3.0.0") {
        Number("set_trap_table", 0)
        Number("mmu_update", 1)
        Number("set_gdt", 2)
        Number("stack_switch", 3)
        Number("set_callbacks", 4)
        Number("fpu_taskswitch", 5)
        Number("sched_op", 6)
        Number("dom0_op", 7)
        Number("set_debugreg", 8)
        Number("get_debugreg", 9)
        Number("update_descriptor", 10)
        Number("memory_op", 12)
        Number("multicall", 13)
        Number("update_va_mapping", 14)
        Number("set_timer_op", 15)
        Number("event_channel_op", 16)
        Number("xen_version", 17)
        Number("console_io", 18)
        Number("physdev_op", 19)
        Number("grant_table_op", 20)
        Number("vm_assist", 21)
        Number("update_va_mapping_otherdomain", 22)
        Number("switch_vm86", 23)
        Number("vcpu_op", 24)
        Number("set_segment_base", 25)
        Number("mmuext_op", 26)
        Number("acm_op", 27)
      }
      // sched_op 6 keeps its old argument ABI as sched_op_compat; the new sched_op is 29
      // (xen.h maps sched_op back to sched_op_compat for __XEN_INTERFACE_VERSION__ < 0x00030101).
      // 23 is reused: switch_vm86 / switch_to_user are withdrawn and iret takes the number.
      In("3.0.2", source: "3.0.2-branched") {
        Renamed("sched_op", to: "sched_op_compat")
        Withdrawn("switch_vm86")
        Number("iret", 23)
        Number("nmi_op", 28)
        Number("sched_op", 29)
      }
      // event_channel_op 16 / physdev_op 19 keep their old argument ABI as *_compat; the new ones
      // are 32 / 33 (aliased back for __XEN_INTERFACE_VERSION__ < 0x00030202).
      // 7 is reused: dom0_op -> platform_op (1df421476a). xen.h keeps dom0_op as an alias of
      // platform_op for __XEN_INTERFACE_VERSION__ < 0x00030204; guarded aliases are not entries.
      // arch_0 (48) is __HYPERVISOR_mca on x86; arch_1 (49) is the Xen-internal target of the
      // paging log-dirty continuation from 4.5 (070493dfd2), named paging_domctl_cont in 4.17.
      In("3.0.3", source: "3.0.3-branched") {
        Renamed("event_channel_op", to: "event_channel_op_compat")
        Renamed("physdev_op", to: "physdev_op_compat")
        Withdrawn("dom0_op")
        Number("platform_op", 7, source: "1df421476a")
        Number("callback_op", 30)
        Number("xenoprof_op", 31)
        Number("event_channel_op", 32)
        Number("physdev_op", 33)
        Number("hvm_op", 34)
        Number("sysctl", 35)
        Number("domctl", 36)
        Number("kexec_op", 37)
        Number("arch_0", 48)
        Number("arch_1", 49)
        Number("arch_2", 50)
        Number("arch_3", 51)
        Number("arch_4", 52)
        Number("arch_5", 53)
        Number("arch_6", 54)
        Number("arch_7", 55)
      }
      // 27 is reused: acm_op -> xsm_op (d046f361dc).
      In("3.2", source: "3.2.0-rc6") {
        Withdrawn("acm_op")
        Number("xsm_op", 27, source: "d046f361dc")
      }
      // tmem_op has no handler in the 4.17 generator table; the number stays defined.
      In("4.0", source: "RELEASE-4.0.0") {
        Number("tmem_op", 38)
      }
      // 39 is reserved for XenClient.
      In("4.2", source: "RELEASE-4.2.0") {
        Number("xc_reserved_op", 39)
      }
      In("4.6", source: "RELEASE-4.6.0") {
        Number("xenpmu_op", 40)
      }
      In("4.9", source: "RELEASE-4.9.0") {
        Number("dm_op", 41)
      }
      // 39 is reused: xc_reserved_op -> argo_op (1ddc0d43c2).
      In("4.12", source: "RELEASE-4.12.0") {
        Withdrawn("xc_reserved_op")
        Number("argo_op", 39, source: "1ddc0d43c2")
      }
      In("4.14", source: "RELEASE-4.14.0") {
        Number("hypfs_op", 42)
      }
      // master's xen.h marks xenoprof_op 31 "Dropped in Xen 4.22" (69e8aaf9cc); the number stays
      // defined, so it stays in the table.
    }
  }
}
