/// Spellings of integer constants that mean the same value in C99, C11 and C++11 on 32- and
/// 64-bit targets.
enum CLiteral {
  /// For `#define`s: plain up to `INT_MAX` (as Xen writes its op numbers), `U` up to
  /// `UINT_MAX`, `ULL` above.
  static func define(_ value: UInt64, hex: Bool = false) -> String {
    let digits = hex ? "0x" + String(value, radix: 16) : String(value)
    if value <= UInt64(Int32.max) { return digits }
    return digits + (value <= UInt64(UInt32.max) ? "U" : "ULL")
  }

  /// For expressions mixed with `uint64_t` operands: plain (a non-negative `int` converts
  /// exactly) up to `INT_MAX`, otherwise `ULL` (at least 64 bits). `UINT64_C` is avoided so that
  /// a tree without `<stdint.h>` only has to supply `uint64_t`.
  static func code(_ value: UInt64) -> String {
    if value <= 9 { return String(value) }
    let hex = "0x" + String(value, radix: 16)
    return value <= UInt64(Int32.max) ? hex : hex + "ULL"
  }
}

extension CLiteral {
  /// A case label for an op number: decimal, as the op macros are written.
  static func label(_ value: UInt64) -> String {
    value <= UInt64(Int32.max) ? String(value) : String(value) + "ULL"
  }
}

/// A `uint64_t` expression of a generated function, folded where the model makes it a constant so
/// the header shows the values the model states.
enum CValue: Hashable {
  case constant(UInt64)
  case code(String)

  var rendered: String {
    switch self {
    case .constant(let value): return CLiteral.code(value)
    case .code(let text): return text
    }
  }

  /// Without the outermost parentheses, for the right side of `=` and `return`.
  var bare: String {
    let text = rendered
    guard text.first == "(", text.last == ")" else { return text }
    var depth = 0
    for (offset, character) in text.enumerated() {
      if character == "(" { depth += 1 }
      if character == ")" { depth -= 1 }
      // The first parenthesis closes before the end: `(a) & (b)` keeps its parentheses.
      if depth == 0 && offset < text.count - 1 { return text }
    }
    return String(text.dropFirst().dropLast())
  }

  /// `a & b`; `lhs & ~0` is `lhs`.
  static func & (lhs: CValue, rhs: CValue) -> CValue {
    switch (lhs, rhs) {
    case (.constant(let a), .constant(let b)): return .constant(a & b)
    case (.constant(UInt64.max), let other), (let other, .constant(UInt64.max)): return other
    case (.constant(0), _), (_, .constant(0)): return .constant(0)
    default: return .code("(\(lhs.rendered) & \(rhs.rendered))")
    }
  }

  /// `value >> shift` with Swift's meaning for every shift: 0 from 64 on (C would be undefined).
  func shiftedRight(by shift: Int) -> CValue {
    if shift >= 64 { return .constant(0) }
    if shift <= 0 { return self }
    switch self {
    case .constant(let value): return .constant(value >> UInt64(shift))
    case .code(let text): return .code("(\(text) >> \(shift))")
    }
  }
}
