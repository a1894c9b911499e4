/// Text from a spec, made safe to show: control characters, line and paragraph separators and
/// bidirectional overrides are escaped (`\u{1B}`), so a value can neither move the cursor nor
/// start a line of its own, and long values are shortened so one field cannot flood a message.
public enum DisplayText {
  /// Longest value a message quotes in full.
  public static let quoteLimit = 80

  /// Whether the scalar would change what a terminal or an editor shows around it.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1f, 0x7f...0x9f: return true
    // Line and paragraph separators, bidirectional embeddings, overrides and isolates.
    case 0x2028, 0x2029, 0x202a...0x202e, 0x2066...0x2069, 0x200e, 0x200f, 0x061c: return true
    // Byte order mark and other invisible format characters that change nothing visible.
    case 0xfeff, 0xfff9...0xfffb: return true
    default: return false
    }
  }

  /// `text` with every unsafe scalar spelled `\u{XX}`; newlines and tabs kept when `keepLines`.
  public static func escaped(_ text: String, keepLines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar) && !(keepLines && (scalar == "\n" || scalar == "\t")) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// At most `limit` characters of `text`, with how much was left out.
  public static func shortened(_ text: String, limit: Int = quoteLimit) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(limit)) + "... (\(text.count) characters)"
  }

  /// `'value'`, escaped and shortened, for messages.
  public static func quoted(_ text: String, limit: Int = quoteLimit) -> String {
    "'" + escaped(shortened(text, limit: limit)) + "'"
  }

  /// Terminal output: every unsafe scalar escaped except the line structure the program made.
  public static func terminal(_ text: String) -> String {
    escaped(text, keepLines: true)
  }
}
