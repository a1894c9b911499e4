/// The interface version a release's public headers implement (Xen's
/// `__XEN_LATEST_INTERFACE_VERSION__`), and which builds get it without asking for it. A guest
/// build that states no version gets the legacy interface (version 0); one that states a version
/// newer than `latest` is refused by the headers.
public struct InterfaceVersion: Hashable, Sendable, Codable {
  /// `0x00040e00`.
  public var latest: UInt64
  /// Whether a toolstack build (`__XEN_TOOLS__`) sees `latest` as the hypervisor's own build
  /// (`__XEN__`) does; Xen 3.0.2 gave it only to the hypervisor build.
  public var toolsSeeLatest: Bool
  /// Where the fact was read (tag and file:line).
  public var source: String?
  public var location: SourceLocation

  public init(
    latest: UInt64, toolsSeeLatest: Bool = true, source: String? = nil, location: SourceLocation = .unknown
  ) {
    self.latest = latest
    self.toolsSeeLatest = toolsSeeLatest
    self.source = source
    self.location = location
  }
}
