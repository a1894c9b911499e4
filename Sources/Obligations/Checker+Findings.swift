import ABIModel
import Dispatch
import Foundation

extension Checker {
  typealias Break = (PlannedObligation, Counterexample, MigrationGroup?, CheckReport.Disposition)

  /// What makes two breaks the same finding: the way the value breaks (by lineage, for
  /// migrations) and how it counts. Never one per older op: each thing the newer release makes
  /// of a value is its own finding.
  struct FindingKey: Hashable {
    var kind: ProofObligation.Kind
    var identity: BreakIdentity?
    /// For properties of one release, which have no identity.
    var failure: String
    var subject: String
    var hypercall: String?
    var disposition: String
  }

  func key(_ item: Break) -> FindingKey {
    let disposition: String =
      switch item.3 {
      case .failing: "failing"
      case .reported: "reported"
      case .accepted(let id, _, _): "accepted:\(id)"
      }
    return FindingKey(
      kind: item.0.kind, identity: item.1.identity, failure: item.1.failure.name,
      subject: item.1.identity == nil ? item.1.subject : "",
      hypercall: item.1.identity == nil ? obligation(item.0).hypercall : nil, disposition: disposition)
  }

  /// One finding per way a value breaks and disposition. The pair closest to the change (fewest
  /// releases apart, newest first) and the widest guest stand for the others, which are listed
  /// as release ranges; its value is re-minimized so the printed counterexample is the simplest
  /// one and the same whatever the solver returned first. Findings come out in history order.
  func representatives(_ breaks: BreakTable, _ planned: [PlannedObligation]) -> [CheckReport.Finding] {
    // Positions in `breaks`: a report can hold millions of breaks. Breaks of one replayed
    // counterexample (the pairs of a long history whose hypercall states are the same) share
    // its position, so their key is made once.
    var keys: [FindingKey] = []
    var groupMembers: [[Int32]] = []
    var groupOfKey: [FindingKey: Int] = [:]
    // What makes breaks of one replay the same finding without comparing their names: the
    // counterexample's position (whose kind is the kind of the obligation it was replayed for)
    // and the disposition. Per position, the groups by disposition (almost always one).
    var groupOfReplay: [[(disposition: Int32, group: Int)]] = Array(repeating: [], count: breaks.counterexamples.count)
    for index in breaks.indices {
      let position = breaks.counterexampleOf[index]
      let disposition = breaks.dispositionOf[index]
      let shared = breaks.hasIdentity[Int(position)]
      if shared, let known = groupOfReplay[Int(position)].first(where: { $0.disposition == disposition }) {
        groupMembers[known.group].append(Int32(index))
        continue
      }
      let key = key(breaks.whole(index, in: planned))
      let group = groupOfKey[key] ?? keys.count
      if group == keys.count {
        keys.append(key)
        groupMembers.append([])
        groupOfKey[key] = group
      }
      if shared { groupOfReplay[Int(position)].append((disposition, group)) }
      groupMembers[group].append(Int32(index))
    }
    func plannedObligation(ofBreak index: Int32) -> PlannedObligation { planned[Int(breaks.obligations[Int(index)])] }
    let bests = groupMembers.map { group in
      breaks.whole(
        Int(
          group.min { i, j in
            let (a, b) = (plannedObligation(ofBreak: i), plannedObligation(ofBreak: j))
            let spanA = a.newerIndex - (a.olderIndex ?? a.newerIndex)
            let spanB = b.newerIndex - (b.olderIndex ?? b.newerIndex)
            if spanA != spanB { return spanA < spanB }
            if a.newerIndex != b.newerIndex { return a.newerIndex < b.newerIndex }
            if a.guestWidth != b.guestWidth { return a.guestWidth > b.guestWidth }
            return breaks.counterexample(Int(i)).value < breaks.counterexample(Int(j)).value
          }!), in: planned)
    }
    // Minimizing takes a few solver checks per finding: spread over the workers too.
    let simpler = Locked<[Counterexample?]>(Array(repeating: nil, count: bests.count))
    let jobs = max(1, min(options.jobs, bests.count))
    let timeout = options.timeoutMilliseconds
    let (splitBits, forcedSplitBits) = (options.splitBits, options.forcedSplitBits)
    let identities = identities
    let views = views
    DispatchQueue.concurrentPerform(iterations: jobs) { worker in
      guard
        let solver = try? QuerySolver(
          timeoutMilliseconds: timeout, wantsSMT: false, splitBits: splitBits, forcedSplitBits: forcedSplitBits)
      else { return }
      for batch in QuerySolver.batches(of: bests.count, worker: worker, workers: jobs) {
        solver.startBatch()
        for index in batch {
          let found = Self.smallest(
            bests[index], in: views.model(forABI: Int(bests[index].0.guestABI)), solver: solver, identities: identities)
          simpler.update { $0[index] = found }
        }
      }
    }
    let minimized = simpler.current
    let widths = model.guestWidths
    let releaseNames = model.releases.map(\.name)
    var findings: [CheckReport.Finding] = keys.indices.map { index in
      let members = groupMembers[index]
      let best = bests[index]
      // Sorted, then equal neighbours dropped: several tables and ABIs of one pair break alike.
      // Packed as (older + 1, newer, width), which sorts as the instances do.
      var packed = members.map { member -> UInt64 in
        let item = plannedObligation(ofBreak: member)
        return UInt64((item.olderIndex ?? -1) + 1) << 40 | UInt64(item.newerIndex) << 8 | UInt64(item.guestWidth)
      }
      packed.sort()
      let instances = packed.indices.compactMap { position -> CheckReport.BreakInstance? in
        guard position == 0 || packed[position] != packed[position - 1] else { return nil }
        let older = Int(packed[position] >> 40) - 1
        return CheckReport.BreakInstance(
          olderIndex: older < 0 ? nil : older, newerIndex: Int(packed[position] >> 8 & 0xffff_ffff),
          guestWidth: Int(packed[position] & 0xff))
      }
      var abis: [String] = []
      var findingArchitectures: Set<String> = []
      // Widest guests first, each width in plan order. The members of a finding share its way of
      // breaking, so where no entry is about it (or it is accepted) the architectures depend only
      // on the obligation's group: asked once per group, not once per release pair. Otherwise
      // once per group and pair.
      // (Members share the disposition too: it is part of the key.)
      let accepted: Bool =
        switch best.3 {
        case .accepted: true
        case .failing, .reported: false
        }
      let byGroup = accepted || (best.1.identity.map { coverageByIdentity[$0] == nil } ?? true)
      // A finding has a few columns (looked up in a short list) or, per pair, many (a set).
      var named: Set<ArchitectureColumn> = []
      var firsts: [(column: ArchitectureColumn, member: Int32)] = []
      for member in members {
        let item = plannedObligation(ofBreak: member)
        var column = ArchitectureColumn(
          architectures: item.architectures, guestABI: item.guestABI, guestWidth: item.guestWidth)
        if byGroup {
          if !firsts.contains(where: { $0.column == column }) { firsts.append((column, member)) }
        } else {
          (column.older, column.newer) = (Int32(item.olderIndex ?? -1), Int32(item.newerIndex))
          if named.insert(column).inserted { firsts.append((column, member)) }
        }
      }
      // Widest first, each width in plan order.
      let widestFirst = Set(firsts.map(\.column.guestWidth)).sorted(by: >)
      for width in widestFirst {
        for (column, member) in firsts where column.guestWidth == width {
          let item = breaks.whole(Int(member), in: planned)
          let architectures = breakingArchitectures(of: item)
          findingArchitectures.formUnion(architectures)
          for name in abiNames(of: item, breakingOn: architectures) where !abis.contains(name) {
            abis.append(name)
          }
        }
      }
      var obligation = obligation(best.0)
      // One obligation stands for the ABIs of its width on every architecture whose guests decode
      // the value alike; where an entry covers some of them, the finding is shown as one the
      // break is about.
      if !abis.isEmpty, !abis.contains(obligation.guestABI),
        let shown = abis.first(where: { model.guestABI(named: $0)?.width == obligation.guestWidth })
      {
        obligation.guestABI = shown
      }
      // Instances are sorted by pair: a pair is counted where it starts.
      let pairs = instances.indices.filter {
        $0 == 0
          || (instances[$0].olderIndex, instances[$0].newerIndex)
            != (instances[$0 - 1].olderIndex, instances[$0 - 1].newerIndex)
      }
      var finding = CheckReport.Finding(
        obligation: obligation, counterexample: minimized[index] ?? best.1, disposition: best.3,
        otherPairs: pairs.count - 1, guestABIs: abis)
      finding.instances = instances
      finding.ranges = CheckReport.ReleaseRanges.blocks(instances, releaseNames: releaseNames)
      if case .accepted = best.3 {
      } else if let identity = best.1.identity {
        finding.closest = closestRecord(to: identity, instances: instances)
        let instanceWidths = Set(instances.map(\.guestWidth))
        finding.suggestion = suggestion(
          for: finding, hypercall: obligation.hypercall ?? best.1.subject,
          widths: instanceWidths.count == widths.count ? [] : instanceWidths.sorted(),
          architectures: findingArchitectures.count == model.architectures.count
            ? [] : model.architectures.filter(findingArchitectures.contains))
      }
      return finding
    }
    // History order, then by what breaks and how: the same text whatever `--jobs` is.
    func precedes(_ a: Int, _ b: Int) -> Bool {
      let (x, y) = (bests[a].0, bests[b].0)
      let (f, g) = (findings[a], findings[b])
      let (p, q) = (f.counterexample, g.counterexample)
      let first = (x.olderIndex ?? -1, x.newerIndex, f.obligation.hypercall ?? "", x.kind.rawValue, p.value)
      let second = (y.olderIndex ?? -1, y.newerIndex, g.obligation.hypercall ?? "", y.kind.rawValue, q.value)
      if first != second { return first < second }
      return (p.subject, p.failure.name, p.outcome?.description ?? "", -Int(x.guestWidth))
        < (q.subject, q.failure.name, q.outcome?.description ?? "", -Int(y.guestWidth))
    }
    findings = findings.indices.sorted(by: precedes).map { findings[$0] }
    return findings
  }

  /// What a break's architectures and guest ABIs are named from when no entry can cover part
  /// of it.
  struct ArchitectureColumn: Hashable {
    var architectures: UInt8
    var guestABI: UInt8
    var guestWidth: UInt8
    /// The pair, where entries about the break make its architectures depend on it.
    var older: Int32 = 0
    var newer: Int32 = 0
  }

  /// The architectures a break is about: those its obligation stands for, less those accepted
  /// breaks cover when it is not accepted as a whole (a break x86 has accepted and ARM has not is
  /// ARM's).
  func breakingArchitectures(of item: Break) -> [String] {
    let all = architectures(of: item.0)
    if case .accepted = item.3 { return all }
    guard let identity = item.1.identity, let older = item.0.olderIndex else { return all }
    let candidates = coverageByIdentity[identity] ?? []
    let open = all.filter { architecture in
      !candidates.contains {
        coverage[$0].covers(
          identity, older: older, newer: item.0.newerIndex, guestWidth: Int(item.0.guestWidth),
          architecture: architecture)
      }
    }
    return open.isEmpty ? all : open
  }

  /// The guest ABIs that name a break: the obligation's own ABI when it stands for every
  /// architecture of its width, else the ABIs of its width on the architectures it breaks on.
  func abiNames(of item: Break, breakingOn architectures: [String]) -> [String] {
    let width = Int(item.0.guestWidth)
    let ofWidth = model.guestABIs.filter { $0.width == width }
    if Set(ofWidth.map(\.architecture)).isSubset(of: architectures) {
      return [model.guestABIs[Int(item.0.guestABI)].name]
    }
    return ofWidth.filter { architectures.contains($0.architecture) }.map(\.name)
  }

  /// The entries that would accept exactly `finding`: one per block of its release ranges, the
  /// newer span left open when it reaches the newest release.
  func suggestion(
    for finding: CheckReport.Finding, hypercall: String, widths: [Int], architectures: [String] = []
  ) -> [BreakCoverage] {
    guard let identity = finding.counterexample.identity, let outcome = finding.counterexample.outcome else {
      return []
    }
    let names = model.releases.map(\.name)
    let newest = model.releases.count - 1
    return finding.ranges.flatMap { block -> [BreakCoverage] in
      guard let older = block.older else { return [] }
      return block.newer.map { newer in
        BreakCoverage(
          identity.breakClass, hypercall: hypercall, value: identity.value,
          subOp: [.subOp, .writtenBack, .continuationNumber].contains(identity.value)
            ? finding.counterexample.subject : nil, becomes: outcome,
          older: .span(names[older.lowerBound], names[older.upperBound]),
          newer: newer.upperBound == newest
            ? .from(names[newer.lowerBound]) : .span(names[newer.lowerBound], names[newer.upperBound]),
          guestWidths: widths, architectures: architectures)
      }
    }
  }

  /// The accepted-break entry about the same value that differs least from `identity` over
  /// `instances`, and how it differs; `nil` when no entry is about the same hypercall.
  func closestRecord(to identity: BreakIdentity, instances: [CheckReport.BreakInstance]) -> String? {
    // Each release once, in order: a finding of a long history has hundreds of thousands of
    // instances, and entries' spans are ranges.
    func distinct(_ positions: [Int]) -> [Int] {
      var seen = Array(repeating: false, count: model.releases.count)
      for position in positions { seen[position] = true }
      return seen.indices.filter { seen[$0] }
    }
    let olders = distinct(instances.compactMap(\.olderIndex))
    let newers = distinct(instances.map(\.newerIndex))
    func meets(_ positions: [Int], _ span: ClosedRange<Int>) -> Bool { positions.contains { span.contains($0) } }
    func within(_ positions: [Int], _ span: ClosedRange<Int>) -> Bool {
      positions.isEmpty || (span.contains(positions.first!) && span.contains(positions.last!))
    }
    var best: (score: Int, entry: ResolvedCoverage)?
    for entry in coverage where entry.identity.hypercall == identity.hypercall && entry.identity.value == identity.value
    {
      var score = 0
      if entry.identity.subject == identity.subject { score += 4 }
      if entry.identity.breakClass == identity.breakClass { score += 2 }
      if entry.identity.outcome == identity.outcome { score += 2 }
      if meets(olders, entry.older) { score += 1 }
      if meets(newers, entry.newer) { score += 1 }
      if best == nil || score > best!.score { best = (score, entry) }
    }
    guard let entry = best?.entry else { return nil }
    let record = model.acceptedBreaks[entry.record]
    let covered = record.covers[entry.entry]
    var differences: [String] = []
    if entry.identity.subject != identity.subject {
      differences.append("it is about \(covered.subOp ?? covered.hypercall)")
    }
    if entry.identity.breakClass != identity.breakClass {
      differences.append("its class is \(covered.breakClass.rawValue)")
    }
    if entry.identity.outcome != identity.outcome { differences.append("it becomes \(covered.becomes)") }
    if !within(olders, entry.older) || !within(newers, entry.newer) {
      differences.append("it covers \(covered.older) -> \(covered.newer)")
    }
    if let width = instances.map(\.guestWidth).first(where: {
      !entry.guestWidths.isEmpty && !entry.guestWidths.contains($0)
    }) {
      differences.append("it does not cover \(width)-bit guests")
    }
    let how = differences.isEmpty ? "" : ": " + differences.joined(separator: "; ")
    return "'\(record.id)' (\(covered.location))\(how)"
  }

  /// The smallest value failing the same way as the representative, when it replays to the
  /// same way of breaking; otherwise the value found first.
  static func smallest(_ item: Break, in model: ABIModel, solver: QuerySolver, identities: IdentityTable)
    -> Counterexample?
  {
    let width = Int(item.0.guestWidth)
    switch item.0.resolved(in: model) {
    case .migration(let older, let table, let newer, let newerMultiplex, let refusal):
      let (hypercall, olderMultiplex) = (table, table.multiplex)
      guard let op = olderMultiplex.subOp(named: item.1.subject) else { return nil }
      // A refused interface version refuses every value alike: the op's own number, when the
      // older release decodes it as the op, is the smallest (replayed below like any other).
      if let refusal, olderMultiplex.decode(op.number, guestWidth: width).subOp?.name == op.name,
        let replayed = try? CounterexampleReplay.migration(
          FoundValue(value: op.number), hypercall: hypercall.lineage, older: older, olderMultiplex, newer: newer,
          newerMultiplex, refusal: refusal, guestWidth: width
        ).0, replayed.identity == item.1.identity
      {
        return replayed.naming(table)
      }
      // The same slices the obligation's query was asked on: the op's number, and what the newer
      // release can read at it; small however large the tables are.
      let olderFull = DecoderShape(olderMultiplex, guestWidth: width, identities: identities)
      let olderShape = olderFull.slicesByNumber.first { $0.ops.contains { $0.number == op.number } } ?? olderFull
      let newerShape = DecoderShape(newerMultiplex, guestWidth: width, identities: identities).slice(
        seenBy: olderShape)
      let found: FoundValue?
      if item.0.kind == .progressBound {
        found = try? solver.smallestBoundFailure(olderShape, newerShape, identity: identities.id(of: op.lineage))
      } else {
        guard let group = item.2 else { return nil }
        let newerOp = newerMultiplex.decode(item.1.value, guestWidth: width).subOp
        found = try? solver.smallestMigrationFailure(
          olderShape, newerShape, identity: identities.id(of: op.lineage),
          newerIdentity: newerOp.map { identities.id(of: $0.lineage) } ?? 0, group: group,
          fresh: olderMultiplex.decode(item.1.value, guestWidth: width).progress == 0)
      }
      guard let found else { return nil }
      let replayed: Counterexample?
      if item.0.kind == .progressBound {
        replayed = try? CounterexampleReplay.progressBound(
          found, hypercall: hypercall.lineage, older: older, olderMultiplex, newer: newer, newerMultiplex,
          guestWidth: width)
      } else {
        replayed =
          (try? CounterexampleReplay.migration(
            found, hypercall: hypercall.lineage, older: older, olderMultiplex, newer: newer, newerMultiplex,
            refusal: refusal, guestWidth: width))?.0
      }
      guard let replayed, replayed.identity == item.1.identity else { return nil }
      return replayed.naming(table)
    case .countFlagMigration(let older, let hypercall, let flag, let newer, let newerFlag, let argument):
      let olderShape = CountFlagShape(flag, argument: argument, guestWidth: width)
      let newerShape = CountFlagShape(newerFlag, argument: newerFlag?.argument ?? argument, guestWidth: width)
      guard
        let found = try? solver.smallestCountFailure(
          olderShape, newerShape, like: FoundValue(value: item.1.value, detail: item.1.nullArguments.isEmpty ? 0 : 1)),
        let replayed = try? CounterexampleReplay.countFlagMigration(
          found, older: older, hypercall, flag, newer: newer, newerFlag, argument: argument, guestWidth: width),
        replayed.identity == item.1.identity
      else { return nil }
      return replayed
    default:
      return nil
    }
  }

  /// Entries of accepted breaks that no break needed. Judged only on a run over the whole
  /// history, since a filtered run leaves out pairs an entry may be for. A stale entry is an
  /// error when a released release is in its newer span (its coverage is history), a warning
  /// while only the development release is.
  func staleAcceptedBreaks(_ breaks: BreakTable, _ planned: [PlannedObligation]) -> [CheckReport.Note] {
    guard options.release == nil, options.from == nil, options.to == nil, options.widths.isEmpty else { return [] }
    // By position in `coverage`; only the entries about a break's way of breaking can cover it.
    var used = Array(repeating: false, count: coverage.count)
    for index in breaks.indices where breaks.isAccepted(index) {
      let item = planned[Int(breaks.obligations[index])]
      guard let identity = breaks.counterexample(index).identity, let older = item.olderIndex,
        let candidates = coverageByIdentity[identity], candidates.contains(where: { !used[$0] })
      else { continue }
      for architecture in architectures(of: item) {
        for position in candidates
        where !used[position]
          && coverage[position].covers(
            identity, older: older, newer: item.newerIndex, guestWidth: Int(item.guestWidth),
            architecture: architecture)
        {
          used[position] = true
        }
      }
    }
    return coverage.indices.compactMap { position in
      let entry = coverage[position]
      guard !used[position] else { return nil }
      let record = model.acceptedBreaks[entry.record]
      let covered = record.covers[entry.entry]
      let released = entry.newer.contains { model.releases[$0].status == .released }
      let what =
        "\(covered.breakClass.rawValue) \(covered.subOp ?? covered.hypercall)\(covered.value == .count ? " count" : covered.value == .countSentinel ? " count sentinel" : "") -> \(covered.becomes), \(covered.older) -> \(covered.newer)"
      return CheckReport.Note(
        severity: released ? .error : .warning, outcome: nil,
        message:
          "accepted break '\(record.id)' is stale: no migration breaks that way (\(what))\(released ? "; remove the entry" : "")",
        location: covered.location)
    }
  }
}
