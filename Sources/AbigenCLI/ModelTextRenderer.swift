import ABIModel

/// Renders the resolved model as readable tables, one section per release.
enum ModelTextRenderer {
  static func render(_ model: ABIModel) -> String {
    var out = "\(model.family): \(model.releases.count) release(s); guests "
    out += model.guestABIs.map { abi in
      "\(abi.name) (\(abi.width)-bit\(abi.architecture == abi.name ? "" : ", \(abi.architecture)"))"
    }.joined(separator: ", ")
    out += "\n"
    for release in model.releases {
      out += "\n== \(model.family) \(release.name) (\(release.status.rawValue)"
      if let source = release.source { out += ", \(source)" }
      out += ") ==\n"
      out += "  hypercalls:\n"
      for hypercall in release.hypercalls {
        var line = "    \(pad(String(hypercall.number), 3, right: true))  \(hypercall.cName)"
        if !hypercall.guestABIs.isEmpty { line += "  [only \(hypercall.guestABIs.joined(separator: ", "))]" }
        if !hypercall.formerNames.isEmpty { line += "  (was \(hypercall.formerNames.joined(separator: ", ")))" }
        out += line + "\n"
      }
      for hypercall in release.hypercalls {
        for table in hypercall.tables { out += render(table, of: hypercall) }
        if let writeBack = hypercall.writeBack {
          out += "  \(hypercall.name) (\(hypercall.number)): writes preempted calls back into "
          out += "\(writeBack.structure).\(writeBack.numberField) and .\(writeBack.argumentsField)[]"
          let widths = writeBack.fieldWidths.map { "\($0.guestABI) \($0.bits)" }.joined(separator: ", ")
          out += widths.isEmpty ? " (register-wide)\n" : " (register-wide; bits: \(widths))\n"
        }
        if let flag = hypercall.countFlag {
          out += "  \(hypercall.name) (\(hypercall.number)): count flag \(flag.flagName ?? "bit \(flag.flagBit)")"
          out += " = \(hexString(flag.flagValue)) in '\(flag.argument.name)'"
          out += " (arg \(flag.argument.index), \(flag.argument.type.rawValue))\n"
          if let sentinel = flag.sentinel {
            out += "    sentinel continuation: \(sentinel.summary)\n"
          }
        }
      }
    }
    return out
  }

  static func render(_ table: HypercallTable, of hypercall: Hypercall) -> String {
    let multiplex = table.multiplex
    var out = "  \(table.name) (\(hypercall.number)\(table.nestingNote)): op in "
    if let structure = table.nested?.structure {
      out += "'\(structure).\(multiplex.opArgument.name)' (through arg \(multiplex.opArgument.index), "
    } else {
      out += "'\(multiplex.opArgument.name)' (arg \(multiplex.opArgument.index), "
    }
    out += "\(multiplex.opArgument.type.rawValue)); "
    if let bits = multiplex.opMask.bits {
      out += "mask \(multiplex.opMask.maskName ?? "op mask") = \(hexString(lowBitsMask(bits)))"
      if let shiftName = multiplex.opMask.shiftName { out += " (\(shiftName) = \(bits))" }
      out += "; unused high bits \(multiplex.unusedBits.rawValue)"
    } else {
      out += "no mask: the whole register is the op"
    }
    out += "\n"
    if let check = multiplex.interfaceVersion {
      out += "    requires \(check.field) == \(check.constant)"
      out += " = \(check.value.map(hexString) ?? "(no version)") (-EACCES otherwise)\n"
    }
    let nameWidth = max(6, multiplex.subOps.map(\.name.count).max() ?? 0)
    out += "    \(pad("number", 6, right: true))  \(pad("sub-op", nameWidth))  \(pad("flags", 10))  continuation\n"
    for op in multiplex.subOps {
      var flags: [String] = []
      if op.toolsOnly { flags.append("tools") }
      if op.hypervisorInternal { flags.append("xen") }
      if op.guardCondition != nil { flags.append("guarded") }
      var line =
        "    \(pad(String(op.number), 6, right: true))  \(pad(op.name, nameWidth))  \(pad(flags.joined(separator: ","), 10))"
      line += "  " + describe(op.continuations)
      if !op.formerNames.isEmpty { line += " (was \(op.formerNames.joined(separator: ", ")))" }
      if let guardCondition = op.guardCondition { line += " [#if \(guardCondition)]" }
      if op.hypervisorInternal { line += " [hypervisor-internal: #ifdef __XEN__]" }
      out += line.trimmingTrailingSpaces() + "\n"
    }
    return out
  }

  /// Every encoding of the op, each saying which architectures make it (`(x86 only)`).
  static func describe(_ continuations: [ContinuationEncoding]) -> String {
    continuations.isEmpty ? "-" : continuations.map(\.summary).joined(separator: "; ")
  }

  static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
