import ABIModel
import Foundation
import Testing
import XenSpec

@testable import ReleaseLock

/// The lock file: deterministic bytes, strict reading, and the committed lock of the bundled
/// Xen spec.
@Suite struct LockFileTests {
  static var committedLock: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Spec/Xen/releases.lock.json")
  }

  @Test func encodingRoundTripsByteForByte() throws {
    let lock = LockFixtures.lock(of: LockFixtures.model())
    let data = lock.encoded()
    let read = try ReleaseLock.decode(data, file: "mini.lock.json")
    #expect(read == lock)
    #expect(read.encoded() == data)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("{\n  \"format\": \"abigen-release-lock\",\n  \"version\": 2,\n  \"family\": \"mini\",\n"))
    #expect(text.contains("      \"release\": \"4.5\",\n      \"digest\": \"sha256:"))
    #expect(text.contains("          \"op mask: 0xff\",\n"))
    #expect(text.hasSuffix("}\n"))
  }

  @Test func anEmptyLockIsValidJSON() throws {
    let empty = ReleaseLock(family: "mini")
    #expect(try ReleaseLock.decode(empty.encoded(), file: "x") == empty)
  }

  @Test func stringsAreEscaped() throws {
    let lock = ReleaseLock(
      family: "a\"b\\c\n", entries: [.init(release: "r\t", digest: "d", hypercalls: ["h\u{1}": ["k: \"v\""]])])
    #expect(try ReleaseLock.decode(lock.encoded(), file: "x") == lock)
  }

  @Test(arguments: [
    ("{}", "x: error: not a release lock"),
    (
      #"{"format":"other","version":1,"family":"xen","releases":[]}"#,
      #"x: error: format must be "abigen-release-lock""#
    ),
    (
      #"{"format":"abigen-release-lock","version":3,"family":"xen","releases":[]}"#,
      "x: error: lock format version 3 is not supported"
    ),
    (
      #"{"format":"abigen-release-lock","version":2,"family":"xen","releases":[{"release":"4.5","digest":"d","hypercalls":{"hvm_op":["no separator"]}}]}"#,
      "x: error: 4.5: hvm_op: 'no separator' is not a 'key: value' line"
    ),
  ])
  func malformedLocksAreRefused(json: String, message: String) {
    #expect(throws: ReleaseLock.LoadError.self) { try ReleaseLock.decode(Data(json.utf8), file: "x") }
    do {
      _ = try ReleaseLock.decode(Data(json.utf8), file: "x")
    } catch {
      #expect(error.description.hasPrefix(message), "\(error.description)")
    }
  }

  /// Every released Xen release is locked, master is not, and the bundled spec matches the lock.
  @Test func theCommittedXenLockCoversEveryReleasedRelease() throws {
    let model = try Xen.spec.model()
    let lock = try ReleaseLock.decode(try Data(contentsOf: Self.committedLock), file: "Spec/Xen/releases.lock.json")
    #expect(lock.entries.map(\.release) == model.releases.filter { $0.status == .released }.map(\.name))
    #expect(lock.entry(for: "master") == nil)
    #expect(lock.verify(model, lockFile: "Spec/Xen/releases.lock.json").map(\.description) == [])
    // It is exactly what locking every released release writes now.
    let relocked = model.releases.filter { $0.status == .released }.reduce(ReleaseLock(family: "xen")) {
      $0.locking($1, of: model)
    }
    #expect(relocked.encoded() == (try Data(contentsOf: Self.committedLock)))
  }

  @Test func theXenLockStatesTheFactsOf45sHVMOp() throws {
    let lock = try ReleaseLock.decode(try Data(contentsOf: Self.committedLock), file: "lock")
    let facts = try #require(lock.entry(for: "4.5")?.hypercalls["hvm_op"])
    #expect(facts.contains("op mask: 0xff"))
    #expect(facts.contains("unused bits: rejected"))
    // x86 only: xen/arch/x86/hvm/hvm.c makes the continuation, ARM's hvm.c none.
    #expect(facts.contains("op 7 continues: cmd_raw_index_aligned, bound register capacity, on x86"))
    #expect(lock.entry(for: "4.9")?.hypercalls["hvm_op"]?.contains("op mask: whole register") == true)
  }
}
