import ABIModel

/// An SVG drawing of one word: bit numbers, then one bar of fields per row, most significant
/// bit on the left as register diagrams are drawn; optionally a value's bits between two rows
/// (a finding). Every field carries a `<title>` with its full description, and the drawing a
/// `<title>`/`<desc>` pair for screen readers.
struct BitDiagram {
  /// One bar of the drawing.
  enum Bar {
    /// Fields, each labelled with its name (and, with `value`, what the value holds there).
    case fields(title: String, [BitField], value: UInt64?)
    /// A value's bits, ones highlighted.
    case bits(title: String, UInt64)
  }

  var id: String
  var bits: Int
  var narrowerWidths: [Int]
  var bars: [Bar]
  var title: String
  var description: String

  static let margin = 8
  static let barHeight = 28
  static let titleHeight = 16
  static let gap = 8
  static let axisHeight = 16
  /// Width of a character of the 11 px monospace labels.
  static let characterWidth = 7

  var cellWidth: Int { max(1, 1024 / max(bits, 1)) }
  var drawingWidth: Int { cellWidth * bits + 2 * Self.margin }
  var markedWidths: [Int] { narrowerWidths.filter { $0 > 0 && $0 < bits } }
  var barsHeight: Int { Self.axisHeight + bars.count * (Self.titleHeight + Self.barHeight + Self.gap) }
  /// The bars, and a line under them that names the narrower guests' edge.
  var height: Int { barsHeight + (markedWidths.isEmpty ? 0 : Self.titleHeight) }

  /// The x of the left edge of bit `bit`.
  func x(ofBit bit: Int) -> Int { Self.margin + (bits - 1 - bit) * cellWidth }

  var markup: Markup {
    var children: [Markup] = [
      element("title", [("id", id + "-t")], text: title),
      element("desc", [("id", id + "-d")], text: description),
    ]
    children += axis()
    for (index, bar) in bars.enumerated() {
      let top = Self.axisHeight + index * (Self.titleHeight + Self.barHeight + Self.gap)
      switch bar {
      case .fields(let title, let fields, let value):
        children.append(label(rowTitle(title), x: Self.margin, y: top + 12, classes: "rt"))
        for field in fields { children.append(draw(field, top: top + Self.titleHeight, value: value)) }
      case .bits(let title, let value):
        children.append(label(rowTitle(title), x: Self.margin, y: top + 12, classes: "rt"))
        children += drawBits(value, top: top + Self.titleHeight)
      }
    }
    children += narrowerMarkers()
    return element(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("class", "bits"), ("id", id),
        ("viewBox", "0 0 \(drawingWidth) \(height)"), ("width", "\(drawingWidth)"), ("height", "\(height)"),
        ("role", "img"), ("aria-labelledby", "\(id)-t \(id)-d"),
      ], children)
  }

  /// Bit numbers at every field boundary, and at both ends.
  func axis() -> [Markup] {
    var marks: Set<Int> = [0, bits - 1]
    for bar in bars {
      guard case .fields(_, let fields, _) = bar else { continue }
      for field in fields {
        marks.insert(field.low)
        marks.insert(field.high)
      }
    }
    return marks.filter { $0 >= 0 && $0 < bits }.sorted().map { bit in
      label(String(bit), x: x(ofBit: bit) + cellWidth / 2, y: 12, classes: "ax", anchor: "middle")
    }
  }

  func draw(_ field: BitField, top: Int, value: UInt64?) -> Markup {
    let low = max(field.low, 0)
    let high = min(field.high, bits - 1)
    guard high >= low else { return element("g") }
    let left = x(ofBit: high)
    let width = (high - low + 1) * cellWidth
    var text = field.name
    var full = "\(field.bitsText): \(field.name) (\(field.role.label))"
    if !field.detail.isEmpty { full += ", \(field.detail)" }
    if let value {
      let part = (value >> UInt64(low)) & lowBitsMask(high - low + 1)
      text += " = " + hexString(part)
      full += "; the value holds " + hexString(part) + " here"
    }
    var children: [Markup] = [
      element("title", text: full),
      element(
        "rect",
        [
          ("class", field.role.rawValue), ("x", "\(left)"), ("y", "\(top)"), ("width", "\(width)"),
          ("height", "\(Self.barHeight)"),
        ]),
    ]
    // With room, the label says the detail too (`start_extent: << 6, <= UINT_MAX >> 6`).
    let detailed = value == nil && !field.detail.isEmpty ? "\(field.name): \(field.detail)" : text
    if let shown = detailed.count * Self.characterWidth <= width - 6 ? detailed : fitting(text, width: width) {
      children.append(
        label(shown, x: left + width / 2, y: top + Self.barHeight / 2 + 4, classes: "fl", anchor: "middle"))
    }
    return element("g", [("class", "field")], children)
  }

  func drawBits(_ value: UInt64, top: Int) -> [Markup] {
    (0..<bits).reversed().map { bit in
      let set = bit < 64 && (value >> UInt64(bit)) & 1 == 1
      let left = x(ofBit: bit)
      return element(
        "g", [("class", set ? "b1" : "b0")],
        [
          element("title", text: "bit \(bit): \(set ? 1 : 0)"),
          element(
            "rect",
            [("x", "\(left)"), ("y", "\(top)"), ("width", "\(cellWidth)"), ("height", "\(Self.barHeight)")]),
          label(
            set ? "1" : "0", x: left + cellWidth / 2, y: top + Self.barHeight / 2 + 4, classes: "bv", anchor: "middle"),
        ])
    }
  }

  /// A dashed line where a narrower guest's word ends.
  func narrowerMarkers() -> [Markup] {
    markedWidths.flatMap { width -> [Markup] in
      let edge = x(ofBit: width - 1)
      return [
        element(
          "line",
          [
            ("class", "narrow"), ("x1", "\(edge)"), ("y1", "\(Self.axisHeight - 2)"), ("x2", "\(edge)"),
            ("y2", "\(height)"),
          ]),
        label("\(width)-bit guests: bits 0-\(width - 1) \u{2192}", x: edge + 4, y: height - 4, classes: "nl"),
      ]
    }
  }

  /// A row's title, shortened to the drawing's width.
  func rowTitle(_ title: String) -> String {
    fitting(title, width: drawingWidth - 2 * Self.margin) ?? ""
  }

  /// `text` if it fits `width`, else a shortened form that does, else nothing.
  func fitting(_ text: String, width: Int) -> String? {
    let room = (width - 6) / Self.characterWidth
    if text.count <= room { return text }
    if room >= 4 { return String(text.prefix(room - 1)) + "\u{2026}" }
    return nil
  }

  func label(_ text: String, x: Int, y: Int, classes: String, anchor: String? = nil) -> Markup {
    var attributes = [("x", "\(x)"), ("y", "\(y)"), ("class", classes)]
    if let anchor { attributes.append(("text-anchor", anchor)) }
    return element("text", attributes, text: text)
  }
}
