import ABIModel
import Foundation
import Obligations

/// `abigen check --format json` (docs/schemas/check.schema.json): the findings and counts, with
/// a stable rule id per class; for an invalid spec, its diagnostics and nothing proved.
enum CheckJSONRenderer {
  struct Document: Encodable {
    var format = "abigen-check"
    var version = 1
    var tool = "abigen \(ToolInfo.version)"
    var exitCode: Int32
    /// Problems of the spec or its lock; when there is one, nothing was checked.
    var diagnostics: [NoteJSON]
    var summary: Summary
    var findings: [FindingJSON]
    var notes: [NoteJSON]
    /// Every obligation that did not simply hold.
    var unproved: [ObligationJSON]
  }

  struct Summary: Encodable {
    var obligations: Int
    var proved: Int
    var refuted: Int
    var accepted: Int
    var reported: Int
    var inconclusive: Int
    var vacuous: Int
    var internalErrors: Int
    var distinctQueries: Int
    var solverChecks: Int
    var seconds: Double
  }

  struct ObligationJSON: Encodable {
    var kind: String
    var older: String?
    var release: String
    var guestABI: String
    var guestWidth: Int
    var hypercall: String?
    var outcome: String?
    var reason: String?
  }

  struct FindingJSON: Encodable {
    var ruleId: String
    var failure: String
    var disposition: String
    var obligation: ObligationJSON
    var argument: String
    var value: String
    var subject: String
    var toolsOnly: Bool
    var olderReading: String
    var newerReading: String?
    var cause: String
    var causeLocation: String?
    var acceptedAs: String?
    var otherPairs: Int
    var guestABIs: [String]
    /// Every release pair it breaks, as compact ranges (`3.0.2..3.3 -> 3.4..master`).
    var pairs: [String]
    var closestAccepted: String?
    /// The accepted-break entries that would accept exactly this finding.
    var acceptWith: [BreakCoverage]?
  }

  struct NoteJSON: Encodable {
    var severity: String
    var message: String
    var location: String?
  }

  static func obligation(_ obligation: ProofObligation, outcome: String? = nil, reason: String? = nil) -> ObligationJSON
  {
    ObligationJSON(
      kind: obligation.kind.rawValue, older: obligation.older, release: obligation.release,
      guestABI: obligation.guestABI, guestWidth: obligation.guestWidth, hypercall: obligation.hypercall,
      outcome: outcome, reason: reason)
  }

  static func render(_ report: CheckReport) throws -> Data {
    let findings = report.findings.map { finding -> FindingJSON in
      let example = finding.counterexample
      var disposition = "failing"
      var acceptedAs: String?
      switch finding.disposition {
      case .failing: break
      case .reported: disposition = "reported"
      case .accepted(let id, _, _):
        disposition = "accepted"
        acceptedAs = id
      }
      return FindingJSON(
        ruleId: example.failure.ruleID, failure: example.failure.name, disposition: disposition,
        obligation: obligation(finding.obligation), argument: example.argument,
        value: CounterexampleText.hex(example.value), subject: example.subject, toolsOnly: example.toolsOnly,
        olderReading: example.olderReading, newerReading: example.newerReading, cause: example.cause,
        causeLocation: example.causeLocation?.description, acceptedAs: acceptedAs, otherPairs: finding.otherPairs,
        guestABIs: finding.guestABIs, pairs: finding.ranges.map(\.description), closestAccepted: finding.closest,
        acceptWith: finding.suggestion.isEmpty ? nil : finding.suggestion)
    }
    let unproved = report.results.filter { $0.outcome != .proved }.map { result -> ObligationJSON in
      var reason: String?
      if case .inconclusive(let why) = result.verdict { reason = why }
      return obligation(result.obligation, outcome: result.outcome.rawValue, reason: reason)
    }
    let document = Document(
      exitCode: report.exitCode, diagnostics: [],
      summary: Summary(
        obligations: report.results.count, proved: report.count(.proved), refuted: report.count(.refuted),
        accepted: report.count(.accepted), reported: report.count(.reported),
        inconclusive: report.count(.inconclusive), vacuous: report.count(.vacuous),
        internalErrors: report.count(.internalError), distinctQueries: report.distinctQueries,
        solverChecks: report.solverChecks, seconds: report.seconds),
      findings: findings,
      notes: report.notes.map {
        NoteJSON(severity: $0.severity.rawValue, message: $0.message, location: $0.location?.description)
      },
      unproved: unproved)
    return try DeterministicJSON.encode(document)
  }

  /// The document for a spec (or lock) that could not be checked: its diagnostics, exit 1.
  static func render(invalid diagnostics: [Diagnostic]) throws -> Data {
    let document = Document(
      exitCode: ExitStatus.refutedOrInvalid.rawValue,
      diagnostics: diagnostics.map {
        NoteJSON(severity: $0.severity.rawValue, message: $0.message, location: $0.location.description)
      },
      summary: Summary(
        obligations: 0, proved: 0, refuted: 0, accepted: 0, reported: 0, inconclusive: 0, vacuous: 0,
        internalErrors: 0, distinctQueries: 0, solverChecks: 0, seconds: 0),
      findings: [], notes: [], unproved: [])
    return try DeterministicJSON.encode(document)
  }
}
