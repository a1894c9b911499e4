import ABIModel

/// The atlas's view of a model: the releases, the guests, and every hypercall's history as words
/// and fields. Built from an `ABIModel` by `AtlasModel+ABIModel.swift`, the one place that reads
/// the model's masks, shifts and continuations.
public struct AtlasModel: Sendable {
  public struct ReleaseInfo: Hashable, Sendable {
    public var name: String
    public var released: Bool
    /// The tag or commit its facts were read at.
    public var source: String?
  }

  public struct Guest: Hashable, Sendable {
    public var name: String
    public var width: Int
  }

  public var family: String
  /// Oldest first.
  public var releases: [ReleaseInfo]
  public var guests: [Guest]
  /// In the order of their numbers (newest number first seen), one per lineage.
  public var hypercalls: [HypercallHistory]
  /// The model, for layouts at a guest width other than the widest (findings are about one width).
  let model: ABIModel

  /// The history a hypercall name belongs to in a release.
  /// The history of a hypercall, or of the hypercall of a nested table (`memory_op.access_op` is
  /// drawn on `memory_op`'s page).
  public func history(ofHypercall name: String, in release: String) -> HypercallHistory? {
    let hypercall = name.split(separator: HypercallTable.separator, maxSplits: 1).first.map(String.init) ?? name
    guard let lineage = model.release(named: release)?.hypercall(named: hypercall)?.lineage else { return nil }
    return hypercalls.first { $0.lineage == lineage }
  }

  /// The layout of a hypercall's word in a release for guests of one width.
  public func layout(lineage: String, release: String, word: String, guestWidth: Int) -> WordLayout? {
    guard let hypercall = model.release(named: release)?.hypercall(lineage: lineage) else { return nil }
    return Self.words(of: hypercall, guestWidth: guestWidth, guests: model.guestABIs).first { $0.word == word }
  }

  /// Position of a release in the history.
  public func releaseIndex(_ name: String) -> Int? {
    releases.firstIndex { $0.name == name }
  }
}
