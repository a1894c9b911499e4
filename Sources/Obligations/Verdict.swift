import ABIModel

/// What the solver concluded about one obligation. Inconclusive is never promoted to proved.
public enum Verdict: Sendable {
  /// Holds; `witness` is a value its premise talks about, so it does not hold vacuously.
  case proved(witness: Witness)
  /// Fails, with one concrete counterexample per distinct way it fails.
  case refuted([Counterexample])
  /// Z3 answered unknown (timeout, resource limit).
  case inconclusive(reason: String)
  /// The premise is unsatisfiable: the obligation would hold over an empty set. A spec error.
  case vacuous
}

/// A value showing an obligation's premise is satisfiable.
public struct Witness: Hashable, Sendable {
  public var value: UInt64
  public var description: String
}

/// A failure of a within-release property.
public enum ReleaseFailure: String, Hashable, Sendable, CaseIterable {
  case opDoesNotFit = "op-does-not-fit"
  case duplicateNumber = "duplicate-number"
  case fieldsOverlap = "fields-overlap"
  case roundTripFails = "round-trip-fails"
  case liveValueShared = "live-value-shared"
  /// A live value written back into guest memory (`multicall_entry`) reads otherwise from there.
  case writeBackChanges = "write-back-changes"

  public var ruleID: String {
    switch self {
    case .opDoesNotFit: return "ABI101"
    case .duplicateNumber: return "ABI102"
    case .fieldsOverlap: return "ABI103"
    case .roundTripFails: return "ABI104"
    case .liveValueShared: return "ABI105"
    case .writeBackChanges: return "ABI106"
    }
  }
}

/// A concrete register value that breaks an obligation, in the spec's words, replayed through
/// the model's own decoder before it is reported.
public struct Counterexample: Hashable, Sendable {
  public enum Failure: Hashable, Sendable {
    case migration(BreakClass)
    case release(ReleaseFailure)

    public var name: String {
      switch self {
      case .migration(let breakClass): return breakClass.rawValue
      case .release(let failure): return failure.rawValue
      }
    }

    public var ruleID: String {
      switch self {
      case .migration(let breakClass): return breakClass.ruleID
      case .release(let failure): return failure.ruleID
      }
    }
  }

  public var failure: Failure
  /// The argument the value is in (`cmd`, `count`), or `number` for the hypercall table.
  public var argument: String
  public var value: UInt64
  /// The sub-op (or hypercall) the older release, or the release, runs for it.
  public var subject: String
  /// Whether `subject` is tools-only, which decides whether the break fails the check.
  public var toolsOnly: Bool
  /// What the older release (or the release) reads.
  public var olderReading: String
  /// What the newer release reads; `nil` for a property of one release.
  public var newerReading: String?
  /// Why: what changed between the releases, with where it was stated.
  public var cause: String
  public var causeLocation: SourceLocation?
  /// For op-register migrations, the decodings as data, so generated code can be replayed
  /// against them.
  public var olderDecoding: DecodedReading?
  public var newerDecoding: DecodedReading?
  /// For migrations: which way the value breaks, by lineage (what findings are grouped by and
  /// accepted breaks match), and what the newer release makes of it in its own names.
  public var identity: BreakIdentity?
  public var outcome: BreakOutcome?
  /// The other arguments of the value's registers that are NULL (a count sentinel's handles);
  /// empty when the value alone is the counterexample.
  public var nullArguments: [Int] = []
}

/// A decoding as data: the sub-op run (`nil` for -ENOSYS) and the progress it resumes at.
public struct DecodedReading: Hashable, Sendable {
  public var subOp: String?
  public var progress: UInt64

  public init(_ decoded: DecodedOp) {
    subOp = decoded.subOp?.name
    progress = decoded.progress ?? 0
  }
}
