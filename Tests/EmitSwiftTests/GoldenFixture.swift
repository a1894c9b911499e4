import ABIModel
import EmitCore

/// A small spec built directly from model values (no DSL), covering what the emitter spells
/// differently: a keyword and a reserved member as op names, a guest-specific hypercall number,
/// shifted, raw and plain continuations, every bound kind, both high-bit policies, a
/// whole-register op read from guest memory, an empty sub-op table, a table the next release
/// keeps unchanged (an alias there), and a release in development.
enum GoldenFixture {
  static let cmd = ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)

  static var model: ABIModel {
    ABIModel(
      family: "test",
      guestABIs: [GuestABI(name: "x86_64", width: 64), GuestABI(name: "x86_32", width: 32)],
      releases: [release1, release2])
  }

  static var selection: ABIModelSelection {
    ABIModelSelection(model: model, releases: model.releases)
  }

  static var release1: Release {
    Release(
      name: "1.0", source: "RELEASE-1.0.0",
      hypercalls: [
        Hypercall(name: "memory_op", number: 12, multiplex: memoryOp1),
        Hypercall(name: "set_timer_op", number: 15),
        Hypercall(name: "switch_mode", number: 23, guestABIs: ["x86_32"]),
        Hypercall(name: "dm_op", number: 41, multiplex: dmOp),
      ])
  }

  static var memoryOp1: Multiplex {
    Multiplex(
      opArgument: cmd, opMask: OpMask(bits: 4, shiftName: "START_EXTENT_SHIFT"),
      unusedBits: .ignored,
      subOps: [
        SubOp(
          name: "TESTMEM_increase", number: 0,
          continuation: ContinuationEncoding(
            kinds: [.cmdShiftedIndex], shift: 4, bound: .registerCapacity)),
        SubOp(name: "TESTMEM_query", number: 1),
        SubOp(name: "TESTMEM_default", number: 2, toolsOnly: true),
        SubOp(name: "TESTMEM_raw_value", number: 3),
      ])
  }

  static var release2: Release {
    Release(
      name: "2.0-rc", status: .development,
      hypercalls: [
        Hypercall(name: "memory_op", number: 12, multiplex: memoryOp2),
        Hypercall(name: "set_timer_op", number: 15),
        // A multiplexed hypercall with no sub-op yet: everything is an unknown op.
        Hypercall(
          name: "xsm_op", number: 27,
          multiplex: Multiplex(
            opArgument: cmd, opMask: .wholeRegister, unusedBits: .rejected, subOps: [])),
        Hypercall(name: "dm_op", number: 41, multiplex: dmOp),
      ])
  }

  static var memoryOp2: Multiplex {
    Multiplex(
      opArgument: cmd,
      opMask: OpMask(bits: 6, maskName: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT"),
      unusedBits: .rejected,
      subOps: [
        SubOp(
          name: "TESTMEM_increase", number: 0,
          continuation: ContinuationEncoding(
            kinds: [.cmdShiftedIndex], shift: 6,
            bound: .typeMaximum(.unsignedInt, shiftedRightBy: 6))),
        SubOp(name: "TESTMEM_query", number: 1),
        SubOp(
          name: "TESTMEM_access", number: 5,
          continuation: ContinuationEncoding(
            kinds: [.cmdRawIndexAligned, .handleAndCount], bound: .constant(0x1_0000_0000))),
        SubOp(
          name: "TESTMEM_exchange", number: 11,
          continuation: ContinuationEncoding(kinds: [.guestStruct])),
      ])
  }

  static var dmOp: Multiplex {
    Multiplex(
      opArgument: ArgumentSlot(index: 2, name: "op", type: .guestField32), opMask: .wholeRegister,
      unusedBits: .rejected,
      subOps: [
        SubOp(name: "TESTDM_create", number: 1),
        SubOp(
          name: "TESTDM_modified_memory", number: 11,
          continuation: ContinuationEncoding(kinds: [.guestStruct])),
      ])
  }
}
