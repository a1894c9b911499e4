internal import CZ3
import Dispatch

/// Enforces a check's timeout by interrupting the context until the check returns.
///
/// Z3 4.8.12's own "timeout" can be lost: its timer may fire before the check resets the
/// context's cancel flag, or before a sub-solver attaches its resource limit, and the query
/// then runs unbounded. So after the deadline (plus a grace period for Z3's own timer) this
/// calls `Z3_interrupt`, which cancels every attached limit, and repeats until ``finish()``.
final class Watchdog: @unchecked Sendable {
  // @unchecked: the mutable state is only touched on `queue`, which is serial; `context` is
  // only used while `running`, and the check that owns the context outlives that.
  private let queue = DispatchQueue(label: "abigen.solver.watchdog")
  private let context: Z3_context
  private var running = true
  private var fired = false

  /// How long after the deadline Z3's own timer gets before the watchdog steps in, and how
  /// often it repeats the interrupt.
  static let graceMilliseconds = 10

  init(context: Z3_context, timeoutMilliseconds: UInt32) {
    self.context = context
    let first = Int(clamping: timeoutMilliseconds) + Self.graceMilliseconds
    schedule(afterMilliseconds: first)
  }

  private func schedule(afterMilliseconds delay: Int) {
    queue.asyncAfter(deadline: .now() + .milliseconds(delay)) { [self] in
      guard running else { return }
      fired = true
      Z3_interrupt(context)
      schedule(afterMilliseconds: Self.graceMilliseconds)
    }
  }

  /// Stops interrupting; returns whether any interrupt was sent.
  func finish() -> Bool {
    queue.sync {
      running = false
      return fired
    }
  }
}
