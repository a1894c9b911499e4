import ABIModel

/// The macros the Xen layout must define for one release, configuration and guest ABI, computed
/// from the model alone: numbers and sub-ops visible under their guards, aliases where theirs
/// hold, the interface version by xen-compat.h's rules, and for the hypervisor the shift, mask
/// and flag macros as the model spells them. Values are normalized as `MacroTable` normalizes
/// what the compiler dumps: integers in decimal, anything else as written.
enum XenExpectation {
  static func macros(
    model: ABIModel, release: Release, configuration: XenConfiguration, abi: String
  ) throws -> [String: String] {
    let version = configuration.interfaceVersion(release)
    var defined = XenTarget.architectureMacros[abi] ?? []
    for name in configuration.defines(release).keys { defined.insert(name) }
    let guardTest = XenGuard(defined: defined, interfaceVersion: version)
    var out: [String: String] = [:]
    if let interface = release.interfaceVersion {
      out["__XEN_LATEST_INTERFACE_VERSION__"] = String(interface.latest)
      if configuration.defines(release)["__XEN_INTERFACE_VERSION__"] == nil {
        out["__XEN_INTERFACE_VERSION__"] = String(version ?? 0)
      }
    }
    for hypercall in release.hypercalls where hypercall.isDefined(for: abi) {
      out[hypercall.cName] = String(hypercall.number)
    }
    try applyAliases(release.aliases.filter { $0.hypercall == nil }, abi: abi, guardTest: guardTest, to: &out)
    // A nested table's ops are macros of its hypercall's header, like the main table's.
    for hypercall in release.hypercalls {
      for table in hypercall.tables {
        let multiplex = table.multiplex
        // The handler's version, for the toolstack alone when only it calls the table.
        if let check = multiplex.interfaceVersion, let value = check.value,
          configuration.seesToolsOnly || !multiplex.subOps.allSatisfy(\.toolsOnly) || multiplex.subOps.isEmpty
        {
          out[check.constant] = String(value)
        }
        for op in multiplex.subOps {
          if op.toolsOnly && !configuration.seesToolsOnly { continue }
          if op.hypervisorInternal && !configuration.includesHypervisorHeaders { continue }
          if let condition = op.guardCondition, !(try guardTest.holds(condition)) { continue }
          out[op.cName] = String(op.number)
        }
        if !table.isNested {
          try applyAliases(
            release.aliases.filter { $0.hypercall == hypercall.name }, abi: abi, guardTest: guardTest, to: &out)
        }
        if configuration.includesHypervisorHeaders {
          if let bits = multiplex.opMask.bits, let shift = multiplex.opMask.shiftName { out[shift] = String(bits) }
          if let mask = multiplex.opMask.value, let name = multiplex.opMask.maskName {
            out[name] = MacroTable.normalize(multiplex.opMask.spelling ?? String(mask))
          }
        }
      }
    }
    if configuration.includesHypervisorHeaders {
      for hypercall in release.hypercalls {
        if let flag = hypercall.countFlag, let name = flag.flagName {
          out[name] = MacroTable.normalize(flag.flagSpelling ?? String(flag.flagValue))
        }
      }
    }
    return out
  }

  static func applyAliases(
    _ aliases: [MacroAlias], abi: String, guardTest: XenGuard, to out: inout [String: String]
  ) throws {
    for alias in aliases {
      if !alias.guestABIs.isEmpty && !alias.guestABIs.contains(abi) { continue }
      if let condition = alias.guardCondition, !(try guardTest.holds(condition)) { continue }
      out[alias.name] = out[alias.target] ?? "undefined \(alias.target)"
    }
  }
}
