import ABIModel
import Testing
import XenDispatch

/// The checked-in generated code against the model's own decoder and encoder, release by
/// release, at both guest widths.
@Suite struct GeneratedDecoderTests {
  /// Random values per hypercall and width, on top of the systematic ones.
  static let randomCount = 2000

  @Test(arguments: BundledSpec.generatedReleaseNames)
  func everyMultiplexedHypercallHasItsSubOpsAndLayout(release: String) throws {
    let generated = try #require(BundledSpec.generated(release), "no namespace for \(release)")
    let modelRelease = try #require(BundledSpec.model.release(named: release))
    #expect(generated.name == release)
    #expect(generated.inDevelopment == (modelRelease.status == .development))
    // Every table, a nested one (`memory_op.access_op`) after its hypercall's.
    let hypercalls = modelRelease.hypercalls.sorted { ($0.number, $0.name) < ($1.number, $1.name) }
    let expected = hypercalls.flatMap { hypercall in hypercall.tables.map { (hypercall, $0) } }
    #expect(generated.multiplexedHypercalls.map { $0.hypercallName } == expected.map(\.1.name))
    for (hypercall, table) in expected {
      let found = generated.multiplexedHypercall(named: table.name)
      let type = try #require(found)
      checkTable(type, against: hypercall, table.multiplex)
    }
  }

  func checkTable<Op: MultiplexedSubOp>(_ type: Op.Type, against hypercall: Hypercall, _ multiplex: Multiplex) {
    #expect(Op.hypercallNumber == hypercall.number)
    #expect(Op.layout.argumentIndex == multiplex.opArgument.index)
    #expect(Op.layout.maskBits == multiplex.opMask.bits)
    #expect(Op.layout.rejectsUnusedBits == (multiplex.unusedBits == .rejected))
    let cases = Op.allCases.map { "\($0.rawValue) \($0.cName)" }
    #expect(
      cases == multiplex.subOps.sorted { $0.number < $1.number }.map { "\($0.number) \($0.name)" })
    for width in BundledSpec.guestWidths {
      #expect(
        Op.layout.argumentType.bits(guestWidth: width) == multiplex.opWidth(guestWidth: width))
    }
  }

  @Test(arguments: BundledSpec.generatedReleaseNames)
  func decoderAndEncoderAgreeWithTheModel(release: String) throws {
    let generated = try #require(BundledSpec.generated(release))
    for type in generated.multiplexedHypercalls {
      // What every architecture shares, then each architecture's own reading (hvm_op 4.5's
      // raw-aligned continuations are x86's only).
      for architecture in [nil] + BundledSpec.model.architectures {
        let multiplex = try #require(
          BundledSpec.multiplex(release, type.hypercallName, architecture: architecture))
        for width in BundledSpec.guestWidths {
          let mismatches = compare(
            type, with: multiplex, guestWidth: width, architecture: architecture,
            label: "\(release) \(type.hypercallName)")
          #expect(
            mismatches.isEmpty,
            "\(release) \(type.hypercallName) \(width)-bit \(architecture ?? "shared"): \(mismatches.count) mismatches, first: \(mismatches.prefix(8).joined(separator: "; "))"
          )
        }
      }
    }
  }

  /// Every disagreement between the generated code and the model, described.
  func compare<Op: MultiplexedSubOp>(
    _ type: Op.Type, with multiplex: Multiplex, guestWidth width: Int, architecture: String? = nil, label: String
  ) -> [String] {
    var mismatches: [String] = []
    func decodes(_ value: UInt64) {
      let generated = Op.decode(value, guestWidth: width, architecture: architecture)
      let reference = multiplex.decode(value, guestWidth: width)
      if !agrees(generated, reference) {
        mismatches.append(
          "decode 0x\(String(value, radix: 16)): generated \(generated), model \(reference)")
      }
    }
    for value in valuesToDecode(multiplex, guestWidth: width, label: label) { decodes(value) }

    for op in multiplex.subOps {
      guard let generatedOp = Op(rawValue: op.number) else {
        mismatches.append("no case for \(op.name)")
        continue
      }
      let maximum = multiplex.maximumProgress(of: op, guestWidth: width)
      if generatedOp.maximumProgress(guestWidth: width, architecture: architecture) != maximum {
        mismatches.append(
          "\(op.name): maximum progress \(generatedOp.maximumProgress(guestWidth: width, architecture: architecture)), model \(maximum)"
        )
      }
      for progress in progressValues(maximum: maximum, step: (multiplex.opMask.value ?? 0) &+ 1) {
        let encoded = generatedOp.encode(progress: progress, guestWidth: width, architecture: architecture)
        let reference = multiplex.encode(op, progress: progress, guestWidth: width)
        if encoded != reference {
          mismatches.append(
            "\(op.name) encode \(progress): generated \(String(describing: encoded)), model \(String(describing: reference))"
          )
        }
        if let reference { decodes(reference) }
      }
    }
    return mismatches
  }

  /// Every op field value, single high bits and all high bits on every op, the mask's own
  /// boundaries, and seeded random values (anything, and a real op under random high bits).
  func valuesToDecode(_ multiplex: Multiplex, guestWidth: Int, label: String) -> [UInt64] {
    var values: [UInt64] = []
    let mask = multiplex.opMask.value
    let largest = multiplex.subOps.map(\.number).max() ?? 0
    values += Array(0...(mask ?? (largest + 64)))
    for op in multiplex.subOps {
      values += (0..<64).map { op.number | (UInt64(1) << UInt64($0)) }
      if let mask {
        values += [op.number | ~mask, op.number | (mask + 1), op.number | ((mask + 1) << 1)]
        values += (0..<64).map { op.number | (~mask & ~lowBitsMask($0)) }
      }
    }
    if let bits = multiplex.opMask.bits {
      values += [
        lowBitsMask(bits), lowBitsMask(bits) + 1, lowBitsMask(bits - 1) + 1, UInt64.max,
        UInt64(UInt32.max),
      ]
    }
    var random = SeededGenerator(seed: seed("\(label) \(guestWidth)"))
    let numbers = multiplex.subOps.map(\.number)
    for _ in 0..<Self.randomCount {
      values.append(random.next())
      let high = random.next() & ~(mask ?? 0)
      values.append(numbers[Int(random.next() % UInt64(numbers.count))] | high)
    }
    return values
  }

  /// 0, 1, a step, the bound and one past it, and values either side of a step.
  func progressValues(maximum: UInt64, step: UInt64) -> [UInt64] {
    var values: [UInt64] = [0, 1, step, step &* 2, step &- 1, maximum, maximum &+ 1, maximum &- 1]
    if maximum > step { values += [maximum &- step, maximum / 2, (maximum / 2) & ~(step &- 1)] }
    values += [UInt64.max, UInt64(UInt32.max), UInt64(UInt32.max) + 1]
    return values
  }
}
