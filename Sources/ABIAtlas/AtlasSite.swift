import ABIModel
import EmitCore
import Headroom
import Obligations

/// `abigen doc`'s site: the model and its check report in, the pages out (`index.html` and one
/// page per hypercall), as files for the CLI to write. The bytes depend only on the model and
/// the report's findings and counts: no time, no path, no running time.
public struct AtlasSite {
  public let atlas: AtlasModel
  public let findings: [AtlasFinding]
  public let summary: CheckSummary
  let headroom: [String: HeadroomReport]

  public init(model: ABIModel, report: CheckReport) {
    atlas = AtlasModel(model)
    findings = AtlasFinding.findings(of: report, in: atlas)
    summary = CheckSummary(
      counts: CheckReport.Outcome.allCases.map { ($0.rawValue, report.count($0)) },
      notes: report.notes.map { note in
        (note.location.map { "\($0): " } ?? "") + "\(note.severity.rawValue): \(note.message)"
      })
    var reports: [String: HeadroomReport] = [:]
    for release in model.releases {
      reports[release.name] = HeadroomReport(model: model, release: release.name)
    }
    headroom = reports
  }

  /// Every page, the index first, then the hypercalls in the order of their numbers.
  public var files: [GeneratedFile] {
    let tableFindings = anchored(findings.filter { $0.lineage == nil })
    var pages = [
      IndexPage(atlas: atlas, summary: summary, findings: findings, tableFindings: tableFindings).page
    ]
    for history in atlas.hypercalls {
      let mine = anchored(findings.filter { $0.lineage == history.lineage })
      pages.append(
        HypercallPage(
          history: history, atlas: atlas, findings: mine.map(\.0), findingAnchors: mine.map(\.1),
          headroom: HeadroomView.rows(for: history, reports: headroom)
        ).page)
    }
    return pages.map { GeneratedFile(path: $0.file, contents: $0.rendered) }
  }

  /// Findings with anchors unique on their page: the base, then `-2`, `-3` for repeats.
  func anchored(_ findings: [AtlasFinding]) -> [(AtlasFinding, String)] {
    var seen: [String: Int] = [:]
    return findings.map { finding in
      let base = finding.anchorBase
      seen[base, default: 0] += 1
      let count = seen[base]!
      return (finding, count == 1 ? base : "\(base)-\(count)")
    }
  }
}
