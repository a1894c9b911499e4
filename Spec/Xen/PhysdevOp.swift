import ABIDSL
import ABIModel

extension Xen {
  /// `physdev_op`: hypercall 19 reads `struct physdev_op.cmd` (uint32_t) in guest memory through argument 0
  /// in 3.0.0 and 3.0.2; from 3.0.3 that is `physdev_op_compat` (19), and the new `physdev_op` (33) is
  /// `do_physdev_op(int cmd, arg)`, the op in argument 0 (facts-v2 carriers `struct` and `register`).
  /// `do_physdev_op_compat` copies the structure and calls `do_physdev_op(op.cmd, ...)` for every op
  /// (master xen/arch/x86/compat.c:18), so both tables follow the header. Source: facts-v2 subops
  /// physdev_op (xen/include/public/physdev.h) at each release tag.
  ///
  /// Not expressible: the variant `PHYSDEVOP_pirq_eoi_gmfn = PHYSDEVOP_pirq_eoi_gmfn_v1` for guests of
  /// `__XEN_INTERFACE_VERSION__ < 0x00040200` (one alias per name and release); the aliases sit on the
  /// register table (33) only, since a release defines each alias once.
  @SpecBuilder static var physdevOp: [SpecDeclaration] {
    // `int cmd`: signed 32 bits. Every op number is small and positive, so a value with bit 31 set
    // is negative and matches no case, as it reads unsigned: modelled as a 32-bit unsigned op.
    Multiplexed("physdev_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        // Hypercall 19 reads the op from struct physdev_op.cmd (uint32_t) in guest memory, arg0 uop.
        OpArgument(ArgumentSlot(index: 0, name: "cmd", type: .guestField32))
        // Its ops are, across releases, those of physdev_op_compat, not of the later 33.
        OpLineage("physdev_op_compat")
        WholeRegisterIsOp()
        Op("PHYSDEVOP_IRQ_UNMASK_NOTIFY", 4)  // xen/include/public/physdev.h:6
        Op("PHYSDEVOP_IRQ_STATUS_QUERY", 5)  // xen/include/public/physdev.h:7
        Op("PHYSDEVOP_SET_IOPL", 6)  // xen/include/public/physdev.h:8
        Op("PHYSDEVOP_SET_IOBITMAP", 7)  // xen/include/public/physdev.h:9
        Op("PHYSDEVOP_APIC_READ", 8)  // xen/include/public/physdev.h:10
        Op("PHYSDEVOP_APIC_WRITE", 9)  // xen/include/public/physdev.h:11
        Op("PHYSDEVOP_ASSIGN_VECTOR", 10)  // xen/include/public/physdev.h:12
      }
      In("3.0.3", source: "3.0.3-branched") {
        // 19 is renamed physdev_op_compat and keeps the structure-borne table; the new physdev_op 33
        // reads `int cmd` from argument 0.
        WholeRegisterIsOp()
        Op("PHYSDEVOP_IRQ_UNMASK_NOTIFY", 4)  // xen/include/public/physdev.h:124
        Op("PHYSDEVOP_irq_status_query", 5)  // xen/include/public/physdev.h:28
        Op("PHYSDEVOP_set_iopl", 6)  // xen/include/public/physdev.h:50
        Op("PHYSDEVOP_set_iobitmap", 7)  // xen/include/public/physdev.h:62
        Op("PHYSDEVOP_apic_read", 8)  // xen/include/public/physdev.h:75
        Op("PHYSDEVOP_apic_write", 9)  // xen/include/public/physdev.h:76
        Op("PHYSDEVOP_alloc_irq_vector", 10)  // xen/include/public/physdev.h:91
        Op("PHYSDEVOP_free_irq_vector", 11)  // xen/include/public/physdev.h:92
        Op("PHYSDEVOP_eoi", 12)  // xen/include/public/physdev.h:16
      }
      In("3.3", source: "3.3.0-rc7") {
        Op("PHYSDEVOP_map_pirq", 13)  // xen/include/public/physdev.h:129
        Op("PHYSDEVOP_unmap_pirq", 14)  // xen/include/public/physdev.h:150
        Op("PHYSDEVOP_manage_pci_add", 15)  // xen/include/public/physdev.h:160
        Op("PHYSDEVOP_manage_pci_remove", 16)  // xen/include/public/physdev.h:161
      }
      In("3.4", source: "3.4.0-rc3") {
        Op("PHYSDEVOP_pirq_eoi_gmfn", 17)  // xen/include/public/physdev.h:50
        Op("PHYSDEVOP_restore_msi", 19)  // xen/include/public/physdev.h:186
        Op("PHYSDEVOP_manage_pci_add_ext", 20)  // xen/include/public/physdev.h:195
      }
      In("4.0", source: "RELEASE-4.0.0") {
        Op("PHYSDEVOP_setup_gsi", 21)  // xen/include/public/physdev.h:230
      }
      In("4.1", source: "RELEASE-4.1.0") {
        Op("PHYSDEVOP_get_free_pirq", 23)  // xen/include/public/physdev.h:247
      }
      In("4.2", source: "RELEASE-4.2.0") {
        // PHYSDEVOP_pirq_eoi_gmfn (17) is renamed _v1 (4.1.3 on the 4.1 line); the old name now means
        // _v2 (28) for __XEN_INTERFACE_VERSION__ >= 0x00040200 (alias in Headers.swift).
        Renamed("PHYSDEVOP_pirq_eoi_gmfn", to: "PHYSDEVOP_pirq_eoi_gmfn_v1")
        Op("PHYSDEVOP_pci_mmcfg_reserved", 24)  // xen/include/public/physdev.h:269
        Op("PHYSDEVOP_pci_device_add", 25)  // xen/include/public/physdev.h:284
        Op("PHYSDEVOP_pci_device_remove", 26)  // xen/include/public/physdev.h:304
        Op("PHYSDEVOP_restore_msi_ext", 27)  // xen/include/public/physdev.h:305
        Op("PHYSDEVOP_pirq_eoi_gmfn_v2", 28)  // xen/include/public/physdev.h:60
      }
      In("4.3", source: "RELEASE-4.3.0") {
        Op("PHYSDEVOP_dbgp_op", 29)  // xen/include/public/physdev.h:327
        Op("PHYSDEVOP_prepare_msix", 30)  // xen/include/public/physdev.h:310
        Op("PHYSDEVOP_release_msix", 31)  // xen/include/public/physdev.h:311
      }
      In("4.20", source: "RELEASE-4.20.0") {
        Op("PHYSDEVOP_pci_device_reset", 32)  // xen/include/public/physdev.h:307
      }
    }
    Multiplexed("physdev_op_compat", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)) {
      In("3.0.3", source: "3.0.3-branched") {
        // The upper-case names stay as aliases of the new ones (Headers.swift).
        Renamed("PHYSDEVOP_IRQ_STATUS_QUERY", to: "PHYSDEVOP_irq_status_query")
        Renamed("PHYSDEVOP_SET_IOPL", to: "PHYSDEVOP_set_iopl")
        Renamed("PHYSDEVOP_SET_IOBITMAP", to: "PHYSDEVOP_set_iobitmap")
        Renamed("PHYSDEVOP_APIC_READ", to: "PHYSDEVOP_apic_read")
        Renamed("PHYSDEVOP_APIC_WRITE", to: "PHYSDEVOP_apic_write")
        Renamed("PHYSDEVOP_ASSIGN_VECTOR", to: "PHYSDEVOP_alloc_irq_vector")
        Op("PHYSDEVOP_free_irq_vector", 11)  // xen/include/public/physdev.h:92
        Op("PHYSDEVOP_eoi", 12)  // xen/include/public/physdev.h:16
      }
      In("3.3", source: "3.3.0-rc7") {
        Op("PHYSDEVOP_map_pirq", 13)  // xen/include/public/physdev.h:129
        Op("PHYSDEVOP_unmap_pirq", 14)  // xen/include/public/physdev.h:150
        Op("PHYSDEVOP_manage_pci_add", 15)  // xen/include/public/physdev.h:160
        Op("PHYSDEVOP_manage_pci_remove", 16)  // xen/include/public/physdev.h:161
      }
      In("3.4", source: "3.4.0-rc3") {
        Op("PHYSDEVOP_pirq_eoi_gmfn", 17)  // xen/include/public/physdev.h:50
        Op("PHYSDEVOP_restore_msi", 19)  // xen/include/public/physdev.h:186
        Op("PHYSDEVOP_manage_pci_add_ext", 20)  // xen/include/public/physdev.h:195
      }
      In("4.0", source: "RELEASE-4.0.0") {
        Op("PHYSDEVOP_setup_gsi", 21)  // xen/include/public/physdev.h:230
      }
      In("4.1", source: "RELEASE-4.1.0") {
        Op("PHYSDEVOP_get_free_pirq", 23)  // xen/include/public/physdev.h:247
      }
      In("4.2", source: "RELEASE-4.2.0") {
        // PHYSDEVOP_pirq_eoi_gmfn (17) is renamed _v1 (4.1.3 on the 4.1 line); the old name now means
        // _v2 (28) for __XEN_INTERFACE_VERSION__ >= 0x00040200 (alias in Headers.swift).
        Renamed("PHYSDEVOP_pirq_eoi_gmfn", to: "PHYSDEVOP_pirq_eoi_gmfn_v1")
        Op("PHYSDEVOP_pci_mmcfg_reserved", 24)  // xen/include/public/physdev.h:269
        Op("PHYSDEVOP_pci_device_add", 25)  // xen/include/public/physdev.h:284
        Op("PHYSDEVOP_pci_device_remove", 26)  // xen/include/public/physdev.h:304
        Op("PHYSDEVOP_restore_msi_ext", 27)  // xen/include/public/physdev.h:305
        Op("PHYSDEVOP_pirq_eoi_gmfn_v2", 28)  // xen/include/public/physdev.h:60
      }
      In("4.3", source: "RELEASE-4.3.0") {
        Op("PHYSDEVOP_dbgp_op", 29)  // xen/include/public/physdev.h:327
        Op("PHYSDEVOP_prepare_msix", 30)  // xen/include/public/physdev.h:310
        Op("PHYSDEVOP_release_msix", 31)  // xen/include/public/physdev.h:311
      }
      In("4.20", source: "RELEASE-4.20.0") {
        Op("PHYSDEVOP_pci_device_reset", 32)  // xen/include/public/physdev.h:307
      }
    }
  }
}
