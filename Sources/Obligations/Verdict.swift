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

  /// The fields, shared between copies until one changes: a long history's report holds a
  /// counterexample per failing obligation, most of them the same one.
  struct Fields: Hashable, Sendable {
    var failure: Failure
    /// The argument the value is in (`cmd`, `count`), or `number` for the hypercall table.
    var argument: String
    var value: UInt64
    /// The sub-op (or hypercall) the older release, or the release, runs for it.
    var subject: String
    /// Whether `subject` is tools-only, which decides whether the break fails the check.
    var toolsOnly: Bool
    /// What the older release (or the release) reads.
    var olderReading: String
    /// What the newer release reads; `nil` for a property of one release.
    var newerReading: String?
    /// Why: what changed between the releases, with where it was stated.
    var cause: String
    var causeLocation: SourceLocation?
    /// For op-register migrations, the decodings as data, so generated code can be replayed
    /// against them.
    var olderDecoding: DecodedReading?
    var newerDecoding: DecodedReading?
    /// For migrations: which way the value breaks, by lineage (what findings are grouped by and
    /// accepted breaks match), and what the newer release makes of it in its own names.
    var identity: BreakIdentity?
    var outcome: BreakOutcome?
    /// The other arguments of the value's registers that are NULL (a count sentinel's handles);
    /// empty when the value alone is the counterexample.
    var nullArguments: [Int] = []
  }

  final class Box: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  /// The storage of this value: copies share it until one of them changes.
  var storageIdentity: ObjectIdentifier { ObjectIdentifier(box) }

  init(
    failure: Failure, argument: String, value: UInt64, subject: String, toolsOnly: Bool, olderReading: String,
    newerReading: String? = nil, cause: String, causeLocation: SourceLocation? = nil,
    olderDecoding: DecodedReading? = nil, newerDecoding: DecodedReading? = nil, identity: BreakIdentity? = nil,
    outcome: BreakOutcome? = nil, nullArguments: [Int] = []
  ) {
    box = Box(
      Fields(
        failure: failure, argument: argument, value: value, subject: subject, toolsOnly: toolsOnly,
        olderReading: olderReading, newerReading: newerReading, cause: cause, causeLocation: causeLocation,
        olderDecoding: olderDecoding, newerDecoding: newerDecoding, identity: identity, outcome: outcome,
        nullArguments: nullArguments))
  }

  private mutating func update(_ change: (inout Fields) -> Void) {
    var fields = box.fields
    change(&fields)
    box = Box(fields)
  }

  public static func == (a: Counterexample, b: Counterexample) -> Bool {
    a.box === b.box || a.box.fields == b.box.fields
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

  public var failure: Failure {
    get { box.fields.failure }
    set { update { $0.failure = newValue } }
  }
  public var argument: String {
    get { box.fields.argument }
    set { update { $0.argument = newValue } }
  }
  public var value: UInt64 {
    get { box.fields.value }
    set { update { $0.value = newValue } }
  }
  public var subject: String {
    get { box.fields.subject }
    set { update { $0.subject = newValue } }
  }
  public var toolsOnly: Bool {
    get { box.fields.toolsOnly }
    set { update { $0.toolsOnly = newValue } }
  }
  public var olderReading: String {
    get { box.fields.olderReading }
    set { update { $0.olderReading = newValue } }
  }
  public var newerReading: String? {
    get { box.fields.newerReading }
    set { update { $0.newerReading = newValue } }
  }
  public var cause: String {
    get { box.fields.cause }
    set { update { $0.cause = newValue } }
  }
  public var causeLocation: SourceLocation? {
    get { box.fields.causeLocation }
    set { update { $0.causeLocation = newValue } }
  }
  public var olderDecoding: DecodedReading? {
    get { box.fields.olderDecoding }
    set { update { $0.olderDecoding = newValue } }
  }
  public var newerDecoding: DecodedReading? {
    get { box.fields.newerDecoding }
    set { update { $0.newerDecoding = newValue } }
  }
  public var identity: BreakIdentity? {
    get { box.fields.identity }
    set { update { $0.identity = newValue } }
  }
  public var outcome: BreakOutcome? {
    get { box.fields.outcome }
    set { update { $0.outcome = newValue } }
  }
  public var nullArguments: [Int] {
    get { box.fields.nullArguments }
    set { update { $0.nullArguments = newValue } }
  }
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
