import ABIModel

/// Free text from the spec (sources, names in prose) escaped for where an emitter puts it, so
/// that it can never end the comment or literal it sits in, start a line of its own or extend
/// a preprocessor line. Validation already rejects control characters in free text; these
/// escapes hold even for a model that was never validated.
public enum EmittedText {
  /// Text inside a C block comment: ASCII only (everything else as `\u{XXXX}`), and no `*/`
  /// that ends it, `/*` that `-Wcomment` flags, or `??` that `-Wtrigraphs` flags.
  public static func cComment(_ text: String) -> String {
    // Almost every text is printable ASCII without a pair to split: it is its own comment.
    var last: Unicode.Scalar = " "
    let plain = text.unicodeScalars.allSatisfy { scalar in
      defer { last = scalar }
      return scalar.isASCII && !DisplayText.isUnsafe(scalar) && !splitsPair(last, scalar)
    }
    if plain { return text }
    var out = ""
    var previous: Unicode.Scalar = " "
    for scalar in text.unicodeScalars {
      guard scalar.isASCII && !DisplayText.isUnsafe(scalar) else {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        previous = "}"
        continue
      }
      // A space between the two characters of a pair; a space never makes a new pair, so one
      // pass leaves none.
      if splitsPair(previous, scalar) { out.unicodeScalars.append(" ") }
      out.unicodeScalars.append(scalar)
      previous = scalar
    }
    return out
  }

  /// Whether `previous` and `next` form `*/`, `/*` or `??`, which a comment must not hold.
  private static func splitsPair(_ previous: Unicode.Scalar, _ next: Unicode.Scalar) -> Bool {
    switch (previous, next) {
    case ("*", "/"), ("/", "*"), ("?", "?"): return true
    default: return false
    }
  }

  /// The contents of a C string literal (without the quotes): `\`, `"` and `?` escaped (no
  /// trigraph can form), everything but printable ASCII as an octal escape of its UTF-8 bytes.
  public static func cStringLiteral(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\\"): out += "\\\\"
      case UInt8(ascii: "\""): out += "\\\""
      case UInt8(ascii: "?"): out += "\\?"
      case 0x20..<0x7f: out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let octal = String(byte, radix: 8)
        out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
      }
    }
    return out
  }

  /// Text inside a Swift `//` or `///` comment: nothing that ends the line (or makes an editor
  /// show it in another order).
  public static func swiftComment(_ text: String) -> String {
    DisplayText.escaped(text)
  }

  /// A Swift string literal with its quotes: `\`, `"` and every unsafe or non-ASCII scalar escaped.
  public static func swiftStringLiteral(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": escaped += "\\\\"
      case "\"": escaped += "\\\""
      default:
        escaped +=
          scalar.isASCII && scalar.value >= 0x20 && scalar.value != 0x7f
          ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
      }
    }
    return "\"" + escaped + "\""
  }
}
