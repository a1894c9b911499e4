import ABIModel

/// Replays a failure of one release's own decoder through the model.
enum ReleaseReplay {
  typealias Mismatch = CounterexampleReplay.Mismatch

  static func hex(_ value: UInt64) -> String { CounterexampleReplay.hex(value) }

  /// Progress values `value` is live at for `op`, read back the way the release encodes them.
  static func isLive(_ value: UInt64, _ op: SubOp, in multiplex: Multiplex, guestWidth: Int) -> Bool {
    let width = multiplex.opWidth(guestWidth: guestWidth)
    let maximum = multiplex.maximumProgress(of: op, guestWidth: guestWidth)
    switch op.opRegisterLayout {
    case .none:
      return value == op.number & lowBitsMask(multiplex.opWidth(guestWidth: guestWidth))
    case .shifted(let shift):
      guard shift < 64 else { return value == op.number }
      // The progress read back, and the next one that wraps onto the same value when the
      // register is too narrow for the bound: both are values the release can write.
      let readBack = value >> UInt64(shift)
      let room = width - shift
      let wrapped = room > 0 && room < 64 ? readBack &+ (UInt64(1) << UInt64(room)) : readBack
      return [readBack, wrapped].contains { progress in
        progress <= maximum && multiplex.encode(op, progress: progress, guestWidth: guestWidth) == value
      }
    case .rawAligned:
      let mask = multiplex.opMask.value ?? 0
      return value & mask == op.number && (value & ~mask) <= maximum
    }
  }

  static func replay(_ found: FoundValue, _ kind: ProofObligation.Kind, _ multiplex: Multiplex, guestWidth: Int)
    throws(Mismatch) -> Counterexample
  {
    let argument = multiplex.opArgument.name
    let width = multiplex.opWidth(guestWidth: guestWidth)
    switch kind {
    case .opFitsMask:
      let limit = multiplex.opMask.value ?? lowBitsMask(width)
      guard let op = multiplex.subOps.first(where: { $0.number == found.value }), op.number > limit else {
        throw Mismatch(description: "no sub-op numbered \(found.value) exceeds \(hex(limit))")
      }
      return Counterexample(
        failure: .release(.opDoesNotFit), argument: argument, value: op.number, subject: op.name,
        toolsOnly: op.toolsOnly, olderReading: "\(op.name) = \(op.number) needs more than \(hex(limit))",
        newerReading: nil, cause: "op mask \(CounterexampleReplay.maskText(multiplex.opMask))",
        causeLocation: op.location)

    case .numbersUnique:
      let sharing = multiplex.subOps.filter { $0.number == found.value }
      guard sharing.count > 1 else { throw Mismatch(description: "number \(found.value) is not shared") }
      return Counterexample(
        failure: .release(.duplicateNumber), argument: argument, value: found.value, subject: sharing[0].name,
        toolsOnly: sharing[0].toolsOnly, olderReading: sharing.map(\.name).joined(separator: " and "),
        newerReading: nil, cause: "\(sharing[1].name) reuses \(found.value)", causeLocation: sharing[1].location)

    case .fieldsDisjoint:
      let progress = found.value
      let mask = multiplex.opMask.value ?? 0
      // The field `op` writes for `progress`, and whether it leaves the op field and the
      // register alone; `nil` when the op keeps no progress in the register.
      func field(_ op: SubOp) -> (UInt64, Bool)? {
        switch op.opRegisterLayout {
        case .shifted(let shift):
          let field = shift >= 64 ? 0 : progress << UInt64(shift)
          let lost = shift >= 64 ? progress != 0 : field >> UInt64(shift) != progress
          return (field, field & mask != 0 || field & ~lowBitsMask(width) != 0 || lost)
        case .rawAligned:
          return (progress, progress & mask != 0 || progress & ~lowBitsMask(width) != 0)
        case .none:
          return nil
        }
      }
      guard
        let op = multiplex.subOps.first(where: {
          $0.number == found.detail && field($0)?.1 == true
            && progress <= multiplex.maximumProgress(of: $0, guestWidth: guestWidth)
        }), let (bits, _) = field(op)
      else { throw Mismatch(description: "progress \(progress) fits every op numbered \(found.detail)") }
      return Counterexample(
        failure: .release(.fieldsOverlap), argument: argument, value: bits, subject: op.name,
        toolsOnly: op.toolsOnly,
        olderReading: "progress \(progress) of \(op.name) needs bits \(hex(bits)) of the \(width)-bit \(argument)",
        newerReading: nil, cause: "op mask \(CounterexampleReplay.maskText(multiplex.opMask))",
        causeLocation: op.location)

    case .roundTrip:
      let progress = found.detail
      guard
        let op = multiplex.subOps.first(where: {
          multiplex.encode($0, progress: progress, guestWidth: guestWidth) == found.value
            && progress <= multiplex.maximumProgress(of: $0, guestWidth: guestWidth)
        })
      else { throw Mismatch(description: "\(hex(found.value)) encodes no op at progress \(progress)") }
      let decoded = multiplex.decode(found.value, guestWidth: guestWidth)
      guard decoded.subOp?.lineage != op.lineage || decoded.progress != progress else {
        throw Mismatch(description: "\(hex(found.value)) round-trips")
      }
      let unit = CounterexampleReplay.progressName(op)
      return Counterexample(
        failure: .release(.roundTripFails), argument: argument, value: found.value, subject: op.name,
        toolsOnly: op.toolsOnly,
        olderReading:
          "\(op.name) preempted at \(unit) \(progress) is written as \(hex(found.value)) and read back as \(CounterexampleReplay.reading(decoded, unit: unit, showZero: true))",
        newerReading: nil,
        cause:
          "\(unit) is bounded by \(hex(multiplex.maximumProgress(of: op, guestWidth: guestWidth))), more than the \(width)-bit \(argument) holds",
        causeLocation: op.location)

    case .liveValuesDistinct:
      let owners = multiplex.subOps.filter { isLive(found.value, $0, in: multiplex, guestWidth: guestWidth) }
      guard Set(owners.map(\.lineage)).count > 1 else {
        throw Mismatch(description: "\(hex(found.value)) is live for one op only")
      }
      return Counterexample(
        failure: .release(.liveValueShared), argument: argument, value: found.value, subject: owners[0].name,
        toolsOnly: owners[0].toolsOnly, olderReading: "live for \(owners.map(\.name).joined(separator: " and "))",
        newerReading: nil, cause: "their encodings overlap", causeLocation: owners[1].location)

    default:
      throw Mismatch(description: "\(kind) is not a property of one release")
    }
  }
}
