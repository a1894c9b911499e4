import ABIModel

/// Two releases as a model of their own, older first, so the checker compares exactly them:
/// two releases of one spec, or a release of a dump (`abigen dump --format json`) and a
/// release of the spec. Accepted breaks keep their meaning: one the spec introduced after the
/// older release and at or before the newer one covers the pair.
public struct ReleasePair: Sendable {
  public var model: ABIModel

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public var older: Release { model.releases[0] }
  public var newer: Release { model.releases[1] }

  static func known(_ model: ABIModel) -> String {
    model.releases.map(\.name).joined(separator: ", ")
  }

  static func release(_ name: String, in model: ABIModel, what: String) throws(Failure) -> Int {
    guard let index = model.releaseIndex(named: name) else {
      throw Failure(description: "unknown release '\(name)'\(what) (known: \(known(model)))")
    }
    return index
  }

  /// Releases `older` and `newer` of `spec`; `older` must come first in its history.
  public init(_ spec: ABIModel, older: String, newer: String) throws(Failure) {
    let olderIndex = try Self.release(older, in: spec, what: "")
    let newerIndex = try Self.release(newer, in: spec, what: "")
    guard olderIndex < newerIndex else {
      throw Failure(description: "release \(older) is not older than \(newer); give the older release first")
    }
    self.init(spec, old: spec.releases[olderIndex], olderIndex: olderIndex, newerIndex: newerIndex)
  }

  /// Release `older` of `dump` (by default its newest) against release `newer` of `spec` (by
  /// default the release of the same name, else the spec's newest). `label` names the dump
  /// (its file) when both releases have the same name.
  public init(against dump: ABIModel, older: String?, label: String, spec: ABIModel, newer: String?) throws(Failure) {
    guard let last = dump.releases.last else { throw Failure(description: "\(label) holds no release") }
    var old = last
    if let older {
      old = dump.releases[try Self.release(older, in: dump, what: " in \(label)")]
    }
    let newerIndex: Int
    if let newer {
      newerIndex = try Self.release(newer, in: spec, what: "")
    } else {
      newerIndex = spec.releaseIndex(named: old.name) ?? spec.releases.count - 1
    }
    // Where the dump's release sits in the spec's history decides which accepted breaks it
    // crosses; a release the spec does not know, or the same release, stands just before.
    var olderIndex = newerIndex - 1
    if let index = spec.releaseIndex(named: old.name), index < newerIndex { olderIndex = index }
    if old.name == spec.releases[newerIndex].name { old.name = "\(old.name) (\(label))" }
    self.init(spec, old: old, olderIndex: olderIndex, newerIndex: newerIndex)
  }

  init(_ spec: ABIModel, old: Release, olderIndex: Int, newerIndex: Int) {
    let newer = spec.releases[newerIndex]
    let accepted = spec.acceptedBreaks.compactMap { accepted -> AcceptedBreak? in
      guard let introduced = spec.releaseIndex(named: accepted.introducedIn),
        olderIndex < introduced, introduced <= newerIndex
      else { return nil }
      var kept = accepted
      kept.introducedIn = newer.name
      return kept
    }
    var policy = spec.migrationPolicy
    policy.pairs = .anyOlderToAnyNewer
    model = ABIModel(
      family: spec.family, guestABIs: spec.guestABIs, releases: [old, newer], migrationPolicy: policy,
      acceptedBreaks: accepted, location: spec.location)
  }
}
