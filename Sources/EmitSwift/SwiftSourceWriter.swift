import EmitCore

/// Builds Swift source line by line in the house format (2-space indentation, `\n`, lines of at
/// most 100 columns, one trailing newline), the format `swift format` itself produces, so the
/// generated files pass `swift format lint --strict`.
struct SwiftSourceWriter {
  static let lineLength = 100

  private(set) var lines: [String] = []
  private var depth = 0

  var indentation: String { String(repeating: "  ", count: depth) }

  mutating func line(_ text: String = "") {
    lines.append(text.isEmpty ? "" : indentation + text)
  }

  /// A blank line, but never two in a row and never right after an opening brace.
  mutating func blankLine() {
    guard let last = lines.last, !last.isEmpty, !last.hasSuffix("{") else { return }
    lines.append("")
  }

  /// `open`, the body one level deeper, then `close`.
  mutating func block(
    _ open: String, close: String = "}", _ body: (inout SwiftSourceWriter) -> Void
  ) {
    line(open)
    depth += 1
    body(&self)
    depth -= 1
    line(close)
  }

  /// `switch subject {`, the cases at the same depth (their bodies are indented by the caller),
  /// then `}`: `swift format` does not indent case labels.
  mutating func switchBlock(_ subject: String, _ body: (inout SwiftSourceWriter) -> Void) {
    line("switch \(subject) {")
    body(&self)
    line("}")
  }

  /// A `///` comment, word-wrapped to the line length.
  mutating func doc(_ text: String) {
    comment(text, marker: "///")
  }

  /// A `//` comment, word-wrapped to the line length.
  mutating func comment(_ text: String, marker: String = "//") {
    let prefix = indentation + marker + " "
    var current = ""
    for word in EmittedText.swiftComment(text).split(separator: " ") {
      if !current.isEmpty && prefix.count + current.count + 1 + word.count > Self.lineLength {
        lines.append(prefix + current)
        current = ""
      }
      current += current.isEmpty ? String(word) : " " + word
    }
    if !current.isEmpty { lines.append(prefix + current) }
  }

  /// `head` followed by `items` separated by `, `, then `tail`; when that is too long, the items
  /// go on as many continuation lines as they need, indented one level (the way `swift format`
  /// breaks a `case` pattern list).
  mutating func list(_ head: String, _ items: [String], _ tail: String) {
    let single = head + items.joined(separator: ", ") + tail
    if indentation.count + single.count <= Self.lineLength {
      line(single)
      return
    }
    var current = indentation + head
    var continued = false
    for (index, item) in items.enumerated() {
      let piece = item + (index == items.count - 1 ? tail : ",")
      let separator = current.hasSuffix(head) && !continued ? "" : " "
      if current.count + separator.count + piece.count > Self.lineLength {
        lines.append(current)
        current = indentation + "  " + piece
        continued = true
      } else {
        current += separator + piece
      }
    }
    lines.append(current)
  }

  /// `head[a, b]` on one line when it fits, else one element a line with a trailing comma, as
  /// `swift format` lays out a collection literal.
  mutating func arrayLiteral(_ head: String, _ elements: [String]) {
    let single = head + "[" + elements.joined(separator: ", ") + "]"
    if indentation.count + single.count <= Self.lineLength {
      line(single)
      return
    }
    block(head + "[", close: "]") { out in
      for element in elements { out.line(element + ",") }
    }
  }

  /// The text: every line ended by `\n`.
  var text: String {
    lines.map { $0 + "\n" }.joined()
  }
}
