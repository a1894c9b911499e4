import ABIModel

/// Everything about a multiplexed hypercall that decides how one release decodes its op
/// register for one guest width, and nothing else (no names, sources or locations). Two
/// obligations over equal shapes are the same query, so the checker proves each shape once.
public struct DecoderShape: Hashable, Sendable {
  public struct Op: Hashable, Sendable {
    public var number: UInt64
    /// Dense id of the op's lineage (identity across releases); never 0, which means rejected.
    public var identity: Int
    public var layout: Layout
    /// Largest progress the release creates for this op (0 when the register carries none).
    public var maximumProgress: UInt64
  }

  public enum Layout: Hashable, Sendable {
    case none
    case shifted(Int)
    case rawAligned
  }

  /// Width of the op argument in bits.
  public var opWidth: Int
  /// `nil`: the whole register is the op.
  public var maskBits: Int?
  public var unusedBits: UnusedBitsPolicy
  /// Ordered by number.
  public var ops: [Op]

  public init(_ multiplex: Multiplex, guestWidth: Int, identities: IdentityTable) {
    opWidth = multiplex.opWidth(guestWidth: guestWidth)
    maskBits = multiplex.opMask.bits
    unusedBits = multiplex.unusedBits
    ops = multiplex.subOps.map { op in
      let layout: Layout =
        switch op.opRegisterLayout {
        case .none: .none
        case .shifted(let shift): .shifted(shift)
        case .rawAligned: .rawAligned
        }
      return Op(
        number: op.number, identity: identities.id(of: op.lineage), layout: layout,
        maximumProgress: multiplex.maximumProgress(of: op, guestWidth: guestWidth))
    }
  }

  public var mask: UInt64? { maskBits.map(lowBitsMask) }

  /// Bits of the op field.
  var fieldBits: Int { min(maskBits ?? opWidth, opWidth) }

  /// Whether every value written for `op` has `op.number` in the op field, so that only the
  /// ops with that number can ever decode it.
  func keepsItsField(_ op: Op) -> Bool {
    guard op.number <= lowBitsMask(fieldBits) else { return false }
    switch op.layout {
    case .none: return true
    // Without a mask, progress in the register changes the whole op.
    case .shifted(let shift): return maskBits != nil && shift >= fieldBits
    case .rawAligned: return maskBits != nil
    }
  }

  /// The ops numbered `number` only: the exact part of the decoder that sees `number`'s field.
  func slice(number: UInt64) -> DecoderShape {
    var sliced = self
    sliced.ops = ops.filter { $0.number == number }
    return sliced
  }

  /// The shape with its ops' identities renumbered 1, 2, ... in table order. Whether a value is
  /// live does not depend on which lineages the ops have, so the same decoder on both sides of a
  /// migration is one question for every table whose ops are laid out alike (most of a long
  /// history's pairs).
  var renumbered: DecoderShape {
    var shape = self
    for index in shape.ops.indices { shape.ops[index].identity = index + 1 }
    return shape
  }

  /// The op numbers, each once, in table order.
  var numbers: [UInt64] {
    var seen: Set<UInt64> = []
    return ops.map(\.number).filter { seen.insert($0).inserted }
  }

  /// One slice per op number when every op keeps its field (then a property of each op's
  /// values depends only on the ops at its number, and releases that leave those ops alone
  /// share the query); the whole decoder otherwise.
  var slicesByNumber: [DecoderShape] {
    guard ops.allSatisfy(keepsItsField) else { return [self] }
    var numbers: [UInt64] = []
    for op in ops where !numbers.contains(op.number) { numbers.append(op.number) }
    return numbers.map(slice(number:))
  }

  /// The part of this (newer) decoder that can see a live value of `older`, every one of whose
  /// ops keeps its number in its op field: the ops whose number can be this decoder's field of
  /// such a value. Ops at other numbers never decode it, so the query over the slice is the same
  /// question with fewer terms, and releases that only add ops elsewhere share it.
  func slice(seenBy older: DecoderShape) -> DecoderShape {
    guard older.opWidth == opWidth, older.ops.allSatisfy(older.keepsItsField) else { return self }
    let olderNumbers = Set(older.ops.map(\.number))
    var sliced = self
    sliced.ops = ops.filter { op in
      switch (older.maskBits, maskBits) {
      case (nil, nil):
        return olderNumbers.contains(op.number)
      case (nil, .some(let bits)):
        // The older value is the number itself; this decoder reads its low bits.
        return olderNumbers.contains { $0 & lowBitsMask(bits) == op.number }
      case (.some(let olderBits), nil):
        return olderNumbers.contains(op.number & lowBitsMask(olderBits))
      case (.some(let olderBits), .some(let bits)):
        return bits >= olderBits
          ? olderNumbers.contains(op.number & lowBitsMask(olderBits))
          : olderNumbers.contains { $0 & lowBitsMask(bits) == op.number }
      }
    }
    return sliced
  }
}

/// Dense integer ids for lineages, so identities can be compared inside a solver query.
public struct IdentityTable: Sendable {
  private var ids: [String: Int] = [:]

  public init(_ model: ABIModel) {
    var next = 1
    func add(_ lineage: String) {
      if ids[lineage] == nil {
        ids[lineage] = next
        next += 1
      }
    }
    for release in model.releases {
      for hypercall in release.hypercalls {
        add("hypercall " + hypercall.lineage)
        for table in hypercall.tables {
          for op in table.multiplex.subOps { add(op.lineage) }
        }
      }
    }
  }

  public func id(of lineage: String) -> Int { ids[lineage] ?? 0 }
  public func id(ofHypercall lineage: String) -> Int { ids["hypercall " + lineage] ?? 0 }
}

/// The `__HYPERVISOR_*` table of one release as one guest ABI sees it: number -> identity.
public struct TableShape: Hashable, Sendable {
  public var entries: [UInt64: Int]

  public init(_ release: Release, abi: String, identities: IdentityTable) {
    var entries: [UInt64: Int] = [:]
    for hypercall in release.hypercalls where hypercall.isDefined(for: abi) {
      entries[hypercall.number] = identities.id(ofHypercall: hypercall.lineage)
    }
    self.entries = entries
  }
}

extension TableShape {
  /// Bits of a continuation slot below the hypercall number: the op's identity.
  public static let continuationSlotShift: UInt64 = 20

  /// The continuations a release re-issues as another hypercall (`hypercall_rewrite`), for one
  /// guest ABI (of `architecture`: a continuation its architecture does not make is no slot):
  /// slot (the number the call is re-issued as, above the identity of the op it continues) ->
  /// the identity of the hypercall that number names. A newer release must have every slot of
  /// an older one with the same hypercall; slots only the newer has are new continuations,
  /// which no older guest carries.
  public init(continuationTargetsOf release: Release, abi: String, architecture: String, identities: IdentityTable) {
    var entries: [UInt64: Int] = [:]
    for hypercall in release.hypercalls where hypercall.isDefined(for: abi) {
      for op in hypercall.multiplex?.subOps ?? [] {
        guard let name = op.continuation(on: architecture)?.switchesTo, let target = release.hypercall(named: name),
          target.isDefined(for: abi)
        else { continue }
        let slot = target.number << Self.continuationSlotShift | UInt64(identities.id(of: op.lineage))
        entries[slot] = identities.id(ofHypercall: target.lineage)
      }
    }
    self.entries = entries
  }
}

/// A count argument with a resumed-call flag, for one guest width.
public struct CountFlagShape: Hashable, Sendable {
  public var argumentWidth: Int
  /// `nil` when the release has no flag: every count is a fresh call of that many entries.
  public var flagBit: Int?
  /// Whether the release writes and reads the sentinel continuation (count = the flag alone,
  /// its handle arguments NULL).
  public var sentinel: Bool

  public init(_ encoding: CountFlagEncoding, guestWidth: Int) {
    self.init(encoding, argument: encoding.argument, guestWidth: guestWidth)
  }

  public init(_ encoding: CountFlagEncoding?, argument: ArgumentSlot, guestWidth: Int) {
    argumentWidth = argument.type.bits(guestWidth: guestWidth)
    flagBit = encoding?.flagBit
    sentinel = encoding?.sentinel != nil
  }
}
