/// A guest ABI a hypercall can be issued from, and the width of the registers it passes
/// arguments in. A 32-bit compat guest on a 64-bit hypervisor still passes 32-bit values, which
/// is what bounds how much continuation progress fits in a register.
public struct GuestABI: Hashable, Sendable, Codable {
  /// `x86_64`, `x86_32`, `arm64`, `arm32`.
  public var name: String
  /// Register width in bits (`unsigned long` of this guest).
  public var width: Int
  /// The architecture whose hypervisor code the guest reaches (`x86`, `arm`): a continuation the
  /// hypervisor creates only in one architecture's code (`XENMEM_set_pod_target` in
  /// xen/arch/x86/mm.c) exists only for the guest ABIs of that architecture.
  public var architecture: String
  public var location: SourceLocation

  /// An ABI that names no architecture is an architecture of its own.
  public init(name: String, width: Int, architecture: String? = nil, location: SourceLocation = .unknown) {
    self.name = name
    self.width = width
    self.architecture = architecture ?? name
    self.location = location
  }
}

extension GuestABI {
  private enum CodingKeys: String, CodingKey {
    case name, width, architecture, location
  }

  /// `architecture` is absent in specs written before the model knew architectures: the ABI is
  /// then its own architecture.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    width = try container.decode(Int.self, forKey: .width)
    architecture = try container.decodeIfPresent(String.self, forKey: .architecture) ?? name
    location = try container.decode(SourceLocation.self, forKey: .location)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(width, forKey: .width)
    try container.encode(architecture, forKey: .architecture)
    try container.encode(location, forKey: .location)
  }
}

/// The C type a hypercall argument is declared with in the handler's prototype.
public enum ArgumentType: String, Hashable, Sendable, Codable, CaseIterable {
  /// `unsigned long`: as wide as the guest's registers.
  case unsignedLong = "unsigned long"
  /// `unsigned int`: 32 bits for every guest (`grant_table_op`'s `cmd`).
  case unsignedInt = "unsigned int"
  /// A `uint32_t` field of a structure in guest memory (`dm_op`'s `op`).
  case guestField32 = "uint32_t field"
  /// `int`: 32 bits for every guest, signed (`do_memory_op(int cmd, ...)` in 3.0.0): a 64-bit
  /// guest's upper register bits are dropped, and a value with bit 31 set is negative.
  case signedInt = "int"
  /// A `uint16_t` field of a structure in guest memory (`xen_mem_acquire_resource.type`).
  case guestField16 = "uint16_t field"
  /// A `uint8_t` field of a structure in guest memory (`xen_mem_access_op.op`).
  case guestField8 = "uint8_t field"
  /// A `uint64_t` field of a structure in guest memory, 64 bits for every guest (`mmu_update`'s
  /// `ptr`, whose low bits are the op and the rest the machine address the request acts on).
  case guestField64 = "uint64_t field"

  /// Whether the value is a field of a structure in guest memory rather than a register.
  public var isGuestField: Bool {
    self == .guestField32 || self == .guestField16 || self == .guestField8 || self == .guestField64
  }

  /// The C macro for this type's largest value, as bounds are written (`UINT_MAX >> 6`).
  public var cMaximumName: String {
    switch self {
    case .unsignedLong: return "ULONG_MAX"
    case .unsignedInt: return "UINT_MAX"
    case .guestField32: return "UINT32_MAX"
    case .signedInt: return "INT_MAX"
    case .guestField16: return "UINT16_MAX"
    case .guestField8: return "UINT8_MAX"
    case .guestField64: return "UINT64_MAX"
    }
  }

  /// The number of bits the hypervisor decodes for a guest of the given register width.
  public func bits(guestWidth: Int) -> Int {
    switch self {
    case .unsignedLong: return guestWidth
    case .unsignedInt, .guestField32, .signedInt: return 32
    case .guestField16: return 16
    case .guestField8: return 8
    case .guestField64: return 64
    }
  }

  /// The bits of the largest value the type holds: one fewer than its width when it is signed.
  public func valueBits(guestWidth: Int) -> Int {
    self == .signedInt ? 31 : bits(guestWidth: guestWidth)
  }
}

/// Which argument of a hypercall carries a value the model decodes.
public struct ArgumentSlot: Hashable, Sendable, Codable {
  /// 0-based position in the hypercall's argument list.
  public var index: Int
  /// The parameter's name in the handler (`cmd`, `op`, `count`).
  public var name: String
  public var type: ArgumentType

  public init(index: Int, name: String, type: ArgumentType) {
    self.index = index
    self.name = name
    self.type = type
  }
}
