internal import CZ3

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Enforces the timeout of a context's checks: one thread per context that interrupts the
/// context once the running check's deadline passes, and again every grace period until the
/// check returns.
///
/// Z3 4.8.12's own "timeout" parameter is not used: its timer can be lost (it may fire before the
/// check resets the context's cancel flag, or before a sub-solver attaches its resource limit,
/// and the query then runs unbounded), and it starts and stops a timer thread for every check,
/// which cost a third of the checker's time in system calls. `Z3_interrupt` cancels every
/// attached limit, so repeating it cannot be lost. Arming and disarming is one lock each, and
/// arming wakes the thread only when it sleeps past the new deadline: thousands of short checks
/// would otherwise cost a context switch each.
final class Watchdog: @unchecked Sendable {
  // @unchecked: every mutable field is read and written with `mutex` held; `context` is only
  // interrupted while a check is armed, and the owning SolverContext stops this thread (`stop`)
  // before it deletes the context.
  private let context: Z3_context
  private var mutex = pthread_mutex_t()
  private var condition = pthread_cond_t()
  private var thread: pthread_t?
  /// The armed check's deadline on the monotonic clock, nil when no check runs.
  private var deadline: timespec?
  private var fired = false
  private var stopping = false
  /// What the thread is doing. Sleeping until a time, it needs no signal for a deadline at or
  /// after that time: it then sleeps again until the deadline.
  private enum Sleep {
    case awake
    case untilArmed
    case until(timespec)
  }
  private var sleep = Sleep.awake

  /// How often the interrupt is repeated after the deadline until the check returns.
  static let graceMilliseconds = 10

  init(context: Z3_context) {
    self.context = context
    var attributes = pthread_condattr_t()
    pthread_condattr_init(&attributes)
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
    pthread_cond_init(&condition, &attributes)
    pthread_condattr_destroy(&attributes)
    pthread_mutex_init(&mutex, nil)
  }

  deinit {
    pthread_cond_destroy(&condition)
    pthread_mutex_destroy(&mutex)
  }

  /// Arms the watchdog for a check that starts now.
  func arm(milliseconds: UInt32) {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    if thread == nil { startThread() }
    let due = Self.now(plusMilliseconds: Int(milliseconds))
    deadline = due
    fired = false
    switch sleep {
    case .awake: break
    case .untilArmed: pthread_cond_signal(&condition)
    case .until(let wake): if Self.compare(due, wake) < 0 { pthread_cond_signal(&condition) }
    }
  }

  /// Disarms it when the check returned; whether an interrupt was sent.
  func disarm() -> Bool {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    deadline = nil
    return fired
  }

  /// Ends the thread; called by the owning context before it deletes the Z3 context.
  func stop() {
    pthread_mutex_lock(&mutex)
    stopping = true
    deadline = nil
    pthread_cond_signal(&condition)
    let running = thread
    pthread_mutex_unlock(&mutex)
    if let running { pthread_join(running, nil) }
  }

  private func startThread() {
    let unmanaged = Unmanaged.passRetained(self)
    var created = pthread_t()
    let status = pthread_create(
      &created, nil,
      { argument in
        let watchdog = Unmanaged<Watchdog>.fromOpaque(argument!).takeRetainedValue()
        watchdog.watch()
        return nil
      }, unmanaged.toOpaque())
    if status == 0 {
      thread = created
    } else {
      // Without a thread the timeout cannot be enforced; the check still runs, unbounded.
      unmanaged.release()
    }
  }

  private func watch() {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    while !stopping {
      guard var due = deadline else {
        sleep = .untilArmed
        pthread_cond_wait(&condition, &mutex)
        sleep = .awake
        continue
      }
      sleep = .until(due)
      let status = pthread_cond_timedwait(&condition, &mutex, &due)
      sleep = .awake
      if status == ETIMEDOUT, let armed = deadline,
        Self.compare(armed, due) == 0
      {
        fired = true
        Z3_interrupt(context)
        deadline = Self.now(plusMilliseconds: Self.graceMilliseconds)
      }
    }
  }

  private static func now(plusMilliseconds milliseconds: Int) -> timespec {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let nanoseconds = Int(now.tv_nsec) + (milliseconds % 1000) * 1_000_000
    now.tv_sec += milliseconds / 1000 + nanoseconds / 1_000_000_000
    now.tv_nsec = nanoseconds % 1_000_000_000
    return now
  }

  private static func compare(_ a: timespec, _ b: timespec) -> Int {
    if a.tv_sec != b.tv_sec { return a.tv_sec < b.tv_sec ? -1 : 1 }
    if a.tv_nsec != b.tv_nsec { return a.tv_nsec < b.tv_nsec ? -1 : 1 }
    return 0
  }
}
