/// What a name the spec gives must look like to become a C name in a generated header: an ASCII
/// identifier, no keyword of C or C++ (the headers are C++-safe), no identifier the C
/// implementation reserves (`__x`, `_X`), none of the names the header's own code spells, and
/// none of abigen's own prefixes.
public enum CNameRules {
  /// C99 guarantees 63 significant initial characters in a macro or internal identifier.
  public static let maximumLength = 63

  /// Why `name` cannot be a macro or part of an identifier of a generated header; `nil` if it
  /// can. A `word` (an argument or progress name) only becomes part of identifiers and
  /// comments, never a macro, so only has to be an identifier.
  public static func problem(_ name: String, maximumLength: Int = maximumLength, word: Bool = false) -> String? {
    if name.isEmpty { return "is empty" }
    if name.count > maximumLength { return "is longer than \(maximumLength) characters" }
    guard isIdentifier(name) else {
      return "is not a C identifier (ASCII letters, digits and '_', not starting with a digit)"
    }
    if word { return nil }
    if keywords.contains(name) { return "is a C or C++ keyword" }
    if name.hasPrefix("__") || (name.hasPrefix("_") && name.dropFirst().first?.isUppercase == true) {
      return "is an identifier the C implementation reserves (it starts with '__' or '_' and a capital)"
    }
    let lower = name.lowercased()
    if lower.hasPrefix("abigen_") || lower == "abigen" {
      return "starts with abigen's own prefix 'ABIGEN_' / 'abigen_'"
    }
    if headerWords.contains(name) { return "is a name the generated header's own code uses" }
    return nil
  }

  /// ASCII letters, digits and `_`, not starting with a digit.
  public static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy { scalar in
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }
  }

  /// C99, C11, C23 and C++ keywords and alternative tokens.
  public static let keywords: Set<String> = [
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
    "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
    "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
    "volatile", "while", "_Bool", "_Complex", "_Imaginary", "_Alignas", "_Alignof", "_Atomic",
    "_Generic", "_Noreturn", "_Static_assert", "_Thread_local", "alignas", "alignof", "bool",
    "constexpr", "false", "nullptr", "static_assert", "thread_local", "true", "typeof",
    "typeof_unqual", "_BitInt", "_Decimal32", "_Decimal64", "_Decimal128", "asm", "catch", "class",
    "const_cast", "delete", "dynamic_cast", "explicit", "export", "friend", "mutable", "namespace",
    "new", "noexcept", "operator", "private", "protected", "public", "reinterpret_cast",
    "static_cast", "template", "this", "throw", "try", "typeid", "typename", "using", "virtual",
    "wchar_t", "char8_t", "char16_t", "char32_t", "concept", "consteval", "constinit", "co_await",
    "co_return", "co_yield", "decltype", "requires", "and", "and_eq", "bitand", "bitor", "compl",
    "not", "not_eq", "or", "or_eq", "xor", "xor_eq", "defined", "__has_include",
  ]

  /// Names the header's code spells itself (types, standard macros, parameters and locals of the
  /// helpers): a macro of that name would change what the helpers mean.
  public static let headerWords: Set<String> = [
    "uint64_t", "uint32_t", "uint8_t", "int64_t", "int32_t", "size_t", "NULL", "UINT_MAX",
    "ULONG_MAX", "UINT32_MAX", "UINT64_MAX", "UINT64_C", "INT_MAX", "CHAR_BIT", "value",
    "guest_width", "op", "progress", "v", "number", "remaining", "bits",
  ]
}
