/// Spells the model's C names as Swift identifiers that `swift format lint` accepts: types in
/// UpperCamelCase, members in lowerCamelCase, never a keyword, never a name the generated code
/// already uses for something else.
public enum SwiftNames {
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
  /// `xenmemIncreaseReservation`. Computed over every release, so a case keeps its name when
  /// ops are added or withdrawn.
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

  /// Hands out names in a scope; a name already taken gets `2`, `3`, ... appended, so two C
  /// names that spell the same in Swift still compile.
  public struct Scope {
    private var taken: Set<String>

    public init(reserved: Set<String> = []) {
      taken = reserved
    }

    public mutating func claim(_ name: String) -> String {
      var candidate = name
      var counter = 2
      while taken.contains(candidate) {
        candidate = name + String(counter)
        counter += 1
      }
      taken.insert(candidate)
      return candidate
    }
  }

  /// Words Swift does not accept as a plain identifier in some position the generated code uses
  /// (declarations, `.member` references, `case` labels). Contextual keywords (`copy`, `async`)
  /// are fine there.
  static let keywords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
    "init", "inout", "internal", "let", "open", "operator", "private", "precedencegroup",
    "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break",
    "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard",
    "if", "in", "repeat", "return", "throw", "switch", "where", "while", "as", "false", "is", "nil",
    "self", "super", "throws", "true", "try", "Self", "Type", "Protocol",
    // Not keywords, but `.some` and `.none` read as `Optional`'s cases next to an optional.
    "some", "none",
  ]
}
