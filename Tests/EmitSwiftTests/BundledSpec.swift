import ABIModel
import XenDispatch
import XenSpec

/// The bundled Xen model and the generated code for it, matched up by name.
enum BundledSpec {
  static let model: ABIModel = {
    do {
      return try Xen.spec.model()
    } catch {
      fatalError("the bundled spec does not load: \(error)")
    }
  }()

  /// The releases the checked-in code has a namespace for: the release each line starts with, and
  /// master (point releases are emitted on request only).
  static let generatedReleaseNames: [String] = model.lineReleases.map(\.name)

  static func isGenerated(_ release: String?) -> Bool {
    release.map { generated.contains($0) } ?? false
  }

  private static let generated = Set(generatedReleaseNames)

  /// Guest register widths the generated code is compared at.
  static let guestWidths = [32, 64]

  static func generated(_ release: String) -> (any ReleaseABI.Type)? {
    XenReleases.release(named: release)
  }

  /// The model as each architecture's guests see it.
  static let views: [String: ABIModel] = Dictionary(
    uniqueKeysWithValues: model.architectures.map { ($0, model.viewed(on: $0)) })

  /// The architecture of the guest ABI an obligation names.
  static func architecture(ofABI name: String) -> String? {
    model.guestABI(named: name)?.architecture
  }

  /// The table of `hypercall` (`memory_op`, or a nested one: `memory_op.access_op`), as guests of
  /// `architecture` see it (what every architecture shares when `nil`).
  static func multiplex(_ release: String, _ hypercall: String, architecture: String? = nil) -> Multiplex? {
    let viewed = architecture.flatMap { views[$0] } ?? model
    return viewed.release(named: release)?.hypercalls.lazy.flatMap(\.tables).first { $0.name == hypercall }?.multiplex
  }

  /// What `release` calls the hypercall `older` calls `hypercall`: the same lineage (number and
  /// meaning), whatever its name there (`sched_op` 6 of 3.0.0 is `sched_op_compat` in 3.0.2, where
  /// `sched_op` is the new 29). The name itself when `release` has no such hypercall.
  static func successor(of hypercall: String, in older: String, at release: String) -> String {
    guard let lineage = model.release(named: older)?.hypercall(named: hypercall)?.lineage,
      let successor = model.release(named: release)?.hypercalls.first(where: { $0.lineage == lineage })
    else { return hypercall }
    return successor.name
  }
}

/// Whether the generated decoder's answer is the model's, op for op and progress for progress.
func agrees<Op: MultiplexedSubOp>(_ generated: Decoded<Op>, _ reference: DecodedOp) -> Bool {
  switch (generated, reference) {
  case (.subOp(let op, let progress), .subOp(let subOp, let expected)):
    return op.rawValue == subOp.number && op.cName == subOp.name && progress == expected
  case (.rejected(let reason), .rejected(let expected)):
    return reason.rawValue == expected.rawValue
  default:
    return false
  }
}

/// SplitMix64: a small seeded generator, so the random values are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A stable seed from a text (FNV-1a), so each release and hypercall gets its own values.
func seed(_ text: String) -> UInt64 {
  text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
}
