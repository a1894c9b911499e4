import Foundation

/// The versioned JSON interchange format of a resolved model (docs/spec-format.md). Writing is
/// deterministic (sorted keys, no dates), so dumping a loaded dump gives the same bytes.
public enum SpecJSON {
  /// Identifies the document kind.
  public static let format = "abigen-spec"
  /// The newest format version this build reads and the one it writes.
  /// Version 2: accepted breaks list exactly what they cover (`covers`).
  public static let version = 2

  /// A problem with a JSON spec, naming the file and the field.
  public struct LoadError: Error, CustomStringConvertible {
    public var file: String
    public var path: String
    public var message: String

    public var description: String {
      DisplayText.escaped(
        path.isEmpty ? "\(file): error: \(message)" : "\(file): error: \(path): \(message)")
    }
  }

  public static func encode(_ model: ABIModel) throws -> Data {
    try DeterministicJSON.encode(Document(model: model))
  }

  /// Reads a JSON spec, rejecting unknown fields, wrong types, keys given twice, `null`, numbers
  /// that are not unsigned 64-bit integers, and future versions, each with the path of the
  /// offending field.
  public static func decode(_ data: Data, file: String) throws(LoadError) -> ABIModel {
    // Every number in the format is an unsigned integer of at most 64 bits, no key is given
    // twice and no field is null; Foundation reports none of that with a path (or at all).
    // The same pass collects the input's keys, for the unknown-field check below, and its
    // header, so that a newer format is refused before its fields are read.
    let input: StrictJSON.Reading
    do throws(StrictJSON.Problem) {
      input = try StrictJSON.read(Array(data), signedKeys: signedFields)
    } catch {
      throw LoadError(file: file, path: error.path, message: error.message)
    }
    guard input.isObject else {
      throw LoadError(file: file, path: "", message: "the top level must be an object")
    }
    guard input.format == Self.format else {
      throw LoadError(file: file, path: "format", message: "must be \"\(Self.format)\"")
    }
    guard let version = input.version else {
      throw LoadError(file: file, path: "version", message: "must be an integer")
    }
    guard version <= Self.version, version >= 1 else {
      throw LoadError(
        file: file, path: "version",
        message: "format version \(version) is not supported (this abigen reads version 1 to \(Self.version))")
    }

    // Version 1 accepted breaks covered every later break of their classes; what they meant
    // cannot be narrowed to exact entries by a reader, so they are refused, not guessed at.
    if version == 1, input.acceptedBreaks > 0 {
      throw LoadError(
        file: file, path: "acceptedBreaks",
        message:
          "format version 1 accepted breaks cover every later break of their classes; record them again as version 2 'covers' entries (docs/spec-format.md; abigen check prints the entry for each break)"
      )
    }

    let model: ABIModel
    do {
      model = try JSONDecoder().decode(Document.self, from: data).model
    } catch let error as DecodingError {
      throw loadError(error, file: file)
    } catch {
      throw LoadError(file: file, path: "", message: describe(error))
    }

    // Codable ignores keys it does not know; a spec with a misspelt field must not load as if
    // the field were absent. Every key of the input must be one that a re-encode of what was read
    // writes, at the same place; the re-encode's keys are recorded, not written as JSON and read
    // back (which was most of the time of loading a long history).
    do {
      let known = try KeyTreeRecorder.keys(of: Document(model: model))
      if let unknown = input.keys.firstKey(notIn: known) {
        throw LoadError(file: file, path: unknown, message: "unknown field")
      }
    } catch let error as LoadError {
      throw error
    } catch {
      throw LoadError(file: file, path: "", message: describe(error))
    }
    for (index, abi) in model.guestABIs.enumerated() where !(1...64).contains(abi.width) {
      throw LoadError(
        file: file, path: "guestABIs[\(index)].width",
        message: "\(abi.width) is not a register width (1 to 64 bits)")
    }
    return model
  }

  /// The fields of the format that are `Int`s in the model (widths, indices, shifts, bit
  /// numbers, the version); every other number is a `UInt64`.
  static let signedFields: Set<String> = ["version", "width", "index", "shift", "bits", "flagBit"]

  private struct Document: Codable {
    var model: ABIModel

    private enum CodingKeys: String, CodingKey { case format, version }

    init(model: ABIModel) { self.model = model }

    init(from decoder: any Decoder) throws {
      model = try ABIModel(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(SpecJSON.format, forKey: .format)
      try container.encode(SpecJSON.version, forKey: .version)
      try model.encode(to: encoder)
    }
  }

  private static func loadError(_ error: DecodingError, file: String) -> LoadError {
    func path(_ codingPath: [any CodingKey]) -> String {
      codingPath.reduce(into: "") { text, key in
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          let shown = DisplayText.escaped(DisplayText.shortened(key.stringValue, limit: 40))
          text += text.isEmpty ? shown : ".\(shown)"
        }
      }
    }
    switch error {
    case .typeMismatch(let type, let context):
      return LoadError(
        file: file, path: path(context.codingPath), message: "expected \(typeName(type))")
    case .valueNotFound(let type, let context):
      return LoadError(
        file: file, path: path(context.codingPath), message: "expected \(typeName(type)), found null")
    case .keyNotFound(let key, let context):
      let parent = path(context.codingPath)
      return LoadError(
        file: file, path: parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)",
        message: "missing required field")
    case .dataCorrupted(let context):
      let text = context.debugDescription
      let message =
        text.contains("does not fit") || text.contains("Number")
        ? "number out of range (must be an unsigned integer of at most 64 bits)"
        : text
      return LoadError(file: file, path: path(context.codingPath), message: message)
    @unknown default:
      return LoadError(file: file, path: "", message: describe(error))
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is UInt64.Type: return "an unsigned 64-bit integer"
    case is Int.Type: return "an integer"
    case is String.Type: return "a string"
    case is Bool.Type: return "true or false"
    default:
      let name = "\(type)"
      return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : "a \(name)"
    }
  }

  private static func describe(_ error: any Error) -> String {
    (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
  }
}
