import Foundation

/// What `cc -dM -E` printed, as a table from name to body, with each macro's value resolved:
/// an integer literal becomes its decimal value, a macro name the value of that macro, anything
/// else stays as written (a spelling such as `((1 << MEMOP_EXTENT_SHIFT) - 1)`).
struct MacroTable {
  var bodies: [String: String]

  init(dump: String) {
    var bodies: [String: String] = [:]
    for line in dump.split(separator: "\n") where line.hasPrefix("#define ") {
      let rest = line.dropFirst("#define ".count)
      // Function-like macros (`BUILD_BUG_ON(cond)`) have a parenthesis right after the name.
      let nameEnd = rest.firstIndex { $0 == " " || $0 == "(" } ?? rest.endIndex
      let name = String(rest[..<nameEnd])
      let body = nameEnd == rest.endIndex ? "" : String(rest[rest.index(after: nameEnd)...])
      bodies[name] = rest[nameEnd...].hasPrefix("(") ? "function-like" : body
    }
    self.bodies = bodies
  }

  /// Every name, resolved.
  func resolved(excluding names: Set<String>) -> [String: String] {
    var out: [String: String] = [:]
    for name in bodies.keys where !names.contains(name) { out[name] = value(of: name, depth: 0) }
    return out
  }

  func value(of name: String, depth: Int) -> String {
    guard let body = bodies[name] else { return "undefined \(name)" }
    if depth < 8, bodies[body] != nil { return value(of: body, depth: depth + 1) }
    return Self.normalize(body)
  }

  /// `0x3f`, `63`, `0x80000000U` -> decimal; other text unchanged.
  static func normalize(_ body: String) -> String {
    var text = body.trimmingCharacters(in: .whitespaces)
    while let last = text.last, "uUlL".contains(last), text.count > 1 { text.removeLast() }
    if text.hasPrefix("0x") || text.hasPrefix("0X"), let value = UInt64(text.dropFirst(2), radix: 16) {
      return String(value)
    }
    if let value = UInt64(text) { return String(value) }
    return body.trimmingCharacters(in: .whitespaces)
  }
}
