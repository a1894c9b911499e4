import ABIModel

extension SpecResolver {
  /// Interface versions hold from the release that states them until the next statement;
  /// aliases from `since` until before `until`.
  mutating func applyHeaderFacts(
    interfaceVersions: [(release: String, version: InterfaceVersion)],
    aliases: [(since: String, until: String?, alias: MacroAlias)], to releases: inout [Release]
  ) {
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
    var current: InterfaceVersion?
    for position in releases.indices {
      if let stated = starts[position] { current = stated }
      releases[position].interfaceVersion = current
    }
    for (since, until, alias) in aliases {
      let what = "the alias '\(alias.name)'"
      guard let start = index(of: since, what: what, at: alias.location) else { continue }
      var end = releases.count
      if let until {
        guard let stop = index(of: until, what: what, at: alias.location) else { continue }
        if stop <= start {
          error("the alias '\(alias.name)' ends in \(until), which is not after \(since)", alias.location)
          continue
        }
        end = stop
      }
      for position in start..<end { releases[position].aliases.append(alias) }
    }
  }
}
