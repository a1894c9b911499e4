extension ABIModel {
  /// Every alias of a release names a macro the release defines, in a table the release has, for
  /// guest ABIs the family has; an alias that takes over a macro's name does so only under a guard
  /// (otherwise the macro it replaces could never be seen).
  func validateAliases(of release: Release, into found: inout [Diagnostic]) {
    func error(_ message: String, _ location: SourceLocation) {
      found.append(.error("\(release.name): \(message)", at: location))
    }
    let abiNames = Set(guestABIs.map(\.name))
    let hypercallMacros = Set(release.hypercalls.map(\.cName))
    let aliasNames = Set(release.aliases.map(\.name))
    for (name, copies) in duplicates(release.aliases, by: \.name) {
      error("the alias '\(name)' is defined \(copies.count) times", copies[1].location)
    }
    for alias in release.aliases {
      var macros = hypercallMacros
      if let name = alias.hypercall {
        guard let multiplex = release.hypercall(named: name)?.multiplex else {
          let known = release.hypercalls.filter { $0.multiplex != nil }.map(\.name)
          error(
            "the alias '\(alias.name)' belongs to '\(name)', which has no sub-op table in this release (known: \(known.joined(separator: ", ")))",
            alias.location)
          continue
        }
        macros = Set(multiplex.subOps.map(\.cName))
      }
      if !macros.contains(alias.target) && !aliasNames.contains(alias.target) {
        error(
          "the alias '\(alias.name)' names '\(alias.target)', which this release does not define (known: \(macros.sorted().joined(separator: ", ")))",
          alias.location)
      }
      if alias.target == alias.name { error("the alias '\(alias.name)' names itself", alias.location) }
      if macros.contains(alias.name) && alias.guardCondition == nil {
        error(
          "the alias '\(alias.name)' replaces a macro of the same name without a guard, so the macro is never seen",
          alias.location)
      }
      for abi in alias.guestABIs where !abiNames.contains(abi) {
        error(
          "the alias '\(alias.name)' names unknown guest ABI '\(abi)' (known: \(abiNames.sorted().joined(separator: ", ")))",
          alias.location)
      }
    }
  }
}
