import ABIModel

/// Spells the model's C names (with `ABIModel.SwiftNameMapping`, which validation checks) as Swift identifiers that `swift format lint` accepts: types in
/// UpperCamelCase, members in lowerCamelCase, never a keyword, never a name the generated code
/// already uses for something else.
public enum SwiftNames {
  /// `memory_op` -> `MemoryOp`.
  public static func typeName(_ cName: String) -> String { SwiftNameMapping.typeName(cName) }

  /// `set_trap_table` -> `setTrapTable`, `arch_0` -> `arch0`, `DMOP_nr_vcpus` -> `dmopNrVcpus`.
  public static func lowerCamelCase(_ cName: String) -> String { SwiftNameMapping.lowerCamelCase(cName) }

  /// The longest run of leading all-capitals `_`-terminated words every name shares.
  public static func commonPrefix(of names: [String]) -> String { SwiftNameMapping.commonPrefix(of: names) }

  /// A member name that is not a keyword and not `reserved`: such a name gets `Op` appended.
  public static func memberName(_ cName: String, reserved: Set<String> = []) -> String {
    SwiftNameMapping.memberName(cName, reserved: reserved)
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

  static var keywords: Set<String> { SwiftNameMapping.keywords }
}
