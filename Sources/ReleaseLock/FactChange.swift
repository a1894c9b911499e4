import ABIModel

/// One difference between a hypercall's locked facts and its facts now, in the spec's words:
/// `op mask 0xff -> 0xfff`, `op 23 (HVMOP_x) added`, `op 7 (HVMOP_set_mem_type) tools-only yes -> no`.
struct FactChange: Hashable, Sendable {
  var message: String
  var location: SourceLocation

  /// The changes in fact order: the hypercall's own facts, then by sub-op number, each fact
  /// that is gone next to the op it belonged to. A sub-op that appears or disappears is one
  /// change, not one per fact of it.
  static func changes(from locked: [ABIFact], to now: [ABIFact], of hypercall: Hypercall) -> [FactChange] {
    let old = Dictionary(locked.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    let new = Dictionary(now.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let fallback = hypercall.multiplex?.location ?? hypercall.location
    // Facts that are gone go with their op, so changes read in op order.
    func rank(_ key: String, _ offset: Int) -> (Int, UInt64, Int) {
      split(key).op.map { (1, $0, offset) } ?? (0, 0, offset)
    }
    let keys = (now.map(\.key) + locked.map(\.key).filter { new[$0] == nil }).enumerated()
      .sorted { rank($0.element, $0.offset) < rank($1.element, $1.offset) }.map(\.element)

    var changes: [FactChange] = []
    var seen: Set<String> = []
    for key in keys where seen.insert(key).inserted {
      let before = old[key]
      let after = new[key]?.value
      guard before != after else { continue }
      let (op, detail) = split(key)
      if let op {
        let opKey = ReleaseDescription.opKey(op)
        // Facts of an op that came or went are covered by the op's own change.
        if detail != nil && (old[opKey] == nil || new[opKey] == nil) { continue }
        let location = new[key]?.location ?? new[opKey]?.location ?? fallback
        guard let detail else {
          let message =
            switch (before, after) {
            case (nil, let name?): "op \(op) (\(name)) added"
            case (let name?, nil): "op \(op) (\(name)) removed"
            default: "op \(op) \(before!) -> \(after!)"
            }
          changes.append(FactChange(message: message, location: location))
          continue
        }
        let (oldName, newName) = (old[opKey] ?? "?", new[opKey]?.value ?? "?")
        let was = before ?? absent(detail, hypercall: hypercall.name, op: oldName)
        let now = after ?? absent(detail, hypercall: hypercall.name, op: newName)
        // A renamed op's default lineage is stated once it no longer follows the name.
        guard was != now else { continue }
        changes.append(FactChange(message: "op \(op) (\(newName)) \(detail) \(was) -> \(now)", location: location))
      } else {
        changes.append(
          FactChange(
            message: "\(key) \(before ?? absent(key)) -> \(after ?? absent(key))",
            location: new[key]?.location ?? fallback))
      }
    }
    return changes
  }

  /// `op 7 tools-only` -> (7, "tools-only"); `op 7` -> (7, nil); `op mask` -> (nil, nil).
  static func split(_ key: String) -> (op: UInt64?, detail: String?) {
    let words = key.split(separator: " ", maxSplits: 2)
    guard words.count >= 2, words[0] == "op", let number = UInt64(words[1]) else { return (nil, nil) }
    return (number, words.count == 3 ? String(words[2]) : nil)
  }

  /// How an omitted (default) fact reads in a change.
  static func absent(_ key: String, hypercall: String = "", op: String = "") -> String {
    switch key {
    case "tools-only", "hypervisor-internal": return "no"
    case "lineage": return "\(hypercall):\(op)"
    case "c name": return op
    default: return "none"
    }
  }
}
