/// How a multiplexed hypercall selects its sub-op from the op argument.
public struct OpMask: Hashable, Sendable, Codable {
  /// Number of low bits that hold the sub-op number; `nil` when the whole register is the op
  /// (no mask: any high bit makes an unknown op).
  public var bits: Int?
  /// C name of the mask macro where the hypervisor has one (`MEMOP_CMD_MASK`, `HVMOP_op_mask`).
  public var maskName: String?
  /// C name of the shift macro that defines the mask (`MEMOP_EXTENT_SHIFT`,
  /// `GNTTABOP_CONTINUATION_ARG_SHIFT`).
  public var shiftName: String?
  /// The mask macro's value as the hypervisor's source spells it
  /// (`((1 << MEMOP_EXTENT_SHIFT) - 1)`), so that a generated definition can stand beside or
  /// replace the hand-written one; `nil` where the spec does not say.
  public var spelling: String?

  public init(bits: Int?, maskName: String? = nil, shiftName: String? = nil, spelling: String? = nil) {
    self.bits = bits
    self.maskName = maskName
    self.shiftName = shiftName
    self.spelling = spelling
  }

  /// No mask: the whole register is the op.
  public static let wholeRegister = OpMask(bits: nil)

  /// The mask as a value, e.g. `0x3f`; `nil` for a whole-register op.
  public var value: UInt64? {
    bits.map { lowBitsMask($0) }
  }
}

/// `(1 << n) - 1` without overflow for `n == 64`.
@inlinable
public func lowBitsMask(_ n: Int) -> UInt64 {
  n >= 64 ? UInt64.max : (n <= 0 ? 0 : (UInt64(1) << UInt64(n)) - 1)
}

/// What a release does with bits above the op mask on a sub-op that keeps no progress there.
public enum UnusedBitsPolicy: String, Hashable, Sendable, Codable, CaseIterable {
  /// Masked off and ignored (Xen before 4.5).
  case ignored
  /// The call fails with -ENOSYS (Xen 4.5 and later, the "lock-down").
  case rejected
}
