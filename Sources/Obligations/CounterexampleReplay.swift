import ABIModel

/// Puts a value the solver found into the spec's words, by running it through the model's own
/// decoder. A value whose replay does not show the failure the solver claimed is an internal
/// error, never a report.
struct CounterexampleReplay {
  struct Mismatch: Error, CustomStringConvertible {
    var description: String
  }

  static func hex(_ value: UInt64) -> String { hexString(value) }

  // MARK: migration

  /// `refusal`: the newer release refuses the older one's interface version, with this answer
  /// (`newerMultiplex` then decodes nothing).
  static func migration(
    _ found: FoundValue, hypercall: String, older: Release, _ olderMultiplex: Multiplex, newer: Release,
    _ newerMultiplex: Multiplex, refusal: InterfaceRefusal? = nil, guestWidth: Int
  ) throws(Mismatch) -> (Counterexample, MigrationGroup) {
    let value = found.value
    let before = olderMultiplex.decode(value, guestWidth: guestWidth)
    let after = newerMultiplex.decode(value, guestWidth: guestWidth)
    guard let op = before.subOp, let progress = before.progress else {
      throw Mismatch(description: "\(hex(value)) is not a live value of \(older.name): \(before)")
    }
    let successor = newerMultiplex.subOp(lineage: op.lineage)
    // A hypervisor-internal op's value is only ever written as a continuation.
    let fresh = value == op.number && !op.hypervisorInternal
    let failure: BreakClass
    let group: MigrationGroup
    // The class follows from the value: a continuation the newer release rejects is lost
    // whether or not the op moved; only a fresh call of a moved op is `renumbered`.
    let renumbered = successor.map { $0.number != op.number } == true
    switch after {
    case .rejected:
      group = .rejected
      if refusal != nil {
        failure = .interfaceRefused
      } else if !fresh {
        failure = .continuationLost
      } else if successor == nil {
        failure = .removed
      } else if renumbered {
        failure = .renumbered
      } else {
        failure = .continuationLost
      }
    case .subOp(let other, let otherProgress):
      if other.lineage != op.lineage {
        group = .otherOp
        failure = fresh && renumbered ? .renumbered : .alias
      } else if otherProgress != progress {
        group = .otherProgress
        failure = .progressCorrupted
      } else {
        throw Mismatch(
          description:
            "\(hex(value)) means \(before) in both \(older.name) and \(newer.name); the solver said it differs")
      }
    }
    let unit = progressName(op)
    let olderText = reading(before, unit: unit, showZero: false)
    let newerText = refusal?.answer ?? reading(after, unit: unit, showZero: progress != 0)
    let (cause, location) =
      refusal.map { ($0.cause, Optional($0.location)) }
      ?? migrationCause(op: op, after: after, olderMultiplex, newer: newer, newerMultiplex, failure: failure)
    var counterexample = Counterexample(
      failure: .migration(failure), argument: olderMultiplex.opArgument.name, value: value, subject: op.name,
      toolsOnly: olderMultiplex.callersAreToolsOnly(op), olderReading: olderText, newerReading: newerText, cause: cause,
      causeLocation: location)
    counterexample.olderDecoding = DecodedReading(before)
    counterexample.newerDecoding = DecodedReading(after)
    // -EACCES for a refused interface version, not the -ENOSYS of an op it does not know.
    let rejection: BreakOutcome = refusal == nil ? .rejected : .refused
    counterexample.outcome = after.subOp.map { .op($0.name) } ?? rejection
    counterexample.identity = BreakIdentity(
      hypercall: hypercall, value: .subOp, subject: op.lineage, breakClass: failure,
      outcome: after.subOp.map { .op(lineage: $0.lineage) } ?? (refusal == nil ? .rejected : .refused))
    return (counterexample, group)
  }

  static func progressBound(
    _ found: FoundValue, hypercall: String, older: Release, _ olderMultiplex: Multiplex, newer: Release,
    _ newerMultiplex: Multiplex, guestWidth: Int
  ) throws(Mismatch) -> Counterexample {
    let value = found.value
    let before = olderMultiplex.decode(value, guestWidth: guestWidth)
    let after = newerMultiplex.decode(value, guestWidth: guestWidth)
    guard let op = before.subOp, let progress = before.progress, let successor = after.subOp,
      successor.lineage == op.lineage, after.progress == progress
    else {
      throw Mismatch(
        description: "\(hex(value)) does not read the same op and progress in \(older.name) and \(newer.name)")
    }
    let bound = newerMultiplex.maximumProgress(of: successor, guestWidth: guestWidth)
    guard progress > bound else {
      throw Mismatch(description: "\(hex(value)) is within \(newer.name)'s bound \(hex(bound)) for \(op.name)")
    }
    let unit = progressName(op)
    let olderBound = olderMultiplex.maximumProgress(of: op, guestWidth: guestWidth)
    var counterexample = Counterexample(
      failure: .migration(.continuationLost), argument: olderMultiplex.opArgument.name, value: value, subject: op.name,
      toolsOnly: olderMultiplex.callersAreToolsOnly(op), olderReading: reading(before, unit: unit, showZero: true),
      newerReading: "the same, but bounds \(unit) by \(hex(bound)) and refuses the request",
      cause:
        "\(op.name) progress bound \(boundText(op.continuation?.bound, olderBound)) -> \(boundText(successor.continuation?.bound, bound))",
      causeLocation: successor.location)
    counterexample.olderDecoding = DecodedReading(before)
    counterexample.newerDecoding = DecodedReading(after)
    counterexample.outcome = .refused
    counterexample.identity = BreakIdentity(
      hypercall: hypercall, value: .subOp, subject: op.lineage, breakClass: .continuationLost, outcome: .refused)
    return counterexample
  }

  static func boundText(_ bound: ProgressBound?, _ value: UInt64) -> String {
    bound.flatMap(\.cExpression) ?? hex(value)
  }

  static func progressName(_ op: SubOp) -> String {
    op.continuation?.progressName ?? "progress"
  }

  static func reading(_ decoded: DecodedOp, unit: String, showZero: Bool) -> String {
    switch decoded {
    case .rejected(let reason):
      return "-ENOSYS (\(reason.rawValue))"
    case .subOp(let op, let progress):
      if progress != 0 { return "\(op.name) resuming at \(unit) \(progress)" }
      return showZero ? "\(op.name) at \(unit) 0" : op.name
    }
  }

  static func migrationCause(
    op: SubOp, after: DecodedOp, _ olderMultiplex: Multiplex, newer: Release, _ newerMultiplex: Multiplex,
    failure: BreakClass
  ) -> (String, SourceLocation?) {
    var causes: [String] = []
    var location: SourceLocation?
    func add(_ text: String, _ at: SourceLocation?) {
      causes.append(text)
      if location == nil { location = at }
    }
    if olderMultiplex.opMask.bits != newerMultiplex.opMask.bits {
      add(
        "op mask \(maskText(olderMultiplex.opMask)) -> \(maskText(newerMultiplex.opMask))", newerMultiplex.location)
    }
    if let successor = newerMultiplex.subOp(lineage: op.lineage) {
      if successor.number != op.number {
        add("\(op.name) renumbered \(op.number) -> \(successor.number)", successor.location)
      } else if successor.continuation?.kinds != op.continuation?.kinds
        || successor.opRegisterLayout != op.opRegisterLayout
      {
        add(
          "\(op.name) continuation \(continuationText(op.continuation)) -> \(continuationText(successor.continuation))",
          successor.location)
      }
    } else {
      // No release names here: pairs whose decoders are the same share the counterexample.
      add("the newer release no longer defines \(op.name)", nil)
    }
    if olderMultiplex.unusedBits != newerMultiplex.unusedBits {
      add(
        "unused high bits \(olderMultiplex.unusedBits.rawValue) -> \(newerMultiplex.unusedBits.rawValue)",
        newerMultiplex.location)
    }
    if case .subOp(let other, _) = after, other.lineage != op.lineage {
      add("the newer release defines \(other.name) = \(other.number)", other.location)
    }
    return (causes.isEmpty ? "the decoders differ" : causes.joined(separator: "; "), location)
  }

  static func maskText(_ mask: OpMask) -> String {
    mask.value.map(hex) ?? "none"
  }

  static func continuationText(_ continuation: ContinuationEncoding?) -> String {
    guard let continuation else { return "none" }
    var text = continuation.kinds.map(\.rawValue).joined(separator: "+")
    if let shift = continuation.shift { text += " << \(shift)" }
    return text
  }

  // MARK: count flag

  /// What a release reads from a count value: with no flag, every value is a fresh call of
  /// that many entries.
  static func countReading(_ flag: CountFlagEncoding?, _ value: UInt64, nullHandles: Bool, width: Int) -> CountReading {
    guard let flag else { return .fresh(count: value & lowBitsMask(width)) }
    return flag.reading(value, nullHandles: nullHandles, guestWidth: width)
  }

  static func countFlagMigration(
    _ found: FoundValue, older: Release, _ hypercall: Hypercall, _ flag: CountFlagEncoding?, newer: Release,
    _ newerFlag: CountFlagEncoding?, argument: ArgumentSlot, guestWidth: Int
  ) throws(Mismatch) -> Counterexample {
    let width = argument.type.bits(guestWidth: guestWidth)
    // The solver's detail: whether the sentinel's handle arguments are NULL in this value's registers.
    let nullHandles = found.detail != 0
    let before = countReading(flag, found.value, nullHandles: nullHandles, width: width)
    let after = countReading(newerFlag, found.value, nullHandles: nullHandles, width: width)
    guard before != after else {
      throw Mismatch(description: "count \(hex(found.value)) reads the same in \(older.name) and \(newer.name)")
    }
    func resumed(_ reading: CountReading) -> Bool {
      if case .fresh = reading { return false }
      return true
    }
    // The class is the mode, decided from the value: a resumed call (or the sentinel) read as
    // something else is a lost continuation, a fresh call read as resumed runs as if it had
    // done work already.
    let failure: BreakClass =
      before == .sentinel || after == .sentinel
      ? .continuationLost
      : resumed(before) == resumed(after) ? .progressCorrupted : resumed(before) ? .continuationLost : .alias
    func flagText(_ flag: CountFlagEncoding?) -> String {
      guard let flag else { return "none" }
      return "bit \(flag.flagBit)" + (flag.sentinel != nil ? " with the sentinel" : "")
    }
    var olderText = before.description
    var newerText = after.description
    let sentinel = (before == .sentinel || after == .sentinel) ? flag?.sentinel ?? newerFlag?.sentinel : nil
    if let sentinel {
      let registers = " (arguments \(sentinel.nullArguments.map(String.init).joined(separator: ", ")) NULL)"
      if before == .sentinel {
        olderText += " in '\(sentinel.returnCode.name)'" + registers
        newerText += "; the return code in '\(sentinel.returnCode.name)' is lost"
      } else {
        newerText += " in '\(sentinel.returnCode.name)'" + registers
      }
    }
    var counterexample = Counterexample(
      failure: .migration(failure), argument: argument.name, value: found.value, subject: hypercall.name,
      toolsOnly: false, olderReading: olderText, newerReading: newerText,
      cause: "\((flag ?? newerFlag)?.flagName ?? "count flag") \(flagText(flag)) -> \(flagText(newerFlag))",
      causeLocation: newerFlag?.sentinel?.location ?? newerFlag?.location
        ?? newer.hypercall(lineage: hypercall.lineage)?.location)
    counterexample.nullArguments = sentinel?.nullArguments ?? []
    counterexample.outcome = resumed(after) ? .resumedCall : .freshCall
    counterexample.identity = BreakIdentity(
      hypercall: hypercall.lineage, value: before == .sentinel ? .countSentinel : .count, subject: hypercall.lineage,
      breakClass: failure, outcome: resumed(after) ? .resumedCall : .freshCall)
    return counterexample
  }

  static func countFlagRoundTrip(
    _ found: FoundValue, _ hypercall: Hypercall, _ flag: CountFlagEncoding, guestWidth: Int
  )
    throws(Mismatch) -> Counterexample
  {
    let read = flag.decode(found.value, guestWidth: guestWidth)
    let width = flag.argument.type.bits(guestWidth: guestWidth)
    guard flag.flagBit >= width || read.remaining >= flag.flagValue else {
      throw Mismatch(description: "count \(hex(found.value)) round-trips through \(hypercall.name)'s flag")
    }
    return Counterexample(
      failure: .release(.roundTripFails), argument: flag.argument.name, value: found.value, subject: hypercall.name,
      toolsOnly: false, olderReading: "resumed \(read.resumed), remaining \(read.remaining)", newerReading: nil,
      cause: "flag bit \(flag.flagBit) in a \(width)-bit count", causeLocation: flag.location)
  }

  // MARK: hypercall table

  static func table(_ found: FoundValue, older: Release, newer: Release, abi: String) throws(Mismatch) -> Counterexample
  {
    let number = found.value
    // Searched in place: a release's hypercalls are large values, and a long history replays
    // thousands of these.
    guard let before = older.hypercalls.first(where: { $0.number == number && $0.isDefined(for: abi) }) else {
      throw Mismatch(description: "\(older.name) defines no hypercall \(number) for \(abi)")
    }
    let after = newer.hypercalls.first { $0.number == number && $0.isDefined(for: abi) }
    let moved = newer.hypercalls.first { $0.lineage == before.lineage && $0.isDefined(for: abi) }
    if let after, after.lineage == before.lineage {
      throw Mismatch(description: "hypercall \(number) is \(before.name) in both \(older.name) and \(newer.name)")
    }
    let failure: BreakClass = after != nil ? .hypercallReuse : moved != nil ? .renumbered : .removed
    let newerText: String
    if let after {
      newerText = after.cName
    } else if let moved {
      newerText = "nothing (\(moved.cName) moved to \(moved.number))"
    } else {
      newerText = "nothing: -ENOSYS"
    }
    var counterexample = Counterexample(
      failure: .migration(failure), argument: "hypercall number", value: number, subject: before.name,
      toolsOnly: false, olderReading: before.cName, newerReading: newerText,
      cause: after.map { "\(newer.name) gives \(number) to \($0.name)" } ?? "\(newer.name) withdrew \(before.name)",
      causeLocation: after?.location ?? moved?.location)
    counterexample.outcome = after.map { .op($0.name) } ?? .rejected
    counterexample.identity = BreakIdentity(
      hypercall: before.lineage, value: .hypercallNumber, subject: before.lineage, breakClass: failure,
      outcome: after.map { .op(lineage: $0.lineage) } ?? .rejected)
    return counterexample
  }
}

extension CounterexampleReplay {
  // MARK: continuations re-issued as another hypercall

  /// A continuation slot of the older release (`TableShape(continuationTargetsOf:)`) that the
  /// newer one does not carry: the number reaches nothing, another hypercall, or the same one
  /// with no continuation of that op.
  static func continuationTarget(
    _ found: FoundValue, older: Release, newer: Release, abi: String, identities: IdentityTable
  ) throws(Mismatch) -> Counterexample {
    let number = found.value >> TableShape.continuationSlotShift
    let opIdentity = Int(found.value & lowBitsMask(Int(TableShape.continuationSlotShift)))
    let switching = older.hypercalls.filter { $0.isDefined(for: abi) }.flatMap { hypercall in
      (hypercall.multiplex?.subOps ?? []).map { (hypercall, $0) }
    }
    guard
      let (hypercall, op) = switching.first(where: { identities.id(of: $0.1.lineage) == opIdentity }),
      let name = op.continuation?.switchesTo, let target = older.hypercall(named: name), target.number == number
    else {
      throw Mismatch(description: "\(older.name) re-issues no continuation as hypercall \(number) for \(abi)")
    }
    let after = newer.hypercalls.first { $0.number == number && $0.isDefined(for: abi) }
    let carried = newer.hypercall(lineage: hypercall.lineage)?.multiplex?.subOp(lineage: op.lineage)?.continuation?
      .switchesTo.flatMap { newer.hypercall(named: $0) }
    if let after, after.lineage == target.lineage, carried?.lineage == target.lineage {
      throw Mismatch(description: "\(newer.name) re-issues \(op.name) as \(target.name) too")
    }
    let failure: BreakClass = after.map { $0.lineage != target.lineage } == true ? .alias : .continuationLost
    let newerText: String
    if let after, after.lineage != target.lineage {
      newerText = "\(after.cName), another hypercall"
    } else if let after {
      newerText = "\(after.cName), which carries no continuation of \(op.name): -ENOSYS"
    } else {
      newerText = "nothing: -ENOSYS"
    }
    var counterexample = Counterexample(
      failure: .migration(failure), argument: "hypercall number", value: number, subject: op.name,
      toolsOnly: op.toolsOnly,
      olderReading: "\(target.cName), the continuation of \(op.name) (\(hypercall.name))", newerReading: newerText,
      cause: failure == .alias
        ? "\(newer.name) gives \(number) to \(after!.name)"
        : "\(newer.name) does not re-issue \(op.name) as \(target.name)",
      causeLocation: newer.hypercall(lineage: hypercall.lineage)?.multiplex?.subOp(lineage: op.lineage)?.location
        ?? after?.location)
    counterexample.outcome = failure == .alias ? .op(after!.name) : .rejected
    counterexample.identity = BreakIdentity(
      hypercall: hypercall.lineage, value: .continuationNumber, subject: op.lineage, breakClass: failure,
      outcome: failure == .alias ? .op(lineage: after!.lineage) : .rejected)
    return counterexample
  }
}

extension CounterexampleReplay {
  // MARK: write-back into guest memory

  /// A live value of the older release's op register that the newer release reads otherwise
  /// from the guest structure the batching hypercall wrote it back into than from the register.
  static func writeBack(
    _ found: FoundValue, hypercall: Hypercall, older: Release, _ olderMultiplex: Multiplex, newer: Release,
    _ newerMultiplex: Multiplex, store: Int, load: Int, _ writeBack: WriteBack, abi: GuestABI
  ) throws(Mismatch) -> Counterexample {
    let value = found.value
    let width = abi.width
    let kept = value & lowBitsMask(min(store, load))
    // What the older release wrote, as it reads it itself (for a pair, the newer release's own
    // reading of the register is the register migration's question).
    let written = olderMultiplex.decode(value, guestWidth: width)
    guard let op = written.subOp else {
      throw Mismatch(description: "\(hex(value)) is not a live value of \(older.name)")
    }
    let direct = newerMultiplex.decode(value, guestWidth: width)
    let stored = newerMultiplex.decode(kept, guestWidth: width)
    guard let read = direct.subOp, let progress = direct.progress, direct != stored else {
      throw Mismatch(
        description: "\(hex(value)) reads the same from \(writeBack.structure) as from the register in \(newer.name)")
    }
    let failure: BreakClass
    switch stored {
    case .rejected: failure = .continuationLost
    case .subOp(let other, _): failure = other.lineage != read.lineage ? .alias : .progressCorrupted
    }
    let unit = progressName(read)
    let field = writeBack.argumentField(olderMultiplex.opArgument.index)
    let same = older.name == newer.name
    let layout =
      same
      ? "\(field) is \(store) bits for \(abi.name)"
      : "\(field) is \(store) bits for \(abi.name) in \(older.name) and \(load) in \(newer.name)"
    let fromRegister = reading(written, unit: progressName(op), showZero: false) + " from the register"
    let fromMemory = reading(stored, unit: unit, showZero: progress != 0) + " from \(field)"
    var counterexample = Counterexample(
      failure: same ? .release(.writeBackChanges) : .migration(failure),
      argument: "\(field) (\(olderMultiplex.opArgument.name))", value: value, subject: op.name, toolsOnly: op.toolsOnly,
      // A release's own write-back is one reading: the register's, and the memory's that differs.
      olderReading: same ? fromRegister + ", but " + fromMemory : fromRegister, newerReading: same ? nil : fromMemory,
      cause:
        "\(layout), narrower than the \(olderMultiplex.opWidth(guestWidth: width))-bit '\(olderMultiplex.opArgument.name)'",
      causeLocation: writeBack.location)
    counterexample.olderDecoding = DecodedReading(direct)
    counterexample.newerDecoding = DecodedReading(stored)
    counterexample.outcome = stored.subOp.map { .op($0.name) } ?? .rejected
    counterexample.identity = BreakIdentity(
      hypercall: hypercall.lineage, value: .writtenBack, subject: op.lineage, breakClass: failure,
      outcome: stored.subOp.map { .op(lineage: $0.lineage) } ?? .rejected)
    return counterexample
  }
}
