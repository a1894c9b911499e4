import ABIModel
import Obligations

/// What changed between two releases, each change labelled by the checker: `breaking` when a
/// counterexample of the pair involves it, `compatible` when the obligations that cover it
/// were decided and none of their counterexamples involves it, `unproved` otherwise.
public struct DiffReport: Sendable {
  /// How a breaking change counts, from the dispositions of its counterexamples.
  public enum Severity: Hashable, Sendable {
    /// At least one counterexample fails the check.
    case failing
    /// Only breaks of op classes the migration policy lets through (tools-only).
    case reported
    /// Only breaks recorded as accepted, by id.
    case accepted([String])
  }

  public enum Label: Hashable, Sendable {
    case compatible
    case breaking(Severity)
    /// The checker did not decide it: inconclusive, or no obligation covers it.
    case unproved(String)
  }

  /// A counterexample, attached to the change it is printed under (`primary`) or referring
  /// to that change from another one it also involves.
  public struct Break: Sendable {
    public var finding: CheckReport.Finding
    /// The change the counterexample is printed under.
    public var primary: Int
  }

  public struct Entry: Sendable {
    public var change: SpecChange
    public var label: Label
    /// Counterexamples involving this change, primary ones first.
    public var breaks: [Break]
  }

  public var pair: ReleasePair
  public var entries: [Entry]
  public var check: CheckReport

  /// 0 when no change breaks a migration unaccepted (accepted and tools-only breaks allowed),
  /// 1 when one does, 3 inconclusive, 4 internal error.
  public var exitCode: Int32 {
    if check.count(.internalError) > 0 { return 4 }
    if check.count(.vacuous) > 0 || entries.contains(where: { $0.label == .breaking(.failing) }) { return 1 }
    if check.count(.inconclusive) > 0 { return 3 }
    return 0
  }

  public func count(_ predicate: (Label) -> Bool) -> Int {
    entries.filter { predicate($0.label) }.count
  }

  /// Runs the checker over every migration into the newer release the policy allows, keeps
  /// the breaks the older release did not already have the same way, and labels every
  /// structural change by them.
  public static func make(_ pair: ReleasePair, options: CheckOptions) throws(Checker.Failure) -> DiffReport {
    var intoNewer = options
    intoNewer.release = nil
    intoNewer.from = nil
    intoNewer.to = pair.newer.name
    var checker = Checker(model: pair.model, options: intoNewer)
    let check = try checker.run()
    var already: Set<Precedent> = []
    if pair.olderIndex > 0 {
      var intoOlder = intoNewer
      intoOlder.to = pair.older.name
      var olderChecker = Checker(model: pair.model, options: intoOlder)
      for finding in try olderChecker.run().findings {
        guard let identity = finding.counterexample.identity else { continue }
        for instance in finding.instances {
          already.insert(Precedent(instance.olderIndex, instance.guestWidth, identity, finding.disposition))
        }
      }
    }
    var report = check
    let names = pair.model.releases.map(\.name)
    report.findings = check.findings.compactMap { finding in
      guard let identity = finding.counterexample.identity else { return finding }
      var kept = finding
      kept.instances = finding.instances.filter { instance in
        guard let older = instance.olderIndex, older < pair.olderIndex else { return true }
        return !already.contains(Precedent(older, instance.guestWidth, identity, finding.disposition))
      }
      guard !kept.instances.isEmpty else { return nil }
      kept.ranges = CheckReport.ReleaseRanges.blocks(kept.instances, releaseNames: names)
      return kept
    }
    return classify(pair, changes: ReleaseDiff.changes(from: pair.older, to: pair.newer), check: report)
  }

  /// A way a value from an older release broke into the diff's older release already.
  struct Precedent: Hashable {
    var older: Int?
    var width: Int
    var identity: BreakIdentity
    var disposition: CheckReport.Disposition

    init(_ older: Int?, _ width: Int, _ identity: BreakIdentity, _ disposition: CheckReport.Disposition) {
      self.older = older
      self.width = width
      self.identity = identity
      self.disposition = disposition
    }
  }

  /// Attaches each finding of `check` to the changes it involves and labels every change.
  public static func classify(_ pair: ReleasePair, changes: [SpecChange], check: CheckReport) -> DiffReport {
    var changes = changes
    var attached: [[Break]] = Array(repeating: [], count: changes.count)
    for finding in check.findings {
      var involved = ChangeBlame(pair: pair, changes: changes).involved(finding)
      if involved.isEmpty {
        // A break no structural change explains is still shown, under a change of its own.
        let hypercall = finding.obligation.hypercall
        let lineage =
          hypercall.flatMap { ChangeBlame.writer(of: finding, in: pair)?.hypercall(named: $0)?.lineage } ?? ""
        changes.append(
          SpecChange(
            kind: .decoding, subject: .decoder(hypercall: lineage), hypercall: hypercall,
            summary: "\(hypercall ?? "the hypercall table") decodes some values differently",
            location: finding.counterexample.causeLocation))
        attached.append([])
        involved = [changes.count - 1]
      }
      for index in involved {
        attached[index].append(Break(finding: finding, primary: involved[0]))
      }
    }
    let entries = changes.indices.map { index in
      var breaks = attached[index]
      // Printed ones first; then by class (alias first) and value, so the output is stable.
      breaks.sort { a, b in
        let keyA = (a.primary == index ? 0 : 1, rank(a.finding), a.finding.counterexample.value)
        let keyB = (b.primary == index ? 0 : 1, rank(b.finding), b.finding.counterexample.value)
        return keyA < keyB
      }
      let label: Label =
        breaks.isEmpty ? unbrokenLabel(changes[index], pair: pair, check: check) : .breaking(severity(breaks))
      return Entry(change: changes[index], label: label, breaks: breaks)
    }
    return DiffReport(pair: pair, entries: entries, check: check)
  }

  static func rank(_ finding: CheckReport.Finding) -> Int {
    if case .migration(let breakClass) = finding.counterexample.failure {
      return BreakClass.allCases.firstIndex(of: breakClass) ?? 0
    }
    return BreakClass.allCases.count
  }

  static func severity(_ breaks: [Break]) -> Severity {
    var ids: [String] = []
    var reported = false
    for item in breaks {
      switch item.finding.disposition {
      case .failing: return .failing
      case .reported: reported = true
      case .accepted(let id, _, _): if !ids.contains(id) { ids.append(id) }
      }
    }
    return reported ? .reported : .accepted(ids)
  }

  /// A change no counterexample involves: compatible when the obligations covering it were all
  /// decided (a refuted one lists every way it fails, and none of them is this change).
  static func unbrokenLabel(_ change: SpecChange, pair: ReleasePair, check: CheckReport) -> Label {
    let covering: [CheckReport.ObligationResult]
    switch change.subject {
    case .hypercall, .hypercallNumber:
      covering = check.results.filter { $0.obligation.kind == .hypercallNumbers }
    case .decoder(let lineage), .subOp(let lineage, _):
      covering = results(.migration, lineage, pair, check)
    case .countFlag(let lineage):
      covering = results(.countFlagMigration, lineage, pair, check)
    }
    return label(
      covering: covering.map { result in
        if case .inconclusive(let reason) = result.verdict { return (result.outcome, reason) }
        return (result.outcome, nil)
      })
  }

  /// The label of a change no counterexample involves, from the outcomes of the obligations
  /// covering it: compatible only when every one was decided.
  public static func label(covering outcomes: [(outcome: CheckReport.Outcome, reason: String?)]) -> Label {
    guard !outcomes.isEmpty else { return .unproved("no obligation covers it") }
    for (outcome, reason) in outcomes {
      switch outcome {
      case .inconclusive: return .unproved("inconclusive" + (reason.map { ": \($0)" } ?? ""))
      case .internalError: return .unproved("internal error")
      case .vacuous: return .unproved("vacuous obligation")
      case .proved, .refuted, .accepted, .reported: continue
      }
    }
    return .compatible
  }

  static func results(_ kind: ProofObligation.Kind, _ lineage: String, _ pair: ReleasePair, _ check: CheckReport)
    -> [CheckReport.ObligationResult]
  {
    check.results.filter { result in
      result.obligation.kind == kind
        && result.obligation.hypercall.flatMap { pair.older.hypercall(named: $0)?.lineage } == lineage
    }
  }
}
