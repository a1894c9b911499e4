import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_sysctl` (35, from 3.0.3): `do_sysctl(XEN_GUEST_HANDLE(xen_sysctl_t) u_sysctl)`, the op
  /// is `struct xen_sysctl.cmd` (uint32_t) in guest memory, argument 0 (facts-v2 carrier `struct`). Every
  /// op is tools-only. Source: facts-v2 subops sysctl (xen/include/public/sysctl.h) and continuations
  /// (xen/common/sysctl.c) at each release tag.
  ///
  /// A number whose name changed without the header keeping the old name (16 topologyinfo ->
  /// cputopoinfo in 4.6, 20 coverage_op -> gcov_op -> coverage_op in 4.9 and 4.11, 23 psr_cat_op ->
  /// psr_alloc in 4.11) is read conservatively as a new op: withdrawn and defined again.
  ///
  /// The structure also carries `interface_version`, which must equal the running release's
  /// `XEN_SYSCTL_INTERFACE_VERSION` (xen/common/sysctl.c, -EACCES otherwise): `RequiresInterfaceVersion`,
  /// its value per release from facts-v2 interface_versions.
  static var sysctl: Multiplexed {
    Multiplexed("sysctl", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)) {
      In("3.0.3", source: "3.0.3-branched") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x2)  // xen/include/public/sysctl.h:19
        WholeRegisterIsOp()
        Op("XEN_SYSCTL_readconsole", 1, toolsOnly: true)  // xen/include/public/sysctl.h:24
        Op("XEN_SYSCTL_tbuf_op", 2, toolsOnly: true)  // xen/include/public/sysctl.h:36
        Op("XEN_SYSCTL_physinfo", 3, toolsOnly: true)  // xen/include/public/sysctl.h:59
        Op("XEN_SYSCTL_sched_id", 4, toolsOnly: true)  // xen/include/public/sysctl.h:77
        Op("XEN_SYSCTL_perfc_op", 5, toolsOnly: true)  // xen/include/public/sysctl.h:86
        Op("XEN_SYSCTL_getdomaininfolist", 6, toolsOnly: true)  // xen/include/public/sysctl.h:113
      }
      In("3.1", source: "3.1.0-branched") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x3)  // xen/include/public/sysctl.h:37
        Op("XEN_SYSCTL_debug_keys", 7, toolsOnly: true)  // xen/include/public/sysctl.h:146
      }
      In("3.2", source: "3.2.0-rc6") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x6)  // xen/include/public/sysctl.h:37
        Op("XEN_SYSCTL_getcpuinfo", 8, toolsOnly: true)  // xen/include/public/sysctl.h:181
        Op("XEN_SYSCTL_availheap", 9, toolsOnly: true)  // xen/include/public/sysctl.h:197
      }
      In("3.3", source: "3.3.0-rc7") {
        Op("XEN_SYSCTL_get_pmstat", 10, toolsOnly: true)  // xen/include/public/sysctl.h:216
      }
      In("3.4", source: "3.4.0-rc3") {
        Op("XEN_SYSCTL_cpu_hotplug", 11, toolsOnly: true)  // xen/include/public/sysctl.h:273
        Op("XEN_SYSCTL_pm_op", 12, toolsOnly: true)  // xen/include/public/sysctl.h:289
        Op("XEN_SYSCTL_page_offline_op", 14, toolsOnly: true)  // xen/include/public/sysctl.h:409
      }
      In("4.0", source: "RELEASE-4.0.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x7)  // xen/include/public/sysctl.h:37
        // Any op re-executes unchanged when sysctl_lock is contended ("h": u_sysctl).
        // xen/include/public/sysctl.h:462
        Op("XEN_SYSCTL_lockprof_op", 15, toolsOnly: true, continues: .reexecuteUnchanged)
        Continues("XEN_SYSCTL_readconsole", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_tbuf_op", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_physinfo", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_sched_id", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_perfc_op", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_getdomaininfolist", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_debug_keys", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_getcpuinfo", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_availheap", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_get_pmstat", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_cpu_hotplug", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_pm_op", .reexecuteUnchanged)
        Continues("XEN_SYSCTL_page_offline_op", .reexecuteUnchanged)
      }
      In("4.1", source: "RELEASE-4.1.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x8)  // xen/include/public/sysctl.h:37
        // xen/include/public/sysctl.h:597
        Op("XEN_SYSCTL_topologyinfo", 16, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/sysctl.h:598
        Op("XEN_SYSCTL_numainfo", 17, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/sysctl.h:599
        Op("XEN_SYSCTL_cpupool_op", 18, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/sysctl.h:600
        Op("XEN_SYSCTL_scheduler_op", 19, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.2", source: "RELEASE-4.2.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x9)  // xen/include/public/sysctl.h:37
      }
      In("4.3", source: "RELEASE-4.3.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0xa)  // xen/include/public/sysctl.h:37
        // xen/include/public/sysctl.h:656
        Op("XEN_SYSCTL_coverage_op", 20, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.5", source: "RELEASE-4.5.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0xb)  // xen/include/public/sysctl.h:37
        // xen/include/public/sysctl.h:679
        Op("XEN_SYSCTL_psr_cmt_op", 21, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.6", source: "RELEASE-4.6.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0xc)  // xen/include/public/sysctl.h:39
        Withdrawn("XEN_SYSCTL_topologyinfo")
        // xen/include/public/sysctl.h:783
        Op("XEN_SYSCTL_cputopoinfo", 16, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/sysctl.h:789
        Op("XEN_SYSCTL_pcitopoinfo", 22, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/sysctl.h:790
        Op("XEN_SYSCTL_psr_cat_op", 23, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/sysctl.h:791
        Op("XEN_SYSCTL_tmem_op", 24, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.7", source: "RELEASE-4.7.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0xd)  // xen/include/public/sysctl.h:39
        // xen/include/public/sysctl.h:1059
        Op("XEN_SYSCTL_get_cpu_levelling_caps", 25, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/sysctl.h:1060
        Op("XEN_SYSCTL_get_cpu_featureset", 26, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/sysctl.h:1061
        Op("XEN_SYSCTL_livepatch_op", 27, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.8", source: "RELEASE-4.8.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0xe)  // xen/include/public/sysctl.h:39
      }
      In("4.9", source: "RELEASE-4.9.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0xf)  // xen/include/public/sysctl.h:39
        Withdrawn("XEN_SYSCTL_coverage_op")
        // xen/include/public/sysctl.h:1118
        Op("XEN_SYSCTL_gcov_op", 20, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.10", source: "RELEASE-4.10.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x10)  // xen/include/public/sysctl.h:39
        // xen/include/public/sysctl.h:1076
        Op("XEN_SYSCTL_set_parameter", 28, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.11", source: "RELEASE-4.11.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x11)  // xen/include/public/sysctl.h:39
        Withdrawn("XEN_SYSCTL_gcov_op")
        Withdrawn("XEN_SYSCTL_psr_cat_op")
        // xen/include/public/sysctl.h:1086
        Op("XEN_SYSCTL_coverage_op", 20, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/sysctl.h:1089
        Op("XEN_SYSCTL_psr_alloc", 23, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.12", source: "RELEASE-4.12.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x12)  // xen/include/public/sysctl.h:39
        // xen/include/public/sysctl.h:1132
        Op("XEN_SYSCTL_get_cpu_policy", 29, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.13", source: "RELEASE-4.13.0") {
        Withdrawn("XEN_SYSCTL_tmem_op")
      }
      In("4.14", source: "RELEASE-4.14.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x13)  // xen/include/public/sysctl.h:38
        Withdrawn("XEN_SYSCTL_set_parameter")
      }
      In("4.16", source: "RELEASE-4.16.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x14)  // xen/include/public/sysctl.h:38
      }
      In("4.17", source: "RELEASE-4.17.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x15)  // xen/include/public/sysctl.h:21
      }
      In("4.18", source: "RELEASE-4.18.0") {
        // xen/include/public/sysctl.h:1237
        Op("XEN_SYSCTL_dt_overlay", 30, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.21", source: "RELEASE-4.21.0") {
        RequiresInterfaceVersion("XEN_SYSCTL_INTERFACE_VERSION", 0x16)  // xen/include/public/sysctl.h:31
      }
      In("4.22", source: "RELEASE-4.22.0") {
        Withdrawn("XEN_SYSCTL_get_cpu_levelling_caps")
      }
    }
  }
}
