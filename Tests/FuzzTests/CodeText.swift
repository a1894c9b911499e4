/// The code of generated C and Swift with the comments taken out (string literals kept), so
/// that two outputs can be compared for what a compiler reads. Works on UTF-8 bytes: the fuzz
/// run compares thousands of headers in a debug build.
enum CodeText {
  static let slash = UInt8(ascii: "/")
  static let star = UInt8(ascii: "*")
  static let newline = UInt8(ascii: "\n")
  static let backslash = UInt8(ascii: "\\")
  static let quote = UInt8(ascii: "\"")
  static let apostrophe = UInt8(ascii: "'")
  static let space = UInt8(ascii: " ")

  /// C without `/* */` and `//` comments, each replaced by one space.
  static func cCode(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    let count = bytes.count
    while index < count {
      let c = bytes[index]
      let next: UInt8 = index + 1 < count ? bytes[index + 1] : 0
      if c == slash && next == star {
        index += 2
        while index < count && !(bytes[index] == star && index + 1 < count && bytes[index + 1] == slash) { index += 1 }
        index += 2
        out.append(space)
      } else if c == slash && next == slash {
        while index < count && bytes[index] != newline { index += 1 }
      } else if c == quote || c == apostrophe {
        out.append(c)
        index += 1
        while index < count && bytes[index] != c && bytes[index] != newline {
          if bytes[index] == backslash && index + 1 < count {
            out.append(bytes[index])
            index += 1
          }
          out.append(bytes[index])
          index += 1
        }
        if index < count {
          out.append(bytes[index])
          index += 1
        }
      } else {
        out.append(c)
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Swift without `//` comments (the generated code has no block comments); a line that held
  /// only a comment is dropped, since a wrapped comment takes more lines.
  static func swiftCode(_ text: String) -> String {
    var out: [UInt8] = []
    for line in Array(text.utf8).split(separator: newline, omittingEmptySubsequences: false) {
      var kept: [UInt8] = []
      var inString = false
      var escaped = false
      var cut = false
      var previous: UInt8 = space
      for c in line {
        if inString {
          if escaped {
            escaped = false
          } else if c == backslash {
            escaped = true
          } else if c == quote {
            inString = false
          }
        } else if c == quote {
          inString = true
        } else if c == slash && previous == slash {
          kept.removeLast()
          cut = true
          break
        }
        kept.append(c)
        previous = c
      }
      if cut && kept.allSatisfy({ $0 == space }) { continue }
      out += kept
      out.append(newline)
    }
    return String(decoding: out, as: UTF8.self)
  }
}
