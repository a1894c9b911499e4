import ABIModel
import EmitCore

/// Lowers the selected releases of a model to a `SwiftDispatchModule`: decides every Swift name
/// and turns the model's continuation facts into the generated runtime's vocabulary.
public enum SwiftDispatchLowering {
  /// Names the generated runtime declares at module scope, plus the standard-library types the
  /// generated code spells; a hypercall type must not shadow them.
  static let runtimeTypeNames: Set<String> = [
    "MultiplexLayout", "OpRegister", "Decoded", "Rejection", "HandlerOutcome", "DispatchResult",
    "HypercallArguments", "SubOpCall", "MultiplexedSubOp", "ReleaseABI", "HypercallNumber",
    "String", "Int", "Int64", "UInt64", "Bool", "Never", "Sendable", "Hashable", "CaseIterable",
  ]

  /// Members every sub-op enum has (its own, `RawRepresentable`'s, `CaseIterable`'s and the
  /// runtime's extension methods); a case with one of these names would not compile.
  static let subOpReservedMembers: Set<String> = [
    "rawValue", "allCases", "cName", "opRegister", "layout", "hypercallName", "hypercallNumber",
    "decode", "encode", "dispatch", "maximumProgress", "hashValue", "hash",
  ]

  /// The file and type prefix of a family: `xen` -> `Xen`.
  public static func familyTypeName(_ family: String) -> String {
    let name = SwiftNames.typeName(family)
    return name.first?.isLetter == true ? name : "ABI" + name
  }

  public static func lower(_ selection: ABIModelSelection) -> SwiftDispatchModule {
    let family = familyTypeName(selection.model.family)
    let prefixes = subOpPrefixes(selection.model)
    var namespaces = SwiftNames.Scope()
    let releases = selection.releases.map { release in
      lower(
        release,
        typeName: namespaces.claim(family + "_" + ABIModelSelection.identifier(for: release.name)),
        prefixes: prefixes)
    }
    return SwiftDispatchModule(registryName: family + "Releases", releases: releases)
  }

  /// The sub-op prefix of each hypercall lineage, over every release of the model (not only the
  /// selected ones), so `--release R` names cases as `--all-releases` does.
  static func subOpPrefixes(_ model: ABIModel) -> [String: String] {
    var names: [String: [String]] = [:]
    for release in model.releases {
      for hypercall in release.hypercalls {
        names[hypercall.lineage, default: []] += hypercall.multiplex?.subOps.map(\.name) ?? []
      }
    }
    return names.mapValues { SwiftNames.commonPrefix(of: $0) }
  }

  static func lower(_ release: Release, typeName: String, prefixes: [String: String])
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
    for hypercall in numbers {
      guard let multiplex = hypercall.multiplex else { continue }
      let type = typeNames.claim(SwiftNames.typeName(hypercall.name))
      multiplexed.append(
        lower(
          multiplex, of: hypercall, typeName: type, handlerName: typeNames.claim(type + "Handler"),
          prefix: prefixes[hypercall.lineage] ?? ""))
    }
    return ReleaseNamespace(
      typeName: typeName, releaseName: release.name, inDevelopment: release.status == .development,
      source: release.source, hypercallNumbers: constants, multiplexed: multiplexed)
  }

  static func lower(
    _ multiplex: Multiplex, of hypercall: Hypercall, typeName: String, handlerName: String,
    prefix: String
  ) -> MultiplexedHypercall {
    var caseNames = SwiftNames.Scope()
    let subOps = multiplex.subOps.sorted { $0.number < $1.number }.map { op in
      SubOpCase(
        caseName: caseNames.claim(
          SwiftNames.memberName(
            String(op.name.dropFirst(prefix.count)), reserved: subOpReservedMembers)),
        cName: op.name, number: op.number, toolsOnly: op.toolsOnly,
        continuationKinds: op.continuation?.kinds.map(\.rawValue) ?? [],
        opRegister: lower(op))
    }
    return MultiplexedHypercall(
      typeName: typeName, handlerName: handlerName, hypercallName: hypercall.name,
      number: hypercall.number,
      argumentIndex: multiplex.opArgument.index, argumentName: multiplex.opArgument.name,
      argumentType: lower(multiplex.opArgument.type), maskBits: multiplex.opMask.bits,
      maskName: multiplex.opMask.maskName, rejectsUnusedBits: multiplex.unusedBits == .rejected,
      subOps: subOps)
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
    }
  }
}
