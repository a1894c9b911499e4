/// What a release makes of an op-register value: the sub-op it runs and the progress it
/// resumes at, or the error it returns. This is the model's own reference decoder; proofs,
/// counterexample replay and the generated code are all compared against it.
public enum DecodedOp: Hashable, Sendable, CustomStringConvertible {
  case subOp(SubOp, progress: UInt64)
  case rejected(RejectReason)

  public enum RejectReason: String, Hashable, Sendable {
    /// No sub-op has the number in the op field.
    case unknownOp = "unknown op"
    /// High bits set on an op that keeps no progress there, in a release that rejects them.
    case unusedBitsSet = "unused high bits set"
    /// Progress bits not aligned to the mask's step (cannot come from this release).
    case misaligned = "misaligned progress"
  }

  /// The sub-op, if the value decodes to one.
  public var subOp: SubOp? {
    if case .subOp(let op, _) = self { return op }
    return nil
  }

  public var progress: UInt64? {
    if case .subOp(_, let progress) = self { return progress }
    return nil
  }

  public var description: String {
    switch self {
    case .subOp(let op, let progress):
      return progress == 0 ? op.name : "\(op.name) resuming at \(progress)"
    case .rejected(let reason):
      return "-ENOSYS (\(reason.rawValue))"
    }
  }
}

extension Multiplex {
  /// Width in bits of the op argument for a guest of the given register width.
  public func opWidth(guestWidth: Int) -> Int {
    opArgument.type.bits(guestWidth: guestWidth)
  }

  /// Decodes an op-register value the way this release does. Bits beyond the argument's width
  /// are dropped first, as the hypervisor never sees them.
  public func decode(_ rawValue: UInt64, guestWidth: Int) -> DecodedOp {
    let width = opWidth(guestWidth: guestWidth)
    let value = rawValue & lowBitsMask(width)
    guard let maskBits = opMask.bits else {
      guard let op = subOp(number: value) else { return .rejected(.unknownOp) }
      return .subOp(op, progress: 0)
    }
    let mask = lowBitsMask(maskBits)
    guard let op = subOp(number: value & mask) else { return .rejected(.unknownOp) }
    let high = value & ~mask
    switch op.opRegisterLayout {
    case .shifted(let shift):
      // Bits between the mask and the shift carry nothing; they follow the release's policy.
      let gap = high & lowBitsMask(shift)
      if gap != 0 && unusedBits == .rejected { return .rejected(.unusedBitsSet) }
      return .subOp(op, progress: shift >= 64 ? 0 : value >> UInt64(shift))
    case .rawAligned:
      return .subOp(op, progress: high)
    case .none:
      if high != 0 && unusedBits == .rejected { return .rejected(.unusedBitsSet) }
      return .subOp(op, progress: 0)
    }
  }

  /// Builds the op-register value this release writes for `op` preempted at `progress`, or
  /// `nil` when the op cannot carry that progress in the register (not continuable there, or a
  /// raw progress not aligned to the mask's step). Arithmetic wraps at the argument's width,
  /// as the C does.
  public func encode(_ op: SubOp, progress: UInt64, guestWidth: Int) -> UInt64? {
    let width = opWidth(guestWidth: guestWidth)
    switch op.opRegisterLayout {
    case .shifted(let shift):
      let shifted = shift >= 64 ? 0 : progress << UInt64(shift)
      return (op.number | shifted) & lowBitsMask(width)
    case .rawAligned:
      guard let maskBits = opMask.bits, progress & lowBitsMask(maskBits) == 0 else { return nil }
      return (op.number | progress) & lowBitsMask(width)
    case .none:
      return progress == 0 ? op.number & lowBitsMask(width) : nil
    }
  }

  /// The largest progress `op` can be preempted at for a guest of this width: the declared
  /// bound, or what the register holds above the op field when none is declared.
  public func maximumProgress(of op: SubOp, guestWidth: Int) -> UInt64 {
    let width = opWidth(guestWidth: guestWidth)
    switch op.opRegisterLayout {
    case .none:
      return 0
    case .shifted(let shift):
      let capacity = shift >= width ? 0 : lowBitsMask(width) >> UInt64(shift)
      return op.continuation?.bound?.maximum(guestWidth: guestWidth) ?? capacity
    case .rawAligned:
      let capacity = lowBitsMask(width) & ~lowBitsMask(opMask.bits ?? 0)
      let declared = op.continuation?.bound?.maximum(guestWidth: guestWidth) ?? capacity
      return declared & ~lowBitsMask(opMask.bits ?? 0)
    }
  }
}

extension Multiplex {
  /// The decoder of a hypercall that has no sub-op table, for the values an older release
  /// wrote through `older`'s op argument: it rejects every one (the conservative reading, that it
  /// runs none of the older release's ops).
  public static func withoutSubOps(readingValuesOf older: Multiplex, location: SourceLocation = .unknown)
    -> Multiplex
  {
    Multiplex(
      opArgument: older.opArgument, opMask: .wholeRegister, unusedBits: .rejected, subOps: [], location: location)
  }
}

extension CountFlagEncoding {
  /// What a release reads from the count argument: whether the call is a resumed one, and the
  /// remaining count.
  public func decode(_ rawValue: UInt64, guestWidth: Int) -> (resumed: Bool, remaining: UInt64) {
    let value = rawValue & lowBitsMask(argument.type.bits(guestWidth: guestWidth))
    return (value & flagValue != 0, value & ~flagValue)
  }

  /// What a release reads from the count argument, given whether the sentinel's handle
  /// arguments are NULL: the sentinel only where the release has one, otherwise as `decode`.
  public func reading(_ rawValue: UInt64, nullHandles: Bool, guestWidth: Int) -> CountReading {
    let value = rawValue & lowBitsMask(argument.type.bits(guestWidth: guestWidth))
    if sentinel != nil && nullHandles && value == flagValue { return .sentinel }
    let read = decode(value, guestWidth: guestWidth)
    return read.resumed ? .resumed(remaining: read.remaining) : .fresh(count: read.remaining)
  }

  /// The count register of a call preempted with `remaining` entries left.
  public func encode(remaining: UInt64, guestWidth: Int) -> UInt64 {
    (remaining | flagValue) & lowBitsMask(argument.type.bits(guestWidth: guestWidth))
  }
}

/// How a release reads a count argument.
public enum CountReading: Hashable, Sendable, CustomStringConvertible {
  /// A new call of `count` entries.
  case fresh(count: UInt64)
  /// A preempted call resumed with `remaining` entries left.
  case resumed(remaining: UInt64)
  /// The sentinel continuation: nothing left, finish with the deferred return code.
  case sentinel

  public var description: String {
    switch self {
    case .fresh(let count): "a fresh call of \(count)"
    case .resumed(let remaining): "a resumed call with \(remaining) left"
    case .sentinel: "the sentinel continuation, finishing with the deferred return code"
    }
  }
}
