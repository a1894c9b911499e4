/// The shared runtime of the generated dispatch code: the types every release namespace uses and
/// the one table-driven decoder, encoder and dispatcher they share. It does not depend on the
/// model, so it is a fixed text; keeping the logic here (generic over `MultiplexedSubOp`) rather
/// than in each release keeps the generated releases mostly data and quick to compile.
///
/// The decoder and encoder transcribe `Multiplex.decode`, `Multiplex.encode` and
/// `Multiplex.maximumProgress` of `ABIModel`; the tests hold them to it value by value.
enum SwiftRuntimeSource {
  static let fileName = "DispatchRuntime.swift"

  static let body = #"""
    /// The errors a release answers a hypercall with before running any sub-op.
    public enum Rejection: String, Hashable, Sendable, CaseIterable {
      /// No sub-op has the number in the op field.
      case unknownOp = "unknown op"
      /// High bits set on an op that keeps no progress there, in a release that rejects them.
      case unusedBitsSet = "unused high bits set"

      /// What the hypercall returns: -ENOSYS in both cases.
      public var returnValue: Int64 { -38 }
    }

    /// What a release makes of an op argument: the sub-op and the progress it resumes at, or
    /// the error it returns.
    public enum Decoded<Op: MultiplexedSubOp>: Hashable, Sendable {
      case subOp(Op, progress: UInt64)
      case rejected(Rejection)
    }

    /// How one release reads the op argument of a multiplexed hypercall.
    public struct MultiplexLayout: Hashable, Sendable {
      /// The C type of the op argument: it decides how many bits the hypervisor sees.
      public enum ArgumentType: Hashable, Sendable {
        /// `unsigned long`: as wide as the guest's registers.
        case unsignedLong
        /// `unsigned int`: 32 bits for every guest.
        case unsignedInt
        /// A `uint32_t` field of a structure in guest memory (`dm_op`'s `op`): the caller puts
        /// the field's value in the argument slot, and a continuation leaves the slot as it was.
        case guestField32
        /// `int`: 32 bits for every guest, signed, so its largest value has 31 bits.
        case signedInt
        /// A `uint16_t` field of a structure in guest memory (`xen_mem_acquire_resource.type`).
        case guestField16
        /// A `uint8_t` field of a structure in guest memory (`xen_mem_access_op.op`).
        case guestField8
        /// A `uint64_t` field of a structure in guest memory (`mmu_update.ptr`).
        case guestField64

        /// The number of bits decoded for a guest with registers of `guestWidth` bits.
        public func bits(guestWidth: Int) -> Int {
          switch self {
          case .unsignedLong:
            return guestWidth
          case .unsignedInt, .guestField32, .signedInt:
            return 32
          case .guestField16:
            return 16
          case .guestField8:
            return 8
          case .guestField64:
            return 64
          }
        }

        /// The bits of the type's largest value.
        public func valueBits(guestWidth: Int) -> Int {
          self == .signedInt ? 31 : bits(guestWidth: guestWidth)
        }

        /// Whether the op is read from guest memory rather than from a register.
        public var isGuestField: Bool {
          switch self {
          case .guestField32, .guestField16, .guestField8, .guestField64:
            return true
          case .unsignedLong, .unsignedInt, .signedInt:
            return false
          }
        }
      }

      /// 0-based index of the argument that carries the op.
      public var argumentIndex: Int
      public var argumentType: ArgumentType
      /// The number of low bits that hold the op; `nil` when the whole argument is the op.
      public var maskBits: Int?
      /// Whether bits above the mask on an op that keeps no progress there get -ENOSYS (else
      /// they are ignored).
      public var rejectsUnusedBits: Bool

      public init(
        argumentIndex: Int, argumentType: ArgumentType, maskBits: Int?, rejectsUnusedBits: Bool
      ) {
        self.argumentIndex = argumentIndex
        self.argumentType = argumentType
        self.maskBits = maskBits
        self.rejectsUnusedBits = rejectsUnusedBits
      }
    }

    /// Where a sub-op keeps its continuation progress in the op argument, in one release.
    public enum OpRegister: Hashable, Sendable {
      /// The largest progress a continuation carries.
      public enum Bound: Hashable, Sendable {
        /// The maximum of a C type shifted right: `UINT_MAX >> 6`.
        case typeMaximum(MultiplexLayout.ArgumentType, shiftedRightBy: Int)
        case constant(UInt64)
        /// No bound stated: what the register holds above the op field.
        case registerCapacity

        /// The bound for a guest with registers of `guestWidth` bits; `nil` for the capacity.
        public func maximum(guestWidth: Int) -> UInt64? {
          switch self {
          case .typeMaximum(let type, let shift):
            let bits = type.valueBits(guestWidth: guestWidth)
            return shift >= bits ? 0 : lowBits(bits) >> UInt64(shift)
          case .constant(let value):
            return value
          case .registerCapacity:
            return nil
          }
        }
      }

      /// Only the op: a continuation re-issues the plain op number.
      case plain
      /// `op | (progress << shift)`.
      case shifted(by: Int, bound: Bound)
      /// `op | progress`, progress a multiple of the mask's step.
      case rawAligned(bound: Bound)
    }

    /// The argument registers of a hypercall; a slot never written reads as zero.
    public struct HypercallArguments: Hashable, Sendable {
      /// A hypercall takes at most this many arguments.
      public static let count = 6

      /// Always `count` values.
      public private(set) var values: [UInt64]

      /// The first arguments; the others are zero.
      public init(_ values: UInt64...) {
        precondition(values.count <= Self.count, "a hypercall takes at most \(Self.count) arguments")
        self.values = values + Array(repeating: 0, count: Self.count - values.count)
      }

      public subscript(index: Int) -> UInt64 {
        get { values[index] }
        set { values[index] = newValue }
      }
    }

    /// A sub-op as its handler sees it.
    public struct SubOpCall: Hashable, Sendable {
      /// Where the sub-op resumes: 0 for a fresh call, else what the op argument carried.
      public let progress: UInt64
      /// The arguments as issued; a handler that keeps progress in them (a handle and a count)
      /// updates them before it reports a preemption.
      public var arguments: HypercallArguments

      public init(progress: UInt64, arguments: HypercallArguments) {
        self.progress = progress
        self.arguments = arguments
      }
    }

    /// What a handler did with a sub-op.
    public enum HandlerOutcome: Hashable, Sendable {
      /// Finished: the hypercall returns `returnValue`.
      case completed(returnValue: Int64)
      /// Preempted after `progress` units. An op that keeps its progress in the op argument is
      /// re-issued carrying it; any other op keeps its progress elsewhere (guest memory, the
      /// other arguments) and reports 0.
      case preempted(progress: UInt64)
    }

    /// The result of dispatching one hypercall.
    public enum DispatchResult<Op: MultiplexedSubOp>: Hashable, Sendable {
      /// The release rejected the op argument: the hypercall returns `-ENOSYS`.
      case rejected(Rejection)
      /// The sub-op ran to the end.
      case completed(Op, returnValue: Int64)
      /// The sub-op was preempted: re-issue the hypercall with `continuation`.
      case preempted(Op, progress: UInt64, continuation: HypercallArguments)
      /// The handler reported a preemption the release cannot put in the op argument (progress on
      /// an op that keeps none there, misaligned, or above the bound): a handler bug.
      case unencodable(Op, progress: UInt64)
    }

    /// The sub-ops of one multiplexed hypercall in one release, and how that release decodes them.
    public protocol MultiplexedSubOp: CaseIterable, Hashable, Sendable, RawRepresentable
    where RawValue == UInt64 {
      /// `memory_op`.
      static var hypercallName: String { get }
      static var hypercallNumber: UInt64 { get }
      static var layout: MultiplexLayout { get }
      /// The version the op's structure must carry (`XEN_DOMCTL_INTERFACE_VERSION`): the handler
      /// refuses (-EACCES) a call made for another; `nil` when the structure carries none.
      static var interfaceVersion: UInt32? { get }
      /// `XENMEM_increase_reservation`.
      var cName: String { get }
      /// Where the op keeps progress on every architecture (`.plain` for an op that continues in
      /// the register on some architectures only).
      var opRegister: OpRegister { get }
      /// Where the op keeps progress for guests of `architecture` (`x86`, `arm`); `opRegister`
      /// for `nil` or an architecture the spec does not name.
      func opRegister(architecture: String?) -> OpRegister
    }

    extension MultiplexedSubOp {
      public static var interfaceVersion: UInt32? { nil }

      /// The same on every architecture, unless the release's table says otherwise.
      public func opRegister(architecture: String?) -> OpRegister { opRegister }

      /// Decodes an op argument the way this release does for guests of `architecture` (every
      /// architecture's reading when `nil`). Bits beyond the argument's width are dropped first,
      /// as the hypervisor never sees them.
      public static func decode(
        _ rawValue: UInt64, guestWidth: Int, architecture: String? = nil
      ) -> Decoded<Self> {
        let value = rawValue & lowBits(layout.argumentType.bits(guestWidth: guestWidth))
        guard let maskBits = layout.maskBits else {
          guard let op = Self(rawValue: value) else { return .rejected(.unknownOp) }
          return .subOp(op, progress: 0)
        }
        let mask = lowBits(maskBits)
        guard let op = Self(rawValue: value & mask) else { return .rejected(.unknownOp) }
        let high = value & ~mask
        switch op.opRegister(architecture: architecture) {
        case .shifted(let shift, _):
          // Bits between the mask and the shift carry nothing; they follow the release's policy.
          if high & lowBits(shift) != 0 && layout.rejectsUnusedBits {
            return .rejected(.unusedBitsSet)
          }
          return .subOp(op, progress: shift >= 64 ? 0 : value >> UInt64(shift))
        case .rawAligned:
          return .subOp(op, progress: high)
        case .plain:
          if high != 0 && layout.rejectsUnusedBits { return .rejected(.unusedBitsSet) }
          return .subOp(op, progress: 0)
        }
      }

      /// The op argument this release writes for this op preempted at `progress`, or `nil` when
      /// the op cannot carry that progress there. Wraps at the argument's width, as the C does.
      public func encode(progress: UInt64, guestWidth: Int, architecture: String? = nil) -> UInt64? {
        let width = Self.layout.argumentType.bits(guestWidth: guestWidth)
        switch opRegister(architecture: architecture) {
        case .shifted(let shift, _):
          let shifted = shift >= 64 ? 0 : progress << UInt64(shift)
          return (rawValue | shifted) & lowBits(width)
        case .rawAligned:
          guard let maskBits = Self.layout.maskBits, progress & lowBits(maskBits) == 0 else {
            return nil
          }
          return (rawValue | progress) & lowBits(width)
        case .plain:
          return progress == 0 ? rawValue & lowBits(width) : nil
        }
      }

      /// The largest progress this op can be preempted at: the bound, or what the argument
      /// holds above the op field when none is stated.
      public func maximumProgress(guestWidth: Int, architecture: String? = nil) -> UInt64 {
        let width = Self.layout.argumentType.bits(guestWidth: guestWidth)
        let step = lowBits(Self.layout.maskBits ?? 0)
        switch opRegister(architecture: architecture) {
        case .plain:
          return 0
        case .shifted(let shift, let bound):
          let capacity = shift >= width ? 0 : lowBits(width) >> UInt64(shift)
          return bound.maximum(guestWidth: guestWidth) ?? capacity
        case .rawAligned(let bound):
          return (bound.maximum(guestWidth: guestWidth) ?? (lowBits(width) & ~step)) & ~step
        }
      }

      /// Decodes the op argument, runs `handler` on the sub-op, and says what the hypercall
      /// returns or which arguments to re-issue it with.
      public static func dispatch(
        _ arguments: HypercallArguments, guestWidth: Int, architecture: String? = nil,
        handler: (Self, inout SubOpCall) -> HandlerOutcome
      ) -> DispatchResult<Self> {
        let op: Self
        var call: SubOpCall
        let opRegister = arguments[layout.argumentIndex]
        switch decode(opRegister, guestWidth: guestWidth, architecture: architecture) {
        case .rejected(let reason):
          return .rejected(reason)
        case .subOp(let decoded, let progress):
          op = decoded
          call = SubOpCall(progress: progress, arguments: arguments)
        }
        switch handler(op, &call) {
        case .completed(let value):
          return .completed(op, returnValue: value)
        case .preempted(let progress):
          guard progress <= op.maximumProgress(guestWidth: guestWidth, architecture: architecture),
            let register = op.encode(
              progress: progress, guestWidth: guestWidth, architecture: architecture)
          else { return .unencodable(op, progress: progress) }
          var continuation = call.arguments
          // An op read from guest memory is re-issued with the same arguments.
          if !layout.argumentType.isGuestField {
            continuation[layout.argumentIndex] = register
          }
          return .preempted(op, progress: progress, continuation: continuation)
        }
      }
    }

    /// The result convention of the helpers, shared with the generated C (`abigen emit c --layout
    /// xen`): 0 on success, a negative errno value on failure.
    public enum HelperResult {
      public static let ok: Int32 = 0
      /// A call the hypervisor fails with -ENOSYS (unknown op, unused high bits set).
      public static let enosys: Int32 = -38
      /// Progress an op cannot carry in the op argument.
      public static let einval: Int32 = -22
    }

    extension Decoded {
      /// What the C `_decode` helpers return for this answer: 0, or -ENOSYS.
      public var result: Int32 {
        switch self {
        case .subOp: return HelperResult.ok
        case .rejected: return HelperResult.enosys
        }
      }
    }

    extension MultiplexedSubOp {
      /// `encode(progress:guestWidth:)` as the C `_encode` helpers return it: 0 and the op
      /// argument in `value`, or -EINVAL (and 0 in `value`) when the op cannot carry `progress`.
      public func encode(progress: UInt64, guestWidth: Int, into value: inout UInt64) -> Int32 {
        guard let encoded = encode(progress: progress, guestWidth: guestWidth) else {
          value = 0
          return HelperResult.einval
        }
        value = encoded
        return HelperResult.ok
      }
    }

    /// One release's namespace.
    public protocol ReleaseABI: Sendable {
      /// `4.19`.
      static var name: String { get }
      static var inDevelopment: Bool { get }
      #if !hasFeature(Embedded)
        /// In hypercall-number order. Not in Embedded Swift, which has no metatype existentials.
        static var multiplexedHypercalls: [any MultiplexedSubOp.Type] { get }
      #endif
    }

    #if !hasFeature(Embedded)
      extension ReleaseABI {
        /// The multiplexed hypercall called `name` (`memory_op`) in this release.
        public static func multiplexedHypercall(named name: String) -> (any MultiplexedSubOp.Type)? {
          multiplexedHypercalls.first { $0.hypercallName == name }
        }
      }
    #endif

    /// `(1 << n) - 1` without overflow for `n == 64`.
    func lowBits(_ n: Int) -> UInt64 {
      n >= 64 ? UInt64.max : (n <= 0 ? 0 : (UInt64(1) << UInt64(n)) - 1)
    }

    """#
}
