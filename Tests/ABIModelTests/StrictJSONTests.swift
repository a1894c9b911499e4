import ABIModel
import Foundation
import Testing

/// The loader's gaps of the issue: each malformed document names the field and says what is
/// wrong in one short line.
@Suite struct StrictJSONTests {
  let base = SpecJSONTests()

  func decode(_ text: String) -> String? { base.decode(text) }

  func withFirstHypercall(_ key: String, _ value: Any) throws -> String {
    try base.edited { object in
      var releases = object["releases"] as! [[String: Any]]
      var hypercalls = releases[0]["hypercalls"] as! [[String: Any]]
      hypercalls[0][key] = value
      releases[0]["hypercalls"] = hypercalls
      object["releases"] = releases
    }
  }

  @Test func twoToThe63InASignedFieldNamesThePath() throws {
    let text = try base.edited { object in
      var abis = object["guestABIs"] as! [[String: Any]]
      abis[0]["width"] = NSNumber(value: UInt64(1) << 63)
      object["guestABIs"] = abis
    }
    #expect(
      decode(text)
        == "spec.json: error: guestABIs[0].width: 9223372036854775808 is too large for this field (at most 9223372036854775807)"
    )
  }

  @Test func twoToThe63InAnUnsignedFieldIsANumber() throws {
    let text = try withFirstHypercall("number", NSNumber(value: UInt64(1) << 63))
    // It loads; validation, not the loader, has an opinion on the value.
    #expect(decode(text) == nil)
  }

  @Test func aDuplicateKeyIsRejectedWithItsPath() throws {
    let text = String(decoding: try SpecJSON.encode(base.model), as: UTF8.self)
      .replacingOccurrences(of: "\"family\" : \"test\"", with: "\"family\" : \"test\", \"family\" : \"other\"")
    #expect(decode(text) == "spec.json: error: family: the key appears twice in one object")
  }

  @Test func nullForAnUnknownFieldIsRejected() throws {
    let text = try withFirstHypercall("colour", NSNull())
    #expect(
      decode(text)
        == "spec.json: error: releases[0].hypercalls[0].colour: null is not allowed (leave an optional field out)")
  }

  @Test(arguments: ["0.0", "1e2", "-0", "12.5", "01"])
  func aNonIntegerForAnIntegerIsRejected(literal: String) throws {
    let text = String(decoding: try SpecJSON.encode(base.model), as: UTF8.self)
      .replacingOccurrences(of: "\"number\" : 12", with: "\"number\" : \(literal)")
    #expect(
      decode(text)?.hasSuffix(": \(literal) is not an unsigned integer of at most 64 bits") == true,
      "\(decode(text) ?? "")")
  }

  @Test func aLongValueIsShortenedInTheMessage() throws {
    let long = String(repeating: "k", count: 10_000_000)
    let text = try withFirstHypercall(long, 1)
    // Checked as plain values, so that a failure does not print ten million characters.
    let message = try #require(decode(text))
    let short = message.count < 200 && message.contains("... (10000000 characters): unknown field")
    #expect(short, "\(message.prefix(300))")
    let number = try withFirstHypercall("number", "x").replacingOccurrences(
      of: "\"x\"", with: String(repeating: "9", count: 5_000_000))
    let numberMessage = decode(number) ?? ""
    let shortNumber = numberMessage.count < 300 && numberMessage.contains("(5000000 characters) is not an unsigned")
    #expect(shortNumber, "\(numberMessage.prefix(300))")
  }

  @Test func aKeyWithTerminalControlsIsEscaped() throws {
    let text = try withFirstHypercall("\u{1B}]0;owned\u{7}", 1)
    let message = try #require(decode(text))
    #expect(!message.unicodeScalars.contains { $0.value < 0x20 })
    #expect(message.contains("\\u{1B}]0;owned\\u{7}"))
  }

  @Test func deepNestingIsRejectedNotACrash() {
    let text = "{\"format\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
    #expect(
      decode(text)
        == "spec.json: error: format[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nested deeper than 64 levels"
    )
  }

  @Test func syntaxErrorsSayWhere() {
    #expect(
      decode("{\"format\": \"abigen-spec\",\n \"version\": }")
        == "spec.json: error: version: not valid JSON at line 2, column 13: unexpected character")
    #expect(decode("{} x") == "spec.json: error: not valid JSON at line 1, column 4: text after the document")
  }
}
