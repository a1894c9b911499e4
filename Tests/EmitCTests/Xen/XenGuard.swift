import Foundation

/// Evaluates the preprocessor conditions the model states (`defined(X) || defined(Y)`,
/// `__XEN_INTERFACE_VERSION__ >= 0x0003020a`, `&&`, `!defined(X)`) for a configuration, so the
/// expected macro set comes from the model alone. A form it cannot read is reported, never
/// guessed.
struct XenGuard {
  var defined: Set<String>
  var interfaceVersion: UInt64?

  struct Unreadable: Error, CustomStringConvertible {
    var condition: String
    var description: String { "cannot evaluate the guard '\(condition)'" }
  }

  func holds(_ condition: String) throws -> Bool {
    let alternatives = condition.components(separatedBy: "||")
    for alternative in alternatives {
      var all = true
      for term in alternative.components(separatedBy: "&&") {
        if !(try holdsTerm(term.trimmingCharacters(in: .whitespaces), whole: condition)) { all = false }
      }
      if all { return true }
    }
    return false
  }

  private func holdsTerm(_ raw: String, whole: String) throws -> Bool {
    var term = raw
    while term.hasPrefix("(") && term.hasSuffix(")") { term = String(term.dropFirst().dropLast()) }
    if term.hasPrefix("!") { return !(try holdsTerm(String(term.dropFirst()), whole: whole)) }
    if term.hasPrefix("defined(") && term.hasSuffix(")") {
      return defined.contains(String(term.dropFirst("defined(".count).dropLast()))
    }
    let parts = term.split(separator: " ").map(String.init)
    guard parts.count == 3, parts[0] == "__XEN_INTERFACE_VERSION__",
      let value = UInt64(parts[2].replacingOccurrences(of: "0x", with: ""), radix: 16)
    else { throw Unreadable(condition: whole) }
    // Without xen-compat.h the macro is undefined and reads as 0 in #if.
    let version = interfaceVersion ?? 0
    switch parts[1] {
    case "<": return version < value
    case "<=": return version <= value
    case ">": return version > value
    case ">=": return version >= value
    case "==": return version == value
    default: throw Unreadable(condition: whole)
    }
  }
}
