import ABIModel
import Obligations
import PropertyBased
import Testing

/// On registers narrow enough to enumerate, every verdict of the solver agrees with brute
/// force over every register value through the model's own decoder.
@Suite struct ExhaustiveAgreementTests {
  /// A deterministic generator for fixtures, seeded by the property-test input.
  struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
  }

  /// A random release of a narrow multiplexed hypercall; op names are their numbers' names so
  /// that equal names share a lineage across releases.
  static func randomMultiplex(_ random: inout SplitMix, width: Int) -> Multiplex {
    let maskBits = 2 + random.below(3)
    var ops: [SubOp] = []
    for number in 0..<UInt64(1 << maskBits) where random.below(3) > 0 {
      var continuation: ContinuationEncoding?
      switch random.below(4) {
      case 0:
        let shift = maskBits + random.below(2)
        let bound: ProgressBound =
          random.below(2) == 0 ? .registerCapacity : .constant(UInt64(random.below(1 << (width - shift + 1))))
        continuation = ContinuationEncoding(kinds: [.cmdShiftedIndex], shift: shift, bound: bound)
      case 1:
        continuation = ContinuationEncoding(
          kinds: [.cmdRawIndexAligned],
          bound: random.below(2) == 0 ? .registerCapacity : .constant(UInt64(random.below(1 << width))))
      case 2:
        continuation = ContinuationEncoding(kinds: [.guestStruct])
      default:
        continuation = nil
      }
      // Occasionally a number is taken over by an op of another name (an alias in the making).
      let name = random.below(6) == 0 ? "other\(number)" : "op\(number)"
      ops.append(SubOp(name: name, number: number, continuation: continuation))
    }
    return Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong), opMask: OpMask(bits: maskBits),
      unusedBits: random.below(2) == 0 ? .ignored : .rejected, subOps: ops)
  }

  /// Every value `multiplex` writes for a guest of `width` bits: (value, op, progress).
  static func liveValues(_ multiplex: Multiplex, width: Int) -> [(UInt64, SubOp, UInt64)] {
    var values: [(UInt64, SubOp, UInt64)] = []
    for op in multiplex.subOps {
      let maximum = min(multiplex.maximumProgress(of: op, guestWidth: width), UInt64(1) << UInt64(width + 1))
      var progress: UInt64 = 0
      while progress <= maximum {
        if let value = multiplex.encode(op, progress: progress, guestWidth: width) {
          values.append((value, op, progress))
        }
        progress += 1
      }
    }
    return values
  }

  static func same(_ a: DecodedOp, _ b: DecodedOp) -> Bool {
    switch (a, b) {
    case (.rejected, .rejected): return true
    case (.subOp(let x, let p), .subOp(let y, let q)): return x.lineage == y.lineage && p == q
    default: return false
    }
  }

  @Test func migrationAndRoundTripVerdictsAgreeWithEnumeration() async {
    await propertyCheck(count: 150, input: Gen.uint64()) { seed in
      var random = SplitMix(state: seed)
      let width = 7 + random.below(4)
      let older = Self.randomMultiplex(&random, width: width)
      let newer = Self.randomMultiplex(&random, width: width)
      guard !older.subOps.isEmpty, !newer.subOps.isEmpty else { return }
      let model = ABIModel(
        family: "narrow", guestABIs: [GuestABI(name: "narrow", width: width)],
        releases: [
          Release(name: "A", hypercalls: [Hypercall(name: "h", number: 1, multiplex: older)]),
          Release(name: "B", hypercalls: [Hypercall(name: "h", number: 1, multiplex: newer)]),
        ])
      var checker = Checker(model: model)
      guard let report = try? checker.run() else {
        Issue.record("the checker failed on seed \(seed)")
        return
      }

      let live = Self.liveValues(older, width: width)
      let migrationBreaks = live.filter { value, _, _ in
        !Self.same(older.decode(value, guestWidth: width), newer.decode(value, guestWidth: width))
      }
      let migration = report.results.first { $0.obligation.kind == .migration }
      #expect(migration?.outcome == (migrationBreaks.isEmpty ? .proved : .refuted), "seed \(seed)")

      let roundTripBreaks = live.filter { value, op, progress in
        let decoded = older.decode(value, guestWidth: width)
        return decoded.subOp?.lineage != op.lineage || decoded.progress != progress
      }
      let roundTrip = report.results.first { $0.obligation.kind == .roundTrip && $0.obligation.release == "A" }
      #expect(roundTrip?.outcome == (roundTripBreaks.isEmpty ? .proved : .refuted), "seed \(seed)")

      var owners: [UInt64: Set<String>] = [:]
      for (value, op, _) in live { owners[value, default: []].insert(op.lineage) }
      let shared = owners.values.contains { $0.count > 1 }
      let distinct = report.results.first { $0.obligation.kind == .liveValuesDistinct && $0.obligation.release == "A" }
      #expect(distinct?.outcome == (shared ? .refuted : .proved), "seed \(seed)")

      #expect(report.count(.internalError) == 0, "seed \(seed)")
      #expect(report.count(.inconclusive) == 0, "seed \(seed)")
    }
  }
}
