/// Where a hypercall that batches others writes a preempted call back into guest memory: Xen's
/// `multicall` copies the continuation of a preempted entry (its hypercall number and
/// arguments, encodings included) into the guest's `multicall_entry`, so every register encoding
/// of every hypercall can also sit in that structure, as wide as its fields are.
public struct WriteBack: Hashable, Sendable, Codable {
  /// The field width of one guest ABI, where it differs from the guest's register width
  /// (`xen_ulong_t` is `uint64_t` on ARM, also for 32-bit guests).
  public struct FieldWidth: Hashable, Sendable, Codable {
    public var guestABI: String
    public var bits: Int

    public init(guestABI: String, bits: Int) {
      self.guestABI = guestABI
      self.bits = bits
    }
  }

  /// `multicall_entry`.
  public var structure: String
  /// The field the hypercall number is written to (`op`).
  public var numberField: String
  /// The array the arguments are written to, one element per argument (`args`).
  public var argumentsField: String
  /// Per guest ABI where the fields are not as wide as its registers; every other ABI's fields
  /// are (`unsigned long`, `xen_ulong_t` on x86).
  public var fieldWidths: [FieldWidth]
  public var source: String?
  public var location: SourceLocation

  public init(
    structure: String, numberField: String, argumentsField: String, fieldWidths: [FieldWidth] = [],
    source: String? = nil, location: SourceLocation = .unknown
  ) {
    self.structure = structure
    self.numberField = numberField
    self.argumentsField = argumentsField
    self.fieldWidths = fieldWidths
    self.source = source
    self.location = location
  }

  /// The width of each field for a guest of `abi`.
  public func fieldBits(for abi: GuestABI) -> Int {
    fieldWidths.first { $0.guestABI == abi.name }?.bits ?? abi.width
  }

  /// `multicall_entry.args[0]`.
  public func argumentField(_ index: Int) -> String {
    "\(structure).\(argumentsField)[\(index)]"
  }
}
