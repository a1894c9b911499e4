/// The ways a value that was live in an older release can change meaning in a newer one.
public enum BreakClass: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  /// The value decodes as a different sub-op.
  case alias
  /// Same sub-op, different progress: the call resumes at the wrong point.
  case progressCorrupted = "progress-corrupted"
  /// The newer release rejects a continuation the older one created.
  case continuationLost = "continuation-lost"
  /// Same op, different number.
  case renumbered
  /// A fresh call of an op the newer release no longer defines.
  case removed
  /// A `__HYPERVISOR_*` number that names a different hypercall.
  case hypercallReuse = "hypercall-reuse"
  /// The newer release refuses the call outright (-EACCES): the structure carries the older
  /// release's interface version, and the newer one requires another (`InterfaceVersionCheck`).
  case interfaceRefused = "interface-refused"

  /// A stable rule id for machine-readable reports (JSON, SARIF).
  public var ruleID: String {
    switch self {
    case .alias: return "ABI001"
    case .progressCorrupted: return "ABI002"
    case .continuationLost: return "ABI003"
    case .renumbered: return "ABI004"
    case .removed: return "ABI005"
    case .hypercallReuse: return "ABI006"
    case .interfaceRefused: return "ABI007"
    }
  }

  public static func < (lhs: BreakClass, rhs: BreakClass) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
