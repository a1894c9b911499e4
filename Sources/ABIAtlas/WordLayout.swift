/// What the atlas draws, in its own terms: a hypercall's history as the words it decodes (today
/// the op register and a count register), each a set of bit fields per release. Only
/// `AtlasModel+ABIModel.swift` turns the model into these values, so the drawing code does not
/// depend on how the model states masks, shifts or continuations.
public struct BitField: Hashable, Sendable {
  public enum Role: String, Hashable, Sendable, CaseIterable {
    /// Selects the sub-op.
    case op
    /// Progress of a preempted call, kept in the word.
    case progress
    /// One bit that marks something (`MMU_UPDATE_PREEMPTED`).
    case flag
    /// The value of a count.
    case count
    /// Masked off and ignored by the release.
    case ignored
    /// Must be zero: the release fails the call (-ENOSYS) when one is set.
    case reserved
    /// Above the progress bound: the release refuses a continuation that sets one.
    case refused

    /// How the role reads in a legend.
    public var label: String {
      switch self {
      case .op: return "op field"
      case .progress: return "progress"
      case .flag: return "flag"
      case .count: return "count"
      case .ignored: return "ignored"
      case .reserved: return "reserved (-ENOSYS)"
      case .refused: return "beyond bound (refused)"
      }
    }
  }

  public var role: Role
  /// The lowest bit.
  public var low: Int
  /// Number of bits.
  public var width: Int
  /// What the bits hold, in the spec's words (`op`, `start_extent`).
  public var name: String
  /// The rest of what the spec says about it (`MEMOP_CMD_MASK = 0x3f`, `<< 6, <= UINT_MAX >> 6`).
  public var detail: String

  public init(role: Role, low: Int, width: Int, name: String, detail: String = "") {
    self.role = role
    self.low = low
    self.width = width
    self.name = name
    self.detail = detail
  }

  /// The highest bit.
  public var high: Int { low + width - 1 }

  /// `bits 6-31` or `bit 31`.
  public var bitsText: String { width == 1 ? "bit \(low)" : "bits \(low)-\(high)" }
}

/// The fields of a word as some of a release's ops read it: one row of a diagram.
public struct LayoutRow: Hashable, Sendable {
  /// Who reads the word this way (`every op`, `continuations of XENMEM_increase_reservation`).
  public var title: String
  /// The ops the row is for; empty for a row about every op.
  public var ops: [String]
  /// Low bit first, covering the word without gaps.
  public var fields: [BitField]

  public init(title: String, ops: [String], fields: [BitField]) {
    self.title = title
    self.ops = ops
    self.fields = fields
  }
}

/// One word a hypercall decodes (a register argument today; a guest-struct field later) as one
/// release lays it out for guests of one register width.
public struct WordLayout: Hashable, Sendable {
  /// `cmd`, `count`.
  public var word: String
  /// `argument 0, unsigned long`.
  public var declaration: String
  /// Bits drawn.
  public var bits: Int
  /// Narrower widths the same word has for other guests (32 for a 32-bit guest's `unsigned long`).
  public var narrowerWidths: [Int]
  public var rows: [LayoutRow]

  public init(word: String, declaration: String, bits: Int, narrowerWidths: [Int] = [], rows: [LayoutRow]) {
    self.word = word
    self.declaration = declaration
    self.bits = bits
    self.narrowerWidths = narrowerWidths
    self.rows = rows
  }

  /// The row that applies to `op` (by name), or the row for every op.
  public func row(for op: String?) -> LayoutRow? {
    if let op, let row = rows.first(where: { $0.ops.contains(op) }) { return row }
    return rows.first
  }
}

/// One thing that changed in a release, with where the spec says it was read.
public struct ChangeNote: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    case added, removed, renamed, renumbered, mask, policy, continuation, toolsOnly = "tools-only", hypercall
  }

  public var kind: Kind
  public var text: String
  /// A commit or tag; `nil` where the spec does not say.
  public var source: String?
  /// Whether the change moves bits of a word (what starts a new layout group).
  public var changesLayout: Bool

  public init(kind: Kind, text: String, source: String?, changesLayout: Bool) {
    self.kind = kind
    self.text = text
    self.source = source
    self.changesLayout = changesLayout
  }
}

/// One sub-op as a release defines it.
public struct OpEntry: Hashable, Sendable {
  public var lineage: String
  public var name: String
  public var number: UInt64
  public var toolsOnly: Bool
  /// How it continues (`cmd_shifted_index << 6, progress <= UINT_MAX >> 6`); `nil` when it does not.
  public var continuation: String?
}

/// A nested sub-op table of a hypercall in one release (`memory_op.access_op`).
public struct NestedTableSnapshot: Hashable, Sendable {
  /// `memory_op.access_op`.
  public var name: String
  /// `selected by XENMEM_access_op`, or `every call`.
  public var selection: String
  /// `xen_mem_access_op.op (uint8_t field, through argument 1)`.
  public var word: String
  public var ops: [OpEntry]
}

/// A hypercall in one release.
public struct HypercallSnapshot: Hashable, Sendable {
  public var release: String
  public var name: String
  public var number: UInt64
  /// At the widest guest width.
  public var words: [WordLayout]
  public var ops: [OpEntry]
  /// Its nested tables, each drawn as a word of `words` and listed with its ops.
  public var nestedTables: [NestedTableSnapshot] = []
  /// `0x3f (MEMOP_CMD_MASK)`, `whole register`; `nil` without a sub-op table.
  public var mask: String?
  /// Progress shifts and the macros that name them (`MEMOP_EXTENT_SHIFT = 6`).
  public var shifts: [String]
  /// What the release does with bits above the mask (`ignored`, `rejected`).
  public var unusedBits: String?
  /// What changed since the release before it that defined the hypercall (empty for its first).
  public var changes: [ChangeNote]
  /// The tag or commit the release was read at.
  public var releaseSource: String?
}

/// A hypercall's whole history, under its newest name.
public struct HypercallHistory: Sendable {
  public var lineage: String
  /// The newest name.
  public var name: String
  /// The page it gets (`memory_op.html`).
  public var page: String
  /// The releases that define it, oldest first.
  public var snapshots: [HypercallSnapshot]
}
