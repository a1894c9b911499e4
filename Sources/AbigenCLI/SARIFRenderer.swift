import ABIModel
import Foundation

/// `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Every rule carries its
/// description and help; every result a fingerprint that stays the same across runs
/// (`partialFingerprints`), so code scanning tracks a break from one run to the next instead of
/// collapsing the results that share a rule and a line. Accepted breaks are results with an
/// in-source suppression: they show, but do not fail a gate.
enum SARIFRenderer {
  /// The `partialFingerprints` key: bumped when `CIFinding.identity` changes what it holds.
  static let fingerprintKey = "abigenFinding/v1"

  struct Log: Encodable {
    var schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }
  }

  struct Run: Encodable {
    var tool: Tool
    var automationDetails: AutomationDetails
    var results: [Result]
  }

  struct AutomationDetails: Encodable {
    /// `abigen/check/`: code scanning keeps the analyses of check and diff apart.
    var id: String
  }

  struct Tool: Encodable {
    var driver: Driver
  }

  struct Driver: Encodable {
    var name = "abigen"
    var fullName = "abigen: hypercall ABI compatibility checker"
    var version = ToolInfo.version
    var semanticVersion = ToolInfo.version
    var informationUri: String?
    var rules: [RuleJSON]
  }

  struct RuleJSON: Encodable {
    var id: String
    var name: String
    var shortDescription: Text
    var fullDescription: Text
    var help: Help
    var defaultConfiguration: Configuration
    var properties: Properties
  }

  struct Properties: Encodable {
    var tags: [String]
  }

  struct Configuration: Encodable {
    var level: String
  }

  struct Text: Encodable {
    var text: String
  }

  struct Help: Encodable {
    var text: String
    var markdown: String
  }

  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Text
    var locations: [Location]
    var partialFingerprints: [String: String]
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
    /// Paths are relative to the repository root.
    var uriBaseId = "%SRCROOT%"
  }

  struct Region: Encodable {
    var startLine: Int
  }

  struct Suppression: Encodable {
    var kind = "inSource"
    var justification: String
  }

  static func rules() -> [RuleJSON] {
    Rule.all.map { rule in
      RuleJSON(
        id: rule.id, name: rule.name, shortDescription: Text(text: rule.summary),
        fullDescription: Text(text: rule.summary + " " + rule.help),
        help: Help(text: rule.help, markdown: "**\(rule.summary)**\n\n\(rule.help)"),
        defaultConfiguration: Configuration(level: rule.id == Rule.inconclusive.id ? "warning" : "error"),
        properties: Properties(tags: ["abi", "compatibility"]))
    }
  }

  /// A path as a relative URI reference (`<stdin>` -> `%3Cstdin%3E`), as SARIF requires.
  static func uriReference(_ path: String) -> String {
    path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "Spec"
  }

  /// The log of `findings`; `command` (`check`, `diff`) names the analysis.
  static func render(_ findings: [CIFinding], command: String, informationURI: String?) throws -> Data {
    let index = Dictionary(uniqueKeysWithValues: Rule.all.enumerated().map { ($1.id, $0) })
    let results = findings.map { finding in
      Result(
        ruleId: finding.rule.id, ruleIndex: index[finding.rule.id] ?? 0, level: finding.level.rawValue,
        message: Text(text: finding.message),
        locations: [
          Location(
            physicalLocation: PhysicalLocation(
              artifactLocation: ArtifactLocation(uri: uriReference(finding.location.file)),
              region: finding.location.line > 0 ? Region(startLine: finding.location.line) : nil))
        ],
        partialFingerprints: [fingerprintKey: finding.fingerprint],
        suppressions: finding.suppression.map { [Suppression(justification: $0)] })
    }
    let driver = Driver(informationUri: informationURI, rules: rules())
    let log = Log(
      runs: [
        Run(
          tool: Tool(driver: driver), automationDetails: AutomationDetails(id: "abigen/\(command)/"), results: results)
      ])
    return try DeterministicJSON.encode(log)
  }
}
