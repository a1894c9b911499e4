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

  /// One progress field, for every op and guest width that has it alike.
  struct ProgressCell: Hashable {
    struct Size: Hashable {
      var guests: String
      var capacityBits: Int
      var boundBits: Int
    }

    var ops: [String]
    var progress: String
    var bound: String
    var sizes: [Size]
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
      let progress = progressCells(entry.continuations)
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

  /// Each op's progress field with its sizes per guest width, then ops with equal fields merged.
  static func progressCells(_ continuations: [ProgressHeadroom]) -> [ProgressCell] {
    var perOp: [ProgressCell] = []
    for entry in continuations {
      let size = ProgressCell.Size(
        guests: entry.guestABIs.joined(separator: ", "), capacityBits: entry.capacityBits, boundBits: entry.boundBits)
      if let index = perOp.firstIndex(where: { $0.ops == [entry.subOp] }) {
        perOp[index].sizes.append(size)
      } else {
        perOp.append(
          ProgressCell(ops: [entry.subOp], progress: entry.progress ?? "progress", bound: entry.bound, sizes: [size]))
      }
    }
    var cells: [ProgressCell] = []
    for cell in perOp {
      if let index = cells.firstIndex(where: {
        $0.progress == cell.progress && $0.bound == cell.bound && $0.sizes == cell.sizes
      }) {
        cells[index].ops += cell.ops
      } else {
        cells.append(cell)
      }
    }
    return cells
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
    let capacity =
      cell.capacityBits <= 20 ? "\(UInt64(1) << UInt64(max(cell.capacityBits, 0)))" : "2^\(cell.capacityBits)"
    let text =
      "\(cell.highest.map { "highest number \($0)" } ?? "no ops") of \(capacity) (\(cell.capacityBits) bits; \(cell.guests))"
    return [element("div", [], [meter(used: used, bits: cell.capacityBits), .text(text)])]
  }

  func progressCell(_ cell: ProgressCell) -> Markup {
    let sizes = cell.sizes.map { "\($0.boundBits) of \($0.capacityBits) bits (\($0.guests))" }.joined(separator: ", ")
    let widest = cell.sizes.max { $0.capacityBits < $1.capacityBits }
    return element(
      "div", [],
      [
        meter(bits: widest?.boundBits ?? 0, of: widest?.capacityBits ?? 0), element("code", text: cell.progress),
        .text(" of \(cell.ops.joined(separator: ", ")): bound \(cell.bound) needs \(sizes)"),
      ])
  }

  /// A bar of `used` numbers out of `2^bits`, in whole percent (at least 1 when any is used).
  func meter(used: UInt64, bits: Int) -> Markup {
    let capacity = bits >= 64 ? Double(UInt64.max) + 1 : Double(UInt64(1) << UInt64(max(bits, 0)))
    let percent = used == 0 ? 0 : max(1, min(100, Int((Double(used) / capacity * 100).rounded(.up))))
    return bar(percent, label: "\(percent)% of the op numbers used", classes: percent >= 100 ? "meter full" : "meter")
  }

  func meter(bits: Int, of capacity: Int) -> Markup {
    let percent = capacity <= 0 ? 100 : max(0, min(100, bits * 100 / capacity))
    // A bound that needs every bit the word holds is normal (no spare bits), not a warning.
    return bar(percent, label: "\(percent)% of the progress bits", classes: "meter progress")
  }

  func bar(_ percent: Int, label: String, classes: String) -> Markup {
    element(
      "span", [("class", classes), ("role", "img"), ("aria-label", label)],
      [element("i", [("style", "width:\(percent)%")])])
  }
}
