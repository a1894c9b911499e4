/// Where a fact of the spec was stated: `Spec/Xen/MemoryOp.swift:42`, or a JSON path for a
/// spec loaded from a file. Every element of the model carries one so that diagnostics and
/// counterexamples can point back at the line a maintainer has to edit.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  /// A path relative to the package root (never absolute, so output is reproducible).
  public var file: String
  /// 1-based line; 0 when the location is a path inside a JSON document.
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  /// A location for values built in code without a known origin (tests, generated fixtures).
  public static let unknown = SourceLocation(file: "<unknown>", line: 0)

  /// Turns a `#filePath` into a package-relative path such as `Spec/Xen/MemoryOp.swift`, so
  /// that the same spec gives the same diagnostics on every machine.
  public init(filePath: String, line: Int) {
    self.init(file: SourceLocation.packageRelative(filePath), line: line)
  }

  static func packageRelative(_ path: String) -> String {
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    for root in ["Spec", "Tests", "Sources", "Generated"] {
      if let index = components.lastIndex(where: { $0 == root }) {
        return components[index...].joined(separator: "/")
      }
    }
    return components.last.map(String.init) ?? path
  }

  public var description: String {
    line > 0 ? "\(file):\(line)" : file
  }
}
