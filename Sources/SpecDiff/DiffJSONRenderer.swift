import ABIModel
import Foundation
import Obligations

/// `abigen diff --format json`: every change with its label and counterexamples.
public enum DiffJSONRenderer {
  struct Document: Encodable {
    var format = "abigen-diff"
    var version = 1
    var family: String
    var older: String
    var newer: String
    var exitCode: Int32
    var changes: [ChangeJSON]
    var notes: [String]
  }

  struct ChangeJSON: Encodable {
    var kind: String
    var hypercall: String?
    var summary: String
    var location: String?
    /// `compatible`, `breaking` or `unproved`.
    var label: String
    /// For a breaking change: `failing`, `accepted` or `reported`.
    var disposition: String?
    var acceptedAs: [String]?
    var reason: String?
    var counterexamples: [CounterexampleJSON]
  }

  struct CounterexampleJSON: Encodable {
    var ruleId: String
    var failure: String
    var disposition: String
    var acceptedAs: String?
    /// Printed under this change (`true`), or under the change named in `primaryChange`.
    var primary: Bool
    var primaryChange: String?
    var guestABI: String
    var argument: String
    var value: String
    var subject: String
    var olderReading: String
    var newerReading: String?
    var cause: String
    /// The release that wrote the value (the older release of the pair shown).
    var writtenBy: String?
    /// Every migration into the newer release it breaks, as ranges (`3.0.0..3.3 -> master`).
    var pairs: [String]
  }

  public static func render(_ report: DiffReport) throws -> Data {
    let changes = report.entries.enumerated().map { index, entry -> ChangeJSON in
      var json = ChangeJSON(
        kind: entry.change.kind.rawValue, hypercall: entry.change.hypercall, summary: entry.change.summary,
        location: entry.change.location.flatMap { $0 == .unknown ? nil : $0.description }, label: "compatible",
        counterexamples: [])
      switch entry.label {
      case .compatible: break
      case .breaking(let severity):
        json.label = "breaking"
        switch severity {
        case .failing: json.disposition = "failing"
        case .reported: json.disposition = "reported"
        case .accepted(let ids):
          json.disposition = "accepted"
          json.acceptedAs = ids
        }
      case .unproved(let reason):
        json.label = "unproved"
        json.reason = reason
      }
      json.counterexamples = entry.breaks.map { item in
        let example = item.finding.counterexample
        var disposition = "failing"
        var acceptedAs: String?
        switch item.finding.disposition {
        case .failing: break
        case .reported: disposition = "reported"
        case .accepted(let id, _, _):
          disposition = "accepted"
          acceptedAs = id
        }
        return CounterexampleJSON(
          ruleId: example.failure.ruleID, failure: example.failure.name, disposition: disposition,
          acceptedAs: acceptedAs, primary: item.primary == index,
          primaryChange: item.primary == index ? nil : report.entries[item.primary].change.summary,
          guestABI: item.finding.obligation.guestABI, argument: example.argument,
          value: ReleaseDiff.hex(example.value), subject: example.subject, olderReading: example.olderReading,
          newerReading: example.newerReading, cause: example.cause, writtenBy: item.finding.obligation.older,
          pairs: item.finding.ranges.map(\.description))
      }
      return json
    }
    let document = Document(
      family: report.pair.model.family, older: report.pair.older.name, newer: report.pair.newer.name,
      exitCode: report.exitCode, changes: changes,
      notes: report.check.notes.map { "\($0.severity.rawValue): \($0.message)" })
    return try DeterministicJSON.encode(document)
  }
}
