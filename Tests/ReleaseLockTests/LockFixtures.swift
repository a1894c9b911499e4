import ABIModel
import ReleaseLock

/// A small history built directly: two releases of a masked `hvm_op` with a continuation and a
/// count-flagged `mmu_update`, then `master`.
enum LockFixtures {
  static let op = ArgumentSlot(index: 0, name: "op", type: .unsignedLong)

  static func hvmOp(maskBits: Int = 8, ops: [SubOp]? = nil, location: SourceLocation = .unknown) -> Hypercall {
    Hypercall(
      name: "hvm_op", number: 34,
      multiplex: Multiplex(
        opArgument: op, opMask: OpMask(bits: maskBits, maskName: "HVMOP_op_mask"), unusedBits: .rejected,
        subOps: ops ?? [
          SubOp(name: "HVMOP_set_param", number: 0, lineage: "hvm_op:HVMOP_set_param"),
          SubOp(
            name: "HVMOP_modified_memory", number: 7, lineage: "hvm_op:HVMOP_modified_memory", toolsOnly: true,
            continuation: ContinuationEncoding(
              kinds: [.cmdRawIndexAligned], bound: .registerCapacity, progressName: "start_iter", source: "e8b87b57b4"),
            source: "e8b87b57b4", location: SourceLocation(file: "Spec/Mini.swift", line: 20)),
        ],
        source: "RELEASE-4.5.0", location: location))
  }

  static let mmuUpdate = Hypercall(
    name: "mmu_update", number: 1,
    countFlag: CountFlagEncoding(
      argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt), flagBit: 31,
      flagName: "MMU_UPDATE_PREEMPTED"))

  static func model(master: [Hypercall]? = nil) -> ABIModel {
    let hypercalls = [mmuUpdate, hvmOp(location: SourceLocation(file: "Spec/Mini.swift", line: 12))]
    return ABIModel(
      family: "mini", guestABIs: [GuestABI(name: "x86_64", width: 64)],
      releases: [
        Release(name: "4.4", hypercalls: [mmuUpdate], location: SourceLocation(file: "Spec/Releases.swift", line: 3)),
        Release(name: "4.5", hypercalls: hypercalls, location: SourceLocation(file: "Spec/Releases.swift", line: 4)),
        Release(
          name: "master", status: .development, hypercalls: master ?? hypercalls,
          location: SourceLocation(file: "Spec/Releases.swift", line: 5)),
      ],
      location: SourceLocation(file: "Spec/Mini.swift", line: 1))
  }

  /// The lock of every released release of `model`.
  static func lock(of model: ABIModel) -> ReleaseLock {
    model.releases.filter { $0.status == .released }.reduce(ReleaseLock(family: model.family)) {
      $0.locking($1, of: model)
    }
  }
}
