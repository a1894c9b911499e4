import ABIModel
import Foundation
import Obligations

/// `abigen check --format sarif`: SARIF 2.1.0 for code-scanning CI. Accepted breaks are results
/// with an in-source suppression, so they show up but do not fail a gate.
enum SARIFRenderer {
  struct Log: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }
  }

  struct Run: Encodable {
    var tool: Tool
    var results: [Result]
  }

  struct Tool: Encodable {
    var driver: Driver
  }

  struct Driver: Encodable {
    var name = "abigen"
    var informationUri = "https://example.invalid/abigen"
    var rules: [Rule]
  }

  struct Rule: Encodable {
    var id: String
    var name: String
    var shortDescription: Text
  }

  struct Text: Encodable {
    var text: String
  }

  struct Result: Encodable {
    var ruleId: String
    var level: String
    var message: Text
    var locations: [Location]
    var suppressions: [Suppression]?
  }

  struct Location: Encodable {
    var physicalLocation: PhysicalLocation
  }

  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region?
  }

  struct ArtifactLocation: Encodable {
    var uri: String
  }

  struct Region: Encodable {
    var startLine: Int
  }

  struct Suppression: Encodable {
    var kind = "inSource"
    var justification: String
  }

  static let rules: [Rule] =
    BreakClass.allCases.map { breakClass in
      Rule(id: breakClass.ruleID, name: breakClass.rawValue, shortDescription: Text(text: describe(breakClass)))
    }
    + ReleaseFailure.allCases.map { failure in
      Rule(id: failure.ruleID, name: failure.rawValue, shortDescription: Text(text: describe(failure)))
    }

  static func describe(_ breakClass: BreakClass) -> String {
    switch breakClass {
    case .alias: return "A live value of an older release decodes as a different sub-op in a newer one."
    case .progressCorrupted: return "A continuation resumes at a different progress in a newer release."
    case .continuationLost: return "A newer release rejects a continuation an older one created."
    case .renumbered: return "A sub-op or hypercall changed its number."
    case .removed: return "A newer release no longer defines an op an older one did."
    case .hypercallReuse: return "A hypercall number names a different hypercall in a newer release."
    }
  }

  static func describe(_ failure: ReleaseFailure) -> String {
    switch failure {
    case .opDoesNotFit: return "A sub-op number does not fit the op mask or register."
    case .duplicateNumber: return "Two sub-ops share a number."
    case .fieldsOverlap: return "Continuation progress overlaps the op field or leaves the register."
    case .roundTripFails: return "A continuation does not decode back to its op and progress."
    case .liveValueShared: return "One register value is live for two sub-ops."
    }
  }

  static func render(_ report: CheckReport) throws -> Data {
    let results = report.findings.map { finding -> Result in
      let example = finding.counterexample
      var level = "error"
      var suppressions: [Suppression]?
      switch finding.disposition {
      case .failing: break
      case .reported: level = "warning"
      case .accepted(let id, let reason, _):
        level = "note"
        suppressions = [Suppression(justification: "accepted break '\(id)': \(reason)")]
      }
      let location = example.causeLocation ?? SourceLocation(file: "Spec", line: 0)
      return Result(
        ruleId: example.failure.ruleID, level: level,
        message: Text(text: CheckTextRenderer.line(finding)),
        locations: [
          Location(
            physicalLocation: PhysicalLocation(
              artifactLocation: ArtifactLocation(uri: location.file),
              region: location.line > 0 ? Region(startLine: location.line) : nil))
        ],
        suppressions: suppressions)
    }
    let log = Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)])
    return try DeterministicJSON.encode(log)
  }
}
