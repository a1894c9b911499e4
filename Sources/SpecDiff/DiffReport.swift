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

  /// The checker's own exit status for the pair: 0 when no unaccepted break (accepted and
  /// tools-only breaks allowed), 1 a failing break, 3 inconclusive, 4 internal error.
  public var exitCode: Int32 { check.exitCode }

  public func count(_ predicate: (Label) -> Bool) -> Int {
    entries.filter { predicate($0.label) }.count
  }

  /// Runs the checker over the pair and labels every structural change.
  public static func make(_ pair: ReleasePair, options: CheckOptions) throws(Checker.Failure) -> DiffReport {
    var checkOptions = options
    checkOptions.release = nil
    checkOptions.from = pair.older.name
    checkOptions.to = pair.newer.name
    var checker = Checker(model: pair.model, options: checkOptions)
    return classify(pair, changes: ReleaseDiff.changes(from: pair.older, to: pair.newer), check: try checker.run())
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
        let lineage = hypercall.flatMap { pair.older.hypercall(named: $0)?.lineage } ?? ""
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
      covering = change.kind == .multiplexed ? [] : results(.migration, lineage, pair, check)
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
