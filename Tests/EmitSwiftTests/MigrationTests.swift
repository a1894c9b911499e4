import ABIModel
import Testing
import XenDispatch

/// The migration simulator over the generated dispatchers of every release pair.
@Suite struct MigrationTests {
  /// What the model's decoders say about a scenario's live values.
  enum Verdict: Equatable {
    /// Both releases decode every continuation to the same op at the same progress, and B can
    /// carry every later progress: the migrated call must end as it does on A alone.
    case survives
    /// B decodes a continuation differently (another op, other progress, or -ENOSYS).
    case decodesDifferently(UInt64)
    /// B decodes the same but the remaining progress is beyond what B can encode.
    case beyondBound(UInt64)
  }

  /// Decides a scenario concretely with `Multiplex.decode` over the continuation values A's run
  /// produces (the live values).
  static func verdict(_ scenario: MigrationScenario, op: SubOp, a: Multiplex, b: Multiplex)
    -> Verdict
  {
    let width = scenario.guestWidth
    let step = op.opRegisterLayout == .rawAligned ? (a.opMask.value ?? 0) + 1 : 1
    guard case .op(_, let start) = scenario.start else { return .survives }
    var progress = start + scenario.preemptEvery * step
    while progress < start + scenario.work * step {
      // Plain ops re-issue the bare op; their progress is in guest memory.
      let value = a.encode(
        op, progress: op.opRegisterLayout == .none ? 0 : progress, guestWidth: width)!
      let onA = a.decode(value, guestWidth: width)
      let onB = b.decode(value, guestWidth: width)
      guard let opA = onA.subOp, let opB = onB.subOp, opA.lineage == opB.lineage,
        onA.progress == onB.progress
      else {
        return .decodesDifferently(value)
      }
      if opB.opRegisterLayout != .none && progress > b.maximumProgress(of: opB, guestWidth: width) {
        return .beyondBound(value)
      }
      progress += scenario.preemptEvery * step
    }
    return .survives
  }

  /// Scenarios for every newer release, every hypercall both have, every continuable op of A,
  /// both widths, from a fresh call and from near A's bound.
  static func scenarios(from release: String) -> [(MigrationScenario, SubOp)] {
    let model = BundledSpec.model
    guard let index = model.releaseIndex(named: release),
      let a = model.releases.first(where: { $0.name == release })
    else { return [] }
    var result: [(MigrationScenario, SubOp)] = []
    for b in model.releases[(index + 1)...] {
      for hypercall in a.hypercalls {
        guard let multiplex = hypercall.multiplex,
          b.hypercall(named: hypercall.name)?.multiplex != nil
        else { continue }
        for op in multiplex.subOps where op.continuation != nil {
          for width in BundledSpec.guestWidths {
            let step = op.opRegisterLayout == .rawAligned ? (multiplex.opMask.value ?? 0) + 1 : 1
            let maximum = multiplex.maximumProgress(of: op, guestWidth: width)
            var starts: [UInt64] = [0]
            if maximum / step > 20 { starts.append(maximum - (maximum % step) - 12 * step) }
            for start in starts {
              result.append(
                (
                  MigrationScenario(
                    from: release, to: b.name, hypercall: hypercall.name,
                    start: .op(op.number, progress: start),
                    guestWidth: width, work: 7, preemptEvery: 2),
                  op
                ))
            }
          }
        }
      }
    }
    return result
  }

  @Test(arguments: BundledSpec.releaseNames.dropLast())
  func aContinuationCarriedToANewerReleaseEndsAsTheModelSays(from release: String) throws {
    for (scenario, op) in Self.scenarios(from: release) {
      let a = try #require(BundledSpec.multiplex(scenario.from, scenario.hypercall))
      let b = try #require(BundledSpec.multiplex(scenario.to, scenario.hypercall))
      let migrated = try MigrationSimulator.run(scenario)
      let alone = try MigrationSimulator.run(scenario.stayingOnA)
      // A alone finishes the op it was given with all of the work.
      #expect(
        alone.end == .completed(lineage: op.lineage, returnValue: 7), "\(scenario.stayingOnA)")
      #expect(alone.totalWork == 7, "\(scenario.stayingOnA)")
      switch Self.verdict(scenario, op: op, a: a, b: b) {
      case .survives:
        #expect(migrated.end == alone.end, "\(scenario)")
        #expect(migrated.totalWork == alone.totalWork, "\(scenario)")
        #expect(
          migrated.lineages.allSatisfy { $0 == op.lineage }, "\(scenario): \(migrated.lineages)")
      case .decodesDifferently:
        // What B's generated code did first is what the model's B decoder says it does.
        let carried = try #require(migrated.carried.first, "\(scenario)")
        switch b.decode(carried, guestWidth: scenario.guestWidth) {
        case .rejected(let reason):
          #expect(
            migrated.end == .rejected(release: scenario.to, Rejection(rawValue: reason.rawValue)!),
            "\(scenario)")
        case .subOp(let opB, let progress):
          let first = try #require(
            migrated.slices.first { $0.release == scenario.to }, "\(scenario)")
          #expect(first.lineage == opB.lineage, "\(scenario)")
          if opB.opRegisterLayout != .none { #expect(first.progress == progress, "\(scenario)") }
        }
      case .beyondBound:
        guard case .unencodable(let release, let lineage, _) = migrated.end else {
          Issue.record("\(scenario): expected B to be unable to encode, got \(migrated.end)")
          continue
        }
        #expect(release == scenario.to && lineage == op.lineage, "\(scenario)")
      }
    }
  }

  /// The sweep above meets every verdict, so none of its branches is dead; the 3.3 -> 3.4 shift
  /// widening is a decoding difference and 4.2 -> 4.3's narrower bound a bound one.
  @Test func theSweepMeetsEveryVerdict() throws {
    var kinds: Set<String> = []
    for release in BundledSpec.releaseNames.dropLast() {
      for (scenario, op) in Self.scenarios(from: release) {
        let a = try #require(BundledSpec.multiplex(scenario.from, scenario.hypercall))
        let b = try #require(BundledSpec.multiplex(scenario.to, scenario.hypercall))
        let verdict = Self.verdict(scenario, op: op, a: a, b: b)
        switch verdict {
        case .survives: kinds.insert("survives")
        case .decodesDifferently: kinds.insert("decodesDifferently")
        case .beyondBound: kinds.insert("beyondBound")
        }
        if scenario.from == "3.3" && scenario.to == "3.4" && scenario.start == .op(0, progress: 0) {
          // Extent 2 carried as 2 << 4: op 32 on 3.4, which has none.
          #expect(verdict == .decodesDifferently(0x20), "\(scenario)")
        }
        if scenario.from == "4.2" && scenario.to == "4.3" && op.name == "XENMEM_populate_physmap"
          && scenario.guestWidth == 64 && scenario.start != .op(6, progress: 0)
        {
          #expect(verdict != .survives, "\(scenario)")
        }
      }
    }
    #expect(kinds == ["survives", "decodesDifferently", "beyondBound"])
  }

  /// The known break, through the simulator: `XENMEM_increase_reservation` preempted at extent 1
  /// on 3.3 carries 0x10, which 3.4 runs as `XENMEM_set_pod_target`.
  @Test func xen33IncreaseReservationResumesAsSetPodTargetOn34() throws {
    let scenario = MigrationScenario(
      from: "3.3", to: "3.4", hypercall: "memory_op", start: .op(0, progress: 0), guestWidth: 64,
      work: 5,
      preemptEvery: 1)
    let run = try MigrationSimulator.run(scenario)
    #expect(run.carried == [0x10])
    #expect(run.slices.first?.lineage == "memory_op:XENMEM_increase_reservation")
    #expect(run.slices.dropFirst().first?.lineage == "memory_op:XENMEM_set_pod_target")
    #expect(run.slices.dropFirst().first?.release == "3.4")
    #expect(run.end != (try MigrationSimulator.run(scenario.stayingOnA)).end)
  }

  /// The simulator takes a bare register value, as a counterexample gives one.
  @Test func aCounterexampleRegisterReplaysOnB() throws {
    let scenario = MigrationScenario(
      from: "3.4", to: "3.4", hypercall: "memory_op", start: .register(0x10), guestWidth: 64,
      work: 1,
      preemptEvery: 1)
    let run = try MigrationSimulator.run(scenario)
    #expect(run.slices.map(\.lineage) == ["memory_op:XENMEM_set_pod_target"])
    #expect(run.end == .completed(lineage: "memory_op:XENMEM_set_pod_target", returnValue: 1))
  }

  @Test func unknownNamesAreReported() {
    let scenario = MigrationScenario(
      from: "9.9", to: "3.4", hypercall: "memory_op", start: .register(0), guestWidth: 64, work: 1,
      preemptEvery: 1)
    #expect(throws: MigrationSimulator.Failure.self) { try MigrationSimulator.run(scenario) }
  }
}
