import ABIModel

/// A tree of XHTML/SVG elements rendered as polyglot markup: it parses the same as HTML and as
/// XML. Text and attribute values are always escaped; element and attribute names are constants
/// of this module, never spec text.
public indirect enum Markup: Sendable {
  case element(String, [(String, String)], [Markup])
  case text(String)
  /// Markup this module wrote itself (the style sheet); never spec text.
  case trusted(String)

  /// HTML elements that have no end tag.
  static let voidElements: Set<String> = ["meta", "br", "hr", "link", "img", "input", "col", "wbr"]

  public func render(into out: inout String) {
    switch self {
    case .text(let text):
      out += Self.escape(text)
    case .trusted(let text):
      out += text
    case .element(let name, let attributes, let children):
      out += "<" + name
      for (key, value) in attributes {
        out += " " + key + "=\"" + Self.escape(value) + "\""
      }
      if children.isEmpty && Self.voidElements.contains(name) {
        out += "/>"
        return
      }
      out += ">"
      for child in children { child.render(into: &out) }
      out += "</" + name + ">"
    }
  }

  public var rendered: String {
    var out = ""
    render(into: &out)
    return out
  }

  /// Spec text made safe as XML character data and as an attribute value: what would move a
  /// cursor or reorder text is spelled `\u{XX}` (as in every other abigen output), characters
  /// XML cannot hold likewise, and `&`, `<`, `>`, `"` and `'` become references.
  public static func escape(_ text: String) -> String {
    var out = ""
    for scalar in DisplayText.escaped(text).unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if isXMLCharacter(scalar) {
          out.unicodeScalars.append(scalar)
        } else {
          out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
      }
    }
    return out
  }

  /// XML 1.0's `Char` production, less the controls `DisplayText` already spells out.
  static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0xd7ff, 0xe000...0xfffd, 0x10000...0x10ffff: return true
    default: return false
    }
  }
}

/// Builders that keep pages readable.
func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [Markup] = []) -> Markup {
  .element(name, attributes, children)
}

func element(_ name: String, _ attributes: [(String, String)] = [], text: String) -> Markup {
  .element(name, attributes, [.text(text)])
}

/// `<a href>`.
func link(_ href: String, _ text: String, _ attributes: [(String, String)] = []) -> Markup {
  .element("a", [("href", href)] + attributes, [.text(text)])
}
