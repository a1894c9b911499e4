/// What to check and how hard to try.
public struct CheckOptions: Sendable {
  /// Only obligations about this release (its own properties and its migrations).
  public var release: String?
  /// Only the migration from this release ...
  public var from: String?
  /// ... to this one.
  public var to: String?
  /// Only these guest widths (bits); empty for all.
  public var widths: [Int]
  /// Per-query solver timeout.
  public var timeoutMilliseconds: UInt32
  /// Worker tasks, each with its own Z3 context.
  public var jobs: Int
  /// Keep every query's SMT-LIB2 text for `--dump-smt`.
  public var keepSMT: Bool
  /// A check that runs into the timeout is split on this many of its register's highest bits at
  /// most (up to `2^n` parts, each with the full timeout) before it is reported inconclusive.
  public var splitBits = 4
  /// Split every check this many bits deep, decided or not: for tests, which compare every
  /// split against the unsplit answer.
  public var forcedSplitBits = 0

  public init(
    release: String? = nil, from: String? = nil, to: String? = nil, widths: [Int] = [],
    timeoutMilliseconds: UInt32 = 10_000, jobs: Int = 1, keepSMT: Bool = false
  ) {
    self.release = release
    self.from = from
    self.to = to
    self.widths = widths
    self.timeoutMilliseconds = timeoutMilliseconds
    self.jobs = jobs
    self.keepSMT = keepSMT
  }
}
