import ABIModel
import Dispatch
import Foundation

extension Checker {
  typealias Break = (PlannedObligation, Counterexample, MigrationGroup?, CheckReport.Disposition)

  /// One finding per (kind, hypercall, failure, op, disposition): the pair closest to the
  /// change (fewest releases apart, newest first) and the widest guest stand for the others.
  /// Its value is re-minimized so that what is printed is the simplest counterexample.
  func representatives(_ breaks: [Break]) -> [CheckReport.Finding] {
    struct GroupKey: Hashable {
      var kind: ProofObligation.Kind
      var hypercall: String?
      var failure: String
      var subject: String
      var disposition: String
    }
    var order: [GroupKey] = []
    var groups: [GroupKey: [Break]] = [:]
    for item in breaks {
      let disposition: String =
        switch item.3 {
        case .failing: "failing"
        case .reported: "reported"
        case .accepted(let id, _, _): "accepted:\(id)"
        }
      let key = GroupKey(
        kind: item.0.obligation.kind, hypercall: item.0.obligation.hypercall, failure: item.1.failure.name,
        subject: item.1.subject, disposition: disposition)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(item)
    }
    let bests = order.map { key in
      groups[key]!.min { a, b in
        let spanA = a.0.newerIndex - (a.0.olderIndex ?? a.0.newerIndex)
        let spanB = b.0.newerIndex - (b.0.olderIndex ?? b.0.newerIndex)
        if spanA != spanB { return spanA < spanB }
        if a.0.newerIndex != b.0.newerIndex { return a.0.newerIndex < b.0.newerIndex }
        return a.0.obligation.guestWidth > b.0.obligation.guestWidth
      }!
    }
    // Minimizing takes a few solver checks per finding: spread over the workers too.
    let simpler = Locked<[Counterexample?]>(Array(repeating: nil, count: bests.count))
    let jobs = max(1, min(options.jobs, bests.count))
    let timeout = options.timeoutMilliseconds
    let identities = identities
    DispatchQueue.concurrentPerform(iterations: jobs) { worker in
      guard let solver = try? QuerySolver(timeoutMilliseconds: timeout, wantsSMT: false) else { return }
      for index in stride(from: worker, to: bests.count, by: jobs) {
        guard let group = bests[index].2 else { continue }
        let found = Self.smallest(bests[index], group: group, solver: solver, identities: identities)
        simpler.update { $0[index] = found }
      }
    }
    let minimized = simpler.current
    return order.enumerated().map { index, key in
      let members = groups[key]!
      let best = bests[index]
      let pairs = Set(members.map { "\($0.0.obligation.older ?? "")>\($0.0.obligation.release)" })
      var abis: [String] = []
      for member in members where !abis.contains(member.0.obligation.guestABI) {
        abis.append(member.0.obligation.guestABI)
      }
      return CheckReport.Finding(
        obligation: best.0.obligation, counterexample: minimized[index] ?? best.1, disposition: best.3,
        otherPairs: pairs.count - 1, guestABIs: abis)
    }
  }

  /// The smallest value failing the same way for the representative's op, when it replays to
  /// the same failure; otherwise the value found first.
  static func smallest(_ item: Break, group: MigrationGroup, solver: QuerySolver, identities: IdentityTable)
    -> Counterexample?
  {
    guard case .migration(let older, _, let olderMultiplex, let newer, _, let newerMultiplex) = item.0.subject,
      let op = olderMultiplex.subOp(named: item.1.subject)
    else { return nil }
    let width = item.0.obligation.guestWidth
    let olderShape = DecoderShape(olderMultiplex, guestWidth: width, identities: identities)
    let newerShape = DecoderShape(newerMultiplex, guestWidth: width, identities: identities)
    guard
      let found = try? solver.smallestMigrationFailure(
        olderShape, newerShape, identity: identities.id(of: op.lineage), group: group,
        fresh: olderMultiplex.decode(item.1.value, guestWidth: width).progress == 0),
      let (replayed, _) = try? CounterexampleReplay.migration(
        found, older: older, olderMultiplex, newer: newer, newerMultiplex, guestWidth: width),
      replayed.failure == item.1.failure
    else { return nil }
    return replayed
  }

  /// Accepted breaks that no checked migration needed, although some checked pair crosses them.
  func staleAcceptedBreaks(_ breaks: [Break], planned: [PlannedObligation]) -> [CheckReport.Note] {
    var used: Set<String> = []
    for item in breaks {
      if case .accepted(let id, _, _) = item.3 { used.insert(id) }
    }
    return model.acceptedBreaks.compactMap { accepted in
      guard !used.contains(accepted.id), let introduced = model.releaseIndex(named: accepted.introducedIn) else {
        return nil
      }
      let crossed = planned.contains { item in
        guard let older = item.olderIndex else { return false }
        return older < introduced && introduced <= item.newerIndex
      }
      guard crossed else { return nil }
      return CheckReport.Note(
        severity: .warning, outcome: nil,
        message:
          "accepted break '\(accepted.id)' is stale: no checked migration across \(accepted.introducedIn) breaks \(accepted.hypercall) that way any more",
        location: accepted.location)
    }
  }
}
