import ABIModel
import Obligations

/// Which structural changes a counterexample involves, most direct first: the first is the
/// one it is printed under. The decoders of both releases are run on the counterexample's value
/// to tell whether the op field, the progress or the op read moved.
struct ChangeBlame {
  let pair: ReleasePair
  let changes: [SpecChange]

  func index(_ kind: SpecChange.Kind, _ subject: SpecChange.Subject) -> Int? {
    changes.firstIndex { $0.kind == kind && $0.subject == subject }
  }

  /// The release that wrote the finding's value: the older release of its representative pair,
  /// which may be older than the diff's.
  static func writer(of finding: CheckReport.Finding, in pair: ReleasePair) -> Release? {
    finding.obligation.older.flatMap { pair.model.release(named: $0) } ?? pair.older
  }

  func involved(_ finding: CheckReport.Finding) -> [Int] {
    let example = finding.counterexample
    var found: [Int] = []
    func add(_ kind: SpecChange.Kind, _ subject: SpecChange.Subject) {
      if let index = index(kind, subject), !found.contains(index) { found.append(index) }
    }
    guard let writer = Self.writer(of: finding, in: pair) else { return [] }
    switch finding.obligation.kind {
    case .migration where example.failure == .migration(.interfaceRefused):
      // Refused before any table is read: the hypercall's interface version, whatever the table.
      let main = finding.obligation.hypercall.map { String($0.prefix { $0 != "." }) }
      if let main, let hypercall = writer.hypercall(named: main) {
        add(.interfaceVersion, .decoder(hypercall: hypercall.lineage))
      }
    case .migration, .progressBound:
      guard let name = finding.obligation.hypercall, let hypercall = writer.hypercall(named: name),
        let written = hypercall.multiplex, let op = written.subOp(named: example.subject)
      else { return [] }
      // A hypercall that lost its table decodes nothing.
      let after =
        pair.newer.hypercall(lineage: hypercall.lineage)?.multiplex
        ?? .withoutSubOps(readingValuesOf: written)
      // What the diff's older release made of the same value, to tell which of its changes matter.
      let before = pair.older.hypercall(lineage: hypercall.lineage)?.multiplex ?? written
      let lineage = hypercall.lineage
      let width = finding.obligation.guestWidth
      let decoder = SpecChange.Subject.decoder(hypercall: lineage)
      let subject = SpecChange.Subject.subOp(hypercall: lineage, lineage: op.lineage)
      add(.removed, subject)
      add(.renumbered, subject)
      if pair.newer.hypercall(lineage: hypercall.lineage)?.multiplex == nil { add(.multiplexed, decoder) }
      let carried = changes.contains {
        $0.kind == .opMask && $0.subject == decoder && $0.carriedSubOps.contains(op.name)
      }
      if carried || opField(example.value, before, width) != opField(example.value, after, width) {
        add(.opMask, decoder)
      }
      add(.continuation, subject)
      let reading = after.decode(example.value, guestWidth: width)
      if reading == .rejected(.unusedBitsSet) { add(.unusedBits, decoder) }
      if before.opArgument.type != after.opArgument.type { add(.opArgument, decoder) }
      if let other = reading.subOp, other.lineage != op.lineage {
        let otherSubject = SpecChange.Subject.subOp(hypercall: lineage, lineage: other.lineage)
        add(.added, otherSubject)
        add(.renumbered, otherSubject)
      }
    case .countFlagMigration:
      guard let name = finding.obligation.hypercall, let hypercall = writer.hypercall(named: name) else {
        return []
      }
      add(.countFlag, .countFlag(hypercall: hypercall.lineage))
    case .hypercallNumbers:
      guard let hypercall = writer.hypercall(named: example.subject) else { return [] }
      let subject = SpecChange.Subject.hypercall(lineage: hypercall.lineage)
      switch example.failure {
      case .migration(.hypercallReuse):
        add(.reused, .hypercallNumber(example.value))
        add(.removed, subject)
        add(.renumbered, subject)
      case .migration(.renumbered):
        add(.renumbered, subject)
      default:
        add(.removed, subject)
        add(.guestABIs, subject)
        add(.reused, .hypercallNumber(example.value))
      }
    default:
      return []
    }
    return found
  }

  /// The op field of `value` as `multiplex` reads it: the low mask bits, or the whole
  /// argument without a mask.
  func opField(_ value: UInt64, _ multiplex: Multiplex, _ guestWidth: Int) -> UInt64 {
    let argument = value & lowBitsMask(multiplex.opWidth(guestWidth: guestWidth))
    return multiplex.opMask.value.map { argument & $0 } ?? argument
  }
}
