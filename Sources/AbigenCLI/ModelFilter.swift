import ABIModel

/// Narrows a model to one release and/or one hypercall, naming the valid choices when a name
/// is unknown.
enum ModelFilter {
  struct UnknownName: Error, CustomStringConvertible {
    var description: String
  }

  static func apply(to model: ABIModel, release: String?, hypercall: String?) throws(UnknownName)
    -> ABIModel
  {
    var result = model
    if let release {
      guard let selected = model.release(named: release) else {
        throw UnknownName(
          description:
            "unknown release '\(release)' (known: \(model.releases.map(\.name).joined(separator: ", ")))")
      }
      result.releases = [selected]
      // A single release has no migrations, so no accepted break applies to it.
      result.acceptedBreaks = []
    }
    if let hypercall {
      let known = Set(result.releases.flatMap { $0.hypercalls.map(\.name) })
      guard known.contains(hypercall) else {
        throw UnknownName(
          description:
            "unknown hypercall '\(hypercall)' (known: \(known.sorted().joined(separator: ", ")))")
      }
      for index in result.releases.indices {
        result.releases[index].hypercalls.removeAll { $0.name != hypercall }
      }
      for index in result.acceptedBreaks.indices {
        result.acceptedBreaks[index].covers.removeAll { $0.hypercall != hypercall }
      }
      result.acceptedBreaks.removeAll { $0.covers.isEmpty }
    }
    return result
  }
}
