import ABIModel
import Obligations
import Testing
import XenDispatch

/// The migration simulator over the generated dispatchers of the release pairs `abigen check`
/// proves: a call carried from A to B must end as the same call does on A alone.
@Suite struct MigrationTests {
  /// Units a continuable call asks for, and units its handler does before preempting: three
  /// preemptions, so the guest can move after one, two or all three of them.
  static let work: UInt64 = 7
  static let preemptEvery: UInt64 = 2

  /// The runs for one proved obligation. Every op of A as a fresh call first read by B (the
  /// guest moved after writing its registers on A); every continuable op moved after each of
  /// its preemptions on A, from a fresh call and from a start that puts A's last preemption on
  /// the largest progress A can carry in the register.
  static func scenarios(for obligation: ProofObligation) throws -> [(MigrationScenario, SubOp)] {
    let older = try #require(obligation.older)
    let hypercall = try #require(obligation.hypercall)
    // The obligation's ABI names the architecture it is about.
    let architecture = BundledSpec.architecture(ofABI: obligation.guestABI)
    let multiplex = try #require(BundledSpec.multiplex(older, hypercall, architecture: architecture))
    let width = obligation.guestWidth
    var result: [(MigrationScenario, SubOp)] = []
    for op in multiplex.subOps {
      let fresh = MigrationScenario(
        from: older, to: obligation.release, hypercall: hypercall, start: .op(op.number, progress: 0),
        guestWidth: width, architecture: architecture, work: op.continuation == nil ? 1 : work,
        preemptEvery: preemptEvery, migrateAfter: 0)
      result.append((fresh, op))
      guard op.continuation != nil else { continue }
      let step = op.opRegisterLayout == .rawAligned ? (multiplex.opMask.value ?? 0) + 1 : 1
      let maximum = multiplex.maximumProgress(of: op, guestWidth: width)
      var starts: [UInt64] = [0]
      if maximum / step > 20 { starts.append(maximum - (work - 1) * step) }
      for start in starts {
        for migrateAfter in 1...3 {
          var scenario = fresh
          scenario.start = .op(op.number, progress: start)
          scenario.migrateAfter = migrateAfter
          result.append((scenario, op))
        }
      }
    }
    return result
  }

  @Test(arguments: BundledSpec.generatedReleaseNames.dropLast())
  func aCallCarriedAcrossAProvedMigrationEndsAsOnAAlone(from release: String) throws {
    let proved = try BundledCheck.provedMigrations(from: release)
    var alone: [MigrationScenario: MigrationRun] = [:]
    var beyondBound: Set<String> = []
    for obligation in proved {
      let scenarios = try Self.scenarios(for: obligation)
      #expect(!scenarios.isEmpty, "\(obligation): no run")
      for (scenario, op) in scenarios {
        var key = scenario.stayingOnA
        key.migrateAfter = 0
        let onA = try alone[key] ?? MigrationSimulator.run(key)
        alone[key] = onA
        #expect(onA.end == .completed(lineage: op.lineage, returnValue: Int64(scenario.work)), "\(key)")
        #expect(onA.totalWork == scenario.work, "\(key)")
        let migrated = try MigrationSimulator.run(scenario)
        // The guest did move after as many preemptions on A as asked.
        #expect(migrated.carried.count == (scenario.migrateAfter > 0 ? 1 : 0), "\(scenario)")
        if migrated.matches(onA) { continue }
        // B ran the same op from where A left it, until it had to carry a progress past its bound.
        if case .unencodable(scenario.to, op.lineage, let progress) = migrated.end,
          Set(migrated.lineages) == [op.lineage],
          let b = BundledSpec.multiplex(
            scenario.to, BundledSpec.successor(of: scenario.hypercall, in: scenario.from, at: scenario.to),
            architecture: scenario.architecture),
          let successor = b.subOp(lineage: op.lineage),
          progress > b.maximumProgress(of: successor, guestWidth: scenario.guestWidth)
        {
          beyondBound.insert(
            "\(scenario.hypercall) \(op.name) \(scenario.from) -> \(scenario.to) \(scenario.guestWidth)")
          continue
        }
        Issue.record(
          "\(scenario): \(obligation) is proved, but the migrated call ended \(migrated.end) with \(migrated.totalWork) units over \(migrated.lineages); on A alone \(onA.end)"
        )
      }
    }
    // Exactly the continuations the checker's progress-bound obligation refutes (Xen 4.3
    // lowered the 64-bit nr_extents bound): what the simulation meets, the checker printed.
    let provedPairs = Set(proved.map { "\($0.hypercall ?? "") \($0.older ?? "") -> \($0.release) \($0.guestWidth)" })
    let expected = try BundledCheck.progressBoundBreaks().filter { entry in
      let parts = entry.split(separator: " ")
      return provedPairs.contains("\(parts[0]) \(parts[2]) -> \(parts[4]) \(parts[5])")
    }
    #expect(beyondBound == expected, "\(release)")
  }

  /// The sweeps above cover what the checker decided; an undecided migration would drop out of
  /// them unnoticed.
  @Test func theCheckerDecidesEveryMigration() throws {
    let migrations = try BundledCheck.migrations()
    let undecided = migrations.filter { ![.proved, .refuted, .accepted, .reported].contains($0.outcome) }
    #expect(undecided.isEmpty, "\(undecided.map { "\($0.obligation): \($0.outcome)" })")
    #expect(migrations.contains { $0.outcome == .proved })
  }

  /// The known break, through the simulator: `XENMEM_increase_reservation` preempted at extent 1
  /// on 3.3 carries 0x10, which 3.4 runs as `XENMEM_set_pod_target`.
  @Test func xen33IncreaseReservationResumesAsSetPodTargetOn34() throws {
    let scenario = MigrationScenario(
      from: "3.3", to: "3.4", hypercall: "memory_op", start: .op(0, progress: 0), guestWidth: 64, work: 5,
      preemptEvery: 1)
    let run = try MigrationSimulator.run(scenario)
    #expect(run.carried == [0x10])
    #expect(run.slices.first?.lineage == "memory_op:XENMEM_increase_reservation")
    #expect(run.slices.dropFirst().first?.lineage == "memory_op:XENMEM_set_pod_target")
    #expect(run.slices.dropFirst().first?.release == "3.4")
    #expect(!run.matches(try MigrationSimulator.run(scenario.stayingOnA)))
  }

  @Test func unknownNamesAreReported() {
    let scenario = MigrationScenario(
      from: "9.9", to: "3.4", hypercall: "memory_op", start: .register(0), guestWidth: 64, work: 1, preemptEvery: 1)
    #expect(throws: MigrationSimulator.Failure.self) { try MigrationSimulator.run(scenario) }
  }
}
