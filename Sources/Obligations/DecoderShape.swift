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
        for op in hypercall.multiplex?.subOps ?? [] { add(op.lineage) }
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

/// A count argument with a resumed-call flag, for one guest width.
public struct CountFlagShape: Hashable, Sendable {
  public var argumentWidth: Int
  public var flagBit: Int

  public init(_ encoding: CountFlagEncoding, guestWidth: Int) {
    argumentWidth = encoding.argument.type.bits(guestWidth: guestWidth)
    flagBit = encoding.flagBit
  }
}
