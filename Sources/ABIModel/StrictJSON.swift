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

  /// What a strict reading found: every key as a tree (for a reader to compare with the keys of
  /// what it understood, without a tree of the document's values), and the document's top-level
  /// `format`, `version` and number of `acceptedBreaks`, read before anything else is.
  struct Reading {
    var keys: KeyTree
    var isObject: Bool
    var format: String?
    var version: Int?
    var acceptedBreaks: Int
  }

  /// Reads `bytes` as a spec document: the first problem is thrown. A number under one of
  /// `signedKeys` must also fit an `Int` (at most 2^63 - 1).
  static func read(_ bytes: [UInt8], signedKeys: Set<String> = []) throws(Problem) -> Reading {
    var scanner = Scanner(bytes: bytes)
    scanner.signedKeys = signedKeys
    scanner.skipSpace()
    scanner.isObject = scanner.current == UInt8(ascii: "{")
    try scanner.value(node: KeyTree.root, depth: 0)
    scanner.skipSpace()
    if scanner.position < bytes.count { throw scanner.syntax("text after the document") }
    return Reading(
      keys: scanner.tree, isObject: scanner.isObject, format: scanner.format, version: scanner.version,
      acceptedBreaks: scanner.acceptedBreaks)
  }

  struct Scanner {
    let bytes: [UInt8]
    var position = 0
    var signedKeys: Set<String> = []
    /// Every key and element, in document order.
    var tree = KeyTree(indexed: false)
    /// The key whose value is being read, if the value is a field of an object.
    var key: String?
    var isObject = false
    var format: String?
    var version: Int?
    var acceptedBreaks = 0

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

    func syntax(_ what: String, node: Int32 = KeyTree.root) -> Problem {
      Problem(path: tree.path(of: node), message: "not valid JSON at \(place): \(what)")
    }

    mutating func expect(_ literal: String, node: Int32) throws(Problem) {
      let want = Array(literal.utf8)
      guard position + want.count <= bytes.count, Array(bytes[position..<position + want.count]) == want else {
        throw syntax("unexpected character", node: node)
      }
      position += want.count
    }

    /// What a value was, as far as the header needs it.
    enum Scanned {
      case string(String)
      case number(String)
      case array(count: Int)
      case other
    }

    @discardableResult
    mutating func value(node: Int32, depth: Int) throws(Problem) -> Scanned {
      guard depth <= StrictJSON.maximumDepth else {
        throw Problem(path: tree.path(of: node), message: "nested deeper than \(StrictJSON.maximumDepth) levels")
      }
      guard let byte = current else { throw syntax("the document ends where a value is expected", node: node) }
      switch byte {
      case UInt8(ascii: "{"):
        position += 1
        skipSpace()
        if current == UInt8(ascii: "}") {
          position += 1
          return .other
        }
        var keys: Set<String> = []
        while true {
          skipSpace()
          guard current == UInt8(ascii: "\"") else { throw syntax("a key must be a string", node: node) }
          let key = try string(node: node)
          let child = tree.child(of: node, tree.step(key: key))
          guard keys.insert(key).inserted else {
            throw Problem(path: tree.path(of: child), message: "the key appears twice in one object")
          }
          skipSpace()
          guard current == UInt8(ascii: ":") else { throw syntax("a ':' must follow a key", node: child) }
          position += 1
          skipSpace()
          self.key = key
          let scanned = try value(node: child, depth: depth + 1)
          if node == KeyTree.root { header(key, scanned) }
          skipSpace()
          if current == UInt8(ascii: ",") {
            position += 1
            continue
          }
          guard current == UInt8(ascii: "}") else { throw syntax("expected ',' or '}'", node: node) }
          position += 1
          return .other
        }
      case UInt8(ascii: "["):
        position += 1
        skipSpace()
        if current == UInt8(ascii: "]") {
          position += 1
          return .array(count: 0)
        }
        var index: Int32 = 0
        while true {
          skipSpace()
          key = nil
          try value(node: tree.child(of: node, .index(index)), depth: depth + 1)
          skipSpace()
          index += 1
          if current == UInt8(ascii: ",") {
            position += 1
            continue
          }
          guard current == UInt8(ascii: "]") else { throw syntax("expected ',' or ']'", node: node) }
          position += 1
          return .array(count: Int(index))
        }
      case UInt8(ascii: "\""):
        return .string(try string(node: node))
      case UInt8(ascii: "t"):
        try expect("true", node: node)
      case UInt8(ascii: "f"):
        try expect("false", node: node)
      case UInt8(ascii: "n"):
        try expect("null", node: node)
        throw Problem(path: tree.path(of: node), message: "null is not allowed (leave an optional field out)")
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return .number(try number(node: node))
      default:
        throw syntax("unexpected character", node: node)
      }
      return .other
    }

    /// Keeps what the header is read from (as a decoder would: a value of the wrong type is absent).
    mutating func header(_ key: String, _ scanned: Scanned) {
      switch (key, scanned) {
      case ("format", .string(let text)): format = text
      case ("version", .number(let text)): version = Int(text)
      case ("acceptedBreaks", .array(let count)): acceptedBreaks = count
      default: break
      }
    }

    mutating func number(node: Int32) throws(Problem) -> String {
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
          path: tree.path(of: node),
          message: "\(DisplayText.shortened(text)) is not an unsigned integer of at most 64 bits")
      }
      if let key, signedKeys.contains(key), Int64(text) == nil {
        throw Problem(path: tree.path(of: node), message: "\(text) is too large for this field (at most \(Int64.max))")
      }
      return text
    }

    /// A string's value; the scanner stands on its opening quote.
    mutating func string(node: Int32) throws(Problem) -> String {
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
        guard let byte = current else { throw syntax("a string is not closed", node: node) }
        position += 1
        switch byte {
        case UInt8(ascii: "\""):
          flush()
          return String(scalars)
        case 0x00..<0x20:
          throw syntax("a control character must be escaped in a string", node: node)
        case UInt8(ascii: "\\"):
          flush()
          guard let escape = current else { throw syntax("a string is not closed", node: node) }
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
            var value = try hex4(node: node)
            if (0xd800..<0xdc00).contains(value) {
              guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
              else { throw syntax("a lone surrogate in a \\u escape", node: node) }
              position += 2
              let low = try hex4(node: node)
              guard (0xdc00..<0xe000).contains(low) else {
                throw syntax("a lone surrogate in a \\u escape", node: node)
              }
              value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00)
            } else if (0xdc00..<0xe000).contains(value) {
              throw syntax("a lone surrogate in a \\u escape", node: node)
            }
            scalars.append(Unicode.Scalar(value)!)
          default:
            throw syntax("unknown escape in a string", node: node)
          }
        default:
          run.append(byte)
        }
      }
    }

    mutating func hex4(node: Int32) throws(Problem) -> UInt32 {
      guard position + 4 <= bytes.count,
        let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
      else { throw syntax("a \\u escape needs four hexadecimal digits", node: node) }
      position += 4
      return value
    }

  }
}
