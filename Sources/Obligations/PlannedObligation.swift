import ABIModel

/// An obligation with the model elements it is about, kept for putting the solver's answer in
/// the spec's words.
struct PlannedObligation: Sendable {
  enum Subject: Sendable {
    case multiplex(Release, Hypercall, Multiplex)
    case countFlag(Release, Hypercall, CountFlagEncoding)
    case migration(older: Release, Hypercall, Multiplex, newer: Release, Hypercall, Multiplex)
    /// Either side may lack the flag (a release that drops or adds it): then every count is a
    /// fresh call there.
    case countFlagMigration(
      older: Release, Hypercall, CountFlagEncoding?, newer: Release, CountFlagEncoding?, argument: ArgumentSlot)
    case table(older: Release, newer: Release)
  }

  var obligation: ProofObligation
  /// The queries that together decide the obligation: it holds when all of them do.
  var keys: [QueryKey]
  /// Which of each key's answers is this obligation's (see `QueryKey.facets`).
  var facet = 0
  var subject: Subject
  /// Positions of the releases in the history, for picking representatives and matching
  /// accepted breaks.
  var olderIndex: Int?
  var newerIndex: Int
}

/// The obligations a model and options call for.
struct ObligationPlanner {
  let model: ABIModel
  let options: CheckOptions
  let identities: IdentityTable
  private let shapes = ShapeMemo()

  /// Shapes already built while planning (a reference, so the planner's methods stay simple).
  final class ShapeMemo {
    var values: [String: DecoderShape] = [:]
  }

  init(model: ABIModel, options: CheckOptions, identities: IdentityTable) {
    self.model = model
    self.options = options
    self.identities = identities
  }

  struct UnknownName: Error, CustomStringConvertible {
    var description: String
  }

  func releaseIndex(_ name: String) throws(UnknownName) -> Int {
    guard let index = model.releaseIndex(named: name) else {
      throw UnknownName(
        description: "unknown release '\(name)' (known: \(model.releases.map(\.name).joined(separator: ", ")))")
    }
    return index
  }

  func plan() throws(UnknownName) -> [PlannedObligation] {
    let widths = model.guestWidths.filter { options.widths.isEmpty || options.widths.contains($0) }
    if let missing = options.widths.first(where: { !model.guestWidths.contains($0) }) {
      throw UnknownName(
        description:
          "no guest ABI is \(missing) bits wide (widths: \(model.guestWidths.map(String.init).joined(separator: ", ")))"
      )
    }
    let only = try options.release.map { name throws(UnknownName) in try releaseIndex(name) }
    let from = try options.from.map { name throws(UnknownName) in try releaseIndex(name) }
    let to = try options.to.map { name throws(UnknownName) in try releaseIndex(name) }
    if let from, let to, from >= to {
      throw UnknownName(description: "--from \(options.from!) is not older than --to \(options.to!)")
    }
    let pairSelection = from != nil || to != nil

    var planned: [PlannedObligation] = []
    for (index, release) in model.releases.enumerated() {
      if pairSelection { break }
      if let only, only != index { continue }
      for width in widths { planned += releaseObligations(release, index: index, width: width) }
    }
    for (older, newer) in model.migrationPolicy.releasePairs(releaseCount: model.releases.count) {
      if let only, only != older && only != newer { continue }
      if let from, from != older { continue }
      if let to, to != newer { continue }
      planned += migrationObligations(older: older, newer: newer, widths: widths)
    }
    return planned
  }

  /// Per op number of the older release when its values keep their op field (each is then
  /// decoded, in both releases, only by the ops its field can select); the whole pair otherwise.
  func migrationKeys(_ olderShape: DecoderShape, _ newerShape: DecoderShape) -> [QueryKey] {
    olderShape.slicesByNumber.map { slice in .migration(slice, newerShape.slice(seenBy: slice)) }
  }

  /// A release's decoder shape, built once per (release, hypercall, width): every release takes
  /// part in dozens of pairs.
  func shape(_ multiplex: Multiplex, of hypercall: Hypercall, in release: Release, width: Int) -> DecoderShape {
    let key = "\(release.name)\u{0}\(hypercall.lineage)\u{0}\(width)"
    if let known = shapes.values[key] { return known }
    let made = DecoderShape(multiplex, guestWidth: width, identities: identities)
    shapes.values[key] = made
    return made
  }

  /// Properties of each op's values are asked per op number (see `slicesByNumber`); the
  /// uniqueness of numbers is a property of the whole table.
  func releaseKeys(_ kind: ProofObligation.Kind, _ shape: DecoderShape) -> [QueryKey] {
    switch kind {
    case .numbersUnique:
      return [.release(kind, shape)]
    case .fieldsDisjoint:
      let slices = shape.slicesByNumber.filter { $0.ops.contains { $0.layout != .none } }
      return slices.isEmpty ? [.release(kind, shape)] : slices.map { .release(kind, $0) }
    default:
      return shape.slicesByNumber.map { .release(kind, $0) }
    }
  }

  func abiName(width: Int) -> String {
    model.guestABIs.first { $0.width == width }?.name ?? "\(width)-bit"
  }

  func releaseObligations(_ release: Release, index: Int, width: Int) -> [PlannedObligation] {
    var planned: [PlannedObligation] = []
    for hypercall in release.hypercalls {
      if let multiplex = hypercall.multiplex {
        let shape = shape(multiplex, of: hypercall, in: release, width: width)
        var kinds: [ProofObligation.Kind] = [.opFitsMask, .numbersUnique, .roundTrip, .liveValuesDistinct]
        // Only a register that carries progress has a progress field to keep apart.
        if shape.ops.contains(where: { $0.layout != .none }) { kinds.insert(.fieldsDisjoint, at: 2) }
        for kind in kinds {
          planned.append(
            PlannedObligation(
              obligation: ProofObligation(
                kind: kind, older: nil, release: release.name, guestWidth: width, guestABI: abiName(width: width),
                hypercall: hypercall.name),
              keys: releaseKeys(kind, shape), subject: .multiplex(release, hypercall, multiplex), olderIndex: nil,
              newerIndex: index))
        }
      }
      if let flag = hypercall.countFlag {
        planned.append(
          PlannedObligation(
            obligation: ProofObligation(
              kind: .countFlagRoundTrip, older: nil, release: release.name, guestWidth: width,
              guestABI: abiName(width: width), hypercall: hypercall.name),
            keys: [
              .countFlagRoundTrip(CountFlagShape(flag, guestWidth: width))
            ], subject: .countFlag(release, hypercall, flag), olderIndex: nil, newerIndex: index))
      }
    }
    return planned
  }

  /// The decoder of a release whose hypercall has no sub-op table: every op-register value
  /// is rejected.
  static func withoutSubOps(_ older: Multiplex, at hypercall: Hypercall) -> Multiplex {
    Multiplex(
      opArgument: older.opArgument, opMask: .wholeRegister, unusedBits: .rejected, subOps: [],
      location: hypercall.location)
  }

  func migrationObligations(older olderIndex: Int, newer newerIndex: Int, widths: [Int]) -> [PlannedObligation] {
    let older = model.releases[olderIndex]
    let newer = model.releases[newerIndex]
    var planned: [PlannedObligation] = []
    for width in widths {
      for hypercall in older.hypercalls {
        guard let successor = newer.hypercall(lineage: hypercall.lineage) else { continue }
        // A hypercall that lost its sub-op table is still checked against what older releases
        // write: conservatively, it runs none of their ops.
        if let multiplex = hypercall.multiplex {
          let newerMultiplex = successor.multiplex ?? Self.withoutSubOps(multiplex, at: successor)
          let keys = migrationKeys(
            shape(multiplex, of: hypercall, in: older, width: width),
            shape(newerMultiplex, of: successor, in: newer, width: width))
          planned.append(
            PlannedObligation(
              obligation: ProofObligation(
                kind: .migration, older: older.name, release: newer.name, guestWidth: width,
                guestABI: abiName(width: width), hypercall: hypercall.name),
              keys: keys,
              subject: .migration(older: older, hypercall, multiplex, newer: newer, successor, newerMultiplex),
              olderIndex: olderIndex, newerIndex: newerIndex))
          planned.append(
            PlannedObligation(
              obligation: ProofObligation(
                kind: .progressBound, older: older.name, release: newer.name, guestWidth: width,
                guestABI: abiName(width: width), hypercall: hypercall.name),
              keys: keys, facet: 1,
              subject: .migration(older: older, hypercall, multiplex, newer: newer, successor, newerMultiplex),
              olderIndex: olderIndex, newerIndex: newerIndex))
        }
        // A release that drops (or adds) the flag is checked against what the other writes.
        if let argument = hypercall.countFlag?.argument ?? successor.countFlag?.argument {
          let flag = hypercall.countFlag
          let newerFlag = successor.countFlag
          planned.append(
            PlannedObligation(
              obligation: ProofObligation(
                kind: .countFlagMigration, older: older.name, release: newer.name, guestWidth: width,
                guestABI: abiName(width: width), hypercall: hypercall.name),
              keys: [
                .countFlagMigration(
                  CountFlagShape(flag, argument: argument, guestWidth: width),
                  CountFlagShape(newerFlag, argument: newerFlag?.argument ?? argument, guestWidth: width))
              ],
              subject: .countFlagMigration(
                older: older, hypercall, flag, newer: newer, newerFlag, argument: argument),
              olderIndex: olderIndex, newerIndex: newerIndex))
        }
      }
    }
    // The number table can differ per guest ABI (3.0.0's 23), so it is checked per ABI.
    for abi in model.guestABIs where widths.contains(abi.width) {
      planned.append(
        PlannedObligation(
          obligation: ProofObligation(
            kind: .hypercallNumbers, older: older.name, release: newer.name, guestWidth: abi.width,
            guestABI: abi.name, hypercall: nil),
          keys: [
            .table(
              TableShape(older, abi: abi.name, identities: identities),
              TableShape(newer, abi: abi.name, identities: identities))
          ],
          subject: .table(older: older, newer: newer), olderIndex: olderIndex, newerIndex: newerIndex))
    }
    return planned
  }
}
