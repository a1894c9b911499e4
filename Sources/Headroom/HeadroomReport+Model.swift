import ABIModel

extension HeadroomReport {
  /// The headroom of `release` (the newest release when `nil`), or `nil` for an unknown release.
  public init?(model: ABIModel, release name: String? = nil) {
    let found = name.map { model.releaseIndex(named: $0) } ?? model.releases.indices.last
    guard let index = found else { return nil }
    let release = model.releases[index]
    // Growth is measured along the development history (a release per line), the way releases
    // to come are counted; a point release adds the points of its own line before it.
    let history = ArraySlice(model.releases[...index].filter { $0.line == nil || $0.line == release.line })
    self.init(
      family: model.family, release: release.name,
      hypercalls: release.hypercalls.compactMap { hypercall in
        hypercall.multiplex.map { HypercallHeadroom(hypercall, $0, history: history, model: model) }
      })
  }
}

extension HypercallHeadroom {
  init(_ hypercall: Hypercall, _ multiplex: Multiplex, history: ArraySlice<Release>, model: ABIModel) {
    let highest = multiplex.subOps.map(\.number).max()
    let history = NumberHistory(lineage: hypercall.lineage, releases: history)
    self.init(
      hypercall: hypercall.name, opArgument: multiplex.opArgument.name,
      opMask: multiplex.opMask.value.map(hexString), maskName: multiplex.opMask.maskName,
      definedNumbers: Set(multiplex.subOps.map(\.number)).count, highestNumber: highest, history: history,
      maskReleasedIn: model.releases.first { release in
        release.status == .released
          && release.hypercall(lineage: hypercall.lineage)?.multiplex?.opMask.bits == multiplex.opMask.bits
      }?.name,
      numbers: model.guestWidths.map { width in
        let bits = multiplex.opMask.bits ?? multiplex.opWidth(guestWidth: width)
        let free = highest.map { lowBitsMask(bits) >= $0 ? lowBitsMask(bits) - $0 : 0 } ?? saturatingCapacity(bits)
        let releasesLeft = history.releasesLeft(free: free)
        return NumberHeadroom(
          guestWidth: width, guestABIs: guestABIs(of: hypercall, width: width, in: model), capacityBits: bits,
          free: free, releasesLeft: releasesLeft, verdict: RoomVerdict(free: free, releasesLeft: releasesLeft))
      },
      continuations: multiplex.subOps.flatMap { op in
        model.guestWidths.flatMap { width in
          // One entry per way the ABIs of the width continue the op: an op that continues on
          // some architectures only has progress headroom on those.
          var groups: [(ContinuationEncoding?, [String])] = []
          for abi in model.guestABIs where abi.width == width && hypercall.isDefined(for: abi.name) {
            let encoding = op.continuation(on: abi.architecture)
            if let index = groups.firstIndex(where: { $0.0 == encoding }) {
              groups[index].1.append(abi.name)
            } else {
              groups.append((encoding, [abi.name]))
            }
          }
          return groups.compactMap { encoding, abis in
            var viewed = op
            viewed.continuation = encoding
            return ProgressHeadroom(viewed, multiplex, guestWidth: width, guestABIs: abis)
          }
        }
      })
  }
}

extension NumberHistory {
  /// The history of the hypercall with this lineage over `releases` (oldest first, ending with
  /// the reported one).
  init(lineage: String, releases: ArraySlice<Release>) {
    let tables = releases.map { release in
      release.hypercall(lineage: lineage)?.multiplex.map { (release.name, Set($0.subOps.map(\.number))) }
    }
    guard let first = tables.firstIndex(where: { $0 != nil }), let (firstName, _) = tables[first] else {
      self.init(firstRelease: releases.last?.name ?? "", releases: 0, additions: 0, perRelease: nil)
      return
    }
    var additions = 0
    var previous = tables[first]!.1
    for table in tables[(first + 1)...] {
      let numbers = table?.1 ?? []
      additions += numbers.subtracting(previous).count
      previous = numbers
    }
    let steps = tables.count - 1 - first
    self.init(
      firstRelease: firstName, releases: steps, additions: additions,
      perRelease: steps > 0 ? Double(additions) / Double(steps) : nil)
  }

  /// Whole releases `free` numbers last at this rate; `nil` when there is no rate. Saturates
  /// at `UInt64.max` (a whole 64-bit register at a few numbers a release).
  func releasesLeft(free: UInt64) -> UInt64? {
    guard let perRelease, perRelease > 0 else { return nil }
    let left = (Double(free) / perRelease).rounded(.down)
    return left >= Double(UInt64.max) ? UInt64.max : UInt64(left)
  }
}

extension ProgressHeadroom {
  /// `nil` for an op that keeps no progress in the op register.
  init?(_ op: SubOp, _ multiplex: Multiplex, guestWidth: Int, guestABIs: [String]) {
    let width = multiplex.opWidth(guestWidth: guestWidth)
    let layout: Layout
    let shift: Int?
    let capacity: UInt64
    switch op.opRegisterLayout {
    case .none:
      return nil
    case .shifted(let value):
      (layout, shift) = (.shifted, value)
      capacity = value >= width ? 0 : lowBitsMask(width - value)
    case .rawAligned:
      (layout, shift) = (.raw, nil)
      capacity = lowBitsMask(width) & ~lowBitsMask(multiplex.opMask.bits ?? 0)
    }
    let declared = op.continuation?.bound
    let bound = declared?.maximum(guestWidth: guestWidth) ?? capacity
    self.init(
      subOp: op.name, progress: op.continuation?.progressName, layout: layout, shift: shift,
      step: layout == .raw ? lowBitsMask(multiplex.opMask.bits ?? 0) &+ 1 : nil, guestWidth: guestWidth,
      guestABIs: guestABIs, capacityBits: bitLength(capacity), boundBits: bitLength(bound),
      bound: declared.map(describe) ?? "none stated", spareBits: bitLength(capacity) - bitLength(bound))
  }
}

/// `2^bits` numbers, saturated to `UInt64.max` for a whole 64-bit register.
func saturatingCapacity(_ bits: Int) -> UInt64 {
  bits >= 64 ? UInt64.max : UInt64(1) << UInt64(bits)
}

func bitLength(_ value: UInt64) -> Int { 64 - value.leadingZeroBitCount }

func guestABIs(of hypercall: Hypercall, width: Int, in model: ABIModel) -> [String] {
  model.guestABIs.filter { $0.width == width && hypercall.isDefined(for: $0.name) }.map(\.name)
}

func describe(_ bound: ProgressBound) -> String {
  bound.summary
}
