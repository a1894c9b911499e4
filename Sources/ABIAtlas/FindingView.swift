import ABIModel

/// One finding drawn on its word: what the older release reads from the value (its fields, with
/// the value's part in each), the value's bits, and what the newer release reads; then the
/// cause, every release pair it stands for, and how it counts.
struct FindingView {
  var finding: AtlasFinding
  var anchor: String
  var atlas: AtlasModel

  /// `alias 3.3 -> 3.4 0x10`.
  static func shortTitle(_ finding: AtlasFinding) -> String {
    let pair = finding.older.map { "\($0) -> \(finding.newer)" } ?? finding.newer
    return "\(finding.failure) \(pair) \(hexString(finding.value))"
  }

  var pair: String { finding.older.map { "\($0) -> \(finding.newer)" } ?? finding.newer }

  var markup: Markup {
    let label = finding.disposition.label
    var children: [Markup] = [
      element(
        "h3", [],
        [
          element("span", [("class", "badge \(label)")], text: label), .text(" "),
          link("#" + anchor, "\(finding.failure): \(pair)"),
          .text(" (\(finding.guestABI), \(finding.word) = "), element("code", text: hexString(finding.value)),
          .text(")"),
        ])
    ]
    if let drawing = diagram {
      children.append(element("div", [("class", "diagram")], [drawing.markup]))
    }
    var facts: [(String, [Markup])] = []
    if let older = finding.older, let newer = finding.newerReading {
      facts.append((older, [.text("reads " + finding.olderReading)]))
      facts.append((finding.newer, [.text("reads " + newer)]))
    } else {
      facts.append((finding.newer, [.text(finding.olderReading)]))
    }
    var cause: [Markup] = [.text(finding.cause)]
    if let location = finding.causeLocation {
      cause += [.text(" "), element("span", [("class", "src")], [element("code", text: location)])]
    }
    facts.append(("cause", cause))
    if !finding.ranges.isEmpty {
      facts.append(
        (
          "breaks",
          [
            .text(finding.ranges + " (" + finding.guestABIs.joined(separator: ", ") + ")"),
            .text(finding.otherPairs > 0 ? "; \(finding.otherPairs) other pairs besides this one" : ""),
          ]
        ))
    }
    facts.append(("releases", releaseLinks))
    switch finding.disposition {
    case .accepted(let id, let reason, let location):
      facts.append(
        (
          "accepted",
          [
            .text("as "), element("code", text: id), .text(" ("), element("code", text: location),
            .text("): " + reason),
          ]
        ))
    case .failing:
      var text = "not covered by any accepted break: the check fails"
      if let closest = finding.closest { text += "; closest accepted break: \(closest)" }
      facts.append(("failing", [.text(text)]))
    case .reported:
      facts.append(("reported", [.text("tools-only: reported, not failing")]))
    }
    children.append(
      element("dl", [("class", "facts")], facts.flatMap { [element("dt", text: $0.0), element("dd", [], $0.1)] }))
    return element("article", [("class", "finding \(label)"), ("id", anchor)], children)
  }

  var releaseLinks: [Markup] {
    var links: [Markup] = []
    for release in [finding.older, finding.newer].compactMap({ $0 }) {
      links += [link("#" + Anchor.release(release), "\(release) layout"), .text(" ")]
    }
    return links
  }

  /// The value between the two readings; `nil` when the word is not one the atlas lays out.
  var diagram: BitDiagram? {
    guard let lineage = finding.lineage,
      let newer = atlas.layout(
        lineage: lineage, release: finding.newer, word: finding.word, guestWidth: finding.guestWidth)
    else { return nil }
    var bars: [BitDiagram.Bar] = []
    var description = "\(finding.word) = \(hexString(finding.value)) for \(finding.guestABI). "
    if let olderName = finding.older,
      let older = atlas.layout(
        lineage: lineage, release: olderName, word: finding.word, guestWidth: finding.guestWidth),
      let row = older.row(for: finding.olderOp)
    {
      bars.append(.fields(title: "\(olderName) reads \(finding.olderReading)", row.fields, value: finding.value))
      description += "\(olderName) reads \(finding.olderReading). "
    }
    bars.append(.bits(title: "the value: \(finding.word) = \(hexString(finding.value))", finding.value))
    let newerOp = finding.older == nil ? finding.olderOp : finding.newerOp
    if let row = newer.row(for: newerOp) {
      let reading = finding.newerReading ?? finding.olderReading
      bars.append(.fields(title: "\(finding.newer) reads \(reading)", row.fields, value: finding.value))
      description += "\(finding.newer) reads \(reading)."
    }
    return BitDiagram(
      id: anchor + "-d", bits: newer.bits, narrowerWidths: [], bars: bars,
      title:
        "\(finding.disposition.label) \(finding.failure): \(history) \(finding.word) = \(hexString(finding.value)), \(pair)",
      description: description)
  }

  var history: String { finding.hypercall ?? "" }
}
