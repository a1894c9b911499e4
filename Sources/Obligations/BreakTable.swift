/// Every break of a check as positions: an obligation, a counterexample and a disposition per
/// way one of its values fails. A history with every point release has two million of them, and
/// most are the same few thousand replayed counterexamples in a handful of dispositions, so each
/// is stored once and a break is three small numbers.
struct BreakTable {
  /// The distinct counterexamples, each with the way it breaks a migration (`nil` for the
  /// other kinds).
  private(set) var counterexamples: [(Counterexample, MigrationGroup?)] = []
  /// Whether each counterexample has a way of breaking (`Counterexample.identity`).
  private(set) var hasIdentity: [Bool] = []
  /// The distinct dispositions: `failing`, `reported`, then the accepted ones as first met.
  private(set) var dispositions: [CheckReport.Disposition] = [.failing, .reported]
  private var dispositionPositions: [CheckReport.Disposition: Int32] = [.failing: 0, .reported: 1]

  /// Per break: its obligation (position in the plan), counterexample and disposition.
  private(set) var obligations: [Int32] = []
  private(set) var counterexampleOf: [Int32] = []
  private(set) var dispositionOf: [Int32] = []

  static let failing: Int32 = 0
  static let reported: Int32 = 1

  var count: Int { obligations.count }
  var indices: Range<Int> { 0..<count }

  /// Stores a counterexample; its position.
  mutating func add(_ counterexample: Counterexample, _ group: MigrationGroup?) -> Int32 {
    counterexamples.append((counterexample, group))
    hasIdentity.append(counterexample.identity != nil)
    return Int32(counterexamples.count - 1)
  }

  /// The position of a disposition, interned.
  mutating func position(of disposition: CheckReport.Disposition) -> Int32 {
    if let known = dispositionPositions[disposition] { return known }
    let position = Int32(dispositions.count)
    dispositions.append(disposition)
    dispositionPositions[disposition] = position
    return position
  }

  mutating func append(obligation: Int, counterexample: Int32, disposition: Int32) {
    obligations.append(Int32(obligation))
    counterexampleOf.append(counterexample)
    dispositionOf.append(disposition)
  }

  /// The counterexample of the break at `index`.
  func counterexample(_ index: Int) -> Counterexample { counterexamples[Int(counterexampleOf[index])].0 }

  /// The counterexample stored at `position`.
  func counterexample(at position: Int32) -> Counterexample { counterexamples[Int(position)].0 }

  func disposition(_ index: Int) -> CheckReport.Disposition { dispositions[Int(dispositionOf[index])] }

  func isAccepted(_ index: Int) -> Bool { dispositionOf[index] > Self.reported }

  /// The break at `index` whole, for the few that are looked at closely (representatives).
  func whole(_ index: Int, in planned: [PlannedObligation]) -> Checker.Break {
    let (counterexample, group) = counterexamples[Int(counterexampleOf[index])]
    return (planned[Int(obligations[index])], counterexample, group, disposition(index))
  }
}
