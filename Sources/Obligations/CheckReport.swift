import ABIModel

/// Everything `abigen check` found, ready to render as text, JSON or SARIF.
public struct CheckReport: Sendable {
  /// How one obligation ended.
  public enum Outcome: String, Sendable, CaseIterable {
    case proved
    /// A break that fails the check.
    case refuted
    /// Only breaks recorded as accepted.
    case accepted
    /// Only breaks of op classes the migration policy does not require to survive.
    case reported
    case inconclusive
    /// Holds over an empty set: a spec error.
    case vacuous
    /// A counterexample that does not replay through the model's own decoder: a bug in abigen.
    case internalError = "internal-error"
  }

  /// How a finding counts.
  public enum Disposition: Hashable, Sendable {
    case failing
    case accepted(id: String, reason: String, location: SourceLocation)
    /// Tools-only (or another class outside the migration policy's `mustSurvive`).
    case reported
  }

  public struct ObligationResult: Sendable {
    public var obligation: ProofObligation
    public var outcome: Outcome
    public var verdict: Verdict
  }

  /// One representative counterexample for every obligation that fails the same way
  /// (hypercall, failure, op, disposition), with the number of others it stands for.
  public struct Finding: Sendable {
    public var obligation: ProofObligation
    public var counterexample: Counterexample
    public var disposition: Disposition
    /// Other release pairs (or releases) that fail the same way.
    public var otherPairs: Int
    /// Guest ABIs (by width) it was found for.
    public var guestABIs: [String]
  }

  /// A problem that is not a counterexample: a vacuous obligation, an inconclusive query,
  /// a stale accepted break, a counterexample that did not replay.
  public struct Note: Sendable {
    public var severity: Diagnostic.Severity
    public var outcome: Outcome?
    public var message: String
    public var location: SourceLocation?
  }

  public var results: [ObligationResult]
  public var findings: [Finding]
  public var notes: [Note]
  /// Distinct solver queries run (obligations over equal shapes share one).
  public var distinctQueries: Int
  public var solverChecks: Int
  public var seconds: Double

  public func count(_ outcome: Outcome) -> Int {
    results.filter { $0.outcome == outcome }.count
  }

  /// The exit status this report calls for: internal error 4, then refuted or vacuous 1, then
  /// inconclusive 3, else 0.
  public var exitCode: Int32 {
    if count(.internalError) > 0 { return 4 }
    if count(.refuted) > 0 || count(.vacuous) > 0 { return 1 }
    if count(.inconclusive) > 0 { return 3 }
    return 0
  }
}
