import ABIModel
import EmitC
import EmitCore
import XenSpec

/// The models the tests emit: the bundled Xen spec and a small fixture built from model values.
enum TestModels {
  /// The bundled spec, resolved once.
  static let xen: Result<ABIModel, any Error> = Result { try Xen.spec.model() }

  /// The releases of a model the checked-in tree holds (each line's first release and master),
  /// emitted: every release of a model without point releases.
  static func headers(_ model: ABIModel) -> [GeneratedFile] {
    CEmitter().emit(ABIModelSelection(model: model, releases: model.lineReleases))
  }

  /// A two-release fixture that exercises every layout, argument type, guard and bound the
  /// emitter handles, small enough to read as a golden file.
  static var fixture: ABIModel {
    let cmd = ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)
    let count = ArgumentSlot(index: 1, name: "count", type: .unsignedInt)
    let flag = CountFlagEncoding(argument: count, flagBit: 31, flagName: "MMU_UPDATE_PREEMPTED")
    func shifted(_ shift: Int, _ bound: ProgressBound?) -> ContinuationEncoding {
      ContinuationEncoding(kinds: [.cmdShiftedIndex], shift: shift, bound: bound)
    }
    func raw(_ bound: ProgressBound?) -> ContinuationEncoding {
      ContinuationEncoding(kinds: [.cmdRawIndexAligned], bound: bound)
    }
    let memoryOp = Multiplex(
      opArgument: cmd,
      opMask: OpMask(bits: 6, maskName: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT"),
      unusedBits: .rejected,
      subOps: [
        SubOp(
          name: "XENMEM_increase_reservation", number: 0,
          continuation: shifted(6, .typeMaximum(.unsignedInt, shiftedRightBy: 6))),
        SubOp(name: "XENMEM_decrease_reservation", number: 1, continuation: shifted(6, .registerCapacity)),
        SubOp(name: "XENMEM_maximum_ram_page", number: 2),
        // Progress above a gap: bits 6 and 7 carry nothing and are rejected.
        SubOp(name: "XENMEM_gapped", number: 7, continuation: shifted(8, .constant(1000))),
        // Shifted past a 32-bit register: nothing of the progress survives there.
        SubOp(
          name: "XENMEM_wide", number: 8, continuation: shifted(40, .typeMaximum(.unsignedLong, shiftedRightBy: 40))),
        SubOp(name: "XENMEM_access_op", number: 21, toolsOnly: true, continuation: raw(.registerCapacity)),
        SubOp(name: "XENMEM_bounded_access", number: 22, toolsOnly: true, continuation: raw(.constant(0x12345))),
        SubOp(
          name: "XENMEM_versioned", number: 30, toolsOnly: true,
          guardCondition: "__XEN_INTERFACE_VERSION__ >= 0x00040400"),
        SubOp(name: "XENMEM_renamed", number: 31, cName: "XENMEM_renamed_in_c"),
      ])
    let hvmOp = Multiplex(
      opArgument: cmd, opMask: OpMask(bits: 8, maskName: "HVMOP_op_mask"), unusedBits: .ignored,
      subOps: [
        SubOp(name: "HVMOP_set_param", number: 0),
        SubOp(
          name: "HVMOP_modified_memory", number: 7, continuation: raw(.typeMaximum(.unsignedLong, shiftedRightBy: 0))),
        SubOp(name: "HVMOP_old", number: 9, guardCondition: "__XEN_INTERFACE_VERSION__ < 0x00040900"),
      ])
    let grantTableOp = Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt), opMask: .wholeRegister,
      unusedBits: .ignored,
      subOps: [
        SubOp(name: "GNTTABOP_map_grant_ref", number: 0),
        SubOp(name: "GNTTABOP_copy", number: 5),
        SubOp(name: "GNTTABOP_high", number: 0x8000_0001),
      ])
    let dmOp = Multiplex(
      opArgument: ArgumentSlot(index: 2, name: "op", type: .guestField32),
      opMask: OpMask(bits: 12, shiftName: "DMOP_LOCAL_SHIFT"), unusedBits: .rejected,
      subOps: [SubOp(name: "XEN_DMOP_first", number: 1, continuation: shifted(12, nil))])
    let first = Release(
      name: "1.0", source: "v1.0",
      hypercalls: [
        Hypercall(name: "set_trap_table", number: 0),
        Hypercall(name: "mmu_update", number: 1, countFlag: flag),
        Hypercall(name: "memory_op", number: 12, multiplex: memoryOp),
        Hypercall(name: "grant_table_op", number: 20, multiplex: grantTableOp),
        Hypercall(name: "switch_to_user", number: 23, guestABIs: ["x86_64"]),
        Hypercall(name: "switch_vm86", number: 23, guestABIs: ["x86_32"]),
        Hypercall(name: "vendor_op", number: 24, guestABIs: ["sparc64", "x86_64"]),
        Hypercall(name: "mmuext_op", number: 26, countFlag: flag),
        Hypercall(name: "hvm_op", number: 34, multiplex: hvmOp),
        Hypercall(name: "dm_op", number: 41, multiplex: dmOp),
      ])
    let second = Release(
      name: "2.0-rc1", status: .development,
      hypercalls: [
        Hypercall(name: "set_trap_table", number: 0),
        Hypercall(
          name: "memory_op", number: 12,
          multiplex: Multiplex(
            opArgument: cmd, opMask: OpMask(bits: 6, maskName: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT"),
            unusedBits: .ignored, subOps: [])),
      ])
    return ABIModel(
      family: "demo",
      guestABIs: [
        GuestABI(name: "x86_64", width: 64), GuestABI(name: "x86_32", width: 32),
        GuestABI(name: "sparc64", width: 64),
      ],
      releases: [first, second])
  }
}
