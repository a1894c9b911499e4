import ABIModel
import Headroom

/// How full each op field and progress field is, release by release (releases with the same
/// figures grouped), from `Headroom`'s report of each release.
struct HeadroomView {
  struct NumberCell: Hashable {
    var guests: String
    var capacityBits: Int
    var highest: UInt64?
    var free: UInt64
  }

  struct ProgressCell: Hashable {
    var op: String
    var progress: String
    var guests: String
    var capacityBits: Int
    var boundBits: Int
    var bound: String
  }

  struct Row: Hashable {
    var releases: [String]
    var numbers: [NumberCell]
    var progress: [ProgressCell]
    /// Releases the free numbers last at the history's rate, for the newest release of the row.
    var releasesLeft: String?
  }

  var rows: [Row]

  /// The rows of one hypercall, from each release's headroom report.
  static func rows(for history: HypercallHistory, reports: [String: HeadroomReport]) -> [Row] {
    var rows: [Row] = []
    for snapshot in history.snapshots {
      guard let entry = reports[snapshot.release]?.hypercalls.first(where: { $0.hypercall == snapshot.name }) else {
        continue
      }
      let numbers = merged(
        entry.numbers.map {
          (
            NumberCell(guests: "", capacityBits: $0.capacityBits, highest: entry.highestNumber, free: $0.free),
            $0.guestABIs
          )
        }
      ) { cell, guests in
        var cell = cell
        cell.guests = guests
        return cell
      }
      let progress = merged(
        entry.continuations.map {
          (
            ProgressCell(
              op: $0.subOp, progress: $0.progress ?? "progress", guests: "", capacityBits: $0.capacityBits,
              boundBits: $0.boundBits, bound: $0.bound), $0.guestABIs
          )
        }
      ) { cell, guests in
        var cell = cell
        cell.guests = guests
        return cell
      }
      let left = entry.numbers.compactMap(\.releasesLeft).min().map { $0 == UInt64.max ? "more than 2^63" : "\($0)" }
      if let last = rows.last, last.numbers == numbers, last.progress == progress,
        let lastIndex = history.snapshots.firstIndex(where: { $0.release == last.releases.last }),
        history.snapshots.indices.contains(lastIndex + 1), history.snapshots[lastIndex + 1].release == snapshot.release
      {
        rows[rows.count - 1].releases.append(snapshot.release)
        rows[rows.count - 1].releasesLeft = left
      } else {
        rows.append(Row(releases: [snapshot.release], numbers: numbers, progress: progress, releasesLeft: left))
      }
    }
    return rows
  }

  /// Cells equal but for their guests, merged into one naming every guest.
  static func merged<Cell: Hashable>(_ cells: [(Cell, [String])], naming: (Cell, String) -> Cell) -> [Cell] {
    var order: [Cell] = []
    var guests: [Cell: [String]] = [:]
    for (cell, names) in cells {
      if guests[cell] == nil { order.append(cell) }
      guests[cell, default: []] += names
    }
    return order.map { naming($0, guests[$0]!.joined(separator: ", ")) }
  }

  var markup: [Markup] {
    var out: [Markup] = [element("h2", [("id", "headroom")], text: "Headroom")]
    guard !rows.isEmpty else {
      out.append(element("p", [], text: "No sub-op table in any release: no op field to fill."))
      return out
    }
    out.append(
      element(
        "p", [("class", "lead")],
        text: "How much of the op field the highest sub-op number uses (new ops take the next number), and how many "
          + "bits of each continuation's progress field its declared bound needs, per release; releases with the same "
          + "figures are grouped."))
    var table: [Markup] = [
      element(
        "tr", [],
        ["releases", "op field", "free numbers", "progress fields"].map { element("th", [("scope", "col")], text: $0) })
    ]
    for row in rows {
      let span = row.releases.count == 1 ? row.releases[0] : "\(row.releases[0]) \u{2013} \(row.releases.last!)"
      table.append(
        element(
          "tr", [("id", Anchor.headroom(row.releases[0]))],
          [
            element("td", [], [link("#" + Anchor.release(row.releases[0]), span)]),
            element("td", [], row.numbers.flatMap(numberCell)),
            element(
              "td", [],
              row.numbers.map { element("div", text: "\($0.free) (\($0.guests))") }
                + (row.releasesLeft.map {
                  [element("div", [("class", "src")], text: "about \($0) releases at the past rate")]
                }
                  ?? [])),
            element("td", [], row.progress.isEmpty ? [.text("-")] : row.progress.map(progressCell)),
          ]))
    }
    out.append(element("div", [("class", "scroll")], [element("table", [], [element("tbody", [], table)])]))
    return out
  }

  func numberCell(_ cell: NumberCell) -> [Markup] {
    let used = cell.highest.map { $0 &+ 1 } ?? 0
    let text = "\(cell.highest.map { "highest \($0)" } ?? "no ops") of \(cell.capacityBits) bits (\(cell.guests))"
    return [element("div", [], [meter(used: used, bits: cell.capacityBits), .text(text)])]
  }

  func progressCell(_ cell: ProgressCell) -> Markup {
    element(
      "div", [],
      [
        meter(bits: cell.boundBits, of: cell.capacityBits), element("code", text: cell.progress),
        .text(
          " of \(cell.op): bound \(cell.bound) needs \(cell.boundBits) of \(cell.capacityBits) bits (\(cell.guests))"),
      ])
  }

  /// A bar of `used` numbers out of `2^bits`, in whole percent (at least 1 when any is used).
  func meter(used: UInt64, bits: Int) -> Markup {
    let capacity = bits >= 64 ? Double(UInt64.max) + 1 : Double(UInt64(1) << UInt64(max(bits, 0)))
    let percent = used == 0 ? 0 : max(1, min(100, Int((Double(used) / capacity * 100).rounded(.up))))
    return bar(percent, label: "\(percent)% of the op numbers used")
  }

  func meter(bits: Int, of capacity: Int) -> Markup {
    let percent = capacity <= 0 ? 100 : max(0, min(100, bits * 100 / capacity))
    return bar(percent, label: "\(percent)% of the progress bits")
  }

  func bar(_ percent: Int, label: String) -> Markup {
    element(
      "span", [("class", percent >= 100 ? "meter full" : "meter"), ("role", "img"), ("aria-label", label)],
      [element("i", [("style", "width:\(percent)%")])])
  }
}
