import ABIModel
import Foundation

/// Reading and writing the lock file. Writing is by hand rather than with `JSONEncoder`, whose
/// sorted keys would put each release's name after its hundreds of fact lines.
extension ReleaseLock {
  /// A lock file that cannot be used, naming the file and what is wrong.
  public struct LoadError: Error, CustomStringConvertible {
    public var file: String
    public var message: String

    public var description: String { "\(file): error: \(message)" }
  }

  private struct Document: Decodable {
    struct Release: Decodable {
      var release: String
      var digest: String
      var hypercalls: [String: [String]]
      var accepted: [String]?
    }

    var format: String
    var version: Int
    var family: String
    var releases: [Release]
  }

  public static func decode(_ data: Data, file: String) throws(LoadError) -> ReleaseLock {
    let document: Document
    do {
      document = try JSONDecoder().decode(Document.self, from: data)
    } catch let error as DecodingError {
      throw LoadError(file: file, message: "not a release lock: " + describe(error))
    } catch {
      throw LoadError(file: file, message: "not a release lock")
    }
    guard document.format == format else {
      throw LoadError(file: file, message: "format must be \"\(format)\", not \(DisplayText.quoted(document.format))")
    }
    guard document.version == version else {
      throw LoadError(
        file: file,
        message: "lock format version \(document.version) is not supported (this abigen reads version \(version))")
    }
    for release in document.releases {
      for (hypercall, lines) in release.hypercalls {
        if let bad = lines.first(where: { ABIFact(line: $0) == nil }) {
          throw LoadError(
            file: file,
            message:
              "\(shown(release.release)): \(shown(hypercall)): \(DisplayText.quoted(bad)) is not a 'key: value' line"
          )
        }
      }
    }
    return ReleaseLock(
      family: document.family,
      entries: document.releases.map {
        Entry(release: $0.release, digest: $0.digest, hypercalls: $0.hypercalls, accepted: $0.accepted ?? [])
      })
  }

  /// A value from the file in a message: escaped and shortened.
  private static func shown(_ text: String) -> String { DisplayText.escaped(DisplayText.shortened(text)) }

  /// A decoding failure in one line: where in the document, and what was wrong there.
  private static func describe(_ error: DecodingError) -> String {
    func path(_ codingPath: [any CodingKey]) -> String {
      let text = codingPath.reduce(into: "") { text, key in
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
      }
      return text.isEmpty ? "the top level" : DisplayText.escaped(DisplayText.shortened(text))
    }
    switch error {
    case .typeMismatch(_, let context): return "\(path(context.codingPath)) has the wrong type"
    case .valueNotFound(_, let context): return "\(path(context.codingPath)) is null"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])) is missing"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context.codingPath)) is not valid"
    @unknown default: return "not valid"
    }
  }

  /// The file's bytes: two-space indent, one fact per line, trailing newline; the same lock
  /// always gives the same bytes.
  public func encoded() -> Data {
    var out = "{\n"
    out += "  \"format\": \(quoted(Self.format)),\n"
    out += "  \"version\": \(Self.version),\n"
    out += "  \"family\": \(quoted(family)),\n"
    out += "  \"releases\": ["
    for (index, entry) in entries.enumerated() {
      out += index == 0 ? "\n" : ",\n"
      out += "    {\n"
      out += "      \"release\": \(quoted(entry.release)),\n"
      out += "      \"digest\": \(quoted(entry.digest)),\n"
      out += "      \"hypercalls\": {"
      for (position, name) in entry.hypercalls.keys.sorted().enumerated() {
        out += position == 0 ? "\n" : ",\n"
        out += "        \(quoted(name)): ["
        let lines = entry.hypercalls[name]!
        out +=
          lines.isEmpty ? "]" : "\n" + lines.map { "          \(quoted($0))" }.joined(separator: ",\n") + "\n        ]"
      }
      out += entry.hypercalls.isEmpty ? "}" : "\n      }"
      if !entry.accepted.isEmpty {
        out += ",\n      \"accepted\": [\n"
        out += entry.accepted.map { "        \(quoted($0))" }.joined(separator: ",\n") + "\n      ]"
      }
      out += "\n    }"
    }
    out += entries.isEmpty ? "]\n" : "\n  ]\n"
    out += "}\n"
    return Data(out.utf8)
  }

  private func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 {
          let digits = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
