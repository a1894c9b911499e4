import ABIModel
import Obligations
import Testing

/// The multicall write-back: every live op-register value also sits in `multicall_entry.args[]`,
/// as wide as its fields. Fields as wide as the registers (or wider) prove; a narrower field
/// drops the progress above it, found at exactly the first value that loses a bit.
@Suite struct WriteBackTests {
  static let guests = [GuestABI(name: "x86_64", width: 64), GuestABI(name: "arm32", width: 32)]

  static func multicall(_ widths: [WriteBack.FieldWidth]) -> Hypercall {
    Hypercall(
      name: "multicall", number: 13,
      writeBack: WriteBack(structure: "multicall_entry", numberField: "op", argumentsField: "args", fieldWidths: widths)
    )
  }

  static func release(_ name: String, _ widths: [WriteBack.FieldWidth]) -> (String, [Hypercall]) {
    (
      name,
      [
        Fixtures.memoryOp(
          maskBits: 6,
          Fixtures.reservation34.map { op in
            var op = op
            if op.continuation != nil { op.continuation = Fixtures.shifted(6) }
            return op
          }), multicall(widths),
      ]
    )
  }

  static let arm64bit = WriteBack.FieldWidth(guestABI: "arm32", bits: 64)
  static let narrow = WriteBack.FieldWidth(guestABI: "x86_64", bits: 32)

  @Test func fieldsAsWideAsTheRegistersOweNothing() throws {
    let model = Fixtures.model(
      [Self.release("1", [Self.arm64bit]), Self.release("2", [Self.arm64bit])], guests: Self.guests)
    let report = try Fixtures.check(model)
    #expect(report.exitCode == 0)
    // The entry holds each register bit for bit and the same decoder reads it: nothing to ask.
    #expect(report.results(.writeBack).isEmpty)
    #expect(!report.results(.migration).isEmpty)
  }

  @Test func aNarrowerFieldThatHoldsEveryLiveValueProves() throws {
    // Without continuations every live value is an op number, which fits in 32 bits.
    func release(_ name: String) -> (String, [Hypercall]) {
      var (name, hypercalls) = Self.release(name, [Self.narrow])
      hypercalls[0].multiplex!.subOps = hypercalls[0].multiplex!.subOps.map { op in
        var op = op
        op.continuation = nil
        return op
      }
      return (name, hypercalls)
    }
    let report = try Fixtures.check(Fixtures.model([release("1"), release("2")], guests: Self.guests))
    #expect(report.exitCode == 0)
    let results = report.results(.writeBack)
    // Each release and the pair, on x86_64 only (arm32's fields are as wide as its registers).
    #expect(results.map(\.obligation.older) == [nil, nil, "1"])
    #expect(results.allSatisfy { $0.outcome == .proved && $0.obligation.guestABI == "x86_64" })
    // The premise holds: each witness is a live value, an op number under the 6-bit mask.
    #expect(results.allSatisfy { if case .proved(let witness) = $0.verdict { witness.value < 0x40 } else { false } })
  }

  @Test func aNarrowerFieldInTheNewerReleaseBreaksThePair() throws {
    let model = Fixtures.model([Self.release("1", []), Self.release("2", [Self.narrow])], guests: Self.guests)
    let report = try Fixtures.check(model)
    #expect(report.exitCode == 1)
    let pair = try #require(report.findings.first { $0.obligation.older == "1" })
    #expect(pair.obligation.kind == .writeBack)
    #expect(pair.obligation.guestABI == "x86_64")
    #expect(pair.counterexample.failure == .migration(.progressCorrupted))
    #expect(pair.counterexample.value == 0x1_0000_0000)
    #expect(pair.counterexample.argument == "multicall_entry.args[0] (cmd)")
    #expect(
      pair.counterexample.olderReading
        == "XENMEM_increase_reservation resuming at start_extent 67108864 from the register")
    #expect(
      pair.counterexample.newerReading == "XENMEM_increase_reservation at start_extent 0 from multicall_entry.args[0]")
    #expect(pair.counterexample.identity?.value == .writtenBack)
    // The newer release breaks on its own too: its continuations do not fit its own structure.
    let own = try #require(report.findings.first { $0.obligation.older == nil })
    #expect(own.counterexample.failure == .release(.writeBackChanges))
    #expect(own.counterexample.value == 0x1_0000_0000)
    // arm32's 32-bit registers in 64-bit fields lose nothing.
    #expect(!report.findings.contains { $0.obligation.guestABI == "arm32" })
  }

  @Test func anAcceptedBreakNamesTheWrittenBackOp() throws {
    let covers = ["XENMEM_increase_reservation", "XENMEM_decrease_reservation"].map {
      BreakCoverage(
        .progressCorrupted, hypercall: "memory_op", value: .writtenBack, subOp: $0, becomes: .op($0), older: .only("1"),
        newer: .only("2"))
    }
    let model = Fixtures.model(
      [Self.release("1", []), Self.release("2", [Self.narrow])], guests: Self.guests,
      accepted: [Fixtures.accepted("narrowed", covers)])
    #expect(model.validate().filter { $0.severity == .error }.isEmpty)
    let report = try Fixtures.check(model)
    // The pair is accepted; release 2's own write-back is not a migration and still fails.
    #expect(report.findings.filter { $0.disposition == .failing }.map(\.obligation.older) == [nil, nil])
  }

  @Test func aWriteBackNamesKnownGuestsAndSaneWidths() {
    func errors(_ hypercalls: [Hypercall]) -> [String] {
      Fixtures.model([("1", hypercalls)], guests: Self.guests).validate().filter { $0.severity == .error }.map(
        \.message)
    }
    #expect(errors([Self.multicall([Self.arm64bit])]) == [])
    #expect(
      errors([Self.multicall([.init(guestABI: "ppc", bits: 64)])]) == [
        "1: multicall: the write-back into multicall_entry names unknown guest ABI 'ppc' (known: x86_64, arm32)"
      ])
    #expect(
      errors([Self.multicall([.init(guestABI: "arm32", bits: 65)])]) == [
        "1: multicall: the write-back's fields of 65 bits for 'arm32' are not 8 to 64 bits wide"
      ])
    #expect(
      errors([Self.multicall([Self.arm64bit, Self.arm64bit])]) == [
        "1: multicall: the write-back gives one guest ABI two field widths"
      ])
    var other = Self.multicall([])
    other.name = "batch"
    other.lineage = "batch"
    other.number = 14
    #expect(
      errors([Self.multicall([]), other]) == [
        "1: two hypercalls write preempted calls back into guest memory: multicall, batch"
      ])
  }
}
