import ABIModel
import Foundation
import Testing

@Suite struct SpecJSONTests {
  var model: ABIModel {
    var model = Fixtures.xenShiftWidening
    model.releases[1].hypercalls[0].multiplex!.subOps[0].continuation!.bound = .typeMaximum(
      .unsignedInt, shiftedRightBy: 6)
    model.releases[1].hypercalls.append(
      Hypercall(
        name: "mmu_update", number: 1,
        countFlag: CountFlagEncoding(argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt), flagBit: 31)))
    model.acceptedBreaks = [
      AcceptedBreak(
        id: "memop",
        covers: [
          BreakCoverage(
            .alias, hypercall: "memory_op", value: .subOp, subOp: "XENMEM_increase_reservation",
            becomes: .op("XENMEM_set_pod_target"), older: .only("3.3"), newer: .from("3.4"), guestWidths: [64]),
          BreakCoverage(
            .continuationLost, hypercall: "mmu_update", value: .count, becomes: .freshCall, older: .span("3.3", "3.3"),
            newer: .from("3.4")),
        ], reason: "r", source: "s")
    ]
    return model
  }

  func decode(_ text: String) -> String? {
    do {
      _ = try SpecJSON.decode(Data(text.utf8), file: "spec.json")
      return nil
    } catch {
      return error.description
    }
  }

  /// The JSON of the fixture with one field replaced by `transform`.
  func edited(_ transform: (inout [String: Any]) -> Void) throws -> String {
    var object = try #require(try JSONSerialization.jsonObject(with: try SpecJSON.encode(model)) as? [String: Any])
    transform(&object)
    return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
  }

  @Test func roundTripsExactly() throws {
    let first = try SpecJSON.encode(model)
    let loaded = try SpecJSON.decode(first, file: "spec.json")
    #expect(loaded == model)
    #expect(try SpecJSON.encode(loaded) == first)
  }

  @Test func carriesFormatAndVersion() throws {
    let text = String(decoding: try SpecJSON.encode(model), as: UTF8.self)
    #expect(text.contains("\"format\" : \"abigen-spec\""))
    #expect(text.contains("\"version\" : 2"))
    #expect(text.hasSuffix("}\n"))
  }

  @Test func rejectsUnknownFields() throws {
    let text = try edited { object in
      var releases = object["releases"] as! [[String: Any]]
      releases[0]["stauts"] = "released"
      object["releases"] = releases
    }
    #expect(decode(text) == "spec.json: error: releases[0].stauts: unknown field")
  }

  /// Every object of the document, wherever it sits, refuses a key it does not know, and the
  /// message names that object's path.
  @Test func everyObjectRefusesAnUnknownKeyAtItsPath() throws {
    let document = try JSONSerialization.jsonObject(with: try SpecJSON.encode(model))
    func objectPaths(_ value: Any, _ path: String) -> [String] {
      if let object = value as? [String: Any] {
        return [path] + object.keys.sorted().flatMap { objectPaths(object[$0]!, path.isEmpty ? $0 : "\(path).\($0)") }
      }
      if let array = value as? [Any] {
        return array.indices.flatMap { objectPaths(array[$0], "\(path)[\($0)]") }
      }
      return []
    }
    func inserting(_ value: Any, at path: [String]) -> Any {
      guard let first = path.first else {
        var object = value as! [String: Any]
        object["zz"] = 1
        return object
      }
      if let index = Int(first), var array = value as? [Any] {
        array[index] = inserting(array[index], at: Array(path.dropFirst()))
        return array
      }
      var object = value as! [String: Any]
      object[first] = inserting(object[first]!, at: Array(path.dropFirst()))
      return object
    }
    let paths = objectPaths(document, "")
    #expect(paths.count > 20)
    for path in paths {
      let steps = path.split(whereSeparator: { ".[]".contains($0) }).map(String.init)
      let text = String(
        decoding: try JSONSerialization.data(withJSONObject: inserting(document, at: steps)), as: UTF8.self)
      #expect(decode(text) == "spec.json: error: \(path.isEmpty ? "zz" : path + ".zz"): unknown field")
    }
  }

  /// A key one case of a value has is unknown in another case: the check is by place, not by name.
  @Test func aKeyOfAnotherCaseIsUnknown() throws {
    let text = try edited { object in
      var releases = object["releases"] as! [[String: Any]]
      var hypercalls = releases[1]["hypercalls"] as! [[String: Any]]
      var multiplex = hypercalls[0]["multiplex"] as! [String: Any]
      var subOps = multiplex["subOps"] as! [[String: Any]]
      var continuation = subOps[0]["continuation"] as! [String: Any]
      var bound = continuation["bound"] as! [String: Any]
      #expect(bound["kind"] as? String == "type-maximum")
      bound = ["kind": "constant", "value": 5, "shift": 6]
      continuation["bound"] = bound
      subOps[0]["continuation"] = continuation
      multiplex["subOps"] = subOps
      hypercalls[0]["multiplex"] = multiplex
      releases[1]["hypercalls"] = hypercalls
      object["releases"] = releases
    }
    #expect(
      decode(text)
        == "spec.json: error: releases[1].hypercalls[0].multiplex.subOps[0].continuation.bound.shift: unknown field")
  }

  @Test func rejectsWrongTypes() throws {
    let text = try edited { object in
      var releases = object["releases"] as! [[String: Any]]
      var hypercalls = releases[0]["hypercalls"] as! [[String: Any]]
      hypercalls[0]["number"] = "twelve"
      releases[0]["hypercalls"] = hypercalls
      object["releases"] = releases
    }
    #expect(decode(text) == "spec.json: error: releases[0].hypercalls[0].number: expected an unsigned 64-bit integer")
  }

  @Test(arguments: ["-1", "18446744073709551616"])
  func rejectsNumbersOutsideSixtyFourBits(_ number: String) throws {
    let text = try edited { object in
      var releases = object["releases"] as! [[String: Any]]
      var hypercalls = releases[0]["hypercalls"] as! [[String: Any]]
      hypercalls[0]["number"] = 424242
      releases[0]["hypercalls"] = hypercalls
      object["releases"] = releases
    }.replacingOccurrences(of: "424242", with: number)
    let message = try #require(decode(text))
    #expect(message.hasPrefix("spec.json: error: releases[0].hypercalls[0].number: "))
    #expect(message.hasSuffix(" is not an unsigned integer of at most 64 bits"))
  }

  @Test func acceptsTheLargestSixtyFourBitNumber() throws {
    var large = model
    large.releases[0].hypercalls[0].multiplex!.subOps[0].continuation!.bound = .constant(UInt64.max)
    #expect(try SpecJSON.decode(try SpecJSON.encode(large), file: "spec.json") == large)
  }

  @Test(arguments: [0, 65])
  func rejectsWidthsOutsideOneToSixtyFour(_ width: Int) throws {
    let text = try edited { object in
      var guests = object["guestABIs"] as! [[String: Any]]
      guests[1]["width"] = width
      object["guestABIs"] = guests
    }
    #expect(decode(text) == "spec.json: error: guestABIs[1].width: \(width) is not a register width (1 to 64 bits)")
  }

  @Test func rejectsAFutureVersion() throws {
    let text = try edited { $0["version"] = 3 }
    #expect(
      decode(text) == "spec.json: error: version: format version 3 is not supported (this abigen reads version 1 to 2)")
  }

  @Test func readsVersion1WithoutAcceptedBreaksAndRefusesItsAcceptedBreaks() throws {
    let withRecords = try edited { $0["version"] = 1 }
    #expect(
      decode(withRecords)?.hasPrefix(
        "spec.json: error: acceptedBreaks: format version 1 accepted breaks cover every later break of their classes")
        == true)
    let without = try edited { object in
      object["version"] = 1
      object["acceptedBreaks"] = [Any]()
    }
    #expect(decode(without) == nil)
  }

  @Test func rejectsMissingFields() throws {
    let text = try edited { $0.removeValue(forKey: "family") }
    #expect(decode(text) == "spec.json: error: family: missing required field")
  }

  @Test func rejectsInvalidEnumValues() throws {
    let text = try edited { object in
      var releases = object["releases"] as! [[String: Any]]
      releases[0]["status"] = "frozen"
      object["releases"] = releases
    }
    let message = try #require(decode(text))
    #expect(message.hasPrefix("spec.json: error: releases[0].status: "))
  }

  @Test func rejectsNonJSON() {
    #expect(decode("{ not json")?.hasPrefix("spec.json: error: not valid JSON") == true)
    #expect(decode("[]") == "spec.json: error: the top level must be an object")
  }
}
