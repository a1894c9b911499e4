/// Fragment ids and file names made from spec names. Letters, digits, `_`, `.` and `-` are kept
/// (so `memory_op.html#r3.4` reads as it is spelled); every other scalar becomes `~HEX~`, which
/// keeps distinct names distinct and leaves nothing a URL, a path or markup would interpret.
public enum Anchor {
  public static func slug(_ name: String) -> String {
    guard !name.isEmpty else { return "~~" }
    var out = ""
    for scalar in name.unicodeScalars {
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", "_", ".", "-": out.unicodeScalars.append(scalar)
      default: out += "~" + String(scalar.value, radix: 16, uppercase: true) + "~"
      }
    }
    return out
  }

  /// `r3.4`: where a release's layout is drawn on a hypercall page.
  public static func release(_ name: String) -> String { "r" + slug(name) }

  /// `t3.4`: a release's row in a hypercall's timeline.
  public static func timeline(_ name: String) -> String { "t" + slug(name) }

  /// `h3.4`: a release's row in a hypercall's headroom table.
  public static func headroom(_ name: String) -> String { "h" + slug(name) }
}
