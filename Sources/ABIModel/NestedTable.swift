/// A further sub-op table of a hypercall, in a word of its own: Xen's `XENMEM_access_op` reads
/// a second op from `xen_mem_access_op.op` in the structure its argument 1 points to, and
/// `vm_assist` reads `type` from its argument 1 for every `cmd`. The table is an ordinary
/// `Multiplex` (its word, mask, ops and continuations), so every property the checker proves of
/// a hypercall's main table it proves of this one, keyed `memory_op.access_op`.
public struct NestedTable: Hashable, Sendable, Codable {
  /// `access_op`; reports and accepted breaks name the table `memory_op.access_op`.
  public var name: String
  /// The op of the hypercall's main table (by name, in the same release) whose calls decode this
  /// table; `nil` when every call does (`vm_assist`'s `type`).
  public var selectedBy: String?
  /// The guest structure whose field is the table's word (`xen_mem_access_op`), reached through
  /// argument `table.opArgument.index`; `nil` when the word is that argument register itself.
  public var structure: String?
  /// The word (`table.opArgument`: the field or register, its name and C type), its mask and its
  /// ops.
  public var table: Multiplex
  /// Where the table was read (tag or commit).
  public var source: String?
  public var location: SourceLocation

  public init(
    name: String, selectedBy: String? = nil, structure: String? = nil, table: Multiplex, source: String? = nil,
    location: SourceLocation = .unknown
  ) {
    self.name = name
    self.selectedBy = selectedBy
    self.structure = structure
    self.table = table
    self.source = source
    self.location = location
  }

  /// The word in reports: `xen_mem_access_op.op` or the argument's name (`type`).
  public var wordName: String {
    structure.map { "\($0).\(table.opArgument.name)" } ?? table.opArgument.name
  }
}

/// One sub-op table of a hypercall as the checker, the decoder and the emitters read it: the
/// main table (`memory_op`) or a nested one (`memory_op.access_op`). Every consumer iterates
/// these instead of knowing where a table sits.
public struct HypercallTable: Hashable, Sendable {
  /// `memory_op` or `memory_op.access_op`: how reports, findings and accepted breaks name it.
  public var name: String
  /// Identity across releases: the hypercall's lineage, then `.access_op` for a nested table
  /// (a nested table keeps its identity as long as its hypercall and its name do).
  public var lineage: String
  /// The hypercall's own name.
  public var hypercall: String
  /// `nil` for the main table.
  public var nested: NestedTable?
  public var multiplex: Multiplex

  /// The separator of a nested table's name from its hypercall's: `memory_op.access_op`.
  public static let separator: Character = "."

  public var isNested: Bool { nested != nil }

  /// Where the op is, for generated comments: `'cmd' (argument 0, unsigned long)`, or for a
  /// nested table `'op' of struct xen_mem_access_op (through argument 1, uint8_t field)`.
  public var wordDescription: String {
    let argument = multiplex.opArgument
    if let structure = nested?.structure {
      return "'\(argument.name)' of struct \(structure) (through argument \(argument.index), \(argument.type.rawValue))"
    }
    return "'\(argument.name)' (argument \(argument.index), \(argument.type.rawValue))"
  }

  /// `, nested: selected by XENMEM_access_op` (or `, nested: every call`); empty for a main table.
  public var nestingNote: String {
    guard let nested else { return "" }
    return ", nested: " + (nested.selectedBy.map { "selected by \($0)" } ?? "every call")
  }

  /// The name as generated identifiers spell it: `memory_op`, `memory_op_access_op`.
  public var identifier: String {
    String(name.map { $0 == Self.separator ? "_" : $0 })
  }
}

extension Hypercall {
  /// Every sub-op table, the main one first, then the nested ones in declaration order.
  public var tables: [HypercallTable] {
    (0...nestedTables.count).compactMap { table(at: $0) }
  }

  /// The table at a position: 0 is the main table, `n` the nested table `n - 1`; `nil` where
  /// there is none (a hypercall with nested tables only, or a position beyond them). The checker
  /// keeps these positions, so a hypercall's main table is 0 whether or not it has nested ones.
  public func table(at position: Int) -> HypercallTable? {
    if position == 0 {
      return multiplex.map { HypercallTable(name: name, lineage: lineage, hypercall: name, nested: nil, multiplex: $0) }
    }
    guard position > 0, position <= nestedTables.count else { return nil }
    let nested = nestedTables[position - 1]
    return HypercallTable(
      name: "\(name)\(HypercallTable.separator)\(nested.name)",
      lineage: "\(lineage)\(HypercallTable.separator)\(nested.name)", hypercall: name, nested: nested,
      multiplex: nested.table)
  }

  /// The name of the table at a position (the hypercall's own for 0), as reports give it.
  public func tableName(at position: Int) -> String {
    position > 0 && position <= nestedTables.count
      ? "\(name)\(HypercallTable.separator)\(nestedTables[position - 1].name)" : name
  }

  public func nestedTable(named name: String) -> NestedTable? {
    nestedTables.first { $0.name == name }
  }
}

extension Release {
  /// The table of this lineage (`memory_op`, or `memory_op.access_op`), if the release has it.
  /// Only the matching table is made: a history's accepted breaks ask this of every release.
  public func table(lineage: String) -> HypercallTable? {
    for hypercall in hypercalls where lineage.hasPrefix(hypercall.lineage) {
      if lineage == hypercall.lineage, let main = hypercall.table(at: 0) { return main }
      for (position, nested) in hypercall.nestedTables.enumerated()
      where lineage == "\(hypercall.lineage)\(HypercallTable.separator)\(nested.name)" {
        return hypercall.table(at: position + 1)
      }
    }
    return nil
  }
}
