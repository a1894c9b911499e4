/// How the Swift emitter spells the model's names, kept here so that validation can prove every
/// emitted Swift name legal and unique before an emitter runs (`ABIModel+NameRules.swift`).
/// `EmitSwift.SwiftNames` and `SwiftDispatchLowering` use exactly these functions.
public enum SwiftNameMapping {
  /// `memory_op` -> `MemoryOp`.
  public static func typeName(_ cName: String) -> String {
    let camel = lowerCamelCase(cName)
    return camel.prefix(1).uppercased() + camel.dropFirst()
  }

  /// `set_trap_table` -> `setTrapTable`, `arch_0` -> `arch0`, `DMOP_nr_vcpus` -> `dmopNrVcpus`.
  /// A name that cannot start an identifier gets an `op` in front.
  public static func lowerCamelCase(_ cName: String) -> String {
    let words = cName.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
    var result = ""
    for word in words {
      if result.isEmpty {
        // An all-capitals first word (`MSI`) reads as one word: all lower case.
        result =
          word == word.uppercased()
          ? word.lowercased() : word.prefix(1).lowercased() + word.dropFirst()
      } else {
        result += word.prefix(1).uppercased() + word.dropFirst()
      }
    }
    if result.isEmpty || result.first!.isNumber {
      result = "op" + result.prefix(1).uppercased() + result.dropFirst()
    }
    return result
  }

  /// The longest run of leading all-capitals `_`-terminated words (`XENMEM_`, `XEN_DMOP_`) that
  /// every name shares, so the sub-op cases read `increaseReservation` and not
  /// `xenmemIncreaseReservation`.
  public static func commonPrefix(of names: [String]) -> String {
    guard let first = names.first else { return "" }
    var prefix = ""
    var words = first.split(separator: "_", omittingEmptySubsequences: false).dropLast()
    while let word = words.first, !word.isEmpty,
      word.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
    {
      let candidate = prefix + word + "_"
      // Something must remain of every name after the prefix.
      guard names.allSatisfy({ $0.hasPrefix(candidate) && $0.count > candidate.count }) else {
        break
      }
      prefix = candidate
      words = words.dropFirst()
    }
    return prefix
  }

  /// A member name that is not a keyword and not `reserved`: such a name gets `Op` appended.
  public static func memberName(_ cName: String, reserved: Set<String> = []) -> String {
    let name = lowerCamelCase(cName)
    return keywords.contains(name) || reserved.contains(name) ? name + "Op" : name
  }

  /// The file and type prefix of a family: `xen` -> `Xen`.
  public static func familyTypeName(_ family: String) -> String {
    let name = typeName(family)
    return name.first?.isLetter == true ? name : "ABI" + name
  }

  /// An identifier-safe spelling of a release (or guest ABI) name: `4.19` -> `4_19`.
  public static func identifier(for name: String) -> String {
    String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }

  /// `Xen_4_19`: a release's namespace, and its file name without `.swift`.
  public static func releaseNamespace(family: String, release: String) -> String {
    familyTypeName(family) + "_" + identifier(for: release)
  }

  /// `XenReleases`: the index of every release namespace.
  public static func registryName(family: String) -> String {
    familyTypeName(family) + "Releases"
  }

  /// The Swift type of a multiplexed hypercall's sub-op enum (`MemoryOp`); its handler protocol
  /// is this name with `Handler` appended.
  public static func hypercallTypeName(_ hypercall: String) -> String {
    typeName(hypercall)
  }

  /// The sub-op prefix of each table lineage (`memory_op`, `memory_op.access_op`), over every release of the model (not only the
  /// selected ones), so `--release R` names cases as `--all-releases` does.
  public static func subOpPrefixes(_ model: ABIModel) -> [String: String] {
    var names: [String: [String]] = [:]
    for release in model.releases {
      for table in release.hypercalls.flatMap(\.tables) {
        names[table.lineage, default: []] += table.multiplex.subOps.map(\.name)
      }
    }
    return names.mapValues { commonPrefix(of: $0) }
  }

  /// A sub-op's enum case: its name without the lineage's shared prefix, in lowerCamelCase.
  public static func subOpCaseName(_ op: String, prefix: String) -> String {
    memberName(String(op.dropFirst(op.hasPrefix(prefix) ? prefix.count : 0)), reserved: subOpReservedMembers)
  }

  /// Names the generated runtime declares at module scope, plus the standard-library types the
  /// generated code spells; a hypercall type must not shadow them.
  public static let runtimeTypeNames: Set<String> = [
    "MultiplexLayout", "OpRegister", "Decoded", "Rejection", "HandlerOutcome", "DispatchResult",
    "HypercallArguments", "SubOpCall", "MultiplexedSubOp", "ReleaseABI", "HypercallNumber",
    "String", "Int", "Int64", "UInt64", "Bool", "Never", "Sendable", "Hashable", "CaseIterable",
    "Optional", "Array", "Swift", "Any", "AnyObject", "Self", "Type", "Protocol", "Handler",
  ]

  /// Members every sub-op enum has (its own, `RawRepresentable`'s, `CaseIterable`'s and the
  /// runtime's extension methods); a case with one of these names would not compile.
  public static let subOpReservedMembers: Set<String> = [
    "rawValue", "allCases", "cName", "opRegister", "layout", "hypercallName", "hypercallNumber",
    "decode", "encode", "dispatch", "maximumProgress", "hashValue", "hash",
  ]

  /// Words Swift does not accept as a plain identifier in some position the generated code uses
  /// (declarations, `.member` references, `case` labels). Contextual keywords (`copy`, `async`)
  /// are fine there.
  public static let keywords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
    "init", "inout", "internal", "let", "open", "operator", "private", "precedencegroup",
    "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break",
    "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard",
    "if", "in", "repeat", "return", "throw", "switch", "where", "while", "as", "false", "is", "nil",
    "self", "super", "throws", "true", "try", "Self", "Type", "Protocol", "Any", "_",
    // Not keywords, but `.some` and `.none` read as `Optional`'s cases next to an optional.
    "some", "none",
  ]
}
