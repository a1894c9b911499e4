/// A strict reading of a JSON document before Foundation sees it, for what Foundation does not
/// report: a key given twice in one object (`JSONSerialization` keeps the last, `JSONDecoder`
/// the first), a number that is not an unsigned 64-bit integer (`0.0`, `1e2`, `-0`, 2^64),
/// `null`, and nesting deep enough to exhaust a recursive parser. Each problem comes with the
/// path of the field, every key in it escaped and shortened.
public enum StrictJSON {
  public struct Problem: Error, Equatable {
    /// `releases[3].hypercalls[0].number`; empty for the document itself.
    public var path: String
    public var message: String
  }

  /// Deeper nesting than any spec needs.
  public static let maximumDepth = 64

  /// Reads `bytes` as a spec document: the first problem is thrown; otherwise the path of every
  /// object key, in document order (`releases[3].name`), for a reader to compare with the keys of
  /// what it understood, without a tree of the document. A number under one of `signedKeys` must
  /// also fit an `Int` (at most 2^63 - 1).
  public static func keyPaths(in bytes: [UInt8], signedKeys: Set<String> = []) throws(Problem) -> [String] {
    var scanner = Scanner(bytes: bytes)
    scanner.signedKeys = signedKeys
    scanner.skipSpace()
    try scanner.value(path: "", depth: 0)
    scanner.skipSpace()
    if scanner.position < bytes.count { throw scanner.syntax("text after the document") }
    return scanner.keyPaths
  }

  struct Scanner {
    let bytes: [UInt8]
    var position = 0
    var signedKeys: Set<String> = []
    /// Every object key's path, in document order.
    var keyPaths: [String] = []
    /// Keys as path components, made once per distinct key (a spec repeats a few dozen keys).
    var components: [String: String] = [:]
    /// The key whose value is being read, if the value is a field of an object.
    var key: String?

    init(bytes: [UInt8]) { self.bytes = bytes }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipSpace() {
      while let byte = current, byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 { position += 1 }
    }

    /// Line and column of the current position, 1-based.
    var place: String {
      var line = 1
      var column = 1
      for byte in bytes[0..<min(position, bytes.count)] {
        if byte == 0x0a {
          line += 1
          column = 1
        } else if byte & 0xc0 != 0x80 {
          column += 1
        }
      }
      return "line \(line), column \(column)"
    }

    func syntax(_ what: String, path: String = "") -> Problem {
      Problem(path: path, message: "not valid JSON at \(place): \(what)")
    }

    mutating func expect(_ literal: String, path: String) throws(Problem) {
      let want = Array(literal.utf8)
      guard position + want.count <= bytes.count, Array(bytes[position..<position + want.count]) == want else {
        throw syntax("unexpected character", path: path)
      }
      position += want.count
    }

    mutating func value(path: String, depth: Int) throws(Problem) {
      guard depth <= StrictJSON.maximumDepth else {
        throw Problem(path: path, message: "nested deeper than \(StrictJSON.maximumDepth) levels")
      }
      guard let byte = current else { throw syntax("the document ends where a value is expected", path: path) }
      switch byte {
      case UInt8(ascii: "{"):
        position += 1
        skipSpace()
        if current == UInt8(ascii: "}") {
          position += 1
          return
        }
        var keys: Set<String> = []
        while true {
          skipSpace()
          guard current == UInt8(ascii: "\"") else { throw syntax("a key must be a string", path: path) }
          let key = try string(path: path)
          let component = components[key] ?? Self.component(key)
          components[key] = component
          let child = path.isEmpty ? component : path + "." + component
          guard keys.insert(key).inserted else {
            throw Problem(path: child, message: "the key appears twice in one object")
          }
          keyPaths.append(child)
          skipSpace()
          guard current == UInt8(ascii: ":") else { throw syntax("a ':' must follow a key", path: child) }
          position += 1
          skipSpace()
          self.key = key
          try value(path: child, depth: depth + 1)
          skipSpace()
          if current == UInt8(ascii: ",") {
            position += 1
            continue
          }
          guard current == UInt8(ascii: "}") else { throw syntax("expected ',' or '}'", path: path) }
          position += 1
          return
        }
      case UInt8(ascii: "["):
        position += 1
        skipSpace()
        if current == UInt8(ascii: "]") {
          position += 1
          return
        }
        var index = 0
        while true {
          skipSpace()
          key = nil
          try value(path: "\(path)[\(index)]", depth: depth + 1)
          skipSpace()
          index += 1
          if current == UInt8(ascii: ",") {
            position += 1
            continue
          }
          guard current == UInt8(ascii: "]") else { throw syntax("expected ',' or ']'", path: path) }
          position += 1
          return
        }
      case UInt8(ascii: "\""):
        _ = try string(path: path)
      case UInt8(ascii: "t"):
        try expect("true", path: path)
      case UInt8(ascii: "f"):
        try expect("false", path: path)
      case UInt8(ascii: "n"):
        try expect("null", path: path)
        throw Problem(path: path, message: "null is not allowed (leave an optional field out)")
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        try number(path: path)
      default:
        throw syntax("unexpected character", path: path)
      }
    }

    mutating func number(path: String) throws(Problem) {
      let start = position
      func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
          || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
      }
      while let byte = current, isNumberByte(byte) { position += 1 }
      let text = String(decoding: bytes[start..<position], as: UTF8.self)
      let digits = text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
      guard digits, text == "0" || !text.hasPrefix("0"), UInt64(text) != nil else {
        throw Problem(
          path: path, message: "\(DisplayText.shortened(text)) is not an unsigned integer of at most 64 bits")
      }
      if let key, signedKeys.contains(key), Int64(text) == nil {
        throw Problem(path: path, message: "\(text) is too large for this field (at most \(Int64.max))")
      }
    }

    /// A string's value; the scanner stands on its opening quote.
    mutating func string(path: String) throws(Problem) -> String {
      position += 1
      // Most strings have no escape: read them in one piece (appending scalar by scalar was a
      // fifth of the time of loading a long history).
      var end = position
      while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
        end += 1
      }
      if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        position = end + 1
        return text
      }
      var scalars = String.UnicodeScalarView()
      var run: [UInt8] = []
      func flush() {
        if !run.isEmpty {
          scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
          run.removeAll(keepingCapacity: true)
        }
      }
      while true {
        guard let byte = current else { throw syntax("a string is not closed", path: path) }
        position += 1
        switch byte {
        case UInt8(ascii: "\""):
          flush()
          return String(scalars)
        case 0x00..<0x20:
          throw syntax("a control character must be escaped in a string", path: path)
        case UInt8(ascii: "\\"):
          flush()
          guard let escape = current else { throw syntax("a string is not closed", path: path) }
          position += 1
          switch escape {
          case UInt8(ascii: "\""): scalars.append("\"")
          case UInt8(ascii: "\\"): scalars.append("\\")
          case UInt8(ascii: "/"): scalars.append("/")
          case UInt8(ascii: "b"): scalars.append("\u{8}")
          case UInt8(ascii: "f"): scalars.append("\u{c}")
          case UInt8(ascii: "n"): scalars.append("\n")
          case UInt8(ascii: "r"): scalars.append("\r")
          case UInt8(ascii: "t"): scalars.append("\t")
          case UInt8(ascii: "u"):
            var value = try hex4(path: path)
            if (0xd800..<0xdc00).contains(value) {
              guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
              else { throw syntax("a lone surrogate in a \\u escape", path: path) }
              position += 2
              let low = try hex4(path: path)
              guard (0xdc00..<0xe000).contains(low) else {
                throw syntax("a lone surrogate in a \\u escape", path: path)
              }
              value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00)
            } else if (0xdc00..<0xe000).contains(value) {
              throw syntax("a lone surrogate in a \\u escape", path: path)
            }
            scalars.append(Unicode.Scalar(value)!)
          default:
            throw syntax("unknown escape in a string", path: path)
          }
        default:
          run.append(byte)
        }
      }
    }

    mutating func hex4(path: String) throws(Problem) -> UInt32 {
      guard position + 4 <= bytes.count,
        let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
      else { throw syntax("a \\u escape needs four hexadecimal digits", path: path) }
      position += 4
      return value
    }

    /// A key as a path component: escaped and shortened.
    static func component(_ key: String) -> String {
      DisplayText.escaped(DisplayText.shortened(key, limit: 40))
    }
  }
}
