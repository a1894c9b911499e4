import ArgumentParser

/// The one table of outcomes and exit codes every subcommand uses.
public enum ExitStatus: Int32, CaseIterable, Sendable {
  /// Everything holds / is up to date.
  case success = 0
  /// A property is refuted or the spec is invalid.
  case refutedOrInvalid = 1
  /// Generated files are stale.
  case stale = 2
  /// The solver could not decide (timeout, resource limit): never reported as proved.
  case inconclusive = 3
  /// A bug in abigen itself (for example a counterexample that does not replay).
  case internalError = 4
  /// Bad command line.
  case usage = 64

  public var exitCode: ExitCode { ExitCode(rawValue) }
}
