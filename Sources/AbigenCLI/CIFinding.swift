import ABIModel
import Obligations
import SpecDiff

/// One finding as the CI report formats carry it (SARIF, GitLab Code Quality), made from a
/// check or a diff: the rule, how bad, one line of text, where to edit, and a fingerprint that
/// stays the same across runs for the same break, so CI can tell new findings from old ones.
struct CIFinding {
  enum Level: String {
    case error, warning, note
  }

  var rule: Rule
  var level: Level
  var message: String
  var location: SourceLocation
  /// What makes the finding itself, without run details (timings, counts, line numbers): it
  /// is hashed into the fingerprint.
  var identity: String
  /// Why an accepted break does not fail, for SARIF's in-source suppression.
  var suppression: String?

  /// SHA-256 of the rule and the identity.
  var fingerprint: String { SHA256.hex(Array("\(rule.id)\n\(identity)".utf8)) }

  /// A finding of the checker.
  init(_ finding: CheckReport.Finding) {
    let example = finding.counterexample
    rule = Rule.lookup(example.failure.ruleID) ?? Rule.invalidSpec
    switch finding.disposition {
    case .failing: level = .error
    case .reported: level = .warning
    case .accepted(let id, let reason, _):
      level = .note
      suppression = "accepted break '\(id)': \(reason)"
    }
    message = CheckTextRenderer.line(finding)
    location = example.causeLocation ?? SourceLocation(file: "Spec", line: 0)
    let obligation = finding.obligation
    identity = [
      example.failure.name, obligation.hypercall ?? "", obligation.older ?? "", obligation.release,
      obligation.guestABI, example.argument, CounterexampleText.hex(example.value), example.subject,
    ].joined(separator: "\n")
  }

  /// A problem of the spec or the lock: nothing was proved.
  init(_ diagnostic: Diagnostic) {
    rule = Rule.invalidSpec
    level = diagnostic.severity == .error ? .error : diagnostic.severity == .warning ? .warning : .note
    message = DisplayText.terminal(diagnostic.message)
    location = diagnostic.location
    identity = "\(diagnostic.location.file)\n\(diagnostic.message)"
  }

  /// An obligation the solver could not decide.
  init(inconclusive result: CheckReport.ObligationResult, reason: String) {
    rule = Rule.inconclusive
    level = .warning
    let obligation = result.obligation
    let releases = obligation.older.map { "\($0) -> \(obligation.release)" } ?? obligation.release
    let subject = obligation.hypercall.map { "\($0) " } ?? ""
    message = "inconclusive \(obligation.kind.rawValue) \(subject)\(releases) (\(obligation.guestABI)): \(reason)"
    location = SourceLocation(file: "Spec", line: 0)
    identity = [
      obligation.kind.rawValue, obligation.hypercall ?? "", obligation.older ?? "", obligation.release,
      obligation.guestABI,
    ].joined(separator: "\n")
  }

  /// Every finding of a check run, then the obligations it could not decide, in report order.
  static func all(_ report: CheckReport) -> [CIFinding] {
    report.findings.map(CIFinding.init)
      + report.results.compactMap { result in
        guard case .inconclusive(let reason) = result.verdict else { return nil }
        return CIFinding(inconclusive: result, reason: reason)
      }
  }

  /// Every counterexample of a diff, under the change it is printed under, and the changes the
  /// checker left unproved.
  static func all(_ report: DiffReport) -> [CIFinding] {
    var found: [CIFinding] = []
    for (index, entry) in report.entries.enumerated() {
      for item in entry.breaks where item.primary == index {
        var finding = CIFinding(item.finding)
        finding.message = "\(entry.change.summary): \(finding.message)"
        if let location = entry.change.location, location != .unknown { finding.location = location }
        found.append(finding)
      }
      if case .unproved(let reason) = entry.label {
        found.append(
          CIFinding(
            rule: Rule.inconclusive, level: .warning, message: "unproved: \(entry.change.summary): \(reason)",
            location: entry.change.location ?? SourceLocation(file: "Spec", line: 0),
            identity: "\(entry.change.kind.rawValue)\n\(entry.change.hypercall ?? "")\n\(entry.change.summary)"))
      }
    }
    return found
  }

  init(
    rule: Rule, level: Level, message: String, location: SourceLocation, identity: String, suppression: String? = nil
  ) {
    self.rule = rule
    self.level = level
    self.message = message
    self.location = location
    self.identity = identity
    self.suppression = suppression
  }
}
