import ABIModel
import Foundation

/// Structure-aware fuzz inputs: models shaped like real specs (a few releases of a few
/// hypercalls with masks, ops, continuations and count flags) whose names, strings and numbers
/// are now and then taken from `HostileCorpus`, then as JSON with structural mutations.
struct SpecGenerator {
  var rng: SeededRandom
  /// How often a name or string is hostile.
  var hostility = 0.04

  init(seed: UInt64) { rng = SeededRandom(seed: seed) }

  mutating func name(_ plain: String) -> String {
    rng.chance(hostility) ? rng.pick(HostileCorpus.strings) : plain
  }

  mutating func text() -> String? {
    if rng.chance(0.3) { return nil }
    if rng.chance(hostility * 3) { return rng.pick(HostileCorpus.strings) }
    return rng.pick(["3.4.0-rc3", "b8a7efe852", "https://xenbits.xen.org/x?y=1&z=2", "RELEASE-4.19.0", "commit ??(1)"])
  }

  mutating func number(below limit: UInt64) -> UInt64 {
    if rng.chance(0.05) { return rng.pick(HostileCorpus.numbers) }
    return limit == 0 ? 0 : UInt64.random(in: 0..<limit, using: &rng)
  }

  mutating func model() -> ABIModel {
    let guestPool = [("x86_64", 64), ("x86_32", 32), ("arm64", 64), ("arm32", 32), ("riscv", 64), ("g16", 16)]
    var guests: [GuestABI] = []
    for _ in 0..<rng.int(1...2) {
      let (abiName, width) = rng.pick(guestPool)
      guests.append(GuestABI(name: name(abiName), width: rng.chance(0.02) ? rng.pick([0, 65, 1, 8]) : width))
    }
    let widths = guests.map(\.width).filter { (1...64).contains($0) }
    let narrowest = widths.min() ?? 64
    let names = ["3.3", "3.4", "4.5", "4.20", "4.21", "5.0-rc1", "master"]
    let releaseCount = rng.int(1...3)
    var start = rng.int(0...(names.count - releaseCount))
    var releases: [Release] = []
    let hypercallNames = ["memory_op", "hvm_op", "mmu_update", "grant_table_op", "sched_op", "dm_op", "x"]
    let chosen = Array(hypercallNames.shuffled(using: &rng).prefix(rng.int(1...3)))
    var tables: [String: Multiplex] = [:]
    var flags: [String: CountFlagEncoding] = [:]
    for hypercall in chosen {
      if rng.chance(0.7) {
        tables[hypercall] = multiplex(for: hypercall, narrowest: narrowest)
      } else {
        flags[hypercall] = countFlag(narrowest: narrowest)
      }
    }
    for index in 0..<releaseCount {
      let releaseName = name(names[start])
      start += 1
      var hypercalls: [Hypercall] = []
      for (position, hypercall) in chosen.enumerated() {
        if index > 0, rng.chance(0.3), var table = tables[hypercall] {
          // The next release changes the table: a wider mask, a new op, a renumbered op.
          if let bits = table.opMask.bits, rng.chance(0.5) { table.opMask.bits = min(bits + rng.int(1...2), narrowest) }
          if rng.chance(0.5) {
            table.subOps.append(
              subOp(index: table.subOps.count + 10, maskBits: table.opMask.bits ?? 8, narrowest: narrowest))
          }
          if rng.chance(0.2), !table.subOps.isEmpty {
            table.subOps[0].number = number(below: 1 << UInt64(min(table.opMask.bits ?? 8, 62)))
          }
          tables[hypercall] = table
        }
        hypercalls.append(
          Hypercall(
            name: name(hypercall), number: rng.chance(0.9) ? UInt64(12 + position) : number(below: 64),
            lineage: rng.chance(0.03) ? name(rng.pick(chosen)) : nil,
            formerNames: rng.chance(0.1) ? [name("old_" + hypercall)] : [],
            guestABIs: rng.chance(0.1) ? [guests[0].name] : [],
            multiplex: tables[hypercall], countFlag: flags[hypercall], source: text()))
      }
      releases.append(
        Release(
          name: releaseName, status: index == releaseCount - 1 && rng.chance(0.3) ? .development : .released,
          source: text(), hypercalls: hypercalls, location: SourceLocation(file: "fuzz.json", line: index + 1)))
    }
    var accepted: [AcceptedBreak] = []
    if rng.chance(0.15), releases.count > 1 {
      let table = tables[chosen[0]]
      let coverage = BreakCoverage(
        rng.pick(BreakClass.allCases), hypercall: name(chosen[0]), value: table == nil ? .hypercallNumber : .subOp,
        subOp: table?.subOps.first.map { name($0.name) },
        becomes: rng.pick([.rejected, .refused, .op(name("OP_op1"))]),
        older: .only(releases[0].name), newer: rng.chance(0.5) ? .from(releases[1].name) : .only(releases[1].name))
      accepted.append(
        AcceptedBreak(
          id: name("fuzz-break"), covers: [coverage], reason: text() ?? "why", source: text() ?? "commit"))
    }
    return ABIModel(
      family: name(rng.pick(["xen", "fz"])), guestABIs: guests, releases: releases,
      migrationPolicy: MigrationPolicy(pairs: rng.pick(MigrationPolicy.Pairs.allCases)), acceptedBreaks: accepted)
  }

  mutating func multiplex(for hypercall: String, narrowest: Int) -> Multiplex {
    let type = rng.pick(ArgumentType.allCases)
    let width = type == .unsignedLong ? narrowest : 32
    let bits: Int? =
      rng.chance(0.15) ? nil : (rng.chance(0.1) ? rng.pick([1, width, 64]) : rng.int(2...max(2, min(8, width))))
    let prefix = hypercall.uppercased().replacingOccurrences(of: "_OP", with: "OP") + "_"
    var subOps: [SubOp] = []
    for index in 0..<rng.int(0...5) {
      subOps.append(subOp(index: index, maskBits: bits ?? min(width, 8), narrowest: narrowest, prefix: prefix))
    }
    return Multiplex(
      opArgument: ArgumentSlot(
        index: rng.chance(0.03) ? rng.pick([6, -1, 1 << 40]) : rng.int(0...1),
        name: name(rng.pick(["cmd", "op", "a1"])),
        type: type),
      opMask: OpMask(
        bits: bits, maskName: rng.chance(0.5) ? name(prefix + "MASK") : nil,
        shiftName: rng.chance(0.4) ? name(prefix + "SHIFT") : nil),
      unusedBits: rng.pick(UnusedBitsPolicy.allCases), subOps: subOps, source: text())
  }

  mutating func subOp(index: Int, maskBits: Int, narrowest: Int, prefix: String = "OP_") -> SubOp {
    let limit: UInt64 = maskBits >= 63 ? UInt64.max : (1 << UInt64(maskBits))
    var continuation: ContinuationEncoding?
    if rng.chance(0.5) {
      let kind = rng.pick(ContinuationKind.allCases.filter { $0 != .countFlag })
      let shift = rng.chance(0.9) ? maskBits + rng.int(0...2) : rng.int(0...64)
      let bound: ProgressBound? =
        rng.chance(0.3)
        ? nil
        : rng.pick([
          .typeMaximum(rng.pick(ArgumentType.allCases), shiftedRightBy: rng.chance(0.8) ? shift : rng.int(0...70)),
          .constant(number(below: 1 << 20)), .registerCapacity,
        ])
      continuation = ContinuationEncoding(
        kinds: rng.chance(0.1) ? [kind, .handleAndCount] : [kind], shift: kind == .cmdShiftedIndex ? shift : nil,
        bound: kind.usesOpRegister ? bound : nil, progressName: rng.chance(0.5) ? name("start_extent") : nil,
        source: text())
    }
    return SubOp(
      name: name("\(prefix)op\(index)"), number: rng.chance(0.9) ? UInt64(index) % limit : number(below: limit),
      cName: rng.chance(0.05) ? name("\(prefix)C\(index)") : nil, toolsOnly: rng.chance(0.2),
      guardCondition: rng.chance(0.15) ? rng.pick(HostileCorpus.guards) : nil,
      formerNames: rng.chance(0.05) ? [name("\(prefix)old\(index)")] : [], continuation: continuation, source: text())
  }

  mutating func countFlag(narrowest: Int) -> CountFlagEncoding {
    let type = rng.pick(ArgumentType.allCases)
    let width = type == .unsignedLong ? narrowest : 32
    return CountFlagEncoding(
      argument: ArgumentSlot(index: rng.int(0...2), name: name(rng.pick(["count", "nr", "count"])), type: type),
      flagBit: rng.chance(0.9) ? width - 1 : rng.int(-1...64),
      flagName: rng.chance(0.7) ? name(rng.pick(["MMU_UPDATE_PREEMPTED", "FLAG_RESUMED"])) : nil, source: text())
  }

  // MARK: JSON mutations

  /// The spec's JSON with zero or more structural mutations.
  mutating func json(_ model: ABIModel) -> Data {
    var data = (try? SpecJSON.encode(model)) ?? Data()
    guard rng.chance(0.35) else { return data }
    guard var tree = try? JSONSerialization.jsonObject(with: data) else { return data }
    for _ in 0..<rng.int(1...3) { tree = mutate(tree, depth: 0) }
    data = (try? JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys, .fragmentsAllowed])) ?? data
    var text = String(decoding: data, as: UTF8.self)
    // Text-level mutations JSONSerialization cannot produce.
    if rng.chance(0.15), let range = text.range(of: "\"family\":") {
      text.insert(contentsOf: "\"family\":\"dup\",", at: range.lowerBound)
    }
    if rng.chance(0.1) {
      let literal = rng.pick(["0.0", "1e2", "-1", "9223372036854775808", "18446744073709551616", "null", "01", "-0"])
      if let range = text.range(of: #"\d+"#, options: .regularExpression) { text.replaceSubrange(range, with: literal) }
    }
    if rng.chance(0.05) { text = String(text.prefix(rng.int(0...max(0, text.count)))) }
    if rng.chance(0.03) { text = String(repeating: "[", count: rng.int(60...5000)) + text }
    return Data(text.utf8)
  }

  mutating func mutate(_ value: Any, depth: Int) -> Any {
    if var object = value as? [String: Any], !object.isEmpty {
      let key = rng.pick(object.keys.sorted())
      switch rng.int(0...9) {
      case 0: object.removeValue(forKey: key)
      case 1: object[rng.chance(0.5) ? "unknownField" : key + "x"] = rng.pick([1, "x", NSNull(), [Any]()] as [Any])
      case 2: object[key] = replacement(for: object[key]!)
      default: object[key] = mutate(object[key]!, depth: depth + 1)
      }
      return object
    }
    if var array = value as? [Any], !array.isEmpty {
      let index = rng.int(0...(array.count - 1))
      switch rng.int(0...6) {
      case 0: array.remove(at: index)
      case 1: array.append(array[index])
      case 2: array[index] = replacement(for: array[index])
      default: array[index] = mutate(array[index], depth: depth + 1)
      }
      return array
    }
    return depth > 0 && rng.chance(0.5) ? replacement(for: value) : value
  }

  mutating func replacement(for value: Any) -> Any {
    switch rng.int(0...6) {
    case 0: return rng.pick(HostileCorpus.strings)
    case 1: return NSNumber(value: rng.pick(HostileCorpus.numbers))
    case 2: return NSNull()
    case 3: return [rng.pick(HostileCorpus.strings)]
    case 4: return ["kind": "constant", "value": NSNumber(value: rng.pick(HostileCorpus.numbers))]
    case 5: return true
    default: return value is String ? NSNumber(value: 7) : "seven"
    }
  }
}
