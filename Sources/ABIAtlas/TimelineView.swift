import ABIModel

/// A hypercall across releases: a strip of the whole history (the layout groups as bands, a dot
/// where something changed), a row per release with its mask, shifts and changes, and the
/// sub-op table with when each op came, went, was renamed or renumbered.
struct TimelineView {
  var history: HypercallHistory
  var atlas: AtlasModel
  var groups: [HypercallPage.Group]

  var markup: [Markup] {
    [
      element("h2", [("id", "timeline")], text: "Timeline"),
      element("div", [("class", "diagram")], [strip]),
      element("div", [("class", "scroll")], [releaseTable]),
      element("h3", [("id", "ops")], text: "Sub-ops across releases"),
      opsTable,
    ]
  }

  static let step = 30
  static let left = 14

  var strip: Markup {
    let count = atlas.releases.count
    let width = Self.left * 2 + count * Self.step
    let height = 96
    var children: [Markup] = [
      element("title", [("id", "tl-t")], text: "\(history.name) across \(count) releases"),
      element(
        "desc", [("id", "tl-d")],
        text: groups.map { group in
          group.span + (group.first.changes.contains(where: \.changesLayout) ? " (layout changed)" : "")
        }.joined(separator: "; ")),
    ]
    func x(_ release: String) -> Int? {
      atlas.releaseIndex(release).map { Self.left + $0 * Self.step }
    }
    for (index, group) in groups.enumerated() {
      guard let start = x(group.first.release), let end = x(group.last.release) else { continue }
      children.append(
        element(
          "rect",
          [
            ("class", "band\(index % 2)"), ("x", "\(start)"), ("y", "8"), ("width", "\(end - start + Self.step)"),
            ("height", "26"), ("rx", "4"),
          ], [element("title", text: "layout of \(group.span)")]))
    }
    let defined = Dictionary(history.snapshots.map { ($0.release, $0) }, uniquingKeysWith: { a, _ in a })
    for release in atlas.releases {
      guard let left = x(release.name) else { continue }
      let center = left + Self.step / 2
      if let snapshot = defined[release.name], !snapshot.changes.isEmpty {
        let layout = snapshot.changes.contains(where: \.changesLayout)
        children.append(
          element(
            "circle", [("class", layout ? "layout" : "other"), ("cx", "\(center)"), ("cy", "21"), ("r", "5")],
            [element("title", text: "\(release.name): " + snapshot.changes.map(\.text).joined(separator: "; "))]))
      }
      let label = element(
        "text", [("x", "\(center - 4)"), ("y", "46"), ("transform", "rotate(45 \(center - 4) 46)")],
        text: release.name)
      children.append(
        defined[release.name] == nil
          ? label : element("a", [("href", "#" + Anchor.timeline(release.name))], [label]))
    }
    return element(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("class", "timeline"), ("viewBox", "0 0 \(width) \(height)"),
        ("width", "\(width)"), ("height", "\(height)"), ("role", "img"), ("aria-labelledby", "tl-t tl-d"),
      ], children)
  }

  var releaseTable: Markup {
    var rows: [Markup] = [
      element(
        "tr", [],
        ["release", "number", "op mask", "progress", "bits above the mask", "changes"].map {
          element("th", [("scope", "col")], text: $0)
        })
    ]
    for snapshot in history.snapshots {
      let changes: Markup =
        snapshot.changes.isEmpty
        ? .text(snapshot.release == history.snapshots.first!.release ? "first defined" : "no change")
        : ChangeList.markup(snapshot.changes, fallback: snapshot.releaseSource)
      rows.append(
        element(
          "tr", [("id", Anchor.timeline(snapshot.release))] + (snapshot.changes.isEmpty ? [("class", "quiet")] : []),
          [
            element("td", [], [link("#" + Anchor.release(snapshot.release), snapshot.release)]),
            element("td", text: "\(snapshot.number)" + (snapshot.name == history.name ? "" : " (\(snapshot.name))")),
            element("td", [("class", "mono")], text: snapshot.mask ?? "none"),
            element(
              "td", [("class", "mono")], text: snapshot.shifts.isEmpty ? "-" : snapshot.shifts.joined(separator: ", ")),
            element("td", text: snapshot.unusedBits ?? "-"),
            element("td", [], [changes]),
          ]))
    }
    return element("table", [("class", "timeline")], [element("tbody", [], rows)])
  }

  /// Every op lineage, by its first number: numbers, names, releases.
  var opsTable: Markup {
    struct Life {
      var lineage: String
      var names: [String] = []
      var numbers: [UInt64] = []
      var releases: [String] = []
      var toolsOnly = false
      var continuation: String?
    }
    var lives: [String: Life] = [:]
    var order: [String] = []
    for snapshot in history.snapshots {
      for op in snapshot.ops {
        if lives[op.lineage] == nil {
          order.append(op.lineage)
          lives[op.lineage] = Life(lineage: op.lineage)
        }
        if !lives[op.lineage]!.names.contains(op.name) { lives[op.lineage]!.names.append(op.name) }
        if !lives[op.lineage]!.numbers.contains(op.number) { lives[op.lineage]!.numbers.append(op.number) }
        lives[op.lineage]!.releases.append(snapshot.release)
        lives[op.lineage]!.toolsOnly = op.toolsOnly
        lives[op.lineage]!.continuation = op.continuation
      }
    }
    guard !order.isEmpty else { return element("p", [], text: "No sub-op table in any release.") }
    let newest = history.snapshots.last!.release
    let sorted = order.map { lives[$0]! }.enumerated().sorted { a, b in
      (a.element.numbers[0], a.offset) < (b.element.numbers[0], b.offset)
    }.map(\.element)
    var rows: [Markup] = [
      element(
        "tr", [],
        ["number", "name", "releases", "continues (last defined)", "notes"].map {
          element("th", [("scope", "col")], text: $0)
        })
    ]
    for life in sorted {
      var notes: [String] = []
      if life.names.count > 1 { notes.append("renamed: " + life.names.joined(separator: " -> ")) }
      if life.numbers.count > 1 {
        notes.append("renumbered: " + life.numbers.map(String.init).joined(separator: " -> "))
      }
      if life.releases.last != newest { notes.append("removed after \(life.releases.last!)") }
      if life.toolsOnly { notes.append("tools-only") }
      rows.append(
        element(
          "tr", [],
          [
            element("td", [("class", "mono")], text: life.numbers.map(String.init).joined(separator: ", ")),
            element("td", [], [element("code", text: life.names.last!)]),
            element("td", text: spans(life.releases)),
            element("td", [("class", "mono")], text: life.continuation ?? "-"),
            element("td", text: notes.joined(separator: "; ")),
          ]))
    }
    return element("div", [("class", "scroll")], [element("table", [], [element("tbody", [], rows)])])
  }

  /// `3.0.2 - 3.3, 4.2 - master`: runs of consecutive releases.
  func spans(_ releases: [String]) -> String {
    var runs: [(String, String)] = []
    var last: Int?
    for release in releases {
      let index = atlas.releaseIndex(release)
      if let index, let last, index == last + 1, !runs.isEmpty {
        runs[runs.count - 1].1 = release
      } else {
        runs.append((release, release))
      }
      last = index
    }
    return runs.map { $0.0 == $0.1 ? $0.0 : "\($0.0) \u{2013} \($0.1)" }.joined(separator: ", ")
  }
}
