import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_memory_op` (12): `do_memory_op(int cmd, arg)` in 3.0.0, `do_memory_op(unsigned
  /// long cmd, arg)` from 3.0.2, and from 3.1
  /// `compat_memory_op(unsigned int cmd, arg)`. `op = cmd & MEMOP_CMD_MASK`,
  /// `start_extent = cmd >> MEMOP_EXTENT_SHIFT`. Source: xen/include/public/memory.h and
  /// xen/common/memory.c at each release tag.
  ///
  /// Shifted-progress bounds: `INT_MAX >> 4` in 3.0.0 (`int cmd`), `ULONG_MAX >> SHIFT` native from
  /// 3.0.2 to 4.2, `UINT_MAX >> MEMOP_EXTENT_SHIFT` from 4.3 (4f3c473d51). Continuations that are only
  /// taken on one architecture are marked in comments; the model has no per-architecture continuation.
  static var memoryOp: Multiplexed {
    Multiplexed(
      "memory_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)
    ) {
      // 3.0.0 reads `do_memory_op(int cmd, void *arg)` (xen/common/memory.c:134 @ RELEASE-3.0.0):
      // a 64-bit guest's upper register bits are dropped, and `start_extent = cmd >> 4` is a signed
      // int. The continuation is `op | (rc << START_EXTENT_SHIFT)` with `int rc` (memory.c:137, 190);
      // a start_extent that does not fit (bit 31 set, negative) converts to a huge unsigned long in
      // `start_extent > reservation.nr_extents` and gets -EINVAL (memory.c:151), so progress is
      // bounded by INT_MAX >> 4.
      In("3.0.0", source: "RELEASE-3.0.0") {
        OpArgument(ArgumentSlot(index: 0, name: "cmd", type: .signedInt))
        // No mask macro yet: memory.c defines START_EXTENT_SHIFT 4 locally (cmd[:4] is the op).
        Mask(bits: 4, shiftName: "START_EXTENT_SHIFT")
        // Before 4.5 the bits above the mask were silently masked off for every op.
        UnusedBits(.ignored)
        Op(
          "XENMEM_increase_reservation", 0,
          continues: .shiftedIndex(bound: .typeMaximum(.signedInt), progress: "start_extent"))
        Op(
          "XENMEM_decrease_reservation", 1,
          continues: .shiftedIndex(bound: .typeMaximum(.signedInt), progress: "start_extent"))
        Op("XENMEM_maximum_ram_page", 2)
        Op("XENMEM_current_reservation", 3)
        Op("XENMEM_maximum_reservation", 4)
        Op("XENMEM_machphys_mfn_list", 5)
      }
      In("3.0.2", source: "3.0.2-branched") {
        // `do_memory_op(unsigned long cmd, ...)` from 3.0.2 (memory.c:273 @ 3.0.2-branched).
        OpArgument(ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong))
        // Native limit from 3.0.2: nr_extents > (ULONG_MAX >> START_EXTENT_SHIFT) is rejected (memory.c:292).
        Continues(
          "XENMEM_increase_reservation", .shiftedIndex(bound: .typeMaximum(.unsignedLong), progress: "start_extent"))
        Continues(
          "XENMEM_decrease_reservation", .shiftedIndex(bound: .typeMaximum(.unsignedLong), progress: "start_extent"))
        Op(
          "XENMEM_populate_physmap", 6,
          continues: .shiftedIndex(bound: .typeMaximum(.unsignedLong), progress: "start_extent"))
        Op("XENMEM_add_to_physmap", 7)
        // No native bound on nr_gpfns is stated in the facts (compat checks UINT_MAX >> SHIFT in 3.1-3.3,
        // the same value for a 32-bit cmd); conservative reading: what the register holds.
        Op("XENMEM_translate_gpfn_list", 8, continues: .shiftedIndex(bound: .registerCapacity))
      }
      In("3.0.3", source: "3.0.3-branched") {
        Op("XENMEM_memory_map", 9)
        Op("XENMEM_machine_memory_map", 10)
        Op("XENMEM_exchange", 11, continues: .guestStruct)
        Op("XENMEM_machphys_mapping", 12)
      }
      In("3.0.4", source: "3.0.4-branched") {
        Op("XENMEM_set_memory_map", 13)
      }
      // compat_memory_op(unsigned int cmd) from 3.1 (b8a7efe852) rejects nr_extents > UINT_MAX >> SHIFT:
      // for a 32-bit guest that is the same value as the native ULONG_MAX >> SHIFT.
      In("3.1", source: "3.1.0-branched") {
        // Moved to xen/include/xen/hypercall.h with the compat memory_op; same value.
        Mask(
          bits: 4, name: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT",
          spelled: "((1 << MEMOP_EXTENT_SHIFT) - 1)", source: "b8a7efe852")
        Op("XENMEM_maximum_gpfn", 14)
      }
      In("3.4", source: "3.4.0-rc3") {
        // "Increase the number of MEMOP bits from 4 to 6" (PoD memory 7/9). Every shifted op moves
        // with it; see the accepted break memop-shift-4-to-6.
        Mask(
          bits: 6, name: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT",
          spelled: "((1 << MEMOP_EXTENT_SHIFT) - 1)", source: "36e3044132")
        // Removed (kept as a comment /*#define XENMEM_translate_gpfn_list 8*/); see the accepted break
        // xenmem-translate-gpfn-list-removed.
        Withdrawn("XENMEM_translate_gpfn_list", source: "2d2f7977a0")
        Op("XENMEM_set_pod_target", 16)
        Op("XENMEM_get_pod_target", 17)
      }
      In("4.0", source: "RELEASE-4.0.0") {
        Op("XENMEM_get_sharing_freed_pages", 18)
      }
      In("4.1", source: "RELEASE-4.1.0") {
        // x86 only (xen/arch/x86/mm.c arch_memory_op): the same cmd is re-issued on -EAGAIN/-ERESTART.
        Continues("XENMEM_set_pod_target", .reexecuteUnchanged, on: ["x86"], source: "637a283f17")
      }
      In("4.2", source: "RELEASE-4.2.0") {
        // x86 only, and only for XENMAPSPACE_gmfn_range: "ih", op; xatp.{size,idx,gpfn} rewritten in guest memory.
        Continues("XENMEM_add_to_physmap", .guestStruct, on: ["x86"], source: "a04811a315")
        Op("XENMEM_remove_from_physmap", 15, source: "14eb3b41d0")
        // 18 was not tools-only in 4.0/4.1; 19-22 arrive tools-only (20-22 moved out of domctl, 59a36d66a5).
        ToolsOnly("XENMEM_get_sharing_freed_pages", true)
        Op("XENMEM_get_sharing_shared_pages", 19, toolsOnly: true)
        Op("XENMEM_paging_op", 20, toolsOnly: true)
        Op("XENMEM_access_op", 21, toolsOnly: true)
        Op("XENMEM_sharing_op", 22, toolsOnly: true)
        // The nested tables: a second op in a uint8_t field of the structure argument 1 points to.
        // Only the toolstack calls them (the same tools-only guard as their parents). Their word is
        // never rewritten: a continuation keeps its progress in cmd or in the structure, so the
        // fresh-call check of the word covers every continuation too.
        // 4.2-4.5: struct xen_mem_event_op, shared by XENMEM_paging_op and XENMEM_access_op.
        Nested(
          "paging_op", selectedBy: "XENMEM_paging_op", structure: "xen_mem_event_op",
          word: Self.structureOp, source: "59a36d66a5"
        ) {
          WholeRegisterIsOp()
          UnusedBits(.rejected)
          Op("XENMEM_paging_op_nominate", 0, toolsOnly: true)
          Op("XENMEM_paging_op_evict", 1, toolsOnly: true)
          Op("XENMEM_paging_op_prep", 2, toolsOnly: true)
        }
        Nested(
          "access_op", selectedBy: "XENMEM_access_op", structure: "xen_mem_event_op", word: Self.structureOp,
          source: "59a36d66a5"
        ) {
          WholeRegisterIsOp()
          UnusedBits(.rejected)
          Op("XENMEM_access_op_resume", 0, toolsOnly: true)
        }
        Nested(
          "sharing_op", selectedBy: "XENMEM_sharing_op", structure: "xen_mem_sharing_op", word: Self.structureOp,
          source: "59a36d66a5"
        ) {
          WholeRegisterIsOp()
          UnusedBits(.rejected)
          Op("XENMEM_sharing_op_nominate_gfn", 0, toolsOnly: true)
          Op("XENMEM_sharing_op_nominate_gref", 1, toolsOnly: true)
          Op("XENMEM_sharing_op_share", 2, toolsOnly: true)
          Op("XENMEM_sharing_op_resume", 3, toolsOnly: true)
          Op("XENMEM_sharing_op_debug_gfn", 4, toolsOnly: true)
          Op("XENMEM_sharing_op_debug_mfn", 5, toolsOnly: true)
          Op("XENMEM_sharing_op_debug_gref", 6, toolsOnly: true)
          Op("XENMEM_sharing_op_add_physmap", 7, toolsOnly: true)
          Op("XENMEM_sharing_op_audit", 8, toolsOnly: true)
        }
      }
      In("4.3", source: "RELEASE-4.3.0") {
        // Native limit becomes UINT_MAX >> MEMOP_EXTENT_SHIFT, the same as compat's: restate the bounds.
        Continues(
          "XENMEM_increase_reservation", .shiftedIndex(bound: .typeMaximum(.unsignedInt), progress: "start_extent"),
          source: "4f3c473d51")
        Continues(
          "XENMEM_decrease_reservation", .shiftedIndex(bound: .typeMaximum(.unsignedInt), progress: "start_extent"),
          source: "4f3c473d51")
        Continues(
          "XENMEM_populate_physmap", .shiftedIndex(bound: .typeMaximum(.unsignedInt), progress: "start_extent"),
          source: "4f3c473d51")
        // ARM only (xen/arch/arm/mm.c): "ih", op; struct xen_add_to_physmap_range rewritten in guest memory.
        Op("XENMEM_add_to_physmap_range", 23, source: "df6fc08d22")
        Continues("XENMEM_add_to_physmap_range", .guestStruct, on: ["arm"], source: "df6fc08d22")
        Op("XENMEM_claim_pages", 24, toolsOnly: true)
      }
      In("4.4", source: "RELEASE-4.4.0") {
        // Same number and meaning under a new name. xen/include/public/memory.h keeps
        // XENMEM_add_to_physmap_range only as an alias of XENMEM_add_to_physmap_batch for
        // __XEN_INTERFACE_VERSION__ < 0x00040400 (4.4 .. master); an alias is not an op of its own.
        Renamed("XENMEM_add_to_physmap_range", to: "XENMEM_add_to_physmap_batch", source: "89ec246739")
        // op | (done << 6); the guest struct is no longer modified. Bounded by BUILD_BUG_ON((typeof(size))-1 >
        // (UINT_MAX >> MEMOP_EXTENT_SHIFT)) and -EDOM when start_extent does not fit the size field.
        Continues(
          "XENMEM_add_to_physmap", .shiftedIndex(bound: .typeMaximum(.unsignedInt), progress: "done"),
          source: "ade868939f")
        Continues(
          "XENMEM_add_to_physmap_batch", .shiftedIndex(bound: .typeMaximum(.unsignedInt), progress: "done"),
          source: "0627c56cb6")
      }
      // XENMEM_exchange: since 4.5 a non-zero start_extent gives -ENOSYS; it keeps its guest-struct
      // continuation.
      In("4.5", source: "RELEASE-4.5.0") {
        // The lock-down: a non-continuable op with cmd >> 6 != 0 gets -ENOSYS, and arch_memory_op()
        // switches on the full cmd.
        UnusedBits(.rejected, source: "4ef6b5f16c")
        // Sub-ops set_access (and set_access_multi from 4.8, 1ef5056bd6): XENMEM_access_op | start_iter, start_iter
        // unshifted (cmd & ~MEMOP_CMD_MASK, a multiple of 64). No bound on start_iter is stated: what the
        // register holds.
        Continues(
          "XENMEM_access_op", .rawIndexAligned(bound: .registerCapacity, progress: "start_iter"), source: "334f970e2c")
        Op("XENMEM_machphys_compat_mfn_list", 25)
        Op("XENMEM_get_vnumainfo", 26)
        // XENMEM_access_op gets a structure of its own (HVMOP_set_mem_access / get_mem_access moved here).
        Nested("access_op", structure: "xen_mem_access_op", source: "334f970e2c") {
          Op("XENMEM_access_op_set_access", 1, toolsOnly: true)
          Op("XENMEM_access_op_get_access", 2, toolsOnly: true)
        }
      }
      In("4.6", source: "RELEASE-4.6.0") {
        Op("XENMEM_reserved_device_memory_map", 27, toolsOnly: true)
        // 4fa41d0504 retires the resume sub-ops (moved to the vm_event_op domctl) and renumbers what
        // follows them: a new lineage for every moved op, so the check reports each renumbering
        // (tools-only: reported, not failing).
        Nested("access_op", source: "4fa41d0504") {
          Withdrawn("XENMEM_access_op_resume")
          Withdrawn("XENMEM_access_op_set_access")
          Withdrawn("XENMEM_access_op_get_access")
          Op("XENMEM_access_op_set_access", 0, toolsOnly: true)
          Op("XENMEM_access_op_get_access", 1, toolsOnly: true)
          Op("XENMEM_access_op_enable_emulate", 2, toolsOnly: true)
          Op("XENMEM_access_op_disable_emulate", 3, toolsOnly: true)
        }
        Nested("sharing_op", source: "4fa41d0504") {
          Withdrawn("XENMEM_sharing_op_resume")
          Withdrawn("XENMEM_sharing_op_debug_gfn")
          Withdrawn("XENMEM_sharing_op_debug_mfn")
          Withdrawn("XENMEM_sharing_op_debug_gref")
          Withdrawn("XENMEM_sharing_op_add_physmap")
          Withdrawn("XENMEM_sharing_op_audit")
          Op("XENMEM_sharing_op_debug_gfn", 3, toolsOnly: true)
          Op("XENMEM_sharing_op_debug_mfn", 4, toolsOnly: true)
          Op("XENMEM_sharing_op_debug_gref", 5, toolsOnly: true)
          Op("XENMEM_sharing_op_add_physmap", 6, toolsOnly: true)
          Op("XENMEM_sharing_op_audit", 7, toolsOnly: true)
        }
        // struct xen_mem_paging_op replaces the shared xen_mem_event_op; same field and ops.
        Nested("paging_op", structure: "xen_mem_paging_op") {}
      }
      In("4.7", source: "RELEASE-4.7.0") {
        Nested("access_op", source: "51c2291e14") {
          Withdrawn("XENMEM_access_op_enable_emulate")
          Withdrawn("XENMEM_access_op_disable_emulate")
        }
      }
      In("4.8", source: "RELEASE-4.8.0") {
        // x86 only, sub-op range_share: plain XENMEM_sharing_op, progress in u.range.opaque.
        Continues("XENMEM_sharing_op", .guestStruct, on: ["x86"], source: "f3356e1d4d")
        Nested("access_op") {
          Op("XENMEM_access_op_set_access_multi", 4, toolsOnly: true, source: "1ef5056bd6")
        }
        Nested("sharing_op") {
          Op("XENMEM_sharing_op_range_share", 8, toolsOnly: true, source: "f3356e1d4d")
        }
      }
      In("4.11", source: "RELEASE-4.11.0") {
        Op("XENMEM_acquire_resource", 28, toolsOnly: true)
        // The resource type: a uint16_t field of struct xen_mem_acquire_resource.
        Nested(
          "resource_type", selectedBy: "XENMEM_acquire_resource", structure: "xen_mem_acquire_resource",
          word: ArgumentSlot(index: 1, name: "type", type: .guestField16), source: "6e387461ed"
        ) {
          WholeRegisterIsOp()
          UnusedBits(.rejected)
          Op("XENMEM_resource_ioreq_server", 0, toolsOnly: true)
        }
      }
      In("4.12", source: "RELEASE-4.12.0") {
        Nested("resource_type") {
          Op("XENMEM_resource_grant_table", 1, toolsOnly: true, source: "83fa6552ce")
        }
      }
      In("4.14", source: "RELEASE-4.14.0") {
        // Sub-op fork re-executes on -ERESTART (facts.md section 2 "g / u"; the facts.json kind field lists
        // only guest_struct, its state text names the fork re-execution). Conservative reading: both.
        // xen/arch/x86/mm/mem_sharing.c: x86 only, like range_share.
        Continues("XENMEM_sharing_op", .combining(.guestStruct, .reexecuteUnchanged), on: ["x86"], source: "41548c5472")
        // The tools-only guard is removed.
        ToolsOnly("XENMEM_acquire_resource", false, source: "0e2e54966a")
        Nested("resource_type", source: "0e2e54966a") {
          ToolsOnly("XENMEM_resource_ioreq_server", false)
          ToolsOnly("XENMEM_resource_grant_table", false)
        }
        Nested("sharing_op") {
          Op("XENMEM_sharing_op_fork", 9, toolsOnly: true, source: "41548c5472")
          Op("XENMEM_sharing_op_fork_reset", 10, toolsOnly: true, source: "41548c5472")
        }
      }
      In("4.15", source: "RELEASE-4.15.0") {
        // XENMEM_acquire_resource | (start_extent << 6); nr_frames > UINT_MAX >> MEMOP_EXTENT_SHIFT -> -EINVAL.
        Continues(
          "XENMEM_acquire_resource", .shiftedIndex(bound: .typeMaximum(.unsignedInt), progress: "start_extent"),
          source: "34cc2e5f8d")
        Nested("resource_type") {
          Op("XENMEM_resource_vmtrace_buf", 2, source: "b72eab2635")
        }
      }
    }
  }

  /// `op`, the first field of the structure argument 1 points to: a `uint8_t` (memory.h's
  /// `xen_mem_event_op`, `xen_mem_access_op`, `xen_mem_sharing_op`, `xen_mem_paging_op`).
  static let structureOp = ArgumentSlot(index: 1, name: "op", type: .guestField8)
}
