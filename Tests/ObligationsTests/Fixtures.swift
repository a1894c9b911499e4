import ABIModel
import Obligations
import Testing

/// Small models built directly, each good or deliberately broken in one way.
enum Fixtures {
  static let guests64 = [GuestABI(name: "x86_64", width: 64)]
  static let guests32 = [GuestABI(name: "x86_32", width: 32)]
  static let cmd = ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)

  static func shifted(_ shift: Int, bound: ProgressBound = .registerCapacity) -> ContinuationEncoding {
    ContinuationEncoding(kinds: [.cmdShiftedIndex], shift: shift, bound: bound, progressName: "start_extent")
  }

  static func op(_ name: String, _ number: UInt64, _ continuation: ContinuationEncoding? = nil, toolsOnly: Bool = false)
    -> SubOp
  {
    SubOp(name: name, number: number, toolsOnly: toolsOnly, continuation: continuation)
  }

  static func memoryOp(maskBits: Int, policy: UnusedBitsPolicy = .ignored, _ ops: [SubOp]) -> Hypercall {
    Hypercall(
      name: "memory_op", number: 12,
      multiplex: Multiplex(
        opArgument: cmd, opMask: OpMask(bits: maskBits, maskName: "MEMOP_CMD_MASK"), unusedBits: policy, subOps: ops))
  }

  static func model(
    _ releases: [(String, [Hypercall])], guests: [GuestABI] = guests64, accepted: [AcceptedBreak] = []
  ) -> ABIModel {
    ABIModel(
      family: "fixture", guestABIs: guests,
      releases: releases.map { Release(name: $0.0, hypercalls: $0.1) }, acceptedBreaks: accepted)
  }

  static let reservation33 = [
    op("XENMEM_increase_reservation", 0, shifted(4)), op("XENMEM_decrease_reservation", 1, shifted(4)),
    op("XENMEM_maximum_ram_page", 2),
  ]
  static let reservation34 = [
    op("XENMEM_increase_reservation", 0, shifted(6)), op("XENMEM_decrease_reservation", 1, shifted(6)),
    op("XENMEM_maximum_ram_page", 2), op("XENMEM_set_pod_target", 16), op("XENMEM_get_pod_target", 17),
  ]

  /// Xen 3.3 -> 3.4 in miniature.
  static var shiftWidening: ABIModel {
    model([("3.3", [memoryOp(maskBits: 4, reservation33)]), ("3.4", [memoryOp(maskBits: 6, reservation34)])])
  }

  /// A release that only adds an op above the old ones: compatible.
  static var compatibleAddition: ABIModel {
    model([
      ("4.4", [memoryOp(maskBits: 6, Array(reservation34.prefix(3)))]),
      ("4.5", [memoryOp(maskBits: 6, reservation34)]),
    ])
  }

  /// An accepted-break entry for a memory_op sub-op.
  static func covers(
    _ breakClass: BreakClass, _ op: String, becomes: BreakOutcome, older: ReleaseSpan, newer: ReleaseSpan,
    hypercall: String = "memory_op"
  ) -> BreakCoverage {
    BreakCoverage(
      breakClass, hypercall: hypercall, value: .subOp, subOp: op, becomes: becomes, older: older, newer: newer)
  }

  static func accepted(_ id: String, _ covers: [BreakCoverage]) -> AcceptedBreak {
    AcceptedBreak(id: id, covers: covers, reason: "r", source: "s")
  }

  /// Runs the checker; these fixtures are small, so any inconclusive query is a bug.
  static func check(_ model: ABIModel, _ options: CheckOptions = CheckOptions()) throws -> CheckReport {
    var checker = Checker(model: model, options: options)
    let report = try checker.run()
    #expect(
      report.count(.inconclusive) == 0, "\(report.results.filter { $0.outcome == .inconclusive }.map(\.obligation))")
    #expect(report.count(.internalError) == 0)
    return report
  }
}

extension CheckReport {
  func results(_ kind: ProofObligation.Kind) -> [ObligationResult] {
    results.filter { $0.obligation.kind == kind }
  }

  func counterexamples(_ kind: ProofObligation.Kind) -> [Counterexample] {
    results(kind).flatMap { result -> [Counterexample] in
      if case .refuted(let examples) = result.verdict { return examples }
      return []
    }
  }
}
