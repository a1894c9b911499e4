import Dispatch

/// Work started on another thread when made, and awaited once: a check verifies the lock while
/// it plans and solves.
final class BackgroundWork<Failure: Error>: @unchecked Sendable {
  private let done = DispatchGroup()
  // Written by the work before `done` is left, read after it is waited for.
  private var failure: Failure?

  init(_ work: @escaping @Sendable () throws(Failure) -> Void) {
    done.enter()
    DispatchQueue.global().async {
      do throws(Failure) {
        try work()
      } catch {
        self.failure = error
      }
      self.done.leave()
    }
  }

  /// Waits for the work; rethrows what it threw.
  func wait() throws(Failure) {
    done.wait()
    if let failure { throw failure }
  }
}
