import Foundation
import Headroom

/// `abigen headroom`'s readable report: a block per multiplexed hypercall, one line per group of
/// guest widths with the same figures.
enum HeadroomTextRenderer {
  /// `maskStates: false` for a what-if, whose masks are hypothetical.
  static func render(_ report: HeadroomReport, maskStates: Bool = true) -> String {
    var out = "headroom of \(report.family) \(report.release)\n"
    for hypercall in report.hypercalls {
      out += "\n" + header(hypercall) + "\n"
      for group in grouped(hypercall.numbers, by: { [$0.capacityBits, Int(truncatingIfNeeded: $0.free)] }) {
        let numbers = group[0]
        let used = hypercall.highestNumber.map { "highest \($0)" } ?? "none used"
        out += "  \(widths(group.map { ($0.guestWidth, $0.guestABIs) })): \(used) of \(power(numbers.capacityBits))"
        out += ", \(count(numbers.free)) free, \(lasting(numbers.releasesLeft)): \(numbers.verdict.rawValue)\n"
      }
      if maskStates { out += "  \(maskState(hypercall))\n" }
      out += "  history: \(history(hypercall.history))\n"
      let byOp = Dictionary(grouping: hypercall.continuations, by: \.subOp)
      for op in orderedNames(hypercall.continuations) {
        let rows = byOp[op]!
        out += "  \(op): \(layout(rows[0]))\n"
        for group in grouped(rows, by: { [$0.capacityBits, $0.boundBits] }) {
          let row = group[0]
          out += "    \(widths(group.map { ($0.guestWidth, $0.guestABIs) })): \(row.capacityBits) bits"
          out += ", bound \(row.bound) (\(row.boundBits) bits): \(spare(row.spareBits))\n"
        }
      }
    }
    return out
  }

  /// Whether the mask can still change: only while no released release has it.
  static func maskState(_ hypercall: HypercallHeadroom) -> String {
    let mask = hypercall.opMask == nil ? "whole-register op" : "mask"
    guard let released = hypercall.maskReleasedIn else {
      return "\(mask): in no released release: it can still change at no cost"
    }
    return "\(mask): shipped in \(released): part of the ABI, a change is checked against every older release"
  }

  /// The what-if report: the edits, the headroom they leave, and the checker's verdict.
  static func render(_ outcome: WhatIfOutcome) -> String {
    var out = "what-if \(outcome.edits.joined(separator: ", ")) in \(outcome.releases.joined(separator: ", "))\n"
    out += render(outcome.headroom, maskStates: false)
    out += "\n"
    for problem in outcome.invalid { out += problem + "\n" }
    if let check = outcome.check {
      out += "checker: \(check.obligations) obligations of \(outcome.headroom.release) against every other release: "
      out += "\(check.proved) proved, \(check.failing) failing (\(check.failingWithoutEdit) without the edit)"
      out += check.inconclusive > 0 ? ", \(check.inconclusive) inconclusive\n" : "\n"
    }
    for item in outcome.newBreaks + outcome.newReports { out += item.line + "\n" }
    if !outcome.newReports.isEmpty {
      out +=
        "\(outcome.newReports.count) new tools-only break\(outcome.newReports.count == 1 ? "" : "s"): reported, not failing\n"
    }
    switch outcome.verdict {
    case "breaking":
      out +=
        "verdict: breaking: the edit adds \(outcome.newBreaks.count) break\(outcome.newBreaks.count == 1 ? "" : "s")\n"
    case "invalid": out += "verdict: invalid: the edited spec does not validate\n"
    case "inconclusive": out += "verdict: inconclusive: the solver could not decide every obligation\n"
    default: out += "verdict: compatible: the edit adds no break against any other release\n"
    }
    return out
  }

  static func header(_ hypercall: HypercallHeadroom) -> String {
    let mask =
      hypercall.opMask.map { "op mask \($0)" + (hypercall.maskName.map { " (\($0))" } ?? "") }
      ?? "no op mask: the whole register is the op"
    return
      "\(hypercall.hypercall) ('\(hypercall.opArgument)', \(mask)): \(hypercall.definedNumbers) sub-op numbers defined"
  }

  static func history(_ history: NumberHistory) -> String {
    guard let rate = history.perRelease else { return "first sub-op table in \(history.firstRelease): no rate yet" }
    let releases = history.releases == 1 ? "1 release" : "\(history.releases) releases"
    return "\(history.additions) numbers added in the \(releases) after \(history.firstRelease)"
      + " (\(String(format: "%.2f", rate)) per release)"
  }

  static func lasting(_ releases: UInt64?) -> String {
    guard let releases else { return "no additions to project from" }
    if releases > 1_000_000 { return "over a million releases at the historical rate" }
    return releases == 1 ? "1 release at the historical rate" : "\(releases) releases at the historical rate"
  }

  static func layout(_ row: ProgressHeadroom) -> String {
    let progress = row.progress ?? "progress"
    switch row.layout {
    case .shifted: return "\(progress) shifted by \(row.shift ?? 0)"
    case .raw: return "\(progress) raw above the op mask, in steps of \(row.step ?? 1)"
    }
  }

  static func spare(_ bits: Int) -> String {
    if bits < 0 { return "the bound exceeds the register by \(-bits) bits" }
    return bits == 0 ? "no spare bits" : "\(bits) spare bits"
  }

  /// `32-bit (x86_32, arm32) and 64-bit (x86_64, arm64)`.
  static func widths(_ widths: [(Int, [String])]) -> String {
    widths.map { "\($0.0)-bit (\($0.1.joined(separator: ", ")))" }.joined(separator: " and ")
  }

  /// `256` up to 32 bits, `2^64` beyond.
  static func power(_ bits: Int) -> String {
    bits <= 32 ? "\(UInt64(1) << UInt64(bits))" : "2^\(bits)"
  }

  static func count(_ value: UInt64) -> String {
    value < (UInt64(1) << 40) ? "\(value)" : "over 2^\(63 - value.leadingZeroBitCount)"
  }

  /// Rows with equal `key`, in first-seen order.
  static func grouped<Row>(_ rows: [Row], by key: (Row) -> [Int]) -> [[Row]] {
    var groups: [[Row]] = []
    var keys: [[Int]] = []
    for row in rows {
      if let index = keys.firstIndex(of: key(row)) {
        groups[index].append(row)
      } else {
        keys.append(key(row))
        groups.append([row])
      }
    }
    return groups
  }

  static func orderedNames(_ rows: [ProgressHeadroom]) -> [String] {
    var seen: Set<String> = []
    return rows.map(\.subOp).filter { seen.insert($0).inserted }
  }
}
