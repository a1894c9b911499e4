import ABIModel

/// One hypercall's page: its layouts release by release (releases that did not move a bit
/// grouped), its timeline, every finding about it drawn on its word, and its headroom.
struct HypercallPage {
  var history: HypercallHistory
  var atlas: AtlasModel
  var findings: [AtlasFinding]
  /// Finding anchors, in `findings` order.
  var findingAnchors: [String]
  var headroom: [HeadroomView.Row]

  /// Consecutive releases whose words are drawn the same.
  struct Group {
    var snapshots: [HypercallSnapshot]
    var first: HypercallSnapshot { snapshots[0] }
    var last: HypercallSnapshot { snapshots[snapshots.count - 1] }
    var span: String {
      snapshots.count == 1 ? first.release : "\(first.release) \u{2013} \(last.release)"
    }
  }

  var groups: [Group] {
    var groups: [Group] = []
    var previousIndex: Int?
    for snapshot in history.snapshots {
      let index = atlas.releaseIndex(snapshot.release)
      if let last = groups.last?.last, last.words == snapshot.words, last.nestedTables == snapshot.nestedTables,
        let previousIndex, let index,
        index == previousIndex + 1
      {
        groups[groups.count - 1].snapshots.append(snapshot)
      } else {
        groups.append(Group(snapshots: [snapshot]))
      }
      previousIndex = index
    }
    return groups
  }

  var page: Page {
    let newest = history.snapshots.last!
    let first = history.snapshots.first!
    var body: [Markup] = [
      element("h1", [], [element("code", text: history.name)]),
      element(
        "p", [("class", "lead")],
        [
          .text(
            "Hypercall \(newest.number) in \(newest.release), defined from \(first.release)"
              + (first.release == newest.release ? "" : " to \(newest.release)")
              + " (\(history.snapshots.count) release\(history.snapshots.count == 1 ? "" : "s")). "
              + formerNamesText + wordsText)
        ]),
      element(
        "nav", [("class", "toc"), ("aria-label", "sections")],
        [
          link("#layouts", "Bit layouts"), link("#timeline", "Timeline"),
          link("#findings", "Findings (\(findings.count))"), link("#headroom", "Headroom"),
        ]),
      element(
        "nav", [("class", "releases"), ("aria-label", "releases")],
        history.snapshots.map { link("#" + Anchor.release($0.release), $0.release) }),
    ]
    body.append(element("h2", [("id", "layouts")], text: "Bit layouts by release"))
    body.append(Legend.markup)
    if newest.words.isEmpty && history.snapshots.allSatisfy({ $0.words.isEmpty }) {
      body.append(
        element(
          "p", [],
          text: "The model decodes no word of this hypercall (no sub-op table, no flagged count): only its number is "
            + "part of the ABI it describes."))
    }
    body += groups.map(groupSection)
    body += TimelineView(history: history, atlas: atlas, groups: groups).markup
    body.append(element("h2", [("id", "findings")], text: "Findings of the check"))
    if findings.isEmpty {
      body.append(element("p", [], text: "The check found no break of this hypercall's words."))
    } else {
      body.append(
        element(
          "p", [("class", "lead")],
          text: "Each finding is one way a value breaks, drawn on the word: the value's bits between what the older "
            + "and the newer release read from them. It stands for every release pair listed under it."))
      body += zip(findings, findingAnchors).map { FindingView(finding: $0, anchor: $1, atlas: atlas).markup }
    }
    body += HeadroomView(rows: headroom).markup
    return Page(
      file: history.page, title: "\(history.name) - \(atlas.family) ABI atlas", family: atlas.family, body: body)
  }

  var formerNamesText: String {
    let names = history.snapshots.map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    return names.count > 1 ? "Also named: \(names.dropLast().joined(separator: ", ")). " : ""
  }

  var wordsText: String {
    let words = history.snapshots.last!.words
    guard !words.isEmpty else { return "" }
    return "Decoded words: " + words.map { "\($0.word) (\($0.declaration))" }.joined(separator: "; ") + "."
  }

  func groupSection(_ group: Group) -> Markup {
    let id = Anchor.release(group.first.release)
    var heading: [Markup] = [link("#" + id, group.span)]
    if group.snapshots.count > 1 {
      heading.append(.text(" "))
      heading.append(
        element(
          "span", [("class", "also")],
          group.snapshots.dropFirst().map {
            link("#" + Anchor.release($0.release), $0.release, [("id", Anchor.release($0.release))])
          }))
    }
    var children: [Markup] = [element("h3", [], heading)]
    let notes = group.first.changes.filter(\.changesLayout)
    if group.first.release == history.snapshots.first!.release {
      children.append(
        element(
          "p", [("class", "src")],
          text: "First defined in \(group.first.release)" + (group.first.releaseSource.map { ", read at \($0)" } ?? "")
            + "."))
    } else if notes.isEmpty {
      children.append(
        element(
          "p", [("class", "src")],
          text: "Not defined in the release before \(group.first.release); the layout is drawn again."))
    } else {
      children.append(element("p", [], text: "What changed in \(group.first.release):"))
      children.append(ChangeList.markup(notes, fallback: group.first.releaseSource))
    }
    let later = group.snapshots.dropFirst().flatMap(\.changes)
    if !later.isEmpty {
      children.append(
        element(
          "p", [("class", "src")],
          [
            .text(
              "\(later.count) change\(later.count == 1 ? "" : "s") inside this group leave the bits alone; see the "),
            link("#" + Anchor.timeline(group.first.release), "timeline"), .text("."),
          ]))
    }
    for word in group.first.words {
      children.append(element("h4", [], text: "\(word.word): \(word.declaration), \(word.bits) bits"))
      let diagramID = "d-" + Anchor.slug(group.first.release) + "-" + Anchor.slug(word.word)
      children.append(element("div", [("class", "diagram")], [diagram(word, id: diagramID, group: group).markup]))
      children.append(FieldTable.markup(word))
    }
    for table in group.first.nestedTables {
      children.append(element("h4", [], text: "\(table.name): \(table.selection), op in \(table.word)"))
      children.append(Self.nestedOpsTable(table))
    }
    let breaking = zip(findings, findingAnchors).filter { finding, _ in
      group.snapshots.contains { $0.release == finding.newer }
    }
    if !breaking.isEmpty {
      children.append(
        element(
          "p", [],
          [.text("Findings on values read by \(group.span): ")]
            + breaking.flatMap { finding, anchor in
              [link("#" + anchor, FindingView.shortTitle(finding)), .text(" ")]
            }))
    }
    return element("section", [("class", "group"), ("id", id)], children)
  }

  /// A nested table's ops in one release group: number, name, what it is.
  static func nestedOpsTable(_ table: NestedTableSnapshot) -> Markup {
    var rows: [Markup] = [
      element("tr", [], ["number", "name", "notes"].map { element("th", [("scope", "col")], text: $0) })
    ]
    for op in table.ops {
      var notes: [String] = []
      if op.toolsOnly { notes.append("tools-only") }
      if let continuation = op.continuation { notes.append("continues: \(continuation)") }
      rows.append(
        element(
          "tr", [],
          [
            element("td", [("class", "mono")], text: String(op.number)),
            element("td", [("class", "mono")], text: op.name),
            element("td", text: notes.isEmpty ? "-" : notes.joined(separator: "; ")),
          ]))
    }
    return element("table", [("class", "nested")], [element("tbody", [], rows)])
  }

  func diagram(_ word: WordLayout, id: String, group: Group) -> BitDiagram {
    let rows = word.rows.map { BitDiagram.Bar.fields(title: $0.title, $0.fields, value: nil) }
    let description = word.rows.map { row in
      row.title + ": " + row.fields.map { "\($0.bitsText) \($0.name) (\($0.role.label))" }.joined(separator: ", ")
    }.joined(separator: "; ")
    return BitDiagram(
      id: id, bits: word.bits, narrowerWidths: word.narrowerWidths, bars: rows,
      title: "\(history.name) \(word.word) in \(group.span): \(word.bits) bits", description: description)
  }
}

/// The colours of the field roles, in words.
enum Legend {
  static let colors: [BitField.Role: String] = [
    .op: "#2f6db5", .progress: "#2e8b57", .flag: "#c0392b", .count: "#6c5ba7", .ignored: "#b8bec9",
    .reserved: "#8a6d3b", .refused: "#d98c2b",
  ]

  static var markup: Markup {
    element(
      "p", [("class", "legend")],
      BitField.Role.allCases.map { role in
        element("span", [("style", "--c:\(colors[role]!)")], text: role.label)
      })
  }
}

/// A list of changes, each with its source.
enum ChangeList {
  static func markup(_ notes: [ChangeNote], fallback: String?) -> Markup {
    element(
      "ul", [("class", "changes")],
      notes.map { note in
        var item: [Markup] = [.text(note.text)]
        if let source = note.source {
          item += [.text(" "), element("span", [("class", "src")], [.text("source "), element("code", text: source)])]
        } else if let fallback {
          item += [
            .text(" "), element("span", [("class", "src")], [.text("read at "), element("code", text: fallback)]),
          ]
        }
        return element("li", [("class", note.kind.rawValue)], item)
      })
  }
}

/// A word's fields as a table: the diagram's text for anyone who cannot see it.
enum FieldTable {
  static func markup(_ word: WordLayout) -> Markup {
    var rows: [Markup] = [
      element(
        "tr", [], ["rows", "bits", "field", "role", "detail"].map { element("th", [("scope", "col")], text: $0) })
    ]
    for row in word.rows {
      for field in row.fields.reversed() {
        rows.append(
          element(
            "tr", [],
            [
              element("td", text: row.title), element("td", [("class", "mono")], text: field.bitsText),
              element("td", [], [element("code", text: field.name)]), element("td", text: field.role.label),
              element("td", text: field.detail),
            ]))
      }
    }
    return element(
      "details", [],
      [
        element("summary", text: "\(word.word) fields as a table"),
        element("div", [("class", "scroll")], [element("table", [], [element("tbody", [], rows)])]),
      ])
  }
}
