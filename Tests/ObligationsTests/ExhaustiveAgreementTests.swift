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
  static func randomMultiplex(_ random: inout SplitMix, width: Int, smallBounds: Bool = false) -> Multiplex {
    let maskBits = 2 + random.below(3)
    var ops: [SubOp] = []
    for number in 0..<UInt64(1 << maskBits) where random.below(3) > 0 {
      var continuation: ContinuationEncoding?
      switch random.below(4) {
      case 0:
        let shift = maskBits + random.below(2)
        let bound: ProgressBound =
          smallBounds
          ? .constant(UInt64(random.below(300)))
          : random.below(2) == 0 ? .registerCapacity : .constant(UInt64(random.below(1 << (width - shift + 1))))
        continuation = ContinuationEncoding(kinds: [.cmdShiftedIndex], shift: shift, bound: bound)
      case 1:
        let bound: ProgressBound =
          smallBounds
          ? .constant(UInt64(random.below(300 << maskBits)))
          : random.below(2) == 0 ? .registerCapacity : .constant(UInt64(random.below(1 << width)))
        continuation = ContinuationEncoding(kinds: [.cmdRawIndexAligned], bound: bound)
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

  /// Registers of 7 to 10 bits: every progress the register holds is enumerated.
  @Test func verdictsAgreeWithEnumerationOnNarrowRegisters() async {
    await propertyCheck(count: 150, input: Gen.uint64()) { seed in
      Self.agree(seed: seed, wide: false)
    }
  }

  /// 32-bit registers with small declared bounds: every live value is enumerated.
  @Test func verdictsAgreeWithEnumerationOn32BitRegisters() async {
    await propertyCheck(count: 60, input: Gen.uint64()) { seed in
      Self.agree(seed: seed, wide: true)
    }
  }

  /// Every check split 3 bits deep (8 parts), as a check that runs into the timeout is: the
  /// parts together decide exactly what the whole does.
  @Test func verdictsAgreeWithEnumerationWhenEveryCheckIsSplit() async {
    await propertyCheck(count: 60, input: Gen.uint64()) { seed in
      Self.agree(seed: seed, wide: false, forcedSplitBits: 3)
    }
  }

  /// The solver's verdicts on a random pair of releases against brute force over their live
  /// values through the model's own decoder.
  static func agree(seed: UInt64, wide: Bool, forcedSplitBits: Int = 0) {
    var random = SplitMix(state: seed)
    let width = wide ? 32 : 7 + random.below(4)
    let older = randomMultiplex(&random, width: width, smallBounds: wide)
    let newer = randomMultiplex(&random, width: width, smallBounds: wide)
    guard !older.subOps.isEmpty, !newer.subOps.isEmpty else { return }
    let model = ABIModel(
      family: "narrow", guestABIs: [GuestABI(name: "narrow", width: width)],
      releases: [
        Release(name: "A", hypercalls: [Hypercall(name: "h", number: 1, multiplex: older)]),
        Release(name: "B", hypercalls: [Hypercall(name: "h", number: 1, multiplex: newer)]),
      ])
    var options = CheckOptions()
    options.forcedSplitBits = forcedSplitBits
    var checker = Checker(model: model, options: options)
    guard let report = try? checker.run() else {
      Issue.record("the checker failed on seed \(seed)")
      return
    }

    let live = liveValues(older, width: width)
    let migrationBreaks = live.filter { value, _, _ in
      !same(older.decode(value, guestWidth: width), newer.decode(value, guestWidth: width))
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

    let boundBreaks = live.filter { value, _, _ in
      let before = older.decode(value, guestWidth: width)
      let after = newer.decode(value, guestWidth: width)
      guard same(before, after), let op = after.subOp, let progress = after.progress else { return false }
      return progress > newer.maximumProgress(of: op, guestWidth: width)
    }
    let bound = report.results.first { $0.obligation.kind == .progressBound }
    #expect(bound?.outcome == (boundBreaks.isEmpty ? .proved : .refuted), "seed \(seed)")

    // Every distinct way a value breaks is a finding of its own, and its value is the smallest
    // live value that breaks that way: (older op, what the newer release makes of it, class),
    // the class decided from the value as docs/spec-format.md defines it.
    func outcome(_ decoded: DecodedOp) -> BreakIdentity.Outcome {
      decoded.subOp.map { .op(lineage: $0.lineage) } ?? .rejected
    }
    func breakClass(_ op: SubOp, fresh: Bool, _ after: DecodedOp) -> BreakClass {
      let successor = newer.subOp(lineage: op.lineage)
      let moved = successor != nil && successor!.number != op.number
      switch after {
      case .subOp(let other, _) where other.lineage == op.lineage: return .progressCorrupted
      case .subOp: return fresh && moved ? .renumbered : .alias
      case .rejected:
        if !fresh { return .continuationLost }
        return successor == nil ? .removed : moved ? .renumbered : .continuationLost
      }
    }
    struct Way: Hashable {
      var op: String
      var outcome: BreakIdentity.Outcome
      var breakClass: BreakClass
    }
    var smallest: [Way: UInt64] = [:]
    for (value, op, _) in migrationBreaks {
      // Fresh as the value reads: in a spec whose progress wraps, one value can be written both
      // as a fresh call and as a continuation, and it is the value that breaks.
      let fresh = older.decode(value, guestWidth: width).progress == 0
      let after = newer.decode(value, guestWidth: width)
      let way = Way(op: op.lineage, outcome: outcome(after), breakClass: breakClass(op, fresh: fresh, after))
      smallest[way] = min(smallest[way] ?? .max, value)
    }
    for (value, op, _) in boundBreaks {
      let way = Way(op: op.lineage, outcome: .refused, breakClass: .continuationLost)
      smallest[way] = min(smallest[way] ?? .max, value)
    }
    var found: [Way: UInt64] = [:]
    for finding in report.findings where finding.obligation.kind.isMigration {
      guard let identity = finding.counterexample.identity else {
        Issue.record("seed \(seed): a finding without its way of breaking: \(finding.counterexample)")
        continue
      }
      let way = Way(op: identity.subject, outcome: identity.outcome, breakClass: identity.breakClass)
      #expect(found[way] == nil, "seed \(seed): two findings for \(way)")
      found[way] = finding.counterexample.value
    }
    let differing = Set(found.keys).union(smallest.keys).filter { found[$0] != smallest[$0] }
      .map {
        "\($0.op) -> \($0.outcome) (\($0.breakClass.rawValue)): found \(found[$0].map(String.init) ?? "none"), brute force \(smallest[$0].map(String.init) ?? "none")"
      }
      .sorted()
    #expect(differing.isEmpty, "seed \(seed): \(differing.joined(separator: "; "))")

    #expect(report.count(.internalError) == 0, "seed \(seed)")
    #expect(report.count(.inconclusive) == 0, "seed \(seed)")
  }
}
