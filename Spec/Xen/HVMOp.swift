import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_hvm_op` (34): `do_hvm_op(unsigned long op, arg)`. Source:
  /// xen/include/public/hvm/hvm_op.h and xen/arch/x86/hvm/hvm.c at each release tag.
  ///
  /// The number and the table start in 3.0.3: hvm_op.h only exists from 3.0.4, but 3.0.3 defines
  /// HVMOP_set_param 0 and HVMOP_get_param 1 in public/hvm/params.h:13-14 and handles both in
  /// `do_hvm_op(unsigned long op, ...)` (xen/arch/x86/hvm/hvm.c:668-676 @ 3.0.3-branched), which
  /// facts.json's hvm_op family, read from hvm_op.h, missed (facts-v2 lists both). There is no compat variant in the 4.17+ generator table;
  /// earlier releases were not checked, so `op` is read as `unsigned long` of the guest throughout.
  static var hvmOp: Multiplexed {
    Multiplexed(
      "hvm_op", argument: ArgumentSlot(index: 0, name: "op", type: .unsignedLong)
    ) {
      In("3.0.3", source: "3.0.3-branched") {
        // do_hvm_op switches on the full op: there is no mask until 4.5.
        WholeRegisterIsOp()
        Op("HVMOP_set_param", 0)
        Op("HVMOP_get_param", 1)
      }
      In("3.0.4", source: "3.0.4-branched") {
        Op("HVMOP_set_pci_intx_level", 2)
        Op("HVMOP_set_isa_irq_level", 3)
        Op("HVMOP_set_pci_link_route", 4)
      }
      In("3.2", source: "3.2.0-rc6") {
        // hvmop_flush_tlb_all() trylock retry, no progress state. Every hvm_op continuation is made
        // by xen/arch/x86/hvm/hvm.c (facts-v2 arch x86); xen/arch/arm/hvm.c makes none.
        Op("HVMOP_flush_tlbs", 5)
        Continues("HVMOP_flush_tlbs", .reexecuteUnchanged, on: ["x86"])
      }
      In("3.3", source: "3.3.0-rc7") {
        Op("HVMOP_track_dirty_vram", 6, toolsOnly: true)
        Op("HVMOP_modified_memory", 7, toolsOnly: true)
        Op("HVMOP_set_mem_type", 8, toolsOnly: true)
      }
      In("3.4", source: "3.4.0-rc3") {
        // HVM_PARAM_IDENT_PT lock retry, no progress state.
        Continues("HVMOP_set_param", .reexecuteUnchanged, on: ["x86"])
      }
      In("4.1", source: "RELEASE-4.1.0") {
        Op("HVMOP_pagetable_dying", 9)
        Op("HVMOP_get_time", 10)
        Op("HVMOP_xentrace", 11)
        Op("HVMOP_set_mem_access", 12, toolsOnly: true)
        Op("HVMOP_get_mem_access", 13, toolsOnly: true)
        Op("HVMOP_inject_trap", 14, toolsOnly: true)
      }
      In("4.2", source: "RELEASE-4.2.0") {
        Op("HVMOP_get_mem_type", 15)
        Op("HVMOP_inject_msi", 16, toolsOnly: true)
      }
      In("4.3", source: "RELEASE-4.3.0") {
        // XSA-27 (24ff9723e0, backported to 4.1.4 and 4.2.1; only x.y.0 tags were read): "ih", op;
        // first_pfn++ / nr-- rewritten in the guest struct.
        Continues("HVMOP_modified_memory", .guestStruct, on: ["x86"], source: "24ff9723e0")
        Continues("HVMOP_set_mem_type", .guestStruct, on: ["x86"], source: "24ff9723e0")
      }
      // HVMOP_set_mem_access / HVMOP_get_mem_access (12/13) stay defined (tools-only) but are no
      // longer handled from 4.5 (fce5281c5a).
      In("4.5", source: "RELEASE-4.5.0") {
        // HVMOP_op_mask 0xff, private to xen/arch/x86/hvm/hvm.c (never in a public header).
        Mask(bits: 8, name: "HVMOP_op_mask", spelled: "0xff", source: "e8b87b57b4")
        // 4ef6b5f16c narrowed the mask to HVMOP_modified_memory (7) and HVMOP_set_mem_type (8); every
        // other op is decoded from the full value, so high bits on them are an unknown op: exactly
        // "reject high bits".
        UnusedBits(.rejected, source: "4ef6b5f16c")
        // op | start_iter, start_iter unshifted (op & ~0xff), taken only at multiples of 256. No bound
        // on start_iter is stated: what the register holds.
        Continues(
          "HVMOP_modified_memory", .rawIndexAligned(bound: .registerCapacity, progress: "start_iter"), on: ["x86"],
          source: "e8b87b57b4")
        Continues(
          "HVMOP_set_mem_type", .rawIndexAligned(bound: .registerCapacity, progress: "start_iter"), on: ["x86"],
          source: "e8b87b57b4")
        Op("HVMOP_create_ioreq_server", 17, toolsOnly: true)
        Op("HVMOP_get_ioreq_server_info", 18, toolsOnly: true)
        Op("HVMOP_map_io_range_to_ioreq_server", 19, toolsOnly: true)
        Op("HVMOP_unmap_io_range_from_ioreq_server", 20, toolsOnly: true)
        Op("HVMOP_destroy_ioreq_server", 21, toolsOnly: true)
        Op("HVMOP_set_ioreq_server_state", 22, toolsOnly: true)
      }
      In("4.6", source: "RELEASE-4.6.0") {
        // x86 only.
        Op("HVMOP_set_evtchn_upcall_vector", 23, guardedBy: "defined(__i386__) || defined(__x86_64__)")
        Op("HVMOP_guest_request_vm_event", 24)
        Op("HVMOP_altp2m", 25)
        // struct xen_hvm_altp2m_op.cmd, a uint32_t in the structure argument 1 points to. Numbered
        // from 1; guest-visible (no guard). Progress of set_mem_access_multi (4.11) lives in the
        // structure, so the word is never rewritten.
        Nested(
          "altp2m", selectedBy: "HVMOP_altp2m", structure: "xen_hvm_altp2m_op",
          word: ArgumentSlot(index: 1, name: "cmd", type: .guestField32), source: "affa72690c"
        ) {
          WholeRegisterIsOp()
          UnusedBits(.rejected)
          Op("HVMOP_altp2m_get_domain_state", 1)
          Op("HVMOP_altp2m_set_domain_state", 2)
          Op("HVMOP_altp2m_vcpu_enable_notify", 3)
          Op("HVMOP_altp2m_create_p2m", 4)
          Op("HVMOP_altp2m_destroy_p2m", 5)
          Op("HVMOP_altp2m_switch_p2m", 6)
          Op("HVMOP_altp2m_set_mem_access", 7)
          Op("HVMOP_altp2m_change_gfn", 8)
        }
      }
      In("4.9", source: "RELEASE-4.9.0") {
        // Ops 6, 7, 8, 14, 16 and 17-22 moved to dm_op (41); the facts name the converting commits of
        // 7 and 8 only. A 4.5-4.8 continuation "HVMOP_set_mem_type | start_iter" gets -ENOSYS here
        // (derived; tools-only callers).
        Withdrawn("HVMOP_track_dirty_vram")
        Withdrawn("HVMOP_modified_memory", source: "b30c5979e0")
        Withdrawn("HVMOP_set_mem_type", source: "ae20ccf070")
        Withdrawn("HVMOP_inject_trap")
        Withdrawn("HVMOP_inject_msi")
        Withdrawn("HVMOP_create_ioreq_server")
        Withdrawn("HVMOP_get_ioreq_server_info")
        Withdrawn("HVMOP_map_io_range_to_ioreq_server")
        Withdrawn("HVMOP_unmap_io_range_from_ioreq_server")
        Withdrawn("HVMOP_destroy_ioreq_server")
        Withdrawn("HVMOP_set_ioreq_server_state")
        // Kept in the header only for old interface versions and no longer handled.
        Guarded("HVMOP_set_pci_intx_level", by: "__XEN_INTERFACE_VERSION__ < 0x00040900")
        Guarded("HVMOP_set_isa_irq_level", by: "__XEN_INTERFACE_VERSION__ < 0x00040900")
        Guarded("HVMOP_set_pci_link_route", by: "__XEN_INTERFACE_VERSION__ < 0x00040900")
        // HVMOP_op_mask deleted; do_hvm_op switches on the full op again.
        WholeRegisterIsOp(source: "ae20ccf070")
      }
      In("4.11", source: "RELEASE-4.11.0") {
        // Sub-op set_mem_access_multi only: plain HVMOP_altp2m, progress in u.set_mem_access_multi.opaque.
        Continues("HVMOP_altp2m", .guestStruct, on: ["x86"])
        Nested("altp2m") {
          Op("HVMOP_altp2m_set_mem_access_multi", 9, source: "9383de210e")
        }
      }
      In("4.12", source: "RELEASE-4.12.0") {
        Nested("altp2m") {
          Op("HVMOP_altp2m_set_suppress_ve", 10, source: "e4405e0799")
          Op("HVMOP_altp2m_get_suppress_ve", 11, source: "e4405e0799")
          Op("HVMOP_altp2m_get_mem_access", 12, source: "7559ab7830")
          Op("HVMOP_altp2m_vcpu_disable_notify", 13, source: "9b97818c3d")
        }
      }
      In("4.13", source: "RELEASE-4.13.0") {
        Nested("altp2m") {
          Op("HVMOP_altp2m_get_p2m_idx", 14, source: "039e70668a")
        }
      }
      In("4.14", source: "RELEASE-4.14.0") {
        Nested("altp2m") {
          Op("HVMOP_altp2m_set_suppress_ve_multi", 15, source: "ea22bcd030")
          Op("HVMOP_altp2m_set_visibility", 16, source: "3fd3e9303e")
        }
      }
    }
  }
}
