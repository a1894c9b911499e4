/// The macros a header defines so far. The same name twice with the same value is emitted once
/// (`MMU_UPDATE_PREEMPTED` belongs to both `mmu_update` and `mmuext_op`); the same name with two
/// values becomes an `#error`, since either definition alone would be wrong for someone.
struct CSymbolTable {
  private var values: [String: (value: String, owner: String)] = [:]

  /// The item that defines `name` for `owner` (a hypercall), or `nil` when it already is.
  mutating func define(_ name: String, _ value: String, owner: String, comment: String? = nil) -> CItem? {
    if let existing = values[name] {
      if existing.value == value { return nil }
      return .error(
        "abigen: \(name) is \(existing.value) for \(existing.owner) but \(value) for \(owner); the spec must rename one"
      )
    }
    values[name] = (value, owner)
    return .define(name: name, value: value, comment: comment)
  }
}

/// An item and the preprocessor conditions it sits under, outermost first.
struct GuardedItem {
  var conditions: [String]
  var item: CItem

  /// Consecutive items under the same conditions share one `#if` block, nested as Xen nests
  /// them (the tools-only guard outside, an interface-version guard inside).
  static func nest(_ entries: [GuardedItem]) -> [CItem] {
    var out: [CItem] = []
    var index = entries.startIndex
    while index < entries.endIndex {
      guard let first = entries[index].conditions.first else {
        out.append(entries[index].item)
        index += 1
        continue
      }
      var end = index
      while end < entries.endIndex && entries[end].conditions.first == first { end += 1 }
      let inner = entries[index..<end].map {
        GuardedItem(conditions: Array($0.conditions.dropFirst()), item: $0.item)
      }
      out.append(.conditional(first, nest(inner)))
      index = end
    }
    return out
  }
}
