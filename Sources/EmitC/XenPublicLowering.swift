import ABIModel
import EmitCore

/// The public headers of one release in the Xen layout: `public/xen-compat.h` (the interface
/// version, with the real header's rules: the hypervisor and toolstack builds get the latest
/// version, a guest that states none gets the legacy interface 0), `public/hypercalls.h` (the
/// `__HYPERVISOR_*` numbers and their compatibility aliases) and one `public/<hypercall>.h` per
/// multiplexed hypercall (its sub-op numbers, tools-only and interface-version guards as the
/// model states them, and its aliases). Only macros: nothing here needs a C library.
struct XenPublicLowering {
  var model: ABIModel
  var release: Release

  static let versionMacro = "__XEN_INTERFACE_VERSION__"
  static let latestMacro = "__XEN_LATEST_INTERFACE_VERSION__"

  func headers() -> [CHeader] {
    var out: [CHeader] = []
    if let version = release.interfaceVersion { out.append(compat(version)) }
    out.append(hypercallNumbers())
    for hypercall in release.hypercalls where !hypercall.tables.isEmpty {
      out.append(subOps(of: hypercall))
    }
    return out
  }

  var directory: String { XenLayoutEmitter.directory(model: model, release: release) }

  /// `#include "xen-compat.h"` where the release has an interface version.
  var compatInclude: [CItem] {
    release.interfaceVersion == nil ? [] : [.blank, .lines(["#include \"xen-compat.h\""])]
  }

  func compat(_ version: InterfaceVersion) -> CHeader {
    let builds = version.toolsSeeLatest ? "defined(__XEN__) || defined(__XEN_TOOLS__)" : "defined(__XEN__)"
    let who = version.toolsSeeLatest ? "The hypervisor and toolstack builds" : "The hypervisor build"
    let items: [CItem] = [
      .blank,
      .define(name: Self.latestMacro, value: hex8(version.latest)),
      .blank,
      .comment([
        "\(who) implement the latest interface; a guest that names no version gets the legacy "
          + "interface (0), one that names a newer version than this release has is refused."
      ]),
      .lines([
        "#if \(builds)",
        "#define \(Self.versionMacro) \(Self.latestMacro)",
        "#elif !defined(\(Self.versionMacro))",
        "#define \(Self.versionMacro) 0x00000000",
        "#endif",
        "",
        "#if \(Self.versionMacro) > \(Self.latestMacro)",
        "#error \"the requested \(Self.versionMacro) is newer than these headers\"",
        "#endif",
      ]),
      .blank,
    ]
    return CHeader(
      path: "\(directory)/public/xen-compat.h", includeGuard: "__XEN_PUBLIC_XEN_COMPAT_H__",
      banner: XenLayoutEmitter.banner(
        "xen-compat.h: the interface version of the public headers", model: model, release: release,
        ["Read at \(version.source ?? "an unstated source")."]),
      items: items)
  }

  func hypercallNumbers() -> CHeader {
    var symbols = CSymbolTable()
    var entries: [GuardedItem] = []
    for hypercall in release.hypercalls.sorted(by: { ($0.number, $0.name) < ($1.number, $1.name) }) {
      guard let item = symbols.define(hypercall.cName, CLiteral.define(hypercall.number), owner: hypercall.name)
      else { continue }
      let conditions = hypercall.guestABIs.isEmpty ? [] : [GuestABICondition.condition(for: hypercall.guestABIs)]
      entries.append(GuardedItem(conditions: conditions, item: item))
    }
    var items: [CItem] = compatInclude + [.blank] + GuardedItem.nest(entries)
    items += aliases(in: nil)
    items.append(.blank)
    return CHeader(
      path: "\(directory)/public/hypercalls.h", includeGuard: "__XEN_PUBLIC_HYPERCALLS_H__",
      banner: XenLayoutEmitter.banner("hypercalls.h: the __HYPERVISOR_* numbers", model: model, release: release),
      items: items)
  }

  /// The main table's ops, then each nested table's under a comment saying where its op is, as
  /// Xen's own header defines `XENMEM_access_op_*` next to `XENMEM_access_op`.
  func subOps(of hypercall: Hypercall) -> CHeader {
    var symbols = CSymbolTable()
    var items: [CItem] = compatInclude
    for table in hypercall.tables {
      var entries: [GuardedItem] = []
      if let version = CHeaderLowering.interfaceVersionDefine(table.multiplex, owner: table.name, symbols: &symbols) {
        entries.append(version)
      }
      for op in table.multiplex.subOps {
        if let item = symbols.define(op.cName, CLiteral.define(op.number), owner: table.name) {
          entries.append(GuardedItem(conditions: Self.conditions(of: op), item: item))
        }
      }
      items.append(.blank)
      if table.isNested {
        items += [.comment(["\(table.name)\(table.nestingNote): the op is in \(table.wordDescription)."])]
      }
      items += GuardedItem.nest(entries)
      if !table.isNested { items += aliases(in: hypercall.name) }
    }
    items.append(.blank)
    let name = ABIModelSelection.identifier(for: hypercall.name)
    return CHeader(
      path: "\(directory)/public/\(name).h", includeGuard: "__XEN_PUBLIC_\(name.uppercased())_H__",
      banner: XenLayoutEmitter.banner(
        "\(name).h: the sub-ops of \(hypercall.name) (\(hypercall.cName) = \(hypercall.number))", model: model,
        release: release),
      items: items)
  }

  /// The tools-only guard outside, another guard inside, as Xen nests them.
  static func conditions(of op: SubOp) -> [String] {
    (op.toolsOnly ? [CHeaderLowering.toolsOnlyCondition] : [])
      + (op.hypervisorInternal ? [CHeaderLowering.hypervisorInternalCondition] : [])
      + (op.guardCondition.map { [$0] } ?? [])
  }

  /// The aliases of one table; one that takes over an existing name replaces it (`#undef`).
  func aliases(in hypercall: String?) -> [CItem] {
    let chosen = release.aliases.filter { $0.hypercall == hypercall }
    guard !chosen.isEmpty else { return [] }
    var existing = Set(release.hypercalls.map(\.cName))
    if let hypercall, let multiplex = release.hypercall(named: hypercall)?.multiplex {
      existing = Set(multiplex.subOps.map(\.cName))
    }
    var entries: [GuardedItem] = []
    for alias in chosen {
      var conditions = alias.guestABIs.isEmpty ? [] : [GuestABICondition.condition(for: alias.guestABIs)]
      if let guardCondition = alias.guardCondition { conditions.append(guardCondition) }
      if existing.contains(alias.name) {
        entries.append(GuardedItem(conditions: conditions, item: .lines(["#undef \(alias.name)"])))
      }
      entries.append(GuardedItem(conditions: conditions, item: .define(name: alias.name, value: alias.target)))
    }
    return [.blank, .comment(["Compatibility names."])] + GuardedItem.nest(entries)
  }

  /// `0x00040e00`, as xen-compat.h writes versions.
  func hex8(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
  }
}
