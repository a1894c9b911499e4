import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_grant_table_op` (20): `do_grant_table_op(unsigned int cmd, uop, unsigned int count)`;
  /// `cmd` is 32 bits for native and compat guests alike. Source: xen/include/public/grant_table.h and
  /// xen/common/grant_table.c at each release tag.
  static var grantTableOp: Multiplexed {
    Multiplexed(
      "grant_table_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)
    ) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        // do_grant_table_op switches on the full cmd before 4.5 (verified at RELEASE-4.0.0 and
        // RELEASE-4.4.0; the 3.x tags were not checked for this), so high bits are an unknown op.
        WholeRegisterIsOp()
        Op("GNTTABOP_map_grant_ref", 0)
        Op("GNTTABOP_unmap_grant_ref", 1)
        Op("GNTTABOP_setup_table", 2)
        // No handler since 3.0.2 (ad08f1cd83); the number stays defined.
        Op("GNTTABOP_dump_table", 3)
        Op("GNTTABOP_transfer", 4)
      }
      In("3.0.3", source: "3.0.3-branched") {
        Op("GNTTABOP_copy", 5)
      }
      In("3.1", source: "3.1.0-branched") {
        Op("GNTTABOP_query_size", 6)
      }
      In("3.2", source: "3.2.0-rc6") {
        Op("GNTTABOP_unmap_and_replace", 7)
      }
      In("4.0", source: "RELEASE-4.0.0") {
        // "ihi": cmd, uop advanced past the completed entries, count - done. Before 4.0 there was no
        // grant-table continuation (batches were capped at 512 ops).
        Continues("GNTTABOP_map_grant_ref", .handleAndCount, source: "1c4e651d3f")
        Continues("GNTTABOP_unmap_grant_ref", .handleAndCount, source: "1c4e651d3f")
        Continues("GNTTABOP_transfer", .handleAndCount, source: "1c4e651d3f")
        Continues("GNTTABOP_copy", .handleAndCount, source: "1c4e651d3f")
        Continues("GNTTABOP_unmap_and_replace", .handleAndCount, source: "1c4e651d3f")
        Op("GNTTABOP_set_version", 8, guardedBy: "__XEN_INTERFACE_VERSION__ >= 0x0003020a")
        Op("GNTTABOP_get_status_frames", 9, guardedBy: "__XEN_INTERFACE_VERSION__ >= 0x0003020a")
        Op("GNTTABOP_get_version", 10, guardedBy: "__XEN_INTERFACE_VERSION__ >= 0x0003020a")
      }
      In("4.2", source: "RELEASE-4.2.0") {
        Op(
          "GNTTABOP_swap_grant_ref", 11, guardedBy: "__XEN_INTERFACE_VERSION__ >= 0x0003020a",
          continues: .handleAndCount)
      }
      In("4.5", source: "RELEASE-4.5.0") {
        // GNTTABOP_CONTINUATION_ARG_SHIFT 12 / GNTTABOP_CMD_MASK 0xfff, private to grant_table.c.
        // Spelled as at RELEASE-4.5.0 .. master xen/common/grant_table.c (236 at master).
        Mask(
          bits: 12, name: "GNTTABOP_CMD_MASK", shiftName: "GNTTABOP_CONTINUATION_ARG_SHIFT",
          spelled: "((1<<GNTTABOP_CONTINUATION_ARG_SHIFT)-1)", source: "18e8d22fe7")
        // Any op other than GNTTABOP_cache_flush with bits 12..31 set gets -ENOSYS.
        UnusedBits(.rejected, source: "4ef6b5f16c")
        // cur_ref kept raw in cmd bits 12..31 (steps of 1 << 12) plus handle and count. No bound on
        // cur_ref is stated: what the 32-bit cmd holds. xen/common/grant_table.c handles it for every
        // architecture until 4.21 (an x86 HVM guest cannot issue it: hvm_grant_table_op refuses it; a PV
        // guest can).
        Op(
          "GNTTABOP_cache_flush", 12, guardedBy: "__XEN_INTERFACE_VERSION__ >= 0x0003020a",
          continues: .combining(.rawIndexAligned(bound: .registerCapacity, progress: "cur_ref"), .handleAndCount),
          source: "18e8d22fe7")
      }
      In("4.21", source: "RELEASE-4.21.0") {
        // "x86/gnttab: do not implement GNTTABOP_cache_flush": only CONFIG_HAS_GRANT_CACHE_FLUSH (selected
        // by ARM) builds the op and its continuation (xen/common/grant_table.c:3780 @ RELEASE-4.21.0).
        Continues("GNTTABOP_cache_flush", nil, on: ["x86"], source: "5642a6055c")
      }
    }
  }
}
