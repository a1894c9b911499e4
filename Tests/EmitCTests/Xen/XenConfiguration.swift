import ABIModel

/// How a tree includes the public headers: a guest that states no interface version (`g0`), a
/// guest at the release's latest version (`gL`), the toolstack (`t`, `__XEN_TOOLS__`) and the
/// hypervisor (`x`, `__XEN__`, which also includes the `xen/` headers).
enum XenConfiguration: String, CaseIterable, Sendable {
  case g0, gL, t, x

  /// The macros a build of this configuration defines before the headers (as `-D` would). The toolstack of a release whose headers do not give it the
  /// latest version (3.0.2) states it, as its tools did.
  func defines(_ release: Release) -> [String: UInt64?] {
    let latest = release.interfaceVersion?.latest
    switch self {
    case .g0: return [:]
    case .gL: return latest.map { ["__XEN_INTERFACE_VERSION__": $0] } ?? [:]
    case .t:
      var defines: [String: UInt64?] = ["__XEN_TOOLS__": nil]
      if let version = release.interfaceVersion, !version.toolsSeeLatest {
        defines["__XEN_INTERFACE_VERSION__"] = version.latest
      }
      return defines
    case .x: return ["__XEN__": nil]
    }
  }

  /// The interface version the headers end up with, by xen-compat.h's rules as the model states
  /// them; `nil` where the release has none.
  func interfaceVersion(_ release: Release) -> UInt64? {
    guard let version = release.interfaceVersion else { return nil }
    if let stated = defines(release)["__XEN_INTERFACE_VERSION__"] { return stated }
    switch self {
    case .x: return version.latest
    case .t: return version.toolsSeeLatest ? version.latest : 0
    case .g0, .gL: return 0
    }
  }

  var seesToolsOnly: Bool { self == .t || self == .x }
  var includesHypervisorHeaders: Bool { self == .x }
}
