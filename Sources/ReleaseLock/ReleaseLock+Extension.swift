import ABIModel

extension ReleaseLock {
  /// What extending a locked release found: the lines it adds, or why it cannot.
  public enum Extension: Sendable {
    /// `lines`: `hypercall: fact` lines the entry gains (empty when nothing changed).
    case extended(ReleaseLock, lines: [String])
    case refused([String])
  }

  /// The lock with `release`'s entry extended to what `model` describes now, when that only adds
  /// to what was locked: a hypercall the entry did not list, a sub-op table, a count flag, a count
  /// sentinel or a write-back for a hypercall that had none, a nested table the entry did not
  /// describe, and accepted breaks. The model then describes more of what the
  /// release always was. Anything else (a locked fact that changed or is gone, an op added to a
  /// locked table, a default that now reads otherwise) is a rewrite of history and is refused
  /// with what differs; correcting a transcription goes through removing the entry and locking
  /// the release again, so that the lock's diff shows the correction.
  public func extending(_ release: Release, of model: ABIModel) -> Extension {
    guard let locked = entry(for: release.name) else {
      return .refused(["\(release.name) is not locked; `abigen release \(release.name)` locks it"])
    }
    let now = Entry(release, of: model)
    var added: [String] = []
    var refusals: [String] = []
    for name in now.hypercalls.keys.sorted() {
      let lines = now.hypercalls[name]!
      guard let before = locked.hypercalls[name] else {
        added += lines.map { "\(name): \($0)" }
        continue
      }
      let current = Set(lines)
      for line in before where !current.contains(line) {
        refusals.append("\(name): '\(line)' is locked but the spec now says otherwise")
      }
      let lockedKeys = Set(before.compactMap(ABIFact.init(line:)).map(\.key))
      let hadTable = lockedKeys.contains("op argument")
      let hadNested = Set(lockedKeys.compactMap(ReleaseDescription.nestedTable(ofKey:)))
      for line in lines where !before.contains(line) {
        // A key the lock has with another value is reported above, as the locked line the spec
        // no longer says.
        guard let fact = ABIFact(line: line), !lockedKeys.contains(fact.key) else { continue }
        // A nested table the lock did not describe is added whole, like a main table.
        let nested = ReleaseDescription.nestedTable(ofKey: fact.key)
        if let nested, !hadNested.contains(nested) {
          added.append("\(name): \(line)")
        } else if nested == nil
          && ((!hadTable && Self.isTableFact(fact.key)) || fact.key == "count flag" || fact.key == "count sentinel"
            || fact.key == "write-back")
        {
          added.append("\(name): \(line)")
        } else {
          refusals.append("\(name): '\(line)' is new for a part of the hypercall the lock already describes")
        }
      }
    }
    for name in locked.hypercalls.keys.sorted() where now.hypercalls[name] == nil {
      refusals.append("\(name) is locked but gone from the spec")
    }
    let accepted = Set(now.accepted)
    for line in locked.accepted where !accepted.contains(line) {
      refusals.append("'\(line)' is locked but no longer in the spec")
    }
    added += now.accepted.filter { !locked.accepted.contains($0) }
    guard refusals.isEmpty else { return .refused(refusals) }
    return .extended(locking(release, of: model), lines: added)
  }

  /// Facts of a hypercall's sub-op table (as opposed to its number and names).
  static func isTableFact(_ key: String) -> Bool {
    key == "op argument" || key == "op mask" || key == "op mask name" || key == "op shift name"
      || key == "unused bits" || FactChange.split(key).op != nil
  }
}
