import ABIModel

/// `Interface("4.5", latest: 0x00040500, source: "...")`: the interface version the
/// public headers implement from this release on, until a later release states another.
public struct Interface: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(
    _ release: String, latest: UInt64, toolsSeeLatest: Bool = true, source: String,
    file: String = #filePath, line: Int = #line
  ) {
    declarations = [
      .interfaceVersion(
        release: release,
        InterfaceVersion(
          latest: latest, toolsSeeLatest: toolsSeeLatest, source: source,
          location: SourceLocation(filePath: file, line: line)))
    ]
  }
}

/// `LegacyAlias("__HYPERVISOR_dom0_op", of: "__HYPERVISOR_platform_op", since: "3.0.3", ...)`:
/// a header macro defined as another one from a release on (until before `until`), in the
/// hypercall table or, with `hypercall:`, in that hypercall's sub-op table.
public struct LegacyAlias: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(
    _ name: String, of target: String, since: String, until: String? = nil, hypercall: String? = nil,
    guardedBy guardCondition: String? = nil, only guestABIs: [String] = [], source: String,
    file: String = #filePath, line: Int = #line
  ) {
    declarations = [
      .alias(
        since: since, until: until,
        MacroAlias(
          name: name, target: target, hypercall: hypercall, guardCondition: guardCondition,
          guestABIs: guestABIs, source: source, location: SourceLocation(filePath: file, line: line)))
    ]
  }
}
