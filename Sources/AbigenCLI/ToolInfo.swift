import ABIModel
import ReleaseLock

/// What `abigen --version` prints and machine reports name as their producer.
enum ToolInfo {
  /// abigen's own version: bumped with each change to a command's behaviour or an output format.
  static let version = "0.2.0"

  /// Every format version this build reads and writes, so a CI can tell what a report holds.
  static var versionText: String {
    """
    abigen \(version)
    spec format \(SpecJSON.format) version \(SpecJSON.version) (reads 1 to \(SpecJSON.version))
    lock format \(ReleaseLock.format) version \(ReleaseLock.version)
    """
  }

  /// The exit codes every command uses (`ExitStatus`), for `abigen --help`.
  static let exitCodes = """
    Exit codes (every command):
      0   everything holds (accepted breaks and tools-only reports allowed), files up to date
      1   a property is refuted, the spec is invalid, a locked release changed, or output cannot
          be written
      2   generated files are stale (emit --check)
      3   inconclusive: the solver could not decide (never reported as proved)
      4   internal error
      64  usage error
    """
}

extension ToolInfo {
  /// Where a reader of a SARIF report learns about this abigen: the web address of the
  /// checkout's `origin` remote for the bundled spec; none when there is no such remote (the
  /// project has no other address of its own).
  static func informationURI(_ specOptions: SpecOptions) -> String? {
    specOptions.spec == nil ? Git.webAddress(ofOriginIn: specOptions.sourceRoot) : nil
  }
}
