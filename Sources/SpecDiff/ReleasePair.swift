import ABIModel

/// Two releases to compare, inside the history their migrations are checked in: `model` holds
/// every release of the spec (with a dump's release put in its place when comparing against a
/// dump), so that the newer release is judged by every migration into it that the policy
/// allows, not only by the one from the older release. Accepted breaks keep their meaning,
/// since they name releases.
public struct ReleasePair: Sendable {
  public var model: ABIModel
  public var olderIndex: Int
  public var newerIndex: Int

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public var older: Release { model.releases[olderIndex] }
  public var newer: Release { model.releases[newerIndex] }

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
    model = spec
    self.olderIndex = olderIndex
    self.newerIndex = newerIndex
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
    guard Set(dump.guestABIs.map(\.width)) == Set(spec.guestWidths) else {
      throw Failure(
        description:
          "\(label) has guest widths \(dump.guestWidths.map(String.init).joined(separator: ", ")), the spec \(spec.guestWidths.map(String.init).joined(separator: ", ")): the releases cannot be compared"
      )
    }
    // The dump's release takes the place of the spec's release of that name when that one is
    // older; otherwise (the same release, or one the spec does not know) it stands just before.
    var model = spec
    var newerPosition = newerIndex
    let olderPosition: Int
    if let index = spec.releaseIndex(named: old.name), index < newerIndex {
      model.releases[index] = old
      olderPosition = index
    } else {
      if old.name == spec.releases[newerIndex].name || spec.releaseIndex(named: old.name) != nil {
        old.name = "\(old.name) (\(label))"
      }
      old.status = .released
      model.releases.insert(old, at: newerIndex)
      // What the spec accepts into the newer release from its first release on (`.from("master")`)
      // it accepts into the copy standing just before it too, so a break both have the same way
      // is the same break on both sides and not a change of the diff.
      let newerName = spec.releases[newerIndex].name
      for record in model.acceptedBreaks.indices {
        for entry in model.acceptedBreaks[record].covers.indices
        where model.acceptedBreaks[record].covers[entry].newer.first == newerName {
          model.acceptedBreaks[record].covers[entry].newer.first = old.name
        }
      }
      olderPosition = newerIndex
      newerPosition = newerIndex + 1
    }
    self.model = model
    self.olderIndex = olderPosition
    self.newerIndex = newerPosition
  }
}
