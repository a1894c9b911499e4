import ABIModel

/// The index: what the check concluded, every hypercall with a link to its page, the releases,
/// and the findings about the `__HYPERVISOR_*` table itself (no word of one hypercall).
struct IndexPage {
  var atlas: AtlasModel
  var summary: CheckSummary
  var findings: [AtlasFinding]
  /// Findings about the hypercall table, with their anchors on this page.
  var tableFindings: [(AtlasFinding, String)]

  var page: Page {
    var body: [Markup] = [
      element("h1", text: "\(atlas.family) hypercall ABI atlas"),
      element(
        "p", [("class", "lead")],
        text:
          "Every hypercall of the spec across \(atlas.releases.count) releases (\(atlas.releases.first?.name ?? "") to "
          + "\(atlas.releases.last?.name ?? "")): the bits of the words it decodes, release by release, what changed "
          + "and where it was read, every break the check found drawn on the word it is about, and how much room "
          + "each field has left. Guests: "
          + atlas.guests.map { "\($0.name) (\($0.width) bits)" }.joined(separator: ", ") + "."),
      element("h2", [("id", "check")], text: "The check"),
      element("p", [], text: summary.text),
    ]
    if !summary.notes.isEmpty {
      body.append(element("ul", [("id", "notes")], summary.notes.map { element("li", text: $0) }))
    }
    body.append(element("h2", [("id", "hypercalls")], text: "Hypercalls"))
    var rows: [Markup] = [
      element(
        "tr", [],
        ["number", "hypercall", "releases", "words", "findings"].map { element("th", [("scope", "col")], text: $0) })
    ]
    for history in atlas.hypercalls {
      let newest = history.snapshots.last!
      let mine = findings.filter { $0.lineage == history.lineage }
      let counts = ["failing", "accepted", "reported"].compactMap { label -> String? in
        let count = mine.filter { $0.disposition.label == label }.count
        return count == 0 ? nil : "\(count) \(label)"
      }
      let words = newest.words.map(\.word)
      let names = history.snapshots.map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      rows.append(
        element(
          "tr", [("id", "hc-" + Anchor.slug(history.lineage))],
          [
            element("td", [("class", "mono")], text: "\(newest.number)"),
            element(
              "td", [],
              [link(history.page, history.name)]
                + (names.count > 1 ? [.text(" (was " + names.dropLast().joined(separator: ", ") + ")")] : [])),
            element("td", text: releaseSpan(history)),
            element("td", [("class", "mono")], text: words.isEmpty ? "-" : words.joined(separator: ", ")),
            element(
              "td", [],
              counts.isEmpty ? [.text("-")] : [link(history.page + "#findings", counts.joined(separator: ", "))]),
          ]))
    }
    body.append(element("div", [("class", "scroll")], [element("table", [], [element("tbody", [], rows)])]))
    body.append(element("h2", [("id", "releases")], text: "Releases"))
    body.append(
      element(
        "div", [("class", "scroll")],
        [
          element(
            "table", [],
            [
              element(
                "tbody", [],
                [
                  element(
                    "tr", [],
                    ["release", "status", "read at"].map { element("th", [("scope", "col")], text: $0) })
                ]
                  + atlas.releases.map { release in
                    element(
                      "tr", [("id", Anchor.release(release.name))],
                      [
                        element("td", text: release.name),
                        element("td", text: release.released ? "released" : "in development"),
                        element("td", [("class", "mono")], text: release.source ?? "-"),
                      ])
                  })
            ])
        ]))
    body.append(element("h2", [("id", "table-findings")], text: "Findings about the hypercall table"))
    if tableFindings.isEmpty {
      body.append(element("p", [], text: "Every __HYPERVISOR_* number keeps its hypercall."))
    } else {
      body += tableFindings.map { FindingView(finding: $0.0, anchor: $0.1, atlas: atlas).markup }
    }
    return Page(file: "index.html", title: "\(atlas.family) ABI atlas", family: atlas.family, body: body)
  }

  func releaseSpan(_ history: HypercallHistory) -> String {
    let first = history.snapshots.first!.release
    let last = history.snapshots.last!.release
    return first == last ? first : "\(first) \u{2013} \(last)"
  }
}

/// The check's outcome in numbers, without its running time (the site's bytes do not change
/// from run to run).
public struct CheckSummary: Hashable, Sendable {
  public var counts: [(String, Int)]
  public var notes: [String]

  public static func == (a: CheckSummary, b: CheckSummary) -> Bool {
    a.counts.map(\.0) == b.counts.map(\.0) && a.counts.map(\.1) == b.counts.map(\.1) && a.notes == b.notes
  }

  public func hash(into hasher: inout Hasher) {
    for (name, count) in counts {
      hasher.combine(name)
      hasher.combine(count)
    }
    hasher.combine(notes)
  }

  var text: String {
    let total = counts.reduce(0) { $0 + $1.1 }
    return "\(total) proof obligations: "
      + counts.filter { $0.1 > 0 || ["proved", "refuted"].contains($0.0) }.map { "\($0.1) \($0.0)" }.joined(
        separator: ", ") + "."
  }
}
