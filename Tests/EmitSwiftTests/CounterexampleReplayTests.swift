import ABIModel
import Obligations
import Testing
import XenDispatch

/// Every counterexample `abigen check` reports for a migration (failing, accepted or tools-only)
/// replayed through the generated code of both releases: A's code must do what the checker says
/// A reads, and B's what it says B reads.
@Suite struct CounterexampleReplayTests {
  static func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }

  @Test func everyMigrationCounterexampleReadsAsTheCheckerSaysInTheGeneratedCode() throws {
    let all = try BundledCheck.migrationCounterexamples()
    #expect(!all.isEmpty)
    for (obligation, counterexample) in all {
      let label = "\(obligation): \(Self.hex(counterexample.value))"
      let hypercall = try #require(obligation.hypercall, "\(label)")
      let older = try #require(obligation.older, "\(label)")
      let olderReading = GeneratedReading(try #require(counterexample.olderDecoding, "\(label)"))
      let newerReading = GeneratedReading(try #require(counterexample.newerDecoding, "\(label)"))
      #expect(olderReading.subOp == counterexample.subject, "\(label)")
      // The obligation's ABI names the architecture whose code the value is read by.
      let architecture = BundledSpec.architecture(ofABI: obligation.guestABI)
      let onA = try MigrationSimulator.replay(
        counterexample.value, hypercall: hypercall, on: older, guestWidth: obligation.guestWidth,
        architecture: architecture)
      let onB = try MigrationSimulator.replay(
        counterexample.value, hypercall: BundledSpec.successor(of: hypercall, in: older, at: obligation.release),
        on: obligation.release, guestWidth: obligation.guestWidth, architecture: architecture)
      #expect(onA.decoded == olderReading, "\(label): \(older)'s decoder")
      #expect(onA.dispatched == olderReading, "\(label): \(older)'s dispatcher")
      if counterexample.failure == .migration(.interfaceRefused) {
        // B's code would read the op; its handler refuses the call first: the two releases'
        // generated interface versions differ.
        let carried = try MigrationSimulator.interfaceVersion(hypercall, in: older)
        let required = try MigrationSimulator.interfaceVersion(
          BundledSpec.successor(of: hypercall, in: older, at: obligation.release), in: obligation.release)
        #expect(carried != nil && required != nil && carried != required, "\(label)")
        continue
      }
      #expect(onB.decoded == newerReading, "\(label): \(obligation.release)'s decoder")
      #expect(onB.dispatched == newerReading, "\(label): \(obligation.release)'s dispatcher")
      // What B must do is not what A does, so A's code in B's place fails the line above; unless
      // only the op's identity changed under the same name and progress (TMEM_CONTROL 4.5 -> 4.6,
      // withdrawn and defined again as hypervisor-internal), which no generated code can tell apart.
      if olderReading != newerReading {
        #expect(onA.dispatched != newerReading, "\(label)")
      }
    }
  }

  /// The same values through the simulator: the guest moves after writing the register on A, B
  /// runs it, and the call does not end as it does on A alone (the property the proved pairs
  /// are held to fails here), in the way the checker printed.
  @Test func everyMigrationCounterexampleMisbehavesInTheSimulator() throws {
    for (obligation, counterexample) in try BundledCheck.migrationCounterexamples() {
      let label = "\(obligation): \(Self.hex(counterexample.value))"
      let older = try #require(obligation.older, "\(label)")
      let hypercall = try #require(obligation.hypercall, "\(label)")
      let architecture = BundledSpec.architecture(ofABI: obligation.guestABI)
      let a = try #require(BundledSpec.multiplex(older, hypercall, architecture: architecture), "\(label)")
      let b = try #require(
        BundledSpec.multiplex(
          obligation.release, BundledSpec.successor(of: hypercall, in: older, at: obligation.release),
          architecture: architecture),
        "\(label)")
      let olderReading = try #require(counterexample.olderDecoding, "\(label)")
      let newerReading = try #require(counterexample.newerDecoding, "\(label)")
      let op = try #require(a.subOp(named: counterexample.subject), "\(label)")
      // Seven units left after the progress the value carries, done in one slice: a value read
      // at the wrong progress would otherwise take up to the simulator's step limit.
      let unit = op.opRegisterLayout == .rawAligned ? (a.opMask.value ?? 0) + 1 : 1
      let scenario = MigrationScenario(
        from: older, to: obligation.release, hypercall: hypercall,
        start: .register(counterexample.value), guestWidth: obligation.guestWidth, architecture: architecture,
        work: olderReading.progress / unit + 7, preemptEvery: olderReading.progress / unit + 7, migrateAfter: 0)
      let migrated = try MigrationSimulator.run(scenario)
      let alone = try MigrationSimulator.run(scenario.stayingOnA)
      #expect(alone.slices.first?.lineage == op.lineage, "\(label)")
      #expect(alone.totalWork == 7 && alone.slices.count == 1, "\(label)")
      #expect(!migrated.matches(alone), "\(label): \(migrated.end)")
      if let name = newerReading.subOp {
        let first = try #require(migrated.slices.first, "\(label)")
        #expect(first.release == obligation.release, "\(label)")
        #expect(first.lineage == b.subOp(named: name)?.lineage, "\(label)")
        if b.subOp(named: name)?.opRegisterLayout != OpRegisterLayout.none {
          #expect(first.progress == newerReading.progress, "\(label)")
        }
      } else if counterexample.failure == .migration(.interfaceRefused) {
        #expect(migrated.slices.isEmpty, "\(label)")
        #expect(migrated.end == .refused(release: obligation.release), "\(label)")
      } else {
        #expect(migrated.slices.isEmpty, "\(label)")
        guard case .rejected(obligation.release, _) = migrated.end else {
          Issue.record("\(label): expected -ENOSYS from \(obligation.release), got \(migrated.end)")
          continue
        }
      }
    }
  }

  /// The known Xen break as `abigen check` prints it: on 3.3 `cmd = 0x10` is
  /// `XENMEM_increase_reservation` resuming at extent 1; the generated 3.4 code runs
  /// `XENMEM_set_pod_target`.
  @Test(arguments: BundledSpec.guestWidths)
  func theCheckers33To34MemoryOpCounterexampleRunsSetPodTargetOn34(guestWidth: Int) throws {
    let report = try BundledCheck.report()
    let finding = try #require(
      report.findings.first {
        $0.obligation.kind == .migration && $0.obligation.older == "3.3" && $0.obligation.release == "3.4"
          && $0.obligation.hypercall == "memory_op" && $0.counterexample.value == 0x10
      })
    #expect(finding.counterexample.subject == "XENMEM_increase_reservation")
    #expect(finding.counterexample.newerDecoding?.subOp == "XENMEM_set_pod_target")
    guard case .accepted(let id, _, _) = finding.disposition else {
      Issue.record("expected an accepted break, got \(finding.disposition)")
      return
    }
    #expect(id == "memop-shift-4-to-6")
    // The checker refutes the obligation at this width too, with a break of this op.
    let result = try #require(
      report.results.first {
        $0.obligation.kind == .migration && $0.obligation.older == "3.3" && $0.obligation.release == "3.4"
          && $0.obligation.hypercall == "memory_op" && $0.obligation.guestWidth == guestWidth
      })
    #expect(result.outcome == .accepted)

    #expect(Xen_3_3.MemoryOp.decode(0x10, guestWidth: guestWidth) == .subOp(.increaseReservation, progress: 1))
    var on34 = MemoryOp34()
    let resumed = Xen_3_4.MemoryOp.dispatch(HypercallArguments(0x10), guestWidth: guestWidth, to: &on34)
    #expect(resumed == .completed(.setPodTarget, returnValue: 0))
    #expect(on34.calls.map(\.op) == ["setPodTarget"])
  }
}
