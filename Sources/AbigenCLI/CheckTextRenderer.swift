import ABIDSL
import ABIModel
import Foundation
import Obligations

/// `abigen check`'s human-readable report: one short line per finding (every detail with
/// `verbose`), then the counts.
enum CheckTextRenderer {
  static func render(_ report: CheckReport, model: ABIModel, verbose: Bool = false) -> String {
    var out = ""
    let ordered = report.findings.sorted { rank($0.disposition) < rank($1.disposition) }
    // A reported refusal by an interface version stands for every op of the table, release
    // after release: the short report gives one line per hypercall, --verbose one per op.
    var refusals: [String: [CheckReport.Finding]] = [:]
    var refusalOrder: [String] = []
    for finding in ordered {
      if !verbose, finding.disposition == .reported,
        finding.counterexample.failure == .migration(.interfaceRefused), let hypercall = finding.obligation.hypercall
      {
        if refusals[hypercall] == nil { refusalOrder.append(hypercall) }
        refusals[hypercall, default: []].append(finding)
        continue
      }
      out += (verbose ? line(finding) : compactLine(finding)) + "\n"
    }
    for hypercall in refusalOrder {
      out += refusalLine(hypercall, refusals[hypercall]!) + "\n"
    }
    if !verbose && report.findings.contains(where: { $0.disposition == .failing }) {
      out += "note: --verbose gives each break's cause and the Covers(...) line that would accept it\n"
    }
    for note in report.notes {
      let location = note.location.map { "\($0): " } ?? ""
      out += "\(location)\(note.severity.rawValue): \(note.message)\n"
    }
    let counts = [
      "\(report.count(.proved)) proved", "\(report.count(.refuted)) refuted", "\(report.count(.accepted)) accepted",
      "\(report.count(.reported)) reported (tools-only)", "\(report.count(.inconclusive)) inconclusive",
    ]
    var extra: [String] = []
    if report.count(.vacuous) > 0 { extra.append("\(report.count(.vacuous)) vacuous") }
    if report.count(.internalError) > 0 { extra.append("\(report.count(.internalError)) internal errors") }
    out += "\(report.results.count) obligations: \((counts + extra).joined(separator: ", "))"
    let split = report.splitChecks > 0 ? ", \(report.splitChecks) split after the timeout" : ""
    out += " (\(report.distinctQueries) distinct queries, \(report.solverChecks) solver checks\(split))"
    out += String(format: " in %.2f s\n", report.seconds)
    return out
  }

  /// `warning[interface-refused] domctl: 87 ops refused in 400 release pairs by a changed
  /// interface version, for example: <the first finding's short line> (--verbose lists each op)`.
  static func refusalLine(_ hypercall: String, _ findings: [CheckReport.Finding]) -> String {
    let ops = Set(findings.map(\.counterexample.subject)).count
    // Counted on a grid of (older, newer) positions: a long history has hundreds of thousands.
    let instances = findings.flatMap(\.instances)
    let side = (instances.map { max($0.olderIndex ?? 0, $0.newerIndex) }.max() ?? 0) + 2
    var seen = Array(repeating: false, count: side * side)
    var pairs = 0
    for instance in instances {
      let cell = ((instance.olderIndex ?? -1) + 1) * side + instance.newerIndex
      if !seen[cell] {
        seen[cell] = true
        pairs += 1
      }
    }
    let example = compactLine(findings[0])
    return
      "warning[interface-refused] \(hypercall): \(ops) ops refused in \(pairs) release pairs by a changed interface version, for example: \(example) (--verbose lists each op)"
  }

  static func rank(_ disposition: CheckReport.Disposition) -> Int {
    switch disposition {
    case .failing: return 0
    case .reported: return 1
    case .accepted: return 2
    }
  }

  /// `path:line: error[alias] memory_op 3.3 -> 3.4 (x86_64, cmd): 0x10: 3.3 reads A; 3.4 reads
  /// B (+174 pairs)`: what breaks and where to edit, without the cause and the ranges.
  static func compactLine(_ finding: CheckReport.Finding) -> String {
    let example = finding.counterexample
    let obligation = finding.obligation
    let label: String =
      switch finding.disposition {
      case .failing: "error"
      case .reported: "warning"
      case .accepted: "accepted"
      }
    let place = example.causeLocation.map { "\($0): " } ?? ""
    let releases = obligation.older.map { "\($0) -> \(obligation.release)" } ?? obligation.release
    let subject = obligation.hypercall.map { "\($0) " } ?? ""
    var text =
      "\(place)\(label)[\(example.failure.name)] \(subject)\(releases) (\(obligation.guestABI), \(example.argument)): "
    text += "\(CounterexampleText.hex(example.value)): "
    if let newer = example.newerReading, let older = obligation.older {
      text += "\(older) reads \(example.olderReading); \(obligation.release) reads \(newer)"
    } else {
      text += example.olderReading
    }
    if finding.otherPairs > 0 { text += " (+\(finding.otherPairs) \(obligation.older == nil ? "releases" : "pairs"))" }
    if case .accepted(let id, _, _) = finding.disposition { text += " [\(id)]" }
    if finding.disposition == .reported { text += " [tools-only]" }
    return text
  }

  static func line(_ finding: CheckReport.Finding) -> String {
    let example = finding.counterexample
    let obligation = finding.obligation
    let label: String =
      switch finding.disposition {
      case .failing: "error"
      case .reported: "warning"
      case .accepted: "accepted"
      }
    let releases = obligation.older.map { "\($0) -> \(obligation.release)" } ?? obligation.release
    let subject = obligation.hypercall.map { "\($0) " } ?? ""
    var text = "\(label)[\(example.failure.name)] \(subject)\(releases) (\(obligation.guestABI), \(example.argument)): "
    text += "\(CounterexampleText.hex(example.value)): "
    if let newer = example.newerReading, let older = obligation.older {
      text += "\(older) reads \(example.olderReading); \(obligation.release) reads \(newer)."
    } else {
      text += "\(example.olderReading)."
    }
    text += " Cause: \(example.cause)"
    if let location = example.causeLocation { text += " (\(location))" }
    text += "."
    if finding.otherPairs > 0 {
      let noun = obligation.older == nil ? "release" : "release pair"
      text += " Also breaks \(finding.otherPairs) other \(noun)\(finding.otherPairs == 1 ? "" : "s")"
      text += finding.ranges.isEmpty ? "." : ": \(finding.rangeText) (\(finding.guestABIs.joined(separator: ", ")))."
    }
    switch finding.disposition {
    case .failing, .reported:
      if finding.disposition == .reported { text += " Tools-only: reported, not failing." }
      if let closest = finding.closest { text += " Closest accepted break: \(closest)." }
      if finding.disposition == .failing, !finding.suggestion.isEmpty {
        text += " To accept it, add to an Accepted record: "
        text += finding.suggestion.map(\.dslText).joined(separator: " ")
      }
    case .accepted(let id, let reason, let location): text += " Accepted as '\(id)' (\(location)): \(reason)"
    }
    return text
  }
}

enum CounterexampleText {
  static func hex(_ value: UInt64) -> String { hexString(value) }
}
