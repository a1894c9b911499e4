import ABIModel

/// The canonical description of a release's ABI: per hypercall, every fact that decodes or
/// encodes a call (numbers, names and identities, masks, the unused-bits policy, sub-ops,
/// tools-only flags, guards, continuations, count flags), and nothing that does not (source
/// locations, `source` tags and commits, progress and argument names used only in reports).
/// Facts that hold their default (not tools-only, no guard, not continuable) are left out, so
/// the lock file stays short; a diff shows an absent fact as `none` (`no` for tools-only).
public enum ReleaseDescription {
  /// The facts of every hypercall of `release`, by hypercall name.
  public static func facts(of release: Release) -> [String: [ABIFact]] {
    var result: [String: [ABIFact]] = [:]
    for hypercall in release.hypercalls {
      result[hypercall.name, default: []] += facts(of: hypercall)
    }
    return result
  }

  /// The facts of one hypercall, in a fixed order: the hypercall's own, then its sub-op table by
  /// number.
  public static func facts(of hypercall: Hypercall) -> [ABIFact] {
    var facts: [ABIFact] = []
    func add(_ key: String, _ value: String, _ location: SourceLocation) {
      facts.append(ABIFact(key, value, at: location))
    }
    add("number", "\(hypercall.number)", hypercall.location)
    add("lineage", hypercall.lineage, hypercall.location)
    if !hypercall.formerNames.isEmpty {
      add("former names", hypercall.formerNames.joined(separator: ", "), hypercall.location)
    }
    if !hypercall.guestABIs.isEmpty {
      add("guest ABIs", hypercall.guestABIs.joined(separator: ", "), hypercall.location)
    }
    if let flag = hypercall.countFlag {
      let name = flag.flagName.map { " \($0)" } ?? ""
      add(
        "count flag", "bit \(flag.flagBit)\(name) of argument \(flag.argument.index) (\(flag.argument.type.rawValue))",
        flag.location)
      if let sentinel = flag.sentinel {
        let nulls = sentinel.nullArguments.map(String.init).joined(separator: " ")
        add(
          "count sentinel",
          "flag alone, NULL arguments \(nulls), return code in argument \(sentinel.returnCode.index) (\(sentinel.returnCode.type.rawValue))",
          sentinel.location)
      }
    }
    if let writeBack = hypercall.writeBack {
      let widths = writeBack.fieldWidths.map { "\($0.guestABI) \($0.bits)" }.joined(separator: ", ")
      add(
        "write-back",
        "\(writeBack.structure).\(writeBack.numberField), .\(writeBack.argumentsField)[], register-wide"
          + (widths.isEmpty ? "" : " except \(widths) bits"), writeBack.location)
    }
    if let multiplex = hypercall.multiplex {
      facts += tableFacts(multiplex, named: hypercall.name)
    }
    // Each nested table's facts under `table access_op `, so a locked release can gain a nested
    // table as a whole (`release --extend`) while every fact of one already locked stays put.
    for nested in hypercall.nestedTables {
      let prefix = nestedTablePrefix(nested.name)
      add(prefix + "selected by", nested.selectedBy ?? "every call", nested.location)
      if let structure = nested.structure { add(prefix + "structure", structure, nested.location) }
      facts += tableFacts(nested.table, named: "\(hypercall.name)\(HypercallTable.separator)\(nested.name)").map {
        ABIFact(prefix + $0.key, $0.value, at: $0.location)
      }
    }
    return facts
  }

  /// `table access_op `: the key prefix of a nested table's facts.
  static func nestedTablePrefix(_ name: String) -> String { "table \(name) " }

  /// The nested table a fact key belongs to (`access_op` of `table access_op op 3`), if any.
  static func nestedTable(ofKey key: String) -> String? {
    let words = key.split(separator: " ", maxSplits: 2)
    guard words.count == 3, words[0] == "table" else { return nil }
    return String(words[1])
  }

  /// The facts of one sub-op table: its word, mask and policy, then its ops by number.
  static func tableFacts(_ multiplex: Multiplex, named table: String) -> [ABIFact] {
    var facts: [ABIFact] = []
    func add(_ key: String, _ value: String, _ location: SourceLocation) {
      facts.append(ABIFact(key, value, at: location))
    }
    let at = multiplex.location
    add("op argument", "\(multiplex.opArgument.index) (\(multiplex.opArgument.type.rawValue))", at)
    add("op mask", multiplex.opMask.value.map(hex) ?? "whole register", at)
    if let name = multiplex.opMask.maskName { add("op mask name", name, at) }
    if let name = multiplex.opMask.shiftName { add("op shift name", name, at) }
    add("unused bits", multiplex.unusedBits.rawValue, at)
    if let check = multiplex.interfaceVersion { add("interface version", check.summary, check.location) }
    for op in multiplex.subOps.sorted(by: { ($0.number, $0.name) < ($1.number, $1.name) }) {
      let key = opKey(op.number)
      add(key, op.name, op.location)
      if op.lineage != "\(table):\(op.name)" { add("\(key) lineage", op.lineage, op.location) }
      if op.cName != op.name { add("\(key) c name", op.cName, op.location) }
      if !op.formerNames.isEmpty { add("\(key) former names", op.formerNames.joined(separator: ", "), op.location) }
      if op.toolsOnly { add("\(key) tools-only", "yes", op.location) }
      if op.hypervisorInternal { add("\(key) hypervisor-internal", "yes", op.location) }
      if let condition = op.guardCondition { add("\(key) guard", condition, op.location) }
      if !op.continuations.isEmpty {
        add("\(key) continues", op.continuations.map(describe).joined(separator: "; "), op.location)
      }
    }
    return facts
  }

  /// What the spec's accepted breaks accept in `release`: one fact per entry whose newer span
  /// holds it (`accepts: memop-shift-4-to-6: alias XENMEM_increase_reservation of memory_op ->
  /// XENMEM_set_pod_target, from 3.0.0..3.3`), in spec order. Once the release ships, what a
  /// migration into it may break is history too.
  public static func acceptedFacts(of release: Release, in model: ABIModel) -> [ABIFact] {
    guard let index = model.releaseIndex(named: release.name) else { return [] }
    var facts: [ABIFact] = []
    for accepted in model.acceptedBreaks {
      for coverage in accepted.covers where model.indices(of: coverage.newer)?.contains(index) == true {
        let subject: String =
          switch coverage.value {
          case .subOp: "\(coverage.subOp ?? "") of \(coverage.hypercall)"
          case .count: "count of \(coverage.hypercall)"
          case .countSentinel: "count sentinel of \(coverage.hypercall)"
          case .writtenBack: "written-back \(coverage.subOp ?? "") of \(coverage.hypercall)"
          case .continuationNumber: "continuation number of \(coverage.subOp ?? "") of \(coverage.hypercall)"
          case .hypercallNumber: "number of \(coverage.hypercall)"
          }
        var text =
          "\(accepted.id): \(coverage.breakClass.rawValue) \(subject) -> \(coverage.becomes), from \(coverage.older)"
        if !coverage.guestWidths.isEmpty {
          text += ", widths \(coverage.guestWidths.map(String.init).joined(separator: " "))"
        }
        if !coverage.architectures.isEmpty { text += ", on \(coverage.architectures.joined(separator: " "))" }
        facts.append(ABIFact("accepts", text, at: coverage.location))
      }
    }
    return facts
  }

  /// `op 7`: the key of a sub-op's name fact, and the prefix of its other facts.
  static func opKey(_ number: UInt64) -> String { "op \(number)" }

  static func describe(_ continuation: ContinuationEncoding) -> String {
    var parts = [continuation.kinds.map(\.rawValue).joined(separator: " + ")]
    if let shift = continuation.shift { parts.append("shift \(shift)") }
    if let bound = continuation.bound { parts.append("bound \(describe(bound))") }
    if let target = continuation.rewritesTo { parts.append("as \(target)") }
    if let target = continuation.switchesTo { parts.append("as hypercall \(target)") }
    // A continuation of some architectures only; none named is every architecture.
    if !continuation.architectures.isEmpty { parts.append("on \(continuation.architectures.joined(separator: " "))") }
    return parts.joined(separator: ", ")
  }

  static func describe(_ bound: ProgressBound) -> String {
    switch bound {
    case .typeMaximum(let type, let shift):
      return shift == 0 ? "\(type.rawValue) max" : "\(type.rawValue) max >> \(shift)"
    case .constant(let value): return hex(value)
    case .registerCapacity: return "register capacity"
    }
  }

  static func hex(_ value: UInt64) -> String { hexString(value) }
}
