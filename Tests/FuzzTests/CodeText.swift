/// The code of generated C and Swift with the comments taken out (string literals kept), so
/// that two outputs can be compared for what a compiler reads.
enum CodeText {
  /// C without `/* */` and `//` comments, each replaced by one space.
  static func cCode(_ text: String) -> String {
    var out: [Character] = []
    let chars = Array(text)
    var index = 0
    while index < chars.count {
      let c = chars[index]
      let next: Character? = index + 1 < chars.count ? chars[index + 1] : nil
      if c == "/" && next == "*" {
        index += 2
        while index < chars.count && !(chars[index] == "*" && index + 1 < chars.count && chars[index + 1] == "/") {
          index += 1
        }
        index += 2
        out.append(" ")
      } else if c == "/" && next == "/" {
        while index < chars.count && chars[index] != "\n" { index += 1 }
      } else if c == "\"" || c == "'" {
        out.append(c)
        index += 1
        while index < chars.count && chars[index] != c && chars[index] != "\n" {
          if chars[index] == "\\" && index + 1 < chars.count {
            out.append(chars[index])
            index += 1
          }
          out.append(chars[index])
          index += 1
        }
        if index < chars.count {
          out.append(chars[index])
          index += 1
        }
      } else {
        out.append(c)
        index += 1
      }
    }
    return String(out)
  }

  /// Swift without `//` comments (the generated code has no block comments).
  static func swiftCode(_ text: String) -> String {
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var out = ""
      var inString = false
      var escaped = false
      var previous: Character = " "
      var cut = false
      for c in line {
        if inString {
          if escaped {
            escaped = false
          } else if c == "\\" {
            escaped = true
          } else if c == "\"" {
            inString = false
          }
        } else if c == "\"" {
          inString = true
        } else if c == "/" && previous == "/" {
          out.removeLast()
          cut = true
          break
        }
        out.append(c)
        previous = c
      }
      // A wrapped comment takes more lines; the code is the lines that keep something.
      if !(cut && out.allSatisfy { $0 == " " }) { lines.append(out) }
    }
    return lines.joined(separator: "\n")
  }
}
