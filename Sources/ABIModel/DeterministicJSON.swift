import Foundation

/// JSON as abigen writes every document: sorted keys, two-space indent, unescaped slashes and a
/// trailing newline, so the same value always gives the same bytes.
public enum DeterministicJSON {
  public static func encode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(0x0A)
    return data
  }
}

/// A value as the reports write it: `0x3f`.
public func hexString(_ value: UInt64) -> String {
  "0x" + String(value, radix: 16)
}
