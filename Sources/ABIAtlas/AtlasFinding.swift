import ABIModel
import Obligations

/// One finding of the check, as the atlas draws it: a value of one word, what the older and the
/// newer release (or the one release) read from it, and how it counts. Built from
/// `CheckReport.Finding`, so the pages do not depend on the checker's types.
public struct AtlasFinding: Hashable, Sendable {
  public enum Disposition: Hashable, Sendable {
    case failing
    case accepted(id: String, reason: String, location: String)
    /// Tools-only: reported, not failing.
    case reported

    public var label: String {
      switch self {
      case .failing: return "failing"
      case .accepted: return "accepted"
      case .reported: return "reported"
      }
    }
  }

  /// The hypercall's lineage; `nil` for the hypercall table (a `__HYPERVISOR_*` number).
  public var lineage: String?
  /// The hypercall's name in the newer release (or the release).
  public var hypercall: String?
  /// The word the value is in (`cmd`, `count`), or `number`.
  public var word: String
  public var guestABI: String
  public var guestWidth: Int
  public var value: UInt64
  /// `nil` for a property of one release.
  public var older: String?
  public var newer: String
  /// `alias`, `op-does-not-fit`.
  public var failure: String
  public var ruleID: String
  /// What the older release (or the release) runs for the value, and what it reads.
  public var subject: String
  public var olderReading: String
  public var newerReading: String?
  /// The sub-ops each side decodes, when the value is an op-register value.
  public var olderOp: String?
  public var newerOp: String?
  public var cause: String
  public var causeLocation: String?
  public var disposition: Disposition
  /// Every release pair it breaks, as ranges (`3.0.0..3.3 -> 3.4..master`).
  public var ranges: String
  public var otherPairs: Int
  /// The guest ABIs it was found for.
  public var guestABIs: [String]
  /// For a failing break: the accepted break that came closest.
  public var closest: String?

  /// `f-3.3-3.4-x86_64-cmd-alias-XENMEM_increase_reservation`, unique on its page (the pages add
  /// a count when two findings would share it).
  public var anchorBase: String {
    let pair = (older.map { Anchor.slug($0) + "-" } ?? "") + Anchor.slug(newer)
    return "f-\(pair)-\(Anchor.slug(guestABI))-\(Anchor.slug(word))-\(Anchor.slug(failure))-\(Anchor.slug(subject))"
  }
}

extension AtlasFinding {
  /// Every finding of a report, in the report's order (history order).
  public static func findings(of report: CheckReport, in atlas: AtlasModel) -> [AtlasFinding] {
    report.findings.map { AtlasFinding($0, atlas: atlas) }
  }

  init(_ finding: CheckReport.Finding, atlas: AtlasModel) {
    let obligation = finding.obligation
    let example = finding.counterexample
    let history = obligation.hypercall.flatMap { name in
      atlas.history(ofHypercall: name, in: obligation.release)
        ?? obligation.older.flatMap { older in atlas.history(ofHypercall: name, in: older) }
    }
    lineage = history?.lineage
    hypercall = obligation.hypercall
    // A nested table's word is drawn under the table's name (`memory_op.access_op`).
    word = obligation.hypercall.flatMap { $0.contains(HypercallTable.separator) ? $0 : nil } ?? example.argument
    guestABI = obligation.guestABI
    guestWidth = obligation.guestWidth
    value = example.value
    older = obligation.older
    newer = obligation.release
    failure = example.failure.name
    ruleID = example.failure.ruleID
    subject = example.subject
    olderReading = example.olderReading
    newerReading = example.newerReading
    olderOp = example.olderDecoding?.subOp ?? example.subject
    newerOp = example.newerDecoding?.subOp
    cause = example.cause
    causeLocation = example.causeLocation?.description
    switch finding.disposition {
    case .failing: disposition = .failing
    case .reported: disposition = .reported
    case .accepted(let id, let reason, let location):
      disposition = .accepted(id: id, reason: reason, location: location.description)
    }
    ranges = finding.rangeText
    otherPairs = finding.otherPairs
    guestABIs = finding.guestABIs
    closest = finding.closest
  }
}
