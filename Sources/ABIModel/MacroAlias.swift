/// A header macro defined as another one of the same release, such as the compatibility names
/// old guests keep: `#define __HYPERVISOR_sched_op __HYPERVISOR_sched_op_compat` under
/// `__XEN_INTERFACE_VERSION__ < 0x00030101`. When `name` is already a macro of the release (a
/// hypercall's or sub-op's C name), the alias replaces it where its guard holds.
public struct MacroAlias: Hashable, Sendable, Codable {
  /// The macro defined: `__HYPERVISOR_dom0_op`.
  public var name: String
  /// The macro it expands to: `__HYPERVISOR_platform_op`.
  public var target: String
  /// `nil` for the hypercall-number table; otherwise the multiplexed hypercall whose sub-op
  /// table the alias belongs to (`memory_op` for `XENMEM_add_to_physmap_range`).
  public var hypercall: String?
  /// The preprocessor condition the definition sits under, as the headers write it.
  public var guardCondition: String?
  /// The guest ABIs whose headers define it; empty means all of them.
  public var guestABIs: [String]
  /// Where the fact was read (tag and file:line).
  public var source: String?
  public var location: SourceLocation

  public init(
    name: String, target: String, hypercall: String? = nil, guardCondition: String? = nil,
    guestABIs: [String] = [], source: String? = nil, location: SourceLocation = .unknown
  ) {
    self.name = name
    self.target = target
    self.hypercall = hypercall
    self.guardCondition = guardCondition
    self.guestABIs = guestABIs
    self.source = source
    self.location = location
  }
}
