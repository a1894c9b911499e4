import ABIModel

/// A structurally distinct solver query. Obligations over equal keys are the same question, so
/// the checker asks it once ("cache by encoding").
enum QueryKey: Hashable, Sendable {
  case release(ProofObligation.Kind, DecoderShape)
  /// The properties of one slice of a table asked of one solver (its decoder built once):
  /// ``sliceKinds``, one facet each.
  case releaseSlice(DecoderShape)
  /// Answers both the migration (facet 0) and the progress bound (facet 1).
  case migration(DecoderShape, DecoderShape)
  case countFlagRoundTrip(CountFlagShape)
  case countFlagMigration(CountFlagShape, CountFlagShape)
  case table(TableShape, TableShape)
  /// The older shape's live values, kept in `memoryBits` of guest memory, as the newer shape
  /// reads them from there and from the register.
  case writeBack(DecoderShape, DecoderShape, memoryBits: Int)

  /// How many obligations' answers one solver run of this key gives.
  var facets: Int {
    switch self {
    case .migration: return 2
    case .releaseSlice: return Self.sliceKinds.count
    default: return 1
    }
  }

  /// The most facets any key has.
  static let maximumFacets = 4

  /// The release properties a `releaseSlice` key answers, in facet order.
  static let sliceKinds: [ProofObligation.Kind] = [.opFitsMask, .numbersUnique, .roundTrip, .liveValuesDistinct]
}

/// A concrete value the solver found, with the auxiliary value some properties need (the
/// progress a round trip started from, or the second op of a shared live value).
struct FoundValue: Hashable, Sendable {
  var value: UInt64
  var detail: UInt64 = 0
}

/// What the solver answered for one key, before the checker puts it in the spec's words.
enum QueryAnswer: Sendable {
  case holds(witness: UInt64)
  case fails([FoundValue])
  case inconclusive(String)
  case vacuous
  /// Z3 reported an error building or solving the query: a bug in abigen.
  case error(String)
}

/// The answer and what it cost.
struct QueryOutcome: Sendable {
  /// One answer per facet of the key (most keys have one).
  var answers: [QueryAnswer]
  /// Solver checks run (the main query, the witness, and one per further failure found).
  var checks: Int
  /// Each facet's query as SMT-LIB2, when asked for.
  var smtLib2: [String]

  var answer: QueryAnswer { answers[0] }
}

extension QueryOutcome {
  /// Z3 failed on `key`: every facet is an error.
  init(failed message: String, key: QueryKey) {
    self.init(answers: Array(repeating: .error(message), count: key.facets), checks: 0, smtLib2: [])
  }
}
