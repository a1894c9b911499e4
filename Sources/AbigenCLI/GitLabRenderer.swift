import ABIModel
import Foundation

/// `--format gitlab`: a GitLab Code Quality report (the `codequality` artifact of a merge
/// request): a JSON array of issues, each with `description`, `check_name`, `fingerprint`,
/// `severity` and `location.path` / `location.lines.begin`, the fields GitLab documents as
/// required. Accepted breaks are left out: the report lists what a reviewer has to act on.
enum GitLabRenderer {
  struct Issue: Encodable {
    var type = "issue"
    var description: String
    var checkName: String
    var fingerprint: String
    /// `info`, `minor`, `major`, `critical` or `blocker`.
    var severity: String
    var categories = ["Compatibility"]
    var location: Location

    enum CodingKeys: String, CodingKey {
      case type, description, fingerprint, severity, categories, location
      case checkName = "check_name"
    }
  }

  struct Location: Encodable {
    var path: String
    var lines: Lines
  }

  struct Lines: Encodable {
    var begin: Int
  }

  static func render(_ findings: [CIFinding]) throws -> Data {
    let issues = findings.filter { $0.suppression == nil }.map { finding in
      Issue(
        description: finding.message, checkName: "\(finding.rule.id) \(finding.rule.name)",
        fingerprint: finding.fingerprint,
        severity: finding.level == .error ? "critical" : finding.level == .warning ? "minor" : "info",
        location: Location(path: finding.location.file, lines: Lines(begin: max(finding.location.line, 1))))
    }
    return try DeterministicJSON.encode(issues)
  }
}
