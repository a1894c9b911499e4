import EmitCore

/// The preprocessor test for "compiled for this guest ABI", so that a hypercall number defined
/// only for some ABIs (3.0.0's `switch_vm86` on x86_32, `switch_to_user` on x86_64, both 23)
/// appears only where it exists and never twice.
enum GuestABICondition {
  /// The compilers' own architecture macros for the ABIs Xen has.
  static let known: [String: String] = [
    "x86_64": "defined(__x86_64__)",
    "x86_32": "defined(__i386__)",
    "arm64": "defined(__aarch64__)",
    "arm32": "defined(__arm__)",
  ]

  /// One ABI's test; an ABI no compiler macro names is selected with `-DABIGEN_GUEST_<NAME>`.
  static func condition(for abi: String) -> String {
    known[abi] ?? "defined(ABIGEN_GUEST_\(ABIModelSelection.identifier(for: abi).uppercased()))"
  }

  /// Any of the ABIs, in the order the spec lists them.
  static func condition(for abis: [String]) -> String {
    abis.map(condition(for:)).joined(separator: " || ")
  }
}
