import ABIModel
import EmitCore

/// Lowers the selected releases of a model to a `SwiftDispatchModule`: decides every Swift name
/// and turns the model's continuation facts into the generated runtime's vocabulary.
public enum SwiftDispatchLowering {
  static var runtimeTypeNames: Set<String> { SwiftNameMapping.runtimeTypeNames }
  static var subOpReservedMembers: Set<String> { SwiftNameMapping.subOpReservedMembers }

  /// The file and type prefix of a family: `xen` -> `Xen`.
  public static func familyTypeName(_ family: String) -> String {
    SwiftNameMapping.familyTypeName(family)
  }

  public static func lower(_ selection: ABIModelSelection) -> SwiftDispatchModule {
    let prefixes = subOpPrefixes(selection.model)
    let architectures = selection.model.architectures
    var namespaces = SwiftNames.Scope()
    let namespaceNames = selection.releases.map {
      namespaces.claim(SwiftNameMapping.releaseNamespace(family: selection.model.family, release: $0.name))
    }
    var releases = zip(selection.releases, namespaceNames).map { release, typeName in
      lower(release, typeName: typeName, prefixes: prefixes, architectures: architectures)
    }
    shareUnchangedTables(&releases)
    return SwiftDispatchModule(
      registryName: SwiftNameMapping.registryName(family: selection.model.family), releases: releases)
  }

  /// Points every table that an older namespace of the module already lowered the same way (the
  /// same names, ops, layout and encodings: everything its code is made of) at that namespace.
  /// The alias spells the namespace unqualified: no table can shadow it, since a table's type name
  /// has no underscore (`MemoryOp`) and a namespace's always has one (`Xen_4_20`).
  static func shareUnchangedTables(_ releases: inout [ReleaseNamespace]) {
    var firstDefinition: [MultiplexedHypercall: ReleaseNamespace.SharedTable] = [:]
    for index in releases.indices {
      let release = releases[index]
      for hypercall in release.multiplexed {
        if let shared = firstDefinition[hypercall] {
          releases[index].sharedTables[hypercall.typeName] = shared
        } else {
          firstDefinition[hypercall] = .init(namespace: release.typeName, releaseName: release.releaseName)
        }
      }
    }
  }

  static func subOpPrefixes(_ model: ABIModel) -> [String: String] {
    SwiftNameMapping.subOpPrefixes(model)
  }

  static func lower(_ release: Release, typeName: String, prefixes: [String: String], architectures: [String] = [])
    -> ReleaseNamespace
  {
    var numberNames = SwiftNames.Scope()
    let numbers = release.hypercalls.sorted { ($0.number, $0.name) < ($1.number, $1.name) }
    let constants = numbers.map { hypercall in
      HypercallNumberConstant(
        memberName: numberNames.claim(SwiftNames.memberName(hypercall.name)),
        cName: hypercall.cName,
        number: hypercall.number, guestABIs: hypercall.guestABIs, formerNames: hypercall.formerNames
      )
    }
    var typeNames = SwiftNames.Scope(reserved: runtimeTypeNames.union([typeName]))
    var multiplexed: [MultiplexedHypercall] = []
    // A nested table is a type of its own (`MemoryOpAccessOp`), decoding its word as a main
    // table decodes its register.
    for hypercall in numbers {
      for table in hypercall.tables {
        let type = typeNames.claim(SwiftNames.typeName(table.identifier))
        var lowered = lower(
          table.multiplex, of: hypercall, typeName: type, handlerName: typeNames.claim(type + "Handler"),
          prefix: prefixes[table.lineage] ?? "", architectures: architectures)
        if let nested = table.nested {
          lowered.hypercallName = table.name
          lowered.nesting = .init(hypercall: hypercall.name, selectedBy: nested.selectedBy, structure: nested.structure)
        }
        multiplexed.append(lowered)
      }
    }
    return ReleaseNamespace(
      typeName: typeName, releaseName: release.name, inDevelopment: release.status == .development,
      source: release.source, hypercallNumbers: constants, multiplexed: multiplexed)
  }

  static func lower(
    _ multiplex: Multiplex, of hypercall: Hypercall, typeName: String, handlerName: String,
    prefix: String, architectures: [String] = []
  ) -> MultiplexedHypercall {
    var caseNames = SwiftNames.Scope()
    let subOps = multiplex.subOps.sorted { $0.number < $1.number }.map { op in
      var lowered = SubOpCase(
        caseName: caseNames.claim(SwiftNameMapping.subOpCaseName(op.name, prefix: prefix)),
        cName: op.name, number: op.number, toolsOnly: op.toolsOnly,
        // An op that continues on some architectures only says so; its register layout below is
        // what every architecture shares (none), since the runtime decodes per width.
        continuationKinds: op.continuations.flatMap { encoding in
          encoding.kinds.map {
            encoding.architectures.isEmpty
              ? $0.rawValue : "\($0.rawValue) on \(encoding.architectures.joined(separator: ", "))"
          }
        },
        opRegister: lower(op))
      // Decoded per architecture where the op continues differently on each.
      let registers = architectures.map {
        SubOpCase.ArchitectureRegister(architecture: $0, register: lower(op.viewed(on: $0)))
      }
      if registers.contains(where: { $0.register != lowered.opRegister }) {
        lowered.registersByArchitecture = registers
      }
      return lowered
    }
    return MultiplexedHypercall(
      typeName: typeName, handlerName: handlerName, hypercallName: hypercall.name,
      number: hypercall.number,
      argumentIndex: multiplex.opArgument.index, argumentName: multiplex.opArgument.name,
      argumentType: lower(multiplex.opArgument.type), maskBits: multiplex.opMask.bits,
      maskName: multiplex.opMask.maskName, rejectsUnusedBits: multiplex.unusedBits == .rejected,
      subOps: subOps,
      interfaceVersion: multiplex.interfaceVersion.flatMap { check in
        check.value.map {
          MultiplexedHypercall.InterfaceVersion(field: check.field, constant: check.constant, value: $0)
        }
      })
  }

  static func lower(_ op: SubOp) -> LoweredOpRegister {
    // A missing bound reads as the register's capacity, as `Multiplex.maximumProgress` does.
    let bound = op.continuation?.bound.map(lower) ?? .registerCapacity
    switch op.opRegisterLayout {
    case .none: return .plain
    case .shifted(let shift): return .shifted(by: shift, bound: bound)
    case .rawAligned: return .rawAligned(bound: bound)
    }
  }

  static func lower(_ bound: ProgressBound) -> LoweredBound {
    switch bound {
    case .typeMaximum(let type, let shift): return .typeMaximum(lower(type), shiftedRightBy: shift)
    case .constant(let value): return .constant(value)
    case .registerCapacity: return .registerCapacity
    }
  }

  static func lower(_ type: ArgumentType) -> LoweredArgumentType {
    switch type {
    case .unsignedLong: return .unsignedLong
    case .unsignedInt: return .unsignedInt
    case .guestField32: return .guestField32
    case .signedInt: return .signedInt
    case .guestField16: return .guestField16
    case .guestField8: return .guestField8
    case .guestField64: return .guestField64
    }
  }
}
