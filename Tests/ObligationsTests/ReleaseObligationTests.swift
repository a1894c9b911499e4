import ABIModel
import Obligations
import Testing

/// Each property of one release, with a good and a deliberately broken fixture. The broken
/// fixtures would not pass structural validation; the obligations must catch them anyway.
@Suite struct ReleaseObligationTests {
  func only(_ kind: ProofObligation.Kind, _ hypercall: Hypercall, guests: [GuestABI] = Fixtures.guests64) throws
    -> CheckReport.ObligationResult
  {
    let report = try Fixtures.check(Fixtures.model([("1.0", [hypercall])], guests: guests))
    let results = report.results(kind)
    try #require(results.count == 1)
    return results[0]
  }

  func proved(_ result: CheckReport.ObligationResult) -> Bool {
    if case .proved = result.verdict { return true }
    return false
  }

  func counterexample(_ result: CheckReport.ObligationResult) throws -> Counterexample {
    guard case .refuted(let examples) = result.verdict, let first = examples.first else {
      Issue.record("expected a refutation, got \(result.verdict)")
      throw CancellationError()
    }
    return first
  }

  @Test func opFitsMask() throws {
    let good = try only(.opFitsMask, Fixtures.memoryOp(maskBits: 6, Fixtures.reservation34))
    #expect(proved(good))
    let broken = try only(.opFitsMask, Fixtures.memoryOp(maskBits: 4, Fixtures.reservation34))
    let example = try counterexample(broken)
    #expect(broken.outcome == .refuted)
    #expect(example.failure == .release(.opDoesNotFit))
    #expect(example.value == 16 || example.value == 17)
    if case .refuted(let all) = broken.verdict {
      #expect(Set(all.map(\.subject)) == ["XENMEM_set_pod_target", "XENMEM_get_pod_target"])
    }
  }

  @Test func numbersUnique() throws {
    #expect(proved(try only(.numbersUnique, Fixtures.memoryOp(maskBits: 6, Fixtures.reservation34))))
    let clash = Fixtures.reservation34 + [Fixtures.op("XENMEM_clash", 2)]
    let example = try counterexample(try only(.numbersUnique, Fixtures.memoryOp(maskBits: 6, clash)))
    #expect(example.failure == .release(.duplicateNumber))
    #expect(example.value == 2)
    #expect(example.olderReading == "XENMEM_maximum_ram_page and XENMEM_clash")
  }

  @Test func fieldsDisjoint() throws {
    #expect(proved(try only(.fieldsDisjoint, Fixtures.memoryOp(maskBits: 6, Fixtures.reservation34))))
    // Progress shifted by 4 under a 6-bit mask lands in the op field.
    let overlapping = [Fixtures.op("XENMEM_increase_reservation", 0, Fixtures.shifted(4))]
    let example = try counterexample(try only(.fieldsDisjoint, Fixtures.memoryOp(maskBits: 6, overlapping)))
    #expect(example.failure == .release(.fieldsOverlap))
    #expect(example.subject == "XENMEM_increase_reservation")
    #expect(example.value & 0x3f != 0)
  }

  /// What catches a 32-bit guest having only 26 bits of start_extent: a bound of
  /// `UINT_MAX >> 4` under shift 6 needs 28.
  @Test func roundTripOnA32BitGuest() throws {
    let fits = [
      Fixtures.op(
        "XENMEM_increase_reservation", 0, Fixtures.shifted(6, bound: .typeMaximum(.unsignedInt, shiftedRightBy: 6)))
    ]
    #expect(proved(try only(.roundTrip, Fixtures.memoryOp(maskBits: 6, fits), guests: Fixtures.guests32)))
    let tooLarge = [
      Fixtures.op(
        "XENMEM_increase_reservation", 0, Fixtures.shifted(6, bound: .typeMaximum(.unsignedInt, shiftedRightBy: 4)))
    ]
    #expect(proved(try only(.roundTrip, Fixtures.memoryOp(maskBits: 6, tooLarge))))
    let broken = try only(.roundTrip, Fixtures.memoryOp(maskBits: 6, tooLarge), guests: Fixtures.guests32)
    let example = try counterexample(broken)
    #expect(example.failure == .release(.roundTripFails))
    #expect(example.subject == "XENMEM_increase_reservation")
    // Progress at or beyond 2^26 wraps: the register holds only bits 6..31.
    #expect(example.olderReading.contains("is written as \(CounterexampleHex.hex(example.value))"))
    #expect(example.cause == "start_extent is bounded by 0xfffffff, more than the 32-bit cmd holds")
  }

  @Test func liveValuesDistinct() throws {
    #expect(proved(try only(.liveValuesDistinct, Fixtures.memoryOp(maskBits: 6, Fixtures.reservation34))))
    // A 2-bit shift under a 4-bit mask: op 0 at progress 1 is the fresh value of op 4.
    let broken = [
      Fixtures.op("XENMEM_increase_reservation", 0, Fixtures.shifted(2)), Fixtures.op("XENMEM_maximum_reservation", 4),
    ]
    let example = try counterexample(try only(.liveValuesDistinct, Fixtures.memoryOp(maskBits: 4, broken)))
    #expect(example.failure == .release(.liveValueShared))
    #expect(example.value & 0xf == 4)
    #expect(
      example.olderReading.contains("XENMEM_increase_reservation and XENMEM_maximum_reservation")
        || example.olderReading.contains("XENMEM_maximum_reservation and XENMEM_increase_reservation"))
  }

  @Test func everyProofHasAWitness() throws {
    let report = try Fixtures.check(Fixtures.shiftWidening)
    for result in report.results where result.outcome == .proved {
      guard case .proved(let witness) = result.verdict else { continue }
      #expect(!witness.description.isEmpty)
    }
  }

  @Test func aTableWithoutOpsHoldsOnlyVacuously() throws {
    let report = try Fixtures.check(Fixtures.model([("1.0", [Fixtures.memoryOp(maskBits: 6, [])])]))
    #expect(report.count(.vacuous) > 0)
    #expect(report.exitCode == 1)
    #expect(report.notes.contains { $0.message.contains("holds only vacuously") })
  }
}

enum CounterexampleHex {
  static func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }
}
