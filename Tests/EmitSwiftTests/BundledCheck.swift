import ABIModel
import Obligations

/// `abigen check` on the bundled spec (every migration, both widths), run once and shared by the
/// suites that replay its verdicts through the generated code.
enum BundledCheck {
  static let outcome: Result<CheckReport, Checker.Failure> = {
    var checker = Checker(model: BundledSpec.model, options: CheckOptions(jobs: 2))
    do throws(Checker.Failure) {
      return .success(try checker.run())
    } catch {
      return .failure(error)
    }
  }()

  static func report() throws -> CheckReport { try outcome.get() }

  /// The op-register migration obligations and their verdicts.
  static func migrations() throws -> [CheckReport.ObligationResult] {
    try report().results.filter { $0.obligation.kind == .migration }
  }

  /// The proved migration obligations out of `release`.
  static func provedMigrations(from release: String) throws -> [ProofObligation] {
    try migrations().filter { $0.outcome == .proved && $0.obligation.older == release }.map(\.obligation)
  }

  /// Every counterexample of every refuted migration obligation (failing, accepted or reported),
  /// and the representative of every migration finding, which the checker re-minimizes.
  static func migrationCounterexamples() throws -> [(ProofObligation, Counterexample)] {
    var all: [(ProofObligation, Counterexample)] = []
    for result in try migrations() {
      guard case .refuted(let counterexamples) = result.verdict else { continue }
      all += counterexamples.map { (result.obligation, $0) }
    }
    for finding in try report().findings where finding.obligation.kind == .migration {
      all.append((finding.obligation, finding.counterexample))
    }
    return all
  }
}
