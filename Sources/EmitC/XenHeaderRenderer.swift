/// Turns a `CHeader` into text in Xen's coding style: an SPDX line, at most 80 columns, 4-space
/// indents, `if ( cond )` and `switch ( x )` with the tree's inner spaces, braces on their own
/// lines, case labels level with their `switch`, values of consecutive `#define`s aligned.
/// Deterministic: `\n` line ends, a trailing newline, nothing from the machine or the time.
public enum XenHeaderRenderer {
  /// Public headers are MIT, as xen/include/public is; the hypervisor tree accepts MIT code too.
  public static let spdx = "/* SPDX-License-Identifier: MIT */"
  /// Xen's line limit.
  public static let width = 80

  public static func render(_ header: CHeader) -> String {
    var out = [spdx]
    out += comment(header.banner)
    out.append("#ifndef \(header.includeGuard)")
    out.append("#define \(header.includeGuard)")
    render(header.items, into: &out)
    out.append("#endif /* \(header.includeGuard) */")
    return out.joined(separator: "\n") + "\n"
  }

  /// A block comment; each entry is a paragraph, wrapped at word boundaries. One short
  /// paragraph stays on one line, as Xen writes its short comments.
  static func comment(_ paragraphs: [String], indent: String = "") -> [String] {
    if paragraphs.count == 1, indent.count + paragraphs[0].count + 6 <= width {
      return [indent + "/* " + paragraphs[0] + " */"]
    }
    let lines = paragraphs.flatMap { CHeaderRenderer.wrap($0, width: width - indent.count - 3) }
    return [indent + "/*"] + lines.map { $0.isEmpty ? indent + " *" : indent + " * " + $0 } + [indent + " */"]
  }

  static func render(_ items: [CItem], into out: inout [String]) {
    var index = items.startIndex
    while index < items.endIndex {
      // A run of defines shares one value column.
      if case .define = items[index] {
        var end = index
        while end < items.endIndex, case .define = items[end] { end += 1 }
        out += defines(Array(items[index..<end]))
        index = end
        continue
      }
      render(items[index], into: &out)
      index += 1
    }
  }

  static func defines(_ items: [CItem]) -> [String] {
    var entries: [(name: String, value: String, note: String?)] = []
    for item in items {
      if case .define(let name, let value, let note) = item { entries.append((name, value, note)) }
    }
    let column = entries.map { "#define \($0.name) ".count }.max() ?? 0
    let aligned = entries.allSatisfy { column + $0.value.count <= width }
    var out: [String] = []
    for entry in entries {
      let head = "#define \(entry.name) "
      let line = (aligned ? head.padding(toLength: column, withPad: " ", startingAt: 0) : head) + entry.value
      if let note = entry.note { out += comment([note]) }
      out.append(line)
    }
    return out
  }

  static func render(_ item: CItem, into out: inout [String]) {
    switch item {
    case .blank:
      out.append("")
    case .comment(let lines):
      out += comment(lines)
    case .include(let name):
      out.append("#include <\(name)>")
    case .define:
      out += defines([item])
    case .error(let message):
      out.append("#error \"\(message)\"")
    case .conditional(let condition, let items):
      out.append("#if \(condition)")
      render(items, into: &out)
      let closing = "#endif /* \(condition) */"
      out.append(closing.count <= width && !condition.contains("*/") ? closing : "#endif")
    case .staticAssert(let name, let condition):
      // Not used by the Xen layout (it writes BUILD_BUG_ON); kept total for any description.
      out.append("typedef char \(name)[(\(condition)) ? 1 : -1];")
    case .function(let function):
      out += render(function)
    case .lines(let lines):
      out += lines
    }
  }

  static func declarator(_ parameter: CFunction.Parameter) -> String {
    parameter.type.hasSuffix("*") ? parameter.type + parameter.name : "\(parameter.type) \(parameter.name)"
  }

  static func render(_ function: CFunction) -> [String] {
    var out = comment(function.documentation)
    let head = "static inline \(function.returnType) \(function.name)("
    let parameters = function.parameters.map(declarator)
    // Parameters continue under the first one when the line would be too long, or one tab stop
    // in when even that would pass the width (a long hypercall name).
    let pieces = parameters.enumerated().map { $1 + ($0 == parameters.count - 1 ? ")" : ",") }
    let aligned = pieces.allSatisfy { head.count + $0.count <= width }
    let indent = String(repeating: " ", count: aligned ? head.count : 4)
    var lines = [head]
    for piece in pieces {
      let current = lines[lines.count - 1]
      let separator = current.hasSuffix("(") ? "" : " "
      if current.count + separator.count + piece.count > width && !current.hasSuffix("(") {
        lines.append(indent + piece)
      } else {
        lines[lines.count - 1] = current + separator + piece
      }
    }
    if parameters.isEmpty { lines[0] += "void)" }
    out += lines
    out.append("{")
    let used = Set(function.body.flatMap(CHeaderRenderer.codeTokens))
    let declarations = function.body.prefix { if case .declare = $0 { true } else { false } }
    for statement in declarations { render(statement, indent: "    ", into: &out) }
    let unused = function.parameters.filter { !used.contains($0.name) }
    if !declarations.isEmpty && !unused.isEmpty { out.append("") }
    for parameter in unused { out.append("    (void)\(parameter.name);") }
    if !declarations.isEmpty || !unused.isEmpty { out.append("") }
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
      out.append(indent + "if ( \(condition) )")
      if body.count == 1 {
        render(body[0], indent: indent + "    ", into: &out)
      } else {
        out.append(indent + "{")
        for statement in body { render(statement, indent: indent + "    ", into: &out) }
        out.append(indent + "}")
      }
    case .switchOn(let subject, let cases):
      out.append(indent + "switch ( \(subject) )")
      out.append(indent + "{")
      for (offset, switchCase) in cases.enumerated() {
        if offset > 0 { out.append("") }
        for label in switchCase.labels {
          out.append(indent + "case \(label.value):" + (label.comment.map { " /* \($0) */" } ?? ""))
        }
        for statement in switchCase.body { render(statement, indent: indent + "    ", into: &out) }
      }
      out.append(indent + "}")
      out.append("")
    }
  }
}
