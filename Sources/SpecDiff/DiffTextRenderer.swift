import ABIModel
import Obligations

/// `abigen diff`'s report for a reviewer: the hypercall table, then one section per hypercall,
/// each change with its label and the counterexample that makes it breaking.
public enum DiffTextRenderer {
  public static func render(_ report: DiffReport) -> String {
    let pair = report.pair
    var out = "\(pair.model.family) \(pair.older.name) -> \(pair.newer.name)\n"
    var sections: [(title: String, entries: [Int])] = []
    func section(_ title: String) -> Int {
      if let index = sections.firstIndex(where: { $0.title == title }) { return index }
      sections.append((title, []))
      return sections.count - 1
    }
    for (index, entry) in report.entries.enumerated() {
      sections[section(title(entry.change, pair: pair))].entries.append(index)
    }
    if sections.isEmpty { out += "\nno changes\n" }
    for (title, indices) in sections {
      out += "\n\(title)\n"
      for index in indices {
        out += render(report.entries[index], at: index, in: report)
      }
    }
    let notes = report.check.notes.map { note in
      (note.location.map { "\($0): " } ?? "") + "\(note.severity.rawValue): \(note.message)"
    }
    if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }
    out += "\n" + summary(report) + "\n"
    return out
  }

  static func title(_ change: SpecChange, pair: ReleasePair) -> String {
    switch change.subject {
    case .hypercall, .hypercallNumber:
      return "hypercall table"
    case .decoder(let lineage), .subOp(let lineage, _), .countFlag(let lineage):
      guard let hypercall = pair.newer.hypercall(lineage: lineage) ?? pair.older.hypercall(lineage: lineage) else {
        return change.hypercall ?? "hypercall table"
      }
      return "\(hypercall.name) (\(hypercall.number))"
    }
  }

  static func marker(_ kind: SpecChange.Kind) -> String {
    switch kind {
    case .added: return "+"
    case .removed: return "-"
    default: return "~"
    }
  }

  public static func labelText(_ label: DiffReport.Label) -> String {
    switch label {
    case .compatible: return "compatible"
    case .breaking(.failing): return "BREAKING"
    case .breaking(.reported): return "breaking, tools-only (reported, not failing)"
    case .breaking(.accepted(let ids)):
      return "breaking, accepted as " + ids.map { "'\($0)'" }.joined(separator: ", ")
    case .unproved(let reason): return "unproved (\(reason))"
    }
  }

  static func render(_ entry: DiffReport.Entry, at index: Int, in report: DiffReport) -> String {
    let change = entry.change
    var out = "  \(marker(change.kind)) \(change.summary): \(labelText(entry.label))"
    if let location = change.location, location != .unknown { out += " (\(location))" }
    out += "\n"
    for item in entry.breaks {
      if item.primary == index {
        out += "      " + counterexampleLine(item.finding, report.pair) + "\n"
      } else {
        let example = item.finding.counterexample
        out += "      with \(report.entries[item.primary].change.shortName): \(tag(item.finding)) "
        out += "\(ReleaseDiff.hex(example.value)) (\(example.subject))\n"
      }
    }
    return out
  }

  static func tag(_ finding: CheckReport.Finding) -> String {
    let label: String =
      switch finding.disposition {
      case .failing: "error"
      case .reported: "warning"
      case .accepted: "accepted"
      }
    return "\(label)[\(finding.counterexample.failure.name)]"
  }

  /// `accepted[alias] 0x10 (x86_64, cmd): 3.3 reads ...; 3.4 reads ....`
  public static func counterexampleLine(_ finding: CheckReport.Finding, _ pair: ReleasePair) -> String {
    let example = finding.counterexample
    var text = "\(tag(finding)) \(ReleaseDiff.hex(example.value)) "
    text += "(\(finding.obligation.guestABI), \(example.argument)): "
    let writer = finding.obligation.older ?? pair.older.name
    if let newer = example.newerReading {
      text += "\(writer) reads \(example.olderReading); \(finding.obligation.release) reads \(newer)."
    } else {
      text += "\(example.olderReading)."
    }
    // Every migration into the newer release it breaks, not only the one from the older release.
    if !finding.ranges.isEmpty, finding.ranges.map(\.description) != ["\(pair.older.name) -> \(pair.newer.name)"] {
      text += " Breaks migrations \(finding.rangeText)."
    }
    switch finding.disposition {
    case .failing: break
    case .reported: text += " Tools-only: reported, not failing."
    case .accepted(let id, _, let location): text += " Accepted as '\(id)' (\(location))."
    }
    return text
  }

  static func summary(_ report: DiffReport) -> String {
    let breaking = report.count { if case .breaking = $0 { return true } else { return false } }
    let failing = report.count { $0 == .breaking(.failing) }
    let reported = report.count { $0 == .breaking(.reported) }
    let compatible = report.count { $0 == .compatible }
    let unproved = report.count { if case .unproved = $0 { return true } else { return false } }
    var parts = ["\(compatible) compatible", "\(breaking) breaking"]
    if breaking > 0 {
      parts[1] += " (\(failing) failing, \(breaking - failing - reported) accepted, \(reported) tools-only)"
    }
    if unproved > 0 { parts.append("\(unproved) unproved") }
    let noun = report.entries.count == 1 ? "change" : "changes"
    return "\(report.entries.count) \(noun): \(parts.joined(separator: ", ")); exit \(report.exitCode)"
  }
}
