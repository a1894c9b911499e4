import ABIModel

/// Every obligation's result, a few words each: a check of hundreds of releases has millions of
/// obligations, almost all proved over shared queries, and one `ObligationResult` with its names
/// and witness text per obligation took gigabytes. Names are interned; a proved obligation keeps
/// only its witness value; results are made whole when read.
public struct ObligationResults: RandomAccessCollection, Sendable {
  struct Record: Sendable {
    var kind: ProofObligation.Kind
    var outcome: CheckReport.Outcome
    var guestWidth: UInt8
    var guestABI: UInt8
    /// Whether `payload` is the position of a verdict in `verdicts`.
    var keepsVerdict: Bool
    /// Positions in `names`; -1 for none.
    var hypercall: Int32
    var older: Int32
    var release: Int32
    /// The witness value of a proved obligation, otherwise the position of its verdict.
    var payload: UInt64
  }

  private var records: [Record] = []
  /// The verdicts of obligations that are not proved (few: one per failing pair and way).
  private var verdicts: [Verdict] = []
  private var names: [String] = []
  private var positions: [String: Int32] = [:]
  private var guestABIs: [String] = []
  private var counts: [CheckReport.Outcome: Int] = [:]
  /// Proved results appended by `appendProved`, counted apart: a million dictionary updates
  /// are a tenth of a second.
  private var provedCount = 0

  public init() {}

  public init(_ results: [CheckReport.ObligationResult]) {
    for result in results { append(result) }
  }

  /// The position of `name`, interned.
  mutating func intern(_ name: String) -> Int32 {
    if let known = positions[name] { return known }
    let position = Int32(names.count)
    names.append(name)
    positions[name] = position
    return position
  }

  mutating func guestABI(_ name: String) -> UInt8 {
    if let known = guestABIs.firstIndex(of: name) { return UInt8(known) }
    guestABIs.append(name)
    return UInt8(guestABIs.count - 1)
  }

  public mutating func append(_ result: CheckReport.ObligationResult) {
    let obligation = result.obligation
    append(
      kind: obligation.kind, outcome: result.outcome, guestWidth: UInt8(obligation.guestWidth),
      guestABI: guestABI(obligation.guestABI), hypercall: obligation.hypercall.map { intern($0) } ?? -1,
      older: obligation.older.map { intern($0) } ?? -1, release: intern(obligation.release), verdict: result.verdict)
  }

  /// Appends a proved result whose names are already interned: only its witness value is kept
  /// (its text is made when read), so a history of millions of proofs formats no text at all.
  mutating func appendProved(
    kind: ProofObligation.Kind, guestWidth: UInt8, guestABI: UInt8, hypercall: Int32, older: Int32, release: Int32,
    witness: UInt64
  ) {
    records.append(
      Record(
        kind: kind, outcome: .proved, guestWidth: guestWidth, guestABI: guestABI, keepsVerdict: false,
        hypercall: hypercall, older: older, release: release, payload: witness))
    provedCount += 1
  }

  /// Appends a result whose names are already interned; a proved verdict keeps only its value.
  mutating func append(
    kind: ProofObligation.Kind, outcome: CheckReport.Outcome, guestWidth: UInt8, guestABI: UInt8, hypercall: Int32,
    older: Int32, release: Int32, verdict: Verdict
  ) {
    if outcome == .proved, case .proved(let witness) = verdict,
      witness.description == Self.witnessText(kind, witness.value)
    {
      appendProved(
        kind: kind, guestWidth: guestWidth, guestABI: guestABI, hypercall: hypercall, older: older, release: release,
        witness: witness.value)
      return
    }
    records.append(
      Record(
        kind: kind, outcome: outcome, guestWidth: guestWidth, guestABI: guestABI, keepsVerdict: true,
        hypercall: hypercall, older: older, release: release, payload: UInt64(verdicts.count)))
    verdicts.append(verdict)
    counts[outcome, default: 0] += 1
  }

  /// How a proof's witness is named: what the premise talks about.
  static func witnessText(_ kind: ProofObligation.Kind, _ value: UInt64) -> String {
    switch kind {
    case .opFitsMask, .numbersUnique: return "op number \(value)"
    case .fieldsDisjoint: return "progress \(value)"
    case .hypercallNumbers: return "hypercall \(value)"
    case .continuationTargets: return "continuation at hypercall \(value >> TableShape.continuationSlotShift)"
    default: return "live value \(CounterexampleReplay.hex(value))"
    }
  }

  public func count(_ outcome: CheckReport.Outcome) -> Int {
    (counts[outcome] ?? 0) + (outcome == .proved ? provedCount : 0)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { records.count }

  public subscript(position: Int) -> CheckReport.ObligationResult {
    let record = records[position]
    let verdict: Verdict =
      record.keepsVerdict
      ? verdicts[Int(record.payload)]
      : .proved(witness: Witness(value: record.payload, description: Self.witnessText(record.kind, record.payload)))
    return CheckReport.ObligationResult(
      obligation: ProofObligation(
        kind: record.kind, older: record.older < 0 ? nil : names[Int(record.older)],
        release: names[Int(record.release)],
        guestWidth: Int(record.guestWidth), guestABI: guestABIs[Int(record.guestABI)],
        hypercall: record.hypercall < 0 ? nil : names[Int(record.hypercall)]),
      outcome: record.outcome, verdict: verdict)
  }
}
