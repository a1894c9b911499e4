import ABIModel

/// The register values the probe is asked about, chosen from the spec: every op number, the
/// mask boundaries, high bits, each progress bound and one past it, and seeded random values.
struct ProbeValues {
  /// Random decode values per hypercall and width, for the guests' real widths.
  var randomPerWidth = 1000
  /// Widths no guest has (0, odd, beyond 64): the helpers must still agree, with fewer values.
  var oddWidths = [0, 1, 31, 33, 63, 65, 4_294_967_295]
  var randomPerOddWidth = 40

  func queries(model: ABIModel, release: Release, header: String, seed: UInt64) -> [ProbeQuery] {
    var generator = SplitMix64(seed: seed)
    var out: [ProbeQuery] = []
    let widths = model.guestWidths.map { ($0, randomPerWidth) } + oddWidths.map { ($0, randomPerOddWidth) }
    for hypercall in release.hypercalls {
      for (width, randomCount) in widths {
        // Every table, nested ones (`memory_op.access_op`) asked under their own name.
        for table in hypercall.tables {
          var named = hypercall
          named.name = table.name
          out += queries(
            header, named, table.multiplex, width: width, randomCount: randomCount,
            thorough: model.guestWidths.contains(width), &generator)
        }
        if let flag = hypercall.countFlag {
          out += queries(header, hypercall, flag, width: width, randomCount: randomCount / 4, &generator)
        }
      }
    }
    return out
  }

  static let boundaries: [UInt64] = [
    0, 1, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0x1_0000_0000, 0x8000_0000_0000_0000, UInt64.max,
  ]

  func queries(
    _ header: String, _ hypercall: Hypercall, _ multiplex: Multiplex, width: Int, randomCount: Int,
    thorough: Bool, _ generator: inout SplitMix64
  ) -> [ProbeQuery] {
    let mask = multiplex.opMask.value ?? UInt64.max
    let maskBits = multiplex.opMask.bits ?? 64
    let numbers = multiplex.subOps.map(\.number)
    // Numbers no op has: just past the table, the mask itself, and beyond it.
    let unknown = [(numbers.max() ?? 0) &+ 1, mask, mask &+ 1, UInt64.max].filter { !numbers.contains($0) }
    var values = Self.boundaries + [mask, mask &+ 1, mask &- 1, ~mask, lowBitsMask(width), lowBitsMask(width) &+ 1]
    var encodes: [(UInt64, UInt64)] = []
    for op in multiplex.subOps {
      values += [op.number, op.number | ~mask, op.number | (lowBitsMask(width) & ~mask)]
      var progresses: [UInt64] = [0, 1, mask &+ 1, UInt64.max]
      var bits = [maskBits - 1, maskBits, maskBits + 1, 31, 32, 63]
      if case .shifted(let shift) = op.opRegisterLayout { bits += [shift - 1, shift, shift + 1] }
      if op.opRegisterLayout != .none {
        let bound = multiplex.maximumProgress(of: op, guestWidth: width)
        progresses += [mask, bound, bound &+ 1, bound &+ (mask &+ 1)]
      }
      if thorough && op.opRegisterLayout != .none {
        let bound = multiplex.maximumProgress(of: op, guestWidth: width)
        progresses += (0..<4).map { _ in generator.next() }
        progresses += (0..<4).map { _ in generator.next() & ~mask }
        progresses += (0..<4).map { _ in generator.next() % (bound &+ 1 == 0 ? UInt64.max : bound &+ 1) }
      }
      values += bits.filter { (0..<64).contains($0) }.map { op.number | (UInt64(1) << UInt64($0)) }
      for progress in progresses {
        encodes.append((op.number, progress))
        guard op.opRegisterLayout != .none else { continue }
        // The value a continuation at this progress writes, and the same without the wrap.
        if let encoded = multiplex.encode(op, progress: progress, guestWidth: width) { values.append(encoded) }
        if case .shifted(let shift) = op.opRegisterLayout, shift < 64 {
          values.append(op.number | (progress << UInt64(shift)))
        } else {
          values.append(op.number | progress)
        }
      }
    }
    for number in unknown {
      encodes += [(number, 0), (number, 1)]
    }
    for _ in 0..<randomCount {
      let random = generator.next()
      switch random % 4 {
      case 0: values.append(generator.next())
      case 1: values.append(generator.next() & lowBitsMask(width))
      case 2: values.append(generator.next() % 4096)
      default:
        // A real op number under random high bits: exercises the progress and policy paths.
        let op = numbers.isEmpty ? 0 : numbers[Int(generator.next() % UInt64(numbers.count))]
        values.append((generator.next() & ~mask) | op)
      }
    }
    var out = values.map { ProbeQuery.decode(header, hypercall, multiplex, width: width, value: $0) }
    out += encodes.map {
      ProbeQuery.encode(header, hypercall, multiplex, width: width, op: $0.0, progress: $0.1)
    }
    out += (numbers + unknown).map { ProbeQuery.maximum(header, hypercall, multiplex, width: width, op: $0) }
    return out
  }

  func queries(
    _ header: String, _ hypercall: Hypercall, _ flag: CountFlagEncoding, width: Int, randomCount: Int,
    _ generator: inout SplitMix64
  ) -> [ProbeQuery] {
    var values = Self.boundaries + [flag.flagValue, flag.flagValue &- 1, flag.flagValue | 1, flag.flagValue << 1]
    values += (0..<randomCount).map { _ in generator.next() }
    return values.map { ProbeQuery.countDecode(header, hypercall, flag, width: width, value: $0) }
      + values.map { ProbeQuery.countEncode(header, hypercall, flag, width: width, remaining: $0) }
  }
}
