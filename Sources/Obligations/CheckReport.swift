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
    /// Every release pair (or release) and width that fails this way.
    public var instances: [BreakInstance] = []
    /// `instances` as compact release ranges, oldest first.
    public var ranges: [ReleaseRanges] = []
    /// For a break no accepted break covers: the accepted break that came closest, and how its
    /// entry differs.
    public var closest: String?
    /// For a break no accepted break covers: the entries that would accept exactly it.
    public var suggestion: [BreakCoverage] = []

    /// `3.0.2..3.3 -> 3.4..master, 4.2 -> 4.3`.
    public var rangeText: String { ranges.map(\.description).joined(separator: ", ") }
  }

  /// One release pair (older `nil` for a property of one release) and guest width, by position
  /// in the history.
  public struct BreakInstance: Hashable, Sendable {
    public var olderIndex: Int?
    public var newerIndex: Int
    public var guestWidth: Int
  }

  /// Older releases that fail the same way in the same newer releases: `3.0.2..3.3 -> 3.4..master`.
  public struct ReleaseRanges: Hashable, Sendable, CustomStringConvertible {
    /// `nil` for properties of one release.
    public var older: ClosedRange<Int>?
    public var newer: [ClosedRange<Int>]
    /// The same, by release name.
    public var olderNames: (first: String, last: String)?
    public var newerNames: [(first: String, last: String)]

    public static func == (a: ReleaseRanges, b: ReleaseRanges) -> Bool { a.older == b.older && a.newer == b.newer }
    public func hash(into hasher: inout Hasher) {
      hasher.combine(older)
      hasher.combine(newer)
    }

    static func text(_ names: (first: String, last: String)) -> String {
      names.first == names.last ? names.first : "\(names.first)..\(names.last)"
    }

    /// `instances` as blocks of consecutive older releases that fail in the same newer releases.
    public static func blocks(_ instances: [BreakInstance], releaseNames names: [String]) -> [ReleaseRanges] {
      // (older, newer) in order (instances usually come sorted), each older release's newer
      // ones as runs of consecutive positions.
      let pairs = instances.map { ($0.olderIndex ?? -1, $0.newerIndex) }.sorted { $0 < $1 }
      var blocks: [(older: ClosedRange<Int>?, newer: [ClosedRange<Int>])] = []
      var next = 0
      while next < pairs.count {
        let older = pairs[next].0
        var newer: [ClosedRange<Int>] = []
        while next < pairs.count, pairs[next].0 == older {
          let index = pairs[next].1
          next += 1
          if let last = newer.last, last.upperBound >= index { continue }
          if let last = newer.last, last.upperBound + 1 == index {
            newer[newer.count - 1] = last.lowerBound...index
          } else {
            newer.append(index...index)
          }
        }
        if older >= 0, let last = blocks.last, let range = last.older, range.upperBound + 1 == older,
          last.newer == newer
        {
          blocks[blocks.count - 1].older = range.lowerBound...older
        } else {
          blocks.append((older >= 0 ? older...older : nil, newer))
        }
      }
      return blocks.map { block in
        ReleaseRanges(
          older: block.older, newer: block.newer,
          olderNames: block.older.map { (names[$0.lowerBound], names[$0.upperBound]) },
          newerNames: block.newer.map { (names[$0.lowerBound], names[$0.upperBound]) })
      }
    }

    public var description: String {
      let newerText = newerNames.map(Self.text).joined(separator: ", ")
      guard let olderNames else { return newerText }
      return "\(Self.text(olderNames)) -> \(newerText)"
    }
  }

  /// A problem that is not a counterexample: a vacuous obligation, an inconclusive query,
  /// a stale accepted break, a counterexample that did not replay.
  public struct Note: Sendable {
    public var severity: Diagnostic.Severity
    public var outcome: Outcome?
    public var message: String
    public var location: SourceLocation?
  }

  public var results: ObligationResults
  public var findings: [Finding]
  public var notes: [Note]
  /// Distinct solver queries run (obligations over equal shapes share one).
  public var distinctQueries: Int
  public var solverChecks: Int
  /// Checks that ran into the timeout and were split into parts (see `CheckOptions.splitBits`).
  public var splitChecks = 0
  public var seconds: Double

  public func count(_ outcome: Outcome) -> Int { results.count(outcome) }

  /// The exit status this report calls for: internal error 4, then refuted or vacuous 1, then
  /// inconclusive 3, else 0.
  public var exitCode: Int32 {
    if count(.internalError) > 0 { return 4 }
    // A stale accepted break of a released release is an error of the spec.
    if count(.refuted) > 0 || count(.vacuous) > 0
      || notes.contains(where: { $0.severity == .error && $0.outcome == nil })
    {
      return 1
    }
    if count(.inconclusive) > 0 { return 3 }
    return 0
  }
}
