/// The preprocessor conditions a spec may guard a definition with (`SubOp.guardCondition`), as
/// a small grammar: `defined(NAME)`, `defined NAME`, names, decimal or hexadecimal integers up
/// to `INT64_MAX`, `!`, `==` `!=` `<` `>` `<=` `>=`, `&&`, `||` and parentheses, separated by
/// spaces. Everything Xen's headers guard with fits it; anything else (a newline, a comment, a
/// directive, a string, arithmetic that could divide by zero or overflow) cannot reach an `#if`.
public enum PreprocessorCondition {
  public static let maximumLength = 200
  /// The guest's requested interface version (Xen's `__XEN_INTERFACE_VERSION__`), and the latest
  /// one its headers implement.
  public static let interfaceVersionMacro = "__XEN_INTERFACE_VERSION__"
  public static let latestInterfaceVersionMacro = "__XEN_LATEST_INTERFACE_VERSION__"
  static let maximumDepth = 16

  /// Why `text` is not such a condition, or `nil` when it is.
  public static func problem(in text: String) -> String? {
    if text.count > maximumLength { return "longer than \(maximumLength) characters" }
    var tokens: [Token] = []
    var scalars = Substring(text).unicodeScalars[...]
    while let first = scalars.first {
      if first == " " {
        scalars = scalars.dropFirst()
        continue
      }
      guard let (token, rest) = Token.read(scalars) else {
        return "unexpected " + DisplayText.quoted(String(first)) + " (allowed: names, integers, defined, "
          + "! == != < > <= >= && || and parentheses)"
      }
      if case .bad(let why) = token { return why }
      tokens.append(token)
      scalars = rest
    }
    var parser = Parser(tokens: tokens)
    if let why = parser.expression(depth: 0) { return why }
    if parser.position != tokens.count {
      return "unexpected \(tokens[parser.position].spelling) after a complete condition"
    }
    return nil
  }

  enum Token: Equatable {
    case name(String)
    case number
    case op(String)
    case open, close
    case bad(String)

    var spelling: String {
      switch self {
      case .name(let name): return "'\(name)'"
      case .number: return "a number"
      case .op(let op): return "'\(op)'"
      case .open: return "'('"
      case .close: return "')'"
      case .bad: return "?"
      }
    }

    static func read(_ s: Substring.UnicodeScalarView.SubSequence) -> (Token, Substring.UnicodeScalarView.SubSequence)?
    {
      guard let first = s.first, first.isASCII else { return nil }
      let c = Character(first)
      if c == "(" { return (.open, s.dropFirst()) }
      if c == ")" { return (.close, s.dropFirst()) }
      for op in ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!"] where s.starts(with: op.unicodeScalars) {
        return (.op(op), s.dropFirst(op.unicodeScalars.count))
      }
      if c.isLetter || c == "_" {
        let word = s.prefix { $0.isASCII && (Character($0).isLetter || Character($0).isNumber || $0 == "_") }
        let name = String(String.UnicodeScalarView(word))
        if name.count > CNameRules.maximumLength {
          return (.bad("the name \(DisplayText.quoted(name)) is longer than \(CNameRules.maximumLength) characters"), s)
        }
        return (.name(name), s.dropFirst(word.count))
      }
      if c.isNumber {
        let word = s.prefix { $0.isASCII && (Character($0).isLetter || Character($0).isNumber) }
        let text = String(String.UnicodeScalarView(word))
        let value: Int64? =
          text.hasPrefix("0x") || text.hasPrefix("0X")
          ? Int64(text.dropFirst(2), radix: 16)
          : (text == "0" || !text.hasPrefix("0") ? Int64(text) : nil)
        guard value != nil else {
          return (.bad("\(DisplayText.quoted(text)) is not a decimal or hexadecimal integer of at most INT64_MAX"), s)
        }
        return (.number, s.dropFirst(word.count))
      }
      return nil
    }
  }

  struct Parser {
    var tokens: [Token]
    var position = 0

    var next: Token? { position < tokens.count ? tokens[position] : nil }

    mutating func expression(depth: Int) -> String? {
      if depth > PreprocessorCondition.maximumDepth { return "nested more than \(maximumDepth) deep" }
      return binary(["||"], depth: depth) { $0.binary(["&&"], depth: depth) { $0.comparison(depth: depth) } }
    }

    mutating func binary(_ ops: [String], depth: Int, _ operand: (inout Parser) -> String?) -> String? {
      if let why = operand(&self) { return why }
      while case .op(let op) = next, ops.contains(op) {
        position += 1
        if let why = operand(&self) { return why }
      }
      return nil
    }

    mutating func comparison(depth: Int) -> String? {
      let left = position
      if let why = unary(depth: depth) { return why }
      if case .op(let op) = next, ["==", "!=", "<", ">", "<=", ">="].contains(op) {
        let leftOperand = position == left + 1 ? tokens[left] : nil
        position += 1
        let right = position
        if let why = unary(depth: depth) { return why }
        return versionProblem(leftOperand, position == right + 1 ? tokens[right] : nil)
      }
      return nil
    }

    /// An interface guard compares the guest's interface version with a version: a number (or
    /// the latest version of the same headers). Compared with another name, it names none, and
    /// what it selects depends on a macro the guest's build may not define at all.
    func versionProblem(_ left: Token?, _ right: Token?) -> String? {
      let version = Token.name(PreprocessorCondition.interfaceVersionMacro)
      let other: Token?
      if left == version {
        other = right
      } else if right == version {
        other = left
      } else {
        return nil
      }
      guard case .name(let name) = other, name != PreprocessorCondition.latestInterfaceVersionMacro,
        other != version
      else { return nil }
      return
        "is an interface guard that names no version: it compares \(PreprocessorCondition.interfaceVersionMacro) with '\(name)', not with a number"
    }

    mutating func unary(depth: Int) -> String? {
      if next == .op("!") {
        position += 1
        return depth > maximumDepth ? "nested more than \(maximumDepth) deep" : unary(depth: depth + 1)
      }
      return primary(depth: depth)
    }

    mutating func primary(depth: Int) -> String? {
      guard let token = next else { return "the condition ends where an operand is expected" }
      position += 1
      switch token {
      case .name("defined"):
        if next == .open {
          position += 1
          guard case .name = next else { return "defined( needs a name" }
          position += 1
          guard next == .close else { return "defined(NAME needs a ')'" }
          position += 1
          return nil
        }
        guard case .name = next else { return "defined needs a name" }
        position += 1
        return nil
      case .name, .number:
        return nil
      case .open:
        if let why = expression(depth: depth + 1) { return why }
        guard next == .close else { return "a '(' is not closed" }
        position += 1
        return nil
      default:
        return "unexpected \(token.spelling) where an operand is expected"
      }
    }
  }
}
