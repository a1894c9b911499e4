import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_domctl` (36, from 3.0.3): `do_domctl(XEN_GUEST_HANDLE(xen_domctl_t) u_domctl)`, the op
  /// is `struct xen_domctl.cmd` (uint32_t) in guest memory, argument 0 (facts-v2 carrier `struct`). Every
  /// op is tools-only except the hypervisor-internal `XEN_DOMCTL_soft_reset_cont`. Source: facts-v2
  /// subops domctl (xen/include/public/domctl.h) and continuations (xen/common/domctl.c,
  /// xen/arch/x86/domctl.c, xen/arch/arm/domctl.c) at each release tag.
  ///
  /// A number whose name changed without the header keeping the old name (56 mem_event_op ->
  /// vm_event_op in 4.6, 78 psr_cat_op -> psr_alloc in 4.11) is read conservatively as a new op:
  /// withdrawn and defined again.
  ///
  /// The structure also carries `interface_version`, which must equal the running release's
  /// `XEN_DOMCTL_INTERFACE_VERSION` (xen/common/domctl.c, -EACCES otherwise): `RequiresInterfaceVersion`,
  /// its value per release from facts-v2 interface_versions. The `XEN_DOMCTL_shadow_op` sub-ops (`domctl.shadow_op`) are a nested table in
  /// `struct xen_domctl_shadow_op.op` (uint32_t, member `u.shadow_op` of the same structure).
  static var domctl: Multiplexed {
    Multiplexed("domctl", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)) {
      In("3.0.3", source: "3.0.3-branched") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x3)  // xen/include/public/domctl.h:19
        WholeRegisterIsOp()
        Op("XEN_DOMCTL_createdomain", 1, toolsOnly: true)  // xen/include/public/domctl.h:30
        Op("XEN_DOMCTL_destroydomain", 2, toolsOnly: true)  // xen/include/public/domctl.h:39
        Op("XEN_DOMCTL_pausedomain", 3, toolsOnly: true)  // xen/include/public/domctl.h:40
        Op("XEN_DOMCTL_unpausedomain", 4, toolsOnly: true)  // xen/include/public/domctl.h:41
        Op("XEN_DOMCTL_getdomaininfo", 5, toolsOnly: true)  // xen/include/public/domctl.h:43
        Op("XEN_DOMCTL_getmemlist", 6, toolsOnly: true)  // xen/include/public/domctl.h:70
        Op("XEN_DOMCTL_getpageframeinfo", 7, toolsOnly: true)  // xen/include/public/domctl.h:85
        Op("XEN_DOMCTL_getpageframeinfo2", 8, toolsOnly: true)  // xen/include/public/domctl.h:109
        Op("XEN_DOMCTL_setvcpuaffinity", 9, toolsOnly: true)  // xen/include/public/domctl.h:231
        // XEN_DOMCTL_SHADOW_OP_SET_ALLOCATION (a domctl.shadow_op sub-op) re-executes the call unchanged.
        // xen/include/public/domctl.h:123
        Op("XEN_DOMCTL_shadow_op", 10, toolsOnly: true, continues: .reexecuteUnchanged)
        Op("XEN_DOMCTL_max_mem", 11, toolsOnly: true)  // xen/include/public/domctl.h:196
        Op("XEN_DOMCTL_setvcpucontext", 12, toolsOnly: true)  // xen/include/public/domctl.h:205
        Op("XEN_DOMCTL_getvcpucontext", 13, toolsOnly: true)  // xen/include/public/domctl.h:206
        Op("XEN_DOMCTL_getvcpuinfo", 14, toolsOnly: true)  // xen/include/public/domctl.h:215
        Op("XEN_DOMCTL_max_vcpus", 15, toolsOnly: true)  // xen/include/public/domctl.h:241
        Op("XEN_DOMCTL_scheduler_op", 16, toolsOnly: true)  // xen/include/public/domctl.h:249
        Op("XEN_DOMCTL_setdomainhandle", 17, toolsOnly: true)  // xen/include/public/domctl.h:277
        Op("XEN_DOMCTL_setdebugging", 18, toolsOnly: true)  // xen/include/public/domctl.h:285
        Op("XEN_DOMCTL_irq_permission", 19, toolsOnly: true)  // xen/include/public/domctl.h:293
        Op("XEN_DOMCTL_iomem_permission", 20, toolsOnly: true)  // xen/include/public/domctl.h:302
        Op("XEN_DOMCTL_ioport_permission", 21, toolsOnly: true)  // xen/include/public/domctl.h:312
        Op("XEN_DOMCTL_hypercall_init", 22, toolsOnly: true)  // xen/include/public/domctl.h:321
        Op("XEN_DOMCTL_arch_setup", 23, toolsOnly: true)  // xen/include/public/domctl.h:328
        Op("XEN_DOMCTL_settimeoffset", 24, toolsOnly: true)  // xen/include/public/domctl.h:344
        Op("XEN_DOMCTL_getvcpuaffinity", 25, toolsOnly: true)  // xen/include/public/domctl.h:232
        // `struct xen_domctl_shadow_op.op` (domctl.h:179), every sub-op tools-only like its parent.
        // The op word is never rewritten: the continuations re-issue the structure as it is.
        Nested(
          "shadow_op", selectedBy: "XEN_DOMCTL_shadow_op", structure: "xen_domctl_shadow_op",
          word: ArgumentSlot(index: 0, name: "op", type: .guestField32), source: "3.0.3-branched"
        ) {
          WholeRegisterIsOp()
          UnusedBits(.rejected)
          Op("XEN_DOMCTL_SHADOW_OP_OFF", 0, toolsOnly: true)  // xen/include/public/domctl.h:126
          Op("XEN_DOMCTL_SHADOW_OP_ENABLE_TEST", 1, toolsOnly: true)  // xen/include/public/domctl.h:143
          Op("XEN_DOMCTL_SHADOW_OP_ENABLE_LOGDIRTY", 2, toolsOnly: true)  // xen/include/public/domctl.h:145
          Op("XEN_DOMCTL_SHADOW_OP_ENABLE_TRANSLATE", 3, toolsOnly: true)  // xen/include/public/domctl.h:147
          Op("XEN_DOMCTL_SHADOW_OP_CLEAN", 11, toolsOnly: true)  // xen/include/public/domctl.h:133
          Op("XEN_DOMCTL_SHADOW_OP_PEEK", 12, toolsOnly: true)  // xen/include/public/domctl.h:135
          Op("XEN_DOMCTL_SHADOW_OP_GET_ALLOCATION", 30, toolsOnly: true)  // xen/include/public/domctl.h:138
          Op("XEN_DOMCTL_SHADOW_OP_SET_ALLOCATION", 31, toolsOnly: true)  // xen/include/public/domctl.h:139
          Op("XEN_DOMCTL_SHADOW_OP_ENABLE", 32, toolsOnly: true)  // xen/include/public/domctl.h:129
        }
      }
      In("3.0.4", source: "3.0.4-branched") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x4)  // xen/include/public/domctl.h:37
        Op("XEN_DOMCTL_real_mode_area", 26, toolsOnly: true)  // xen/include/public/domctl.h:388
      }
      In("3.1", source: "3.1.0-branched") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x5)  // xen/include/public/domctl.h:37
        Op("XEN_DOMCTL_resumedomain", 27, toolsOnly: true)  // xen/include/public/domctl.h:64
        Op("XEN_DOMCTL_sendtrigger", 28, toolsOnly: true)  // xen/include/public/domctl.h:421
        Op("XEN_DOMCTL_gethvmcontext", 33, toolsOnly: true)  // xen/include/public/domctl.h:393
        Op("XEN_DOMCTL_sethvmcontext", 34, toolsOnly: true)  // xen/include/public/domctl.h:394
        Op("XEN_DOMCTL_set_address_size", 35, toolsOnly: true)  // xen/include/public/domctl.h:405
        Op("XEN_DOMCTL_get_address_size", 36, toolsOnly: true)  // xen/include/public/domctl.h:406
      }
      In("3.2", source: "3.2.0-rc6") {
        Op("XEN_DOMCTL_assign_device", 37, toolsOnly: true)  // xen/include/public/domctl.h:437
        Op("XEN_DOMCTL_bind_pt_irq", 38, toolsOnly: true)  // xen/include/public/domctl.h:447
        Op("XEN_DOMCTL_memory_mapping", 39, toolsOnly: true)  // xen/include/public/domctl.h:473
        Op("XEN_DOMCTL_ioport_mapping", 40, toolsOnly: true)  // xen/include/public/domctl.h:488
        Op("XEN_DOMCTL_pin_mem_cacheattr", 41, toolsOnly: true)  // xen/include/public/domctl.h:502
        Op("XEN_DOMCTL_set_ext_vcpucontext", 42, toolsOnly: true)  // xen/include/public/domctl.h:518
        Op("XEN_DOMCTL_get_ext_vcpucontext", 43, toolsOnly: true)  // xen/include/public/domctl.h:519
        Op("XEN_DOMCTL_set_opt_feature", 44, toolsOnly: true)  // xen/include/public/domctl.h:545
        Op("XEN_DOMCTL_test_assign_device", 45, toolsOnly: true)  // xen/include/public/domctl.h:438
      }
      In("3.3", source: "3.3.0-rc7") {
        Op("XEN_DOMCTL_subscribe", 29, toolsOnly: true)  // xen/include/public/domctl.h:603
        Op("XEN_DOMCTL_set_target", 46, toolsOnly: true)  // xen/include/public/domctl.h:582
        Op("XEN_DOMCTL_deassign_device", 47, toolsOnly: true)  // xen/include/public/domctl.h:444
        Op("XEN_DOMCTL_unbind_pt_irq", 48, toolsOnly: true)  // xen/include/public/domctl.h:464
        Op("XEN_DOMCTL_set_cpuid", 49, toolsOnly: true)  // xen/include/public/domctl.h:591
        Op("XEN_DOMCTL_get_device_group", 50, toolsOnly: true)  // xen/include/public/domctl.h:452
        Op("XEN_DOMCTL_set_machine_address_size", 51, toolsOnly: true)  // xen/include/public/domctl.h:614
        Op("XEN_DOMCTL_get_machine_address_size", 52, toolsOnly: true)  // xen/include/public/domctl.h:615
      }
      In("3.4", source: "3.4.0-rc3") {
        // Any op re-executes unchanged when domctl_lock is contended ("h": u_domctl).
        // xen/include/public/domctl.h:626
        Op("XEN_DOMCTL_suppress_spurious_page_faults", 53, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:628
        Op("XEN_DOMCTL_debug_op", 54, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:641
        Op("XEN_DOMCTL_gethvmcontext_partial", 55, toolsOnly: true, continues: .reexecuteUnchanged)
        Continues("XEN_DOMCTL_createdomain", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_destroydomain", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_pausedomain", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_unpausedomain", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_getdomaininfo", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_getmemlist", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_getpageframeinfo", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_getpageframeinfo2", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_setvcpuaffinity", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_shadow_op", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_max_mem", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_setvcpucontext", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_getvcpucontext", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_getvcpuinfo", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_max_vcpus", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_scheduler_op", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_setdomainhandle", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_setdebugging", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_irq_permission", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_iomem_permission", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_ioport_permission", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_hypercall_init", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_arch_setup", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_settimeoffset", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_getvcpuaffinity", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_real_mode_area", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_resumedomain", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_sendtrigger", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_subscribe", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_gethvmcontext", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_sethvmcontext", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_set_address_size", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_get_address_size", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_assign_device", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_bind_pt_irq", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_memory_mapping", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_ioport_mapping", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_pin_mem_cacheattr", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_set_ext_vcpucontext", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_get_ext_vcpucontext", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_set_opt_feature", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_test_assign_device", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_set_target", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_deassign_device", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_unbind_pt_irq", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_set_cpuid", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_get_device_group", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_set_machine_address_size", .reexecuteUnchanged)
        Continues("XEN_DOMCTL_get_machine_address_size", .reexecuteUnchanged)
      }
      In("4.0", source: "RELEASE-4.0.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x6)  // xen/include/public/domctl.h:38
        // xen/include/public/domctl.h:839
        Op("XEN_DOMCTL_mem_event_op", 56, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:840
        Op("XEN_DOMCTL_mem_sharing_op", 57, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:841
        Op("XEN_DOMCTL_disable_migrate", 58, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:842
        Op("XEN_DOMCTL_gettscinfo", 59, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:843
        Op("XEN_DOMCTL_settscinfo", 60, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:844
        Op("XEN_DOMCTL_getpageframeinfo3", 61, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:845
        Op("XEN_DOMCTL_gdbsx_guestmemio", 1000, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:846
        Op("XEN_DOMCTL_gdbsx_pausevcpu", 1001, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:847
        Op("XEN_DOMCTL_gdbsx_unpausevcpu", 1002, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:848
        Op("XEN_DOMCTL_gdbsx_domstatus", 1003, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.1", source: "RELEASE-4.1.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x7)  // xen/include/public/domctl.h:38
        // xen/include/public/domctl.h:893
        Op("XEN_DOMCTL_setvcpuextstate", 62, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:894
        Op("XEN_DOMCTL_getvcpuextstate", 63, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:895
        Op("XEN_DOMCTL_set_access_required", 64, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.2", source: "RELEASE-4.2.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x8)  // xen/include/public/domctl.h:38
        // xen/include/public/domctl.h:915
        Op("XEN_DOMCTL_audit_p2m", 65, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:916
        Op("XEN_DOMCTL_set_virq_handler", 66, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.3", source: "RELEASE-4.3.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x9)  // xen/include/public/domctl.h:39
        // xen/include/public/domctl.h:920
        Op("XEN_DOMCTL_set_broken_page_p2m", 67, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:921
        Op("XEN_DOMCTL_setnodeaffinity", 68, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:922
        Op("XEN_DOMCTL_getnodeaffinity", 69, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.4", source: "RELEASE-4.4.0") {
        // xen/include/public/domctl.h:967
        Op("XEN_DOMCTL_set_max_evtchn", 70, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:968
        Op("XEN_DOMCTL_cacheflush", 71, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.5", source: "RELEASE-4.5.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0xa)  // xen/include/public/domctl.h:40
        // XEN_DOMCTL_shadow_op's log-dirty OFF/CLEAN/PEEK continue by re-issuing the call as
        // __HYPERVISOR_arch_1 (49), which x86 dispatches to the paging continuation
        // (xen/arch/x86/domctl.c:68, xen/arch/x86/mm/paging.c:771 @ RELEASE-4.5.0; facts-v2
        // `hypercall_rewrite`, first in 4.3.4; from 4.17 the hypervisor-private name is
        // __HYPERVISOR_paging_domctl_cont = __HYPERVISOR_arch_1). x86 only; on ARM the op keeps the
        // domctl_lock retry every domctl op has.
        Continues(
          "XEN_DOMCTL_shadow_op", .combining(.reexecuteUnchanged, .switchesHypercall(to: "arch_1")), on: ["x86"])
        // xen/include/public/domctl.h:1068
        Op("XEN_DOMCTL_get_vcpu_msrs", 72, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:1069
        Op("XEN_DOMCTL_set_vcpu_msrs", 73, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:1070
        Op("XEN_DOMCTL_setvnumainfo", 74, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:1071
        Op("XEN_DOMCTL_psr_cmt_op", 75, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:1072
        Op("XEN_DOMCTL_arm_configure_domain", 76, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.6", source: "RELEASE-4.6.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0xb)  // xen/include/public/domctl.h:40
        Withdrawn("XEN_DOMCTL_getpageframeinfo")
        Withdrawn("XEN_DOMCTL_getpageframeinfo2")
        Withdrawn("XEN_DOMCTL_mem_event_op")
        Withdrawn("XEN_DOMCTL_arm_configure_domain")
        // xen/include/public/domctl.h:1120
        Op("XEN_DOMCTL_vm_event_op", 56, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:1140
        Op("XEN_DOMCTL_monitor_op", 77, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:1141
        Op("XEN_DOMCTL_psr_cat_op", 78, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.7", source: "RELEASE-4.7.0") {
        // xen/include/public/domctl.h:1213
        Op("XEN_DOMCTL_soft_reset", 79, toolsOnly: true, continues: .reexecuteUnchanged)
        Nested("shadow_op") {
          // No longer defined in domctl.h from 4.7 (facts-v2: last listed at RELEASE-4.6.0).
          Withdrawn("XEN_DOMCTL_SHADOW_OP_ENABLE_TRANSLATE")
        }
      }
      In("4.8", source: "RELEASE-4.8.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0xc)  // xen/include/public/domctl.h:40
      }
      In("4.9", source: "RELEASE-4.9.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0xd)  // xen/include/public/domctl.h:40
      }
      In("4.10", source: "RELEASE-4.10.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0xe)  // xen/include/public/domctl.h:41
        // xen/include/public/domctl.h:1185
        Op("XEN_DOMCTL_set_gnttab_limits", 80, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:1186
        Op("XEN_DOMCTL_vuart_op", 81, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.11", source: "RELEASE-4.11.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x10)  // xen/include/public/domctl.h:41
        Withdrawn("XEN_DOMCTL_getmemlist")
        Withdrawn("XEN_DOMCTL_pin_mem_cacheattr")
        Withdrawn("XEN_DOMCTL_psr_cat_op")
        // xen/include/public/domctl.h:1171
        Op("XEN_DOMCTL_psr_alloc", 78, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.12", source: "RELEASE-4.12.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x11)  // xen/include/public/domctl.h:41
        Withdrawn("XEN_DOMCTL_set_max_evtchn")
        Withdrawn("XEN_DOMCTL_set_gnttab_limits")
        // xen/include/public/domctl.h:1196
        Op("XEN_DOMCTL_get_cpu_policy", 82, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.13", source: "RELEASE-4.13.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x12)  // xen/include/public/domctl.h:41
        Withdrawn("XEN_DOMCTL_set_cpuid")
        Withdrawn("XEN_DOMCTL_set_machine_address_size")
        Withdrawn("XEN_DOMCTL_get_machine_address_size")
        Withdrawn("XEN_DOMCTL_suppress_spurious_page_faults")
        // xen/include/public/domctl.h:1211
        Op("XEN_DOMCTL_set_cpu_policy", 83, toolsOnly: true, continues: .reexecuteUnchanged)
        // The guest_struct part is xen/arch/x86/domctl.c's; ARM keeps the domctl_lock retry.
        Continues("XEN_DOMCTL_getpageframeinfo3", .combining(.guestStruct, .reexecuteUnchanged), on: ["x86"])
      }
      In("4.15", source: "RELEASE-4.15.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x13)  // xen/include/public/domctl.h:41
        // 23 was XEN_DOMCTL_arch_setup (tools-only) up to 4.14; XSA-343's soft-reset continuation (backported
        // to 4.12.4, 4.13.2 and 4.14.1; 4.15.0 is the first x.y.0 with it) reuses it as the hypervisor-internal
        // XEN_DOMCTL_soft_reset_cont: XEN_DOMCTL_soft_reset rewrites op->cmd in the guest structure and
        // re-issues "h"; soft_reset_cont re-issues itself (the same word: unchanged).
        Withdrawn("XEN_DOMCTL_arch_setup")
        Withdrawn("XEN_DOMCTL_disable_migrate")
        // xen/include/public/domctl.h:1197
        Op(
          "XEN_DOMCTL_soft_reset_cont", 23, hypervisorInternal: true,
          continues: .combining(.guestStruct, .reexecuteUnchanged))
        // xen/include/public/domctl.h:1255
        Op("XEN_DOMCTL_vmtrace_op", 84, toolsOnly: true, continues: .reexecuteUnchanged)
        Continues(
          "XEN_DOMCTL_soft_reset",
          .combining(.rewritesOp(to: "XEN_DOMCTL_soft_reset_cont"), .guestStruct, .reexecuteUnchanged))
      }
      In("4.16", source: "RELEASE-4.16.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x14)  // xen/include/public/domctl.h:41
      }
      In("4.17", source: "RELEASE-4.17.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x15)  // xen/include/public/domctl.h:24
        // xen/include/public/domctl.h:1279
        Op("XEN_DOMCTL_get_paging_mempool_size", 85, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:1280
        Op("XEN_DOMCTL_set_paging_mempool_size", 86, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.18", source: "RELEASE-4.18.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x16)  // xen/include/public/domctl.h:24
      }
      In("4.19", source: "RELEASE-4.19.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x17)  // xen/include/public/domctl.h:24
        // xen/include/public/domctl.h:1308
        Op("XEN_DOMCTL_dt_overlay", 87, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.20", source: "RELEASE-4.20.0") {
        // xen/include/public/domctl.h:1334
        Op("XEN_DOMCTL_gsi_permission", 88, toolsOnly: true, continues: .reexecuteUnchanged)
        // xen/include/public/domctl.h:1335
        Op("XEN_DOMCTL_set_llc_colors", 89, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.21", source: "RELEASE-4.21.0") {
        // xen/include/public/domctl.h:1370
        Op("XEN_DOMCTL_get_domain_state", 90, toolsOnly: true, continues: .reexecuteUnchanged)
      }
      In("4.22", source: "RELEASE-4.22.0") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x18)  // xen/include/public/domctl.h:35
      }
    }
  }
}
