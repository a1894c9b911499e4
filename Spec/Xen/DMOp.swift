import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_dm_op` (41), from 4.9 (524a98c2ac): `do_dm_op(domid, nr_bufs, bufs)`. Source:
  /// xen/include/public/hvm/dm_op.h at each release tag.
  static var dmOp: Multiplexed {
    Multiplexed(
      "dm_op", argument: ArgumentSlot(index: 2, name: "op", type: .guestField32)
    ) {
      // Continuations re-issue "iih" (domid, nr_bufs, bufs) unchanged; the progress lives in the guest
      // buffer (modified_memory nr_extents + opaque, set_mem_type first_pfn / nr,
      // map_mem_type_to_ioreq_server opaque, relocate_memory size / src_gfn / dst_gfn). This is
      // evidenced at master only (xen/common/dm.c, xen/arch/x86/hvm/dm.c); earlier releases were not
      // checked, so each of these ops is given .guestStruct from its first release.
      In("4.9", source: "RELEASE-4.9.0") {
        // The op is struct xen_dm_op.op, a uint32_t in the first guest buffer: no mask.
        WholeRegisterIsOp()
        Op("XEN_DMOP_create_ioreq_server", 1, toolsOnly: true)
        Op("XEN_DMOP_get_ioreq_server_info", 2, toolsOnly: true)
        Op("XEN_DMOP_map_io_range_to_ioreq_server", 3, toolsOnly: true)
        Op("XEN_DMOP_unmap_io_range_from_ioreq_server", 4, toolsOnly: true)
        Op("XEN_DMOP_set_ioreq_server_state", 5, toolsOnly: true)
        Op("XEN_DMOP_destroy_ioreq_server", 6, toolsOnly: true)
        Op("XEN_DMOP_track_dirty_vram", 7, toolsOnly: true)
        Op("XEN_DMOP_set_pci_intx_level", 8, toolsOnly: true)
        Op("XEN_DMOP_set_isa_irq_level", 9, toolsOnly: true)
        Op("XEN_DMOP_set_pci_link_route", 10, toolsOnly: true)
        Op("XEN_DMOP_modified_memory", 11, toolsOnly: true, continues: .guestStruct)
        Op("XEN_DMOP_set_mem_type", 12, toolsOnly: true, continues: .guestStruct)
        Op("XEN_DMOP_inject_event", 13, toolsOnly: true)
        Op("XEN_DMOP_inject_msi", 14, toolsOnly: true)
        Op("XEN_DMOP_map_mem_type_to_ioreq_server", 15, toolsOnly: true, continues: .guestStruct)
      }
      In("4.10", source: "RELEASE-4.10.0") {
        Op("XEN_DMOP_remote_shutdown", 16, toolsOnly: true)
      }
      In("4.11", source: "RELEASE-4.11.0") {
        Op("XEN_DMOP_relocate_memory", 17, toolsOnly: true, continues: .guestStruct)
        Op("XEN_DMOP_pin_memory_cacheattr", 18, toolsOnly: true)
      }
      In("4.15", source: "RELEASE-4.15.0") {
        // The __XEN__ || __XEN_TOOLS__ guard is removed: dm_op is declared a stable interface.
        ToolsOnly("XEN_DMOP_create_ioreq_server", false)
        ToolsOnly("XEN_DMOP_get_ioreq_server_info", false)
        ToolsOnly("XEN_DMOP_map_io_range_to_ioreq_server", false)
        ToolsOnly("XEN_DMOP_unmap_io_range_from_ioreq_server", false)
        ToolsOnly("XEN_DMOP_set_ioreq_server_state", false)
        ToolsOnly("XEN_DMOP_destroy_ioreq_server", false)
        ToolsOnly("XEN_DMOP_track_dirty_vram", false)
        ToolsOnly("XEN_DMOP_set_pci_intx_level", false)
        ToolsOnly("XEN_DMOP_set_isa_irq_level", false)
        ToolsOnly("XEN_DMOP_set_pci_link_route", false)
        ToolsOnly("XEN_DMOP_modified_memory", false)
        ToolsOnly("XEN_DMOP_set_mem_type", false)
        ToolsOnly("XEN_DMOP_inject_event", false)
        ToolsOnly("XEN_DMOP_inject_msi", false)
        ToolsOnly("XEN_DMOP_map_mem_type_to_ioreq_server", false)
        ToolsOnly("XEN_DMOP_remote_shutdown", false)
        ToolsOnly("XEN_DMOP_relocate_memory", false)
        ToolsOnly("XEN_DMOP_pin_memory_cacheattr", false)
        Op("XEN_DMOP_set_irq_level", 19)
        Op("XEN_DMOP_nr_vcpus", 20)
      }
    }
  }
}
