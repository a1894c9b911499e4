import Dispatch

/// Work run on another thread and awaited once: a check verifies the lock while its own work
/// leaves a core free.
final class BackgroundWork<Failure: Error>: @unchecked Sendable {
  private let done = DispatchGroup()
  private let work: @Sendable () throws(Failure) -> Void
  // Only the thread that made this work starts and awaits it.
  private var started = false
  // Written by the work before `done` is left, read after it is waited for.
  private var failure: Failure?

  /// Work that starts when `start` is called (or at the latest when it is waited for).
  init(startingLater work: @escaping @Sendable () throws(Failure) -> Void) {
    self.work = work
  }

  /// Starts the work on another thread, once.
  func start() {
    guard !started else { return }
    started = true
    done.enter()
    DispatchQueue.global().async {
      do throws(Failure) {
        try self.work()
      } catch {
        self.failure = error
      }
      self.done.leave()
    }
  }

  /// Waits for the work, starting it if it has not started; rethrows what it threw.
  func wait() throws(Failure) {
    start()
    done.wait()
    if let failure { throw failure }
  }
}
