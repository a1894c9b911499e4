import EmitCore

/// Turns a `CHeader` into its exact text: `\n` line ends, a trailing newline, 4-space indents
/// inside functions (Xen's own style), nothing that depends on the machine or the time.
public enum CHeaderRenderer {
  public static func render(_ header: CHeader) -> String {
    var out: [String] = []
    out += comment(header.banner)
    out.append("#ifndef \(header.includeGuard)")
    out.append("#define \(header.includeGuard)")
    for item in header.items {
      render(item, into: &out)
    }
    out.append("#endif /* \(header.includeGuard) */")
    return out.joined(separator: "\n") + "\n"
  }

  /// Lines of a header stay within this many columns where words allow.
  static let width = 96

  /// A block comment; each entry is a paragraph, wrapped at word boundaries.
  static func comment(_ paragraphs: [String], indent: String = "") -> [String] {
    let lines = paragraphs.flatMap { wrap(EmittedText.cComment($0), width: width - indent.count - 3) }
    return [indent + "/*"] + lines.map { $0.isEmpty ? indent + " *" : indent + " * " + $0 } + [indent + " */"]
  }

  static func wrap(_ paragraph: String, width: Int) -> [String] {
    guard paragraph.count > width else { return [paragraph] }
    var lines: [String] = []
    var current = ""
    // The line's length is counted as it grows: `String.count` walks the whole string, and a
    // generated tree wraps tens of thousands of comment lines.
    var length = 0
    // Split as bytes: a space is one byte, and splitting Characters costs grapheme breaking. A
    // word's length is its byte count when it is ASCII (almost always) and its Characters'
    // otherwise.
    for bytes in paragraph.utf8.split(separator: UInt8(ascii: " ")) {
      let word = Substring(bytes)
      let wordLength = bytes.allSatisfy { $0 < 0x80 } ? bytes.count : word.count
      if length > 0 && length + 1 + wordLength > width {
        lines.append(current)
        current = ""
        length = 0
      }
      if length > 0 {
        current += " "
        length += 1
      }
      current += word
      length += wordLength
    }
    if length > 0 { lines.append(current) }
    return lines
  }

  static func render(_ item: CItem, into out: inout [String]) {
    switch item {
    case .blank:
      out.append("")
    case .comment(let lines):
      out += comment(lines)
    case .include(let name):
      out.append("#include <\(name)>")
    case .define(let name, let value, let note):
      out.append("#define \(name) \(value)" + (note.map { " /* \(EmittedText.cComment($0)) */" } ?? ""))
    case .error(let message):
      out.append("#error \"\(EmittedText.cStringLiteral(message))\"")
    case .conditional(let condition, let items):
      out.append("#if \(condition)")
      for item in items { render(item, into: &out) }
      // The condition repeated after #endif, as Xen's headers do.
      out.append("#endif /* \(EmittedText.cComment(condition)) */")
    case .staticAssert(let name, let condition):
      out.append("typedef char \(name)[(\(condition)) ? 1 : -1];")
    case .function(let function):
      out += render(function)
    case .lines(let lines):
      out += lines
    }
  }

  static func render(_ function: CFunction) -> [String] {
    var out = comment(function.documentation)
    let parameters = function.parameters.map { parameter in
      parameter.type.hasSuffix("*") ? parameter.type + parameter.name : "\(parameter.type) \(parameter.name)"
    }
    out.append("static inline \(function.returnType) \(function.name)(\(parameters.joined(separator: ", ")))")
    out.append("{")
    // A parameter some tables do not need (the guest width of a 32-bit argument) is voided, so
    // that -Wunused-parameter stays quiet without a compiler-specific attribute.
    // After the declarations, which come first as Xen's -Wdeclaration-after-statement wants.
    let used = Set(function.body.flatMap(codeTokens))
    let declarations = function.body.prefix { if case .declare = $0 { true } else { false } }
    for statement in declarations {
      render(statement, indent: "    ", into: &out)
    }
    for parameter in function.parameters where !used.contains(parameter.name) {
      out.append("    (void)\(parameter.name);")
    }
    for statement in function.body.dropFirst(declarations.count) {
      render(statement, indent: "    ", into: &out)
    }
    out.append("}")
    return out
  }

  static func render(_ statement: CStatement, indent: String, into out: inout [String]) {
    switch statement {
    case .declare(let type, let name, let value):
      let declarator = type.hasSuffix("*") ? type + name : "\(type) \(name)"
      out.append(indent + declarator + (value.map { " = \($0)" } ?? "") + ";")
    case .assign(let target, let value):
      out.append(indent + "\(target) = \(value);")
    case .returns(let value):
      out.append(indent + "return \(value);")
    case .ifThen(let condition, let body):
      out.append(indent + "if (\(condition)) {")
      for statement in body { render(statement, indent: indent + "    ", into: &out) }
      out.append(indent + "}")
    case .switchOn(let subject, let cases):
      out.append(indent + "switch (\(subject)) {")
      for switchCase in cases {
        for label in switchCase.labels {
          out.append(
            indent + "case \(label.value):" + (label.comment.map { " /* \(EmittedText.cComment($0)) */" } ?? ""))
        }
        for statement in switchCase.body { render(statement, indent: indent + "    ", into: &out) }
      }
      out.append(indent + "}")
    }
  }

  /// The identifiers a statement's code mentions (comments excluded).
  static func codeTokens(_ statement: CStatement) -> [String] {
    switch statement {
    case .declare(_, _, let value):
      return value.map(identifiers) ?? []
    case .assign(let target, let value):
      return identifiers(target) + identifiers(value)
    case .returns(let value):
      return identifiers(value)
    case .ifThen(let condition, let body):
      return identifiers(condition) + body.flatMap(codeTokens)
    case .switchOn(let subject, let cases):
      return identifiers(subject) + cases.flatMap { $0.body.flatMap(codeTokens) }
    }
  }

  static func identifiers(_ code: String) -> [String] {
    code.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
  }
}
