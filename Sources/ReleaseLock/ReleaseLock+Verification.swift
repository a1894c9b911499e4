import ABIModel
import Foundation

extension ReleaseLock {
  /// Every way `model` departs from this lock, compiler style: a locked release that is gone,
  /// moved, back in development or changed (one diagnostic per changed fact, at the line that
  /// states it now), a released release that is not locked, and a lock entry edited by hand.
  /// `lockFile` names the lock in messages. `requireEveryReleaseLocked: false` leaves out the
  /// released releases that are not locked yet, for the command that locks them.
  public func verify(_ model: ABIModel, lockFile: String, requireEveryReleaseLocked: Bool = true) -> [Diagnostic] {
    let lockLocation = SourceLocation(file: lockFile, line: 0)
    guard family == model.family else {
      return [.error("the lock is for '\(family)', but the spec is of '\(model.family)'", at: lockLocation)]
    }
    // Each locked release described afresh, and each entry's digest taken again, on every core:
    // for a long history these are most of the fixed cost of a check.
    let indices = entries.map { model.releaseIndex(named: $0.release) }
    let (entries, releases) = (entries, model.releases)
    let recomputed = concurrentMap(entries.count) { position in
      (now: indices[position].map { Entry(releases[$0], of: model) }, digest: entries[position].computedDigest)
    }
    var found = zip(entries, recomputed).filter { $0.digest != $1.digest }.map { entry, _ in
      Self.handEdited(entry, lockFile: lockFile)
    }
    for (name, copies) in duplicates(entries.map(\.release)) {
      found.append(.error("\(name) is locked \(copies) times", at: lockLocation))
    }
    var previous: (index: Int, name: String)?
    for (entry, (index, fresh)) in zip(entries, zip(indices, recomputed.map(\.now))) {
      guard let index, let now = fresh else {
        found.append(
          .error(
            "\(entry.release) is released and locked in \(lockFile), but the spec no longer has it (known: \(model.releases.map(\.name).joined(separator: ", ")))",
            at: model.location))
        continue
      }
      let release = model.releases[index]
      if let previous, index < previous.index {
        found.append(
          .error(
            "\(release.name) is released and locked after \(previous.name), but the spec now puts it before \(previous.name)",
            at: release.location))
      }
      previous = (index, release.name)
      if release.status == .development {
        found.append(
          .error(
            "\(release.name) is released and locked in \(lockFile), but the spec marks it in development",
            at: release.location))
      }
      if now.digest != entry.digest || now.hypercalls != entry.hypercalls || now.accepted != entry.accepted {
        found += differences(from: entry, to: release)
        found += acceptedDifferences(from: entry, to: release, in: model)
      }
    }
    for release in model.releases
    where requireEveryReleaseLocked && release.status == .released && entry(for: release.name) == nil {
      found.append(
        .error(
          "\(release.name) is released but not locked in \(lockFile); `abigen release \(release.name)` locks it",
          at: release.location))
    }
    return found
  }

  /// `transform` of 0 ..< count, worked out on two cores, in order.
  func concurrentMap<T: Sendable>(_ count: Int, _ transform: @escaping @Sendable (Int) -> T) -> [T] {
    let results = Results<T>(count)
    let workers = min(2, max(count, 1))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let mine = stride(from: worker, to: count, by: workers).map { ($0, transform($0)) }
      results.store(mine)
    }
    return results.values.map { $0! }
  }

  /// An entry whose facts no longer match its digest: the lock was edited by hand.
  public func handEditedEntries(lockFile: String) -> [Diagnostic] {
    entries.filter { $0.digest != $0.computedDigest }.map { Self.handEdited($0, lockFile: lockFile) }
  }

  static func handEdited(_ entry: Entry, lockFile: String) -> Diagnostic {
    .error(
      "the entry of \(entry.release) does not match its digest \(entry.digest): the lock was edited by hand; restore it from version control",
      at: SourceLocation(file: lockFile, line: 0))
  }

  /// What changed between a locked entry and the release as the spec resolves it now.
  func differences(from entry: Entry, to release: Release) -> [Diagnostic] {
    let prefix = "\(release.name) is released and locked, but"
    var found: [Diagnostic] = []
    for hypercall in release.hypercalls {
      guard let lines = entry.hypercalls[hypercall.name] else {
        found.append(.error("\(prefix) it gained hypercall '\(hypercall.name)'", at: hypercall.location))
        continue
      }
      let locked = lines.compactMap(ABIFact.init(line:))
      for change in FactChange.changes(from: locked, to: ReleaseDescription.facts(of: hypercall), of: hypercall) {
        found.append(.error("\(prefix) its \(hypercall.name) changed: \(change.message)", at: change.location))
      }
    }
    let present = Set(release.hypercalls.map(\.name))
    for name in entry.hypercalls.keys.sorted() where !present.contains(name) {
      found.append(.error("\(prefix) its hypercall '\(name)' is gone", at: release.location))
    }
    return found
  }

  /// What changed in what the accepted breaks accept in a locked release: each entry that
  /// no longer accepts, or newly accepts, a way of breaking into it.
  func acceptedDifferences(from entry: Entry, to release: Release, in model: ABIModel) -> [Diagnostic] {
    let prefix = "\(release.name) is released and locked, but"
    let now = ReleaseDescription.acceptedFacts(of: release, in: model)
    let locked = Set(entry.accepted)
    var found: [Diagnostic] = []
    for fact in now where !locked.contains(fact.line) {
      found.append(.error("\(prefix) an accepted break now accepts \(fact.value)", at: fact.location))
    }
    let current = Set(now.map(\.line))
    for line in entry.accepted where !current.contains(line) {
      let value = ABIFact(line: line)?.value ?? line
      let id = value.split(separator: ":").first.map(String.init) ?? ""
      let location = model.acceptedBreaks.first { $0.id == id }?.location ?? release.location
      found.append(.error("\(prefix) an accepted break no longer accepts \(value)", at: location))
    }
    return found
  }

  private func duplicates(_ names: [String]) -> [(String, Int)] {
    var counts: [String: Int] = [:]
    for name in names { counts[name, default: 0] += 1 }
    return counts.filter { $0.value > 1 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }
}

/// Results filled in by concurrent workers, each under the lock.
private final class Results<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var values: [T?]

  init(_ count: Int) { values = Array(repeating: nil, count: count) }

  func store(_ found: [(Int, T)]) {
    lock.lock()
    defer { lock.unlock() }
    for (index, value) in found { values[index] = value }
  }
}
