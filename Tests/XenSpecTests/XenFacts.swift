import ABIDSL
import ABIModel
import Foundation
import XenSpec

/// The facts of `Tests/Fixtures/xen-facts.json` (a copy of the facts the spec was transcribed
/// from), reduced to what the spec states, so every test compares the resolved model against the
/// file rather than against a second hand-written list.
struct XenFacts: Sendable {
  struct Op: Hashable, Sendable, CustomStringConvertible {
    var name: String
    var number: UInt64
    var toolsOnly: Bool
    /// The preprocessor guard other than the tools-only one, if any.
    var guardCondition: String?
    /// Continuation kinds (`ContinuationKind` raw values); empty when not continuable.
    var kinds: Set<String>

    var description: String { "\(name) = \(number)" }
  }

  struct Multiplex: Sendable {
    var ops: [String: Op]
    /// Op mask width in bits; `nil` when the whole register is the op.
    var maskBits: Int?
    /// The progress shift of shifted continuations (memory_op only).
    var extentShift: Int?
  }

  struct Release: Sendable {
    var name: String
    var tag: String
    /// `__HYPERVISOR_*` name (prefix stripped) -> number; guarded aliases left out.
    var table: [String: UInt64]
    /// Hypercall -> its sub-op table, where the facts give one for this release.
    var multiplexes: [String: Multiplex]
  }

  static let multiplexedHypercalls = ["memory_op", "hvm_op", "grant_table_op", "dm_op"]
  static let toolsGuard = "defined(__XEN__) || defined(__XEN_TOOLS__)"

  /// Continuation kinds the facts state in prose but not in a `continuable` entry's `kind` field:
  /// facts.md section 2 gives XENMEM_sharing_op as "g / u", and the `state` text of its
  /// `continuable` entry says "sub-op fork (4.14+): plain re-execution on -ERESTART" (41548c5472).
  static let proseKinds: [(hypercall: String, op: String, from: String, kind: String)] = [
    ("memory_op", "XENMEM_sharing_op", "4.14", "reexecute_unchanged")
  ]

  var releases: [Release]

  static let fixtureURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/xen-facts.json")

  static let shared: XenFacts = {
    do { return try XenFacts(contentsOf: fixtureURL) } catch {
      fatalError("cannot read \(fixtureURL.path): \(error)")
    }
  }()

  static var releaseNames: [String] { shared.releases.map(\.name) }

  func release(_ name: String) -> Release? { releases.first { $0.name == name } }

  init(contentsOf url: URL) throws {
    let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    let meta = root["meta"] as! [String: Any]
    let tags = meta["release_tags"] as! [[String: Any]]
    let names = tags.map { $0["release"] as! String }
    func dict(_ value: Any?) -> [String: Any] { value as? [String: Any] ?? [:] }
    func kinds(_ kind: String) -> Set<String> {
      Set(
        kind.split(whereSeparator: { $0 == "+" || $0 == "/" })
          .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
    func bits(ofMask text: String) -> Int {
      let value = UInt64(text.dropFirst(2), radix: 16)!
      return 64 - value.leadingZeroBitCount
    }
    func ops(_ entry: [String: Any], hypercall: String, release: String) -> [String: Op] {
      var result: [String: Op] = [:]
      for (name, raw) in dict(entry["ops"]) {
        let op = raw as! [String: Any]
        let guards = (op["guards"] as? [String] ?? []).filter { $0 != XenFacts.toolsGuard }
        precondition(guards.count <= 1, "\(release) \(name): more than one guard")
        result[name] = Op(
          name: name, number: UInt64(op["value"] as! Int), toolsOnly: op["tools_only"] as! Bool,
          guardCondition: guards.first, kinds: [])
      }
      for continuable in entry["continuable"] as? [[String: Any]] ?? [] {
        let name = continuable["op"] as! String
        result[name]!.kinds.formUnion(kinds(continuable["kind"] as! String))
      }
      for extra in XenFacts.proseKinds where extra.hypercall == hypercall && result[extra.op] != nil {
        if names.firstIndex(of: release)! >= names.firstIndex(of: extra.from)! {
          result[extra.op]!.kinds.insert(extra.kind)
        }
      }
      return result
    }

    let numbers = dict(dict(root["hypercall_numbers"])["per_release"])
    let memoryOp = dict(dict(root["memory_op"])["per_release"])
    let hvmOp = dict(dict(root["hvm_op"])["per_release"])
    let grantTableOp = dict(dict(root["grant_table_op"])["per_release"])
    let dmOpRoot = dict(root["dm_op"])
    let dmOp = dict(dmOpRoot["per_release"])
    let dmGuestState = Set(dict(dict(dmOpRoot["continuation"])["state_in_guest_buffer"]).keys)
    let dmKind = dict(dmOpRoot["continuation"])["kind"] as! String

    releases = tags.map { tag in
      let name = tag["release"] as! String
      var table: [String: UInt64] = [:]
      for (cName, raw) in dict(dict(numbers[name])["table"]) {
        guard let value = dict(raw)["value"] as? Int else { continue }  // a guarded alias
        table[String(cName.dropFirst("__HYPERVISOR_".count))] = UInt64(value)
      }
      var multiplexes: [String: Multiplex] = [:]
      if let entry = memoryOp[name] as? [String: Any] {
        let shift = dict(entry["extent_shift"])
        multiplexes["memory_op"] = Multiplex(
          ops: ops(entry, hypercall: "memory_op", release: name),
          maskBits: bits(ofMask: shift["cmd_mask"] as! String), extentShift: shift["shift"] as? Int)
      }
      if let entry = hvmOp[name] as? [String: Any], entry["present"] as? Bool == true {
        let mask = (entry["HVMOP_op_mask"] as? [String: Any])?["value"] as? String
        multiplexes["hvm_op"] = Multiplex(
          ops: ops(entry, hypercall: "hvm_op", release: name), maskBits: mask.map(bits(ofMask:)))
      }
      if let entry = grantTableOp[name] as? [String: Any] {
        var maskBits: Int?
        for line in entry["masks"] as? [[String: Any]] ?? [] {
          let words = (line["text"] as! String).split(separator: " ")
          if words.count >= 3, words[1] == "GNTTABOP_CONTINUATION_ARG_SHIFT" {
            maskBits = Int(words[2])
          }
        }
        multiplexes["grant_table_op"] = Multiplex(
          ops: ops(entry, hypercall: "grant_table_op", release: name), maskBits: maskBits)
      }
      if let entry = dmOp[name] as? [String: Any] {
        var found = ops(entry, hypercall: "dm_op", release: name)
        for op in found.keys where dmGuestState.contains(op) { found[op]!.kinds = [dmKind] }
        multiplexes["dm_op"] = Multiplex(ops: found, maskBits: nil)
      }
      return Release(name: name, tag: tag["tag"] as! String, table: table, multiplexes: multiplexes)
    }
  }
}

/// The resolved spec, built once.
enum ResolvedXen {
  static let result: Result<ABIModel, SpecErrors> = Result(catching: { () throws(SpecErrors) -> ABIModel in
    try Xen.spec.model()
  })

  static func model() throws -> ABIModel { try result.get() }
}
