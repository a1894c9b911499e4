import ABIModel
import Foundation

/// The lock of released releases: for every release that has shipped, the canonical
/// description of its ABI (`ReleaseDescription`) and a digest of it. A spec whose entry for a
/// locked release no longer matches rewrites history; `verify` says where and what changed.
///
/// The file (`Spec/Xen/releases.lock.json` for the bundled spec) is JSON written in a fixed
/// order: releases in history order, hypercalls by name, facts in description order, so that
/// locking a release adds one block and changes nothing else.
public struct ReleaseLock: Hashable, Sendable {
  /// Identifies the document kind.
  public static let format = "abigen-release-lock"
  /// Bumped whenever `ReleaseDescription` changes what it describes: every digest changes then,
  /// and an older lock is refused rather than misread.
  public static let version = 2

  /// One locked release.
  public struct Entry: Hashable, Sendable {
    public var release: String
    /// `sha256:` and the SHA-256 of `canonicalText`.
    public var digest: String
    /// Fact lines (`key: value`) by hypercall name.
    public var hypercalls: [String: [String]]
    /// The accepted-break facts of the release (`accepts: ...` lines).
    public var accepted: [String]

    public init(release: String, digest: String, hypercalls: [String: [String]], accepted: [String] = []) {
      self.release = release
      self.digest = digest
      self.hypercalls = hypercalls
      self.accepted = accepted
    }

    /// The entry for `release` as `model` resolves it now.
    public init(_ release: Release, of model: ABIModel) {
      let facts = ReleaseDescription.facts(of: release).mapValues { $0.map(\.line) }
      let accepted = ReleaseDescription.acceptedFacts(of: release, in: model).map(\.line)
      self.init(release: release.name, digest: "", hypercalls: facts, accepted: accepted)
      digest = computedDigest
    }

    /// The text the digest is taken of: the release name, then each hypercall by name with its
    /// fact lines, then the accepted breaks.
    public var canonicalText: String {
      var text = "release \(release)\n"
      for name in hypercalls.keys.sorted() {
        text += "hypercall \(name)\n"
        for line in hypercalls[name]! { text += line + "\n" }
      }
      if !accepted.isEmpty {
        text += "accepted breaks\n"
        for line in accepted { text += line + "\n" }
      }
      return text
    }

    public var computedDigest: String {
      "sha256:" + SHA256.hex(Array(canonicalText.utf8))
    }
  }

  public var family: String
  /// In history order.
  public var entries: [Entry]

  public init(family: String, entries: [Entry] = []) {
    self.family = family
    self.entries = entries
  }

  public func entry(for release: String) -> Entry? {
    entries.first { $0.release == release }
  }

  /// The lock with `release` of `model` added (or replaced) as the model resolves it now,
  /// entries kept in the model's history order: a release whose entry was removed to lock a
  /// corrected transcription goes back to its place.
  public func locking(_ release: Release, of model: ABIModel) -> ReleaseLock {
    var copy = self
    copy.entries.removeAll { $0.release == release.name }
    copy.entries.append(Entry(release, of: model))
    let position = { (entry: Entry) in model.releaseIndex(named: entry.release) ?? Int.max }
    copy.entries = copy.entries.enumerated()
      .sorted { (position($0.element), $0.offset) < (position($1.element), $1.offset) }.map(\.element)
    return copy
  }
}
