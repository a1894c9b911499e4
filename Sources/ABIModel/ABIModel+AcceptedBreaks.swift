/// What identifies one way a value breaks, independent of the release pair and of the value the
/// solver happened to return: the checker groups findings by it and matches accepted breaks
/// against it. Names are lineages, so renames do not split or escape it.
public struct BreakIdentity: Hashable, Sendable {
  /// Lineage of the hypercall the value is passed to (for a hypercall number, the hypercall the
  /// older release gives it).
  public var hypercall: String
  public var value: BreakCoverage.Value
  /// Lineage of what the older release writes the value for: the sub-op, or the hypercall for a
  /// count or a number.
  public var subject: String
  public var breakClass: BreakClass
  public var outcome: Outcome

  /// What the newer release makes of the value, by lineage.
  public enum Outcome: Hashable, Sendable {
    case op(lineage: String)
    case rejected
    case refused
    case freshCall
    case resumedCall
  }

  public init(
    hypercall: String, value: BreakCoverage.Value, subject: String, breakClass: BreakClass, outcome: Outcome
  ) {
    self.hypercall = hypercall
    self.value = value
    self.subject = subject
    self.breakClass = breakClass
    self.outcome = outcome
  }
}

/// An accepted-break entry with its names resolved to lineages and its spans to positions in
/// the history.
public struct ResolvedCoverage: Hashable, Sendable {
  /// Positions of the record in `acceptedBreaks` and of the entry in its `covers`.
  public var record: Int
  public var entry: Int
  public var identity: BreakIdentity
  public var older: ClosedRange<Int>
  public var newer: ClosedRange<Int>
  public var guestWidths: [Int]
  /// Architectures it covers; empty for every architecture.
  public var architectures: [String] = []

  /// Whether this entry accepts `identity` breaking from release `older` to `newer` for guests
  /// of `guestWidth` on `architecture` (`nil`: a break that is the same on every architecture,
  /// which only an entry for every architecture covers).
  public func covers(
    _ identity: BreakIdentity, older: Int, newer: Int, guestWidth: Int, architecture: String? = nil
  ) -> Bool {
    identity == self.identity && self.older.contains(older) && self.newer.contains(newer)
      && (guestWidths.isEmpty || guestWidths.contains(guestWidth))
      && (architectures.isEmpty || architecture.map { architectures.contains($0) } == true)
  }
}

extension BreakCoverage.Value {
  /// The classes a break of this kind of value can have, and what the newer release can make
  /// of it in each.
  public var allowedOutcomes: [BreakClass: [String]] {
    switch self {
    case .subOp:
      return [
        .alias: ["op"], .progressCorrupted: ["op"], .continuationLost: ["-ENOSYS", "refused"],
        .removed: ["-ENOSYS"], .renumbered: ["-ENOSYS", "op"], .interfaceRefused: ["refused"],
      ]
    case .count:
      return [
        .alias: ["resumed call"], .continuationLost: ["fresh call"],
        .progressCorrupted: ["fresh call", "resumed call"],
      ]
    case .countSentinel:
      return [.continuationLost: ["fresh call", "resumed call"]]
    case .continuationNumber:
      return [.continuationLost: ["-ENOSYS"], .alias: ["op"]]
    case .writtenBack:
      return BreakCoverage.Value.subOp.allowedOutcomes
    case .hypercallNumber:
      return [.hypercallReuse: ["op"], .removed: ["-ENOSYS"], .renumbered: ["-ENOSYS"]]
    }
  }
}

extension BreakOutcome {
  /// `op` for an op name, else the reserved spelling.
  var kindName: String {
    if case .op = self { return "op" }
    return description
  }
}

extension ABIModel {
  /// Resolves one entry of an accepted break, or says what is wrong with it.
  public func resolve(_ coverage: BreakCoverage, record: Int, entry: Int) -> Result<ResolvedCoverage, Diagnostic> {
    func failure(_ message: String) -> Result<ResolvedCoverage, Diagnostic> {
      let id = record < acceptedBreaks.count ? acceptedBreaks[record].id : "?"
      return .failure(.error("accepted break '\(id)': \(message)", at: coverage.location))
    }
    for name in [coverage.older.first, coverage.older.last, coverage.newer.first, coverage.newer.last].compactMap({ $0 }
    )
    where releaseIndex(named: name) == nil {
      return failure("unknown release '\(name)' (known: \(releases.map(\.name).joined(separator: ", ")))")
    }
    guard let older = indices(of: coverage.older) else {
      return failure("the older span \(coverage.older) runs backwards")
    }
    guard let newer = indices(of: coverage.newer) else {
      return failure("the newer span \(coverage.newer) runs backwards")
    }
    guard older.lowerBound < newer.upperBound else {
      return failure("no release of \(coverage.older) is older than one of \(coverage.newer): it covers no migration")
    }
    for architecture in coverage.architectures where !architectures.contains(architecture) {
      return failure(
        "unknown architecture '\(architecture)' (known: \(architectures.joined(separator: ", ")))")
    }
    for width in coverage.guestWidths where !guestWidths.contains(width) {
      return failure(
        "no guest ABI is \(width) bits wide (widths: \(guestWidths.map(String.init).joined(separator: ", ")))")
    }
    guard let outcomes = coverage.value.allowedOutcomes[coverage.breakClass] else {
      let classes = coverage.value.allowedOutcomes.keys.sorted().map(\.rawValue).joined(separator: ", ")
      return failure(
        "a \(coverage.value.rawValue) value cannot break as \(coverage.breakClass.rawValue) (classes: \(classes))")
    }
    guard outcomes.contains(coverage.becomes.kindName) else {
      let choices = outcomes.map { $0 == "op" ? "an op name" : "'\($0)'" }.joined(separator: " or ")
      return failure(
        "\(coverage.breakClass.rawValue) breaks of a \(coverage.value.rawValue) value become \(choices), not '\(coverage.becomes)'"
      )
    }

    let olderReleases = releases[older]
    // `memory_op.access_op` names a nested table of `memory_op`: its values are that table's.
    let parts = coverage.hypercall.split(separator: HypercallTable.separator, maxSplits: 1).map(String.init)
    let hypercallName = parts.first ?? coverage.hypercall
    let hypercalls = lineages(named: hypercallName, in: olderReleases.map { $0.hypercalls })
    guard hypercalls.count == 1, let owner = hypercalls.first else {
      return failure(
        hypercalls.isEmpty
          ? "no release of \(coverage.older) has hypercall '\(hypercallName)'"
          : "'\(hypercallName)' names \(hypercalls.count) different hypercalls in \(coverage.older)")
    }
    var hypercall = owner
    if parts.count == 2 {
      let lineage = "\(owner)\(HypercallTable.separator)\(parts[1])"
      guard olderReleases.contains(where: { $0.table(lineage: lineage) != nil }) else {
        return failure("no release of \(coverage.older) has the nested table '\(coverage.hypercall)'")
      }
      guard coverage.value == .subOp else {
        return failure("a nested table '\(coverage.hypercall)' has sub-op values only")
      }
      hypercall = lineage
    }
    var subject = hypercall
    switch coverage.value {
    case .subOp, .writtenBack:
      guard let name = coverage.subOp else { return failure("a sub-op value needs the sub-op it is written for") }
      let ops = subOpLineages(named: name, of: hypercall, in: olderReleases)
      guard ops.count == 1, let op = ops.first else {
        return failure(
          ops.isEmpty
            ? "no release of \(coverage.older) has sub-op '\(name)' of '\(coverage.hypercall)'"
            : "'\(name)' names \(ops.count) different sub-ops of '\(coverage.hypercall)' in \(coverage.older)")
      }
      subject = op
    case .count:
      if coverage.subOp != nil { return failure("a count value names no sub-op") }
      guard olderReleases.contains(where: { $0.hypercall(lineage: hypercall)?.countFlag != nil }) else {
        return failure("'\(coverage.hypercall)' has no count flag in \(coverage.older)")
      }
    case .countSentinel:
      if coverage.subOp != nil { return failure("a count sentinel names no sub-op") }
      guard olderReleases.contains(where: { $0.hypercall(lineage: hypercall)?.countFlag?.sentinel != nil }) else {
        return failure("'\(coverage.hypercall)' has no count sentinel in \(coverage.older)")
      }
    case .hypercallNumber:
      if coverage.subOp != nil { return failure("a hypercall number names no sub-op") }
    case .continuationNumber:
      guard let name = coverage.subOp else {
        return failure("a continuation number needs the sub-op whose continuation it is")
      }
      let ops = subOpLineages(named: name, of: hypercall, in: olderReleases)
      guard ops.count == 1, let op = ops.first else {
        return failure(
          ops.isEmpty
            ? "no release of \(coverage.older) has sub-op '\(name)' of '\(coverage.hypercall)'"
            : "'\(name)' names \(ops.count) different sub-ops of '\(coverage.hypercall)' in \(coverage.older)")
      }
      guard
        olderReleases.contains(where: {
          $0.hypercall(lineage: hypercall)?.multiplex?.subOp(lineage: op)?.continuations.contains {
            $0.switchesTo != nil
          } == true
        })
      else {
        return failure("'\(name)' is not re-issued as another hypercall in \(coverage.older)")
      }
      subject = op
    }

    let outcome: BreakIdentity.Outcome
    switch coverage.becomes {
    case .rejected: outcome = .rejected
    case .refused: outcome = .refused
    case .freshCall: outcome = .freshCall
    case .resumedCall: outcome = .resumedCall
    case .op(let name):
      let newerReleases = releases[newer]
      let found: Set<String>
      if coverage.value == .hypercallNumber || coverage.value == .continuationNumber {
        found = lineages(named: name, in: newerReleases.map { $0.hypercalls })
      } else {
        found = subOpLineages(named: name, of: hypercall, in: newerReleases)
      }
      guard found.count == 1, let lineage = found.first else {
        return failure(
          found.isEmpty
            ? "no release of \(coverage.newer) has \(coverage.value == .subOp ? "sub-op" : "hypercall") '\(name)'"
            : "'\(name)' names \(found.count) different ops in \(coverage.newer)")
      }
      outcome = .op(lineage: lineage)
    }
    return .success(
      ResolvedCoverage(
        record: record, entry: entry,
        identity: BreakIdentity(
          hypercall: hypercall, value: coverage.value, subject: subject, breakClass: coverage.breakClass,
          outcome: outcome),
        older: older, newer: newer, guestWidths: coverage.guestWidths, architectures: coverage.architectures))
  }

  /// Every entry of every accepted break that resolves, in spec order.
  public var resolvedCoverage: [ResolvedCoverage] {
    acceptedBreaks.enumerated().flatMap { record, accepted in
      accepted.covers.enumerated().compactMap { entry, coverage in
        try? resolve(coverage, record: record, entry: entry).get()
      }
    }
  }

  /// The hypercalls a coverage names: by their name in these releases, or else by a former name
  /// (`physdev_op` is the name of hypercall 33 and a former name of 19, `physdev_op_compat`: the
  /// name wins).
  private func lineages(named name: String, in tables: [[Hypercall]]) -> Set<String> {
    var named: Set<String> = []
    var formerly: Set<String> = []
    for hypercall in tables.joined() {
      if hypercall.name == name {
        named.insert(hypercall.lineage)
      } else if named.isEmpty && hypercall.formerNames.contains(name) {
        formerly.insert(hypercall.lineage)
      }
    }
    return named.isEmpty ? formerly : named
  }

  private func subOpLineages(named name: String, of hypercall: String, in releases: ArraySlice<Release>) -> Set<String>
  {
    var found: Set<String> = []
    for release in releases {
      for op in release.table(lineage: hypercall)?.multiplex.subOps ?? []
      where op.name == name || op.formerNames.contains(name) {
        found.insert(op.lineage)
      }
    }
    return found
  }
}
