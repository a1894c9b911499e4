import ABIModel

/// Small hand-built models: the model must be usable without the DSL.
enum Fixtures {
  static let guests = [GuestABI(name: "x86_64", width: 64), GuestABI(name: "x86_32", width: 32)]
  static let cmd = ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)

  static func shifted(_ shift: Int, bound: ProgressBound = .registerCapacity) -> ContinuationEncoding {
    ContinuationEncoding(kinds: [.cmdShiftedIndex], shift: shift, bound: bound)
  }

  /// A memory_op with the given mask width, shifted continuations on ops 0 and 1.
  static func memoryOp(maskBits: Int, unusedBits: UnusedBitsPolicy = .ignored, extraOps: [SubOp] = [])
    -> Multiplex
  {
    Multiplex(
      opArgument: cmd, opMask: OpMask(bits: maskBits, maskName: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT"),
      unusedBits: unusedBits,
      subOps: [
        SubOp(name: "XENMEM_increase_reservation", number: 0, continuation: shifted(maskBits)),
        SubOp(name: "XENMEM_decrease_reservation", number: 1, continuation: shifted(maskBits)),
        SubOp(name: "XENMEM_maximum_ram_page", number: 2),
      ] + extraOps)
  }

  static func release(_ name: String, _ hypercalls: [Hypercall], status: Release.Status = .released) -> Release {
    Release(name: name, status: status, hypercalls: hypercalls)
  }

  static func model(_ releases: [Release], accepted: [AcceptedBreak] = []) -> ABIModel {
    ABIModel(family: "test", guestABIs: guests, releases: releases, acceptedBreaks: accepted)
  }

  /// Xen 3.3 -> 3.4 in miniature: the shift widens and set_pod_target takes number 16.
  static var xenShiftWidening: ABIModel {
    let podTarget = SubOp(name: "XENMEM_set_pod_target", number: 16)
    return model([
      release("3.3", [Hypercall(name: "memory_op", number: 12, multiplex: memoryOp(maskBits: 4))]),
      release(
        "3.4", [Hypercall(name: "memory_op", number: 12, multiplex: memoryOp(maskBits: 6, extraOps: [podTarget]))]),
    ])
  }
}
