import ABIModel

extension SpecResolver {
  /// Interface versions hold from the release that states them until the next statement;
  /// aliases from `since` until before `until`; both along the releases each release derives
  /// from (`bases`), so a point release's statement holds in its line only.
  mutating func applyHeaderFacts(
    interfaceVersions: [(release: String, version: InterfaceVersion)],
    aliases: [(since: String, until: String?, alias: MacroAlias)], bases: [Int?], to releases: inout [Release]
  ) {
    // The releases each release derives from, itself included.
    var ancestry: [Set<Int>] = []
    for position in releases.indices {
      ancestry.append((bases[position].map { ancestry[$0] } ?? []).union([position]))
    }
    let names = releases.map(\.name)
    func index(of release: String, what: String, at location: SourceLocation) -> Int? {
      if let found = names.firstIndex(of: release) { return found }
      error("\(what) names unknown release '\(release)' (known: \(names.joined(separator: ", ")))", location)
      return nil
    }
    var starts: [Int: InterfaceVersion] = [:]
    for (release, version) in interfaceVersions {
      guard let start = index(of: release, what: "an interface version", at: version.location) else { continue }
      if starts[start] != nil {
        error("\(release): the interface version is stated twice", version.location)
      }
      starts[start] = version
    }
    for position in releases.indices {
      releases[position].interfaceVersion =
        starts[position] ?? bases[position].flatMap { releases[$0].interfaceVersion }
    }
    for (since, until, alias) in aliases {
      let what = "the alias '\(alias.name)'"
      guard let start = index(of: since, what: what, at: alias.location) else { continue }
      var stop: Int?
      if let until {
        guard let found = index(of: until, what: what, at: alias.location) else { continue }
        if found <= start {
          error("the alias '\(alias.name)' ends in \(until), which is not after \(since)", alias.location)
          continue
        }
        stop = found
      }
      for position in releases.indices
      where ancestry[position].contains(start) && !(stop.map { ancestry[position].contains($0) } ?? false) {
        releases[position].aliases.append(alias)
      }
    }
  }
}
