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

  /// The op-register migration obligations between releases the checked-in code has, and their
  /// verdicts.
  static func migrations() throws -> [CheckReport.ObligationResult] {
    try report().results.filter { $0.obligation.kind == .migration && generated($0.obligation) }
  }

  /// Whether both releases of an obligation have generated code to replay it through.
  static func generated(_ obligation: ProofObligation) -> Bool {
    BundledSpec.isGenerated(obligation.older) && BundledSpec.isGenerated(obligation.release)
  }

  /// The proved migration obligations out of `release`.
  static func provedMigrations(from release: String) throws -> [ProofObligation] {
    try migrations().filter { $0.outcome == .proved && $0.obligation.older == release }.map(\.obligation)
  }

  /// "hypercall op older -> newer width" for every counterexample of the progress-bound
  /// obligations: continuations the newer release decodes alike but cannot carry on.
  static func progressBoundBreaks() throws -> Set<String> {
    var breaks: Set<String> = []
    for result in try report().results where result.obligation.kind == .progressBound {
      guard case .refuted(let counterexamples) = result.verdict, let older = result.obligation.older,
        let hypercall = result.obligation.hypercall
      else { continue }
      for counterexample in counterexamples {
        breaks.insert(
          "\(hypercall) \(counterexample.subject) \(older) -> \(result.obligation.release) \(result.obligation.guestWidth)"
        )
      }
    }
    return breaks
  }

  /// Every counterexample of every refuted migration obligation (failing, accepted or reported),
  /// and the representative of every migration finding, which the checker re-minimizes.
  static func migrationCounterexamples() throws -> [(ProofObligation, Counterexample)] {
    var all: [(ProofObligation, Counterexample)] = []
    for result in try migrations() {
      guard case .refuted(let counterexamples) = result.verdict else { continue }
      all += counterexamples.map { (result.obligation, $0) }
    }
    for finding in try report().findings where finding.obligation.kind == .migration && generated(finding.obligation) {
      all.append((finding.obligation, finding.counterexample))
    }
    return all
  }
}
