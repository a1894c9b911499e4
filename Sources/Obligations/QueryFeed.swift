import Foundation

/// The distinct queries of a check as the planner finds them. Solver workers take them in
/// batches while planning goes on: planning a long history is a serial pass over millions of
/// obligations, and the cores would otherwise wait for it before the first query is asked.
/// A batch is a fixed range of positions (`QuerySolver.batches`), so what a worker is handed
/// does not depend on how far the planner had got.
final class QueryFeed: @unchecked Sendable {
  // @unchecked: `keys` and `finished` are read and written with `condition` locked.
  private let condition = NSCondition()
  private var keys: [QueryKey] = []
  private var finished = false

  /// Adds keys found since the last call, in the order the planner found them.
  func publish<Keys: Collection<QueryKey>>(_ more: Keys) {
    guard !more.isEmpty else { return }
    condition.lock()
    keys.append(contentsOf: more)
    condition.broadcast()
    condition.unlock()
  }

  /// Planning is over: no more keys come.
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// The keys at `range`, waiting until the planner has found them all or finished; the part
  /// of the range that exists then (empty past the last key).
  func keys(at range: Range<Int>) -> ArraySlice<QueryKey> {
    condition.lock()
    defer { condition.unlock() }
    while !finished && keys.count < range.upperBound { condition.wait() }
    return keys[min(range.lowerBound, keys.count)..<min(range.upperBound, keys.count)]
  }

  /// How many keys there are; final once `finish` was called.
  var count: Int {
    condition.lock()
    defer { condition.unlock() }
    return keys.count
  }
}
