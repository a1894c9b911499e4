import ABIModel

/// An obligation with the model elements it is about, kept for putting the solver's answer in
/// the spec's words.
struct PlannedObligation: Sendable {
  /// What the obligation is about, resolved: the model's own values, for replay and reports.
  enum ResolvedSubject: Sendable {
    case multiplex(Release, Hypercall, Multiplex)
    case countFlag(Release, Hypercall, CountFlagEncoding)
    case migration(older: Release, Hypercall, Multiplex, newer: Release, Hypercall, Multiplex)
    /// Either side may lack the flag (a release that drops or adds it): then every count is a
    /// fresh call there.
    case countFlagMigration(
      older: Release, Hypercall, CountFlagEncoding?, newer: Release, CountFlagEncoding?, argument: ArgumentSlot)
    case table(older: Release, newer: Release)
  }

  /// What the obligation is about, as positions in the model (releases, and hypercalls within
  /// them): a few words per obligation however many there are, resolved only for the ones
  /// that are reported.
  enum Subject: Sendable {
    case multiplex(release: Int, hypercall: Int)
    case countFlag(release: Int, hypercall: Int)
    case migration(older: Int, hypercall: Int, newer: Int, successor: Int)
    case countFlagMigration(older: Int, hypercall: Int, newer: Int, successor: Int)
    case table(older: Int, newer: Int)

    func resolved(in model: ABIModel) -> ResolvedSubject {
      switch self {
      case .multiplex(let release, let hypercall):
        let value = model.releases[release].hypercalls[hypercall]
        return .multiplex(model.releases[release], value, value.multiplex!)
      case .countFlag(let release, let hypercall):
        let value = model.releases[release].hypercalls[hypercall]
        return .countFlag(model.releases[release], value, value.countFlag!)
      case .migration(let older, let hypercall, let newer, let successor):
        let (olderRelease, newerRelease) = (model.releases[older], model.releases[newer])
        let (before, after) = (olderRelease.hypercalls[hypercall], newerRelease.hypercalls[successor])
        let multiplex = before.multiplex!
        return .migration(
          older: olderRelease, before, multiplex, newer: newerRelease, after,
          after.multiplex ?? .withoutSubOps(readingValuesOf: multiplex, location: after.location))
      case .countFlagMigration(let older, let hypercall, let newer, let successor):
        let (olderRelease, newerRelease) = (model.releases[older], model.releases[newer])
        let (before, after) = (olderRelease.hypercalls[hypercall], newerRelease.hypercalls[successor])
        return .countFlagMigration(
          older: olderRelease, before, before.countFlag, newer: newerRelease, after.countFlag,
          argument: (before.countFlag ?? after.countFlag)!.argument)
      case .table(let older, let newer):
        return .table(older: model.releases[older], newer: model.releases[newer])
      }
    }
  }

  var obligation: ProofObligation
  /// The queries that together decide the obligation, as positions in the planner's key table:
  /// it holds when all of them do. Pairs of releases whose decoders are the same share one array.
  var keys: [Int]
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
  /// Every distinct query the plan asks, once: obligations refer to them by position.
  let keyTable = KeyTable()

  /// Shapes already built while planning, interned: a shape that many releases share is one
  /// entry (a reference, so the planner's methods stay simple).
  final class ShapeMemo {
    /// (release, hypercall lineage, width) -> shape id.
    var ids: [String: Int] = [:]
    var byShape: [DecoderShape: Int] = [:]
    var shapes: [DecoderShape] = []
    /// The migration keys of (older shape id, newer shape id): one computation and one array for
    /// every pair of releases whose decoders are these.
    var migrationKeys: [Pair: [Int]] = [:]
    /// The release keys of (kind, shape id).
    var releaseKeys: [ReleaseKey: [Int]] = [:]

    struct Pair: Hashable {
      var older: Int
      var newer: Int
    }

    struct ReleaseKey: Hashable {
      var kind: ProofObligation.Kind
      var shape: Int
    }
  }

  /// Distinct queries, each at one position.
  final class KeyTable {
    private var positions: [QueryKey: Int] = [:]
    private(set) var keys: [QueryKey] = []

    func id(_ key: QueryKey) -> Int {
      if let known = positions[key] { return known }
      positions[key] = keys.count
      keys.append(key)
      return keys.count - 1
    }

    func ids(_ keys: [QueryKey]) -> [Int] { keys.map(id) }
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
  /// Computed once per pair of distinct shapes.
  func migrationKeys(_ older: Int, _ newer: Int) -> [Int] {
    let pair = ShapeMemo.Pair(older: older, newer: newer)
    if let known = shapes.migrationKeys[pair] { return known }
    let newerShape = shapes.shapes[newer]
    let made = keyTable.ids(
      shapes.shapes[older].slicesByNumber.map { slice in .migration(slice, newerShape.slice(seenBy: slice)) })
    shapes.migrationKeys[pair] = made
    return made
  }

  /// A release's decoder shape, built once per (release, hypercall, width), as the id of the
  /// distinct shape: every release takes part in dozens of pairs, and most releases leave a
  /// hypercall as it was.
  func shapeID(_ multiplex: Multiplex, of hypercall: Hypercall, in release: Release, width: Int) -> Int {
    let key = "\(release.name)\u{0}\(hypercall.lineage)\u{0}\(width)"
    if let known = shapes.ids[key] { return known }
    let made = DecoderShape(multiplex, guestWidth: width, identities: identities)
    let id = shapes.byShape[made] ?? shapes.shapes.count
    if id == shapes.shapes.count {
      shapes.byShape[made] = id
      shapes.shapes.append(made)
    }
    shapes.ids[key] = id
    return id
  }

  func shape(_ id: Int) -> DecoderShape { shapes.shapes[id] }

  /// The release keys of `kind` for the shape `id`, once per distinct shape.
  func releaseKeys(_ kind: ProofObligation.Kind, _ id: Int) -> [Int] {
    let key = ShapeMemo.ReleaseKey(kind: kind, shape: id)
    if let known = shapes.releaseKeys[key] { return known }
    let made = keyTable.ids(releaseKeys(kind, shapes.shapes[id]))
    shapes.releaseKeys[key] = made
    return made
  }

  /// Properties of each op's values are asked per op number (see `slicesByNumber`); the
  /// uniqueness of numbers is a property of the whole table.
  func releaseKeys(_ kind: ProofObligation.Kind, _ shape: DecoderShape) -> [QueryKey] {
    switch kind {
    case .numbersUnique:
      // Whether two ops share a number depends only on the ops at that number, whatever the
      // layouts: always one query per number, shared by every release with the same ops there.
      return shape.numbers.map { .release(kind, shape.slice(number: $0)) }
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
    for (position, hypercall) in release.hypercalls.enumerated() {
      if let multiplex = hypercall.multiplex {
        let id = shapeID(multiplex, of: hypercall, in: release, width: width)
        let shape = shape(id)
        var kinds: [ProofObligation.Kind] = [.opFitsMask, .numbersUnique, .roundTrip, .liveValuesDistinct]
        // Only a register that carries progress has a progress field to keep apart.
        if shape.ops.contains(where: { $0.layout != .none }) { kinds.insert(.fieldsDisjoint, at: 2) }
        for kind in kinds {
          planned.append(
            PlannedObligation(
              obligation: ProofObligation(
                kind: kind, older: nil, release: release.name, guestWidth: width, guestABI: abiName(width: width),
                hypercall: hypercall.name),
              keys: releaseKeys(kind, id), subject: .multiplex(release: index, hypercall: position), olderIndex: nil,
              newerIndex: index))
        }
      }
      if let flag = hypercall.countFlag {
        planned.append(
          PlannedObligation(
            obligation: ProofObligation(
              kind: .countFlagRoundTrip, older: nil, release: release.name, guestWidth: width,
              guestABI: abiName(width: width), hypercall: hypercall.name),
            keys: keyTable.ids([.countFlagRoundTrip(CountFlagShape(flag, guestWidth: width))]),
            subject: .countFlag(release: index, hypercall: position), olderIndex: nil, newerIndex: index))
      }
    }
    return planned
  }

  func migrationObligations(older olderIndex: Int, newer newerIndex: Int, widths: [Int]) -> [PlannedObligation] {
    let older = model.releases[olderIndex]
    let newer = model.releases[newerIndex]
    var planned: [PlannedObligation] = []
    for width in widths {
      for (position, hypercall) in older.hypercalls.enumerated() {
        guard let successorPosition = newer.hypercalls.firstIndex(where: { $0.lineage == hypercall.lineage }) else {
          continue
        }
        let successor = newer.hypercalls[successorPosition]
        // A hypercall that lost its sub-op table is still checked against what older releases
        // write: conservatively, it runs none of their ops.
        if let multiplex = hypercall.multiplex {
          let newerMultiplex =
            successor.multiplex ?? .withoutSubOps(readingValuesOf: multiplex, location: successor.location)
          let keys = migrationKeys(
            shapeID(multiplex, of: hypercall, in: older, width: width),
            shapeID(newerMultiplex, of: successor, in: newer, width: width))
          planned.append(
            PlannedObligation(
              obligation: ProofObligation(
                kind: .migration, older: older.name, release: newer.name, guestWidth: width,
                guestABI: abiName(width: width), hypercall: hypercall.name),
              keys: keys,
              subject: .migration(
                older: olderIndex, hypercall: position, newer: newerIndex, successor: successorPosition),
              olderIndex: olderIndex, newerIndex: newerIndex))
          planned.append(
            PlannedObligation(
              obligation: ProofObligation(
                kind: .progressBound, older: older.name, release: newer.name, guestWidth: width,
                guestABI: abiName(width: width), hypercall: hypercall.name),
              keys: keys, facet: 1,
              subject: .migration(
                older: olderIndex, hypercall: position, newer: newerIndex, successor: successorPosition),
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
              keys: keyTable.ids([
                .countFlagMigration(
                  CountFlagShape(flag, argument: argument, guestWidth: width),
                  CountFlagShape(newerFlag, argument: newerFlag?.argument ?? argument, guestWidth: width))
              ]),
              subject: .countFlagMigration(
                older: olderIndex, hypercall: position, newer: newerIndex, successor: successorPosition),
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
          keys: keyTable.ids([
            .table(
              TableShape(older, abi: abi.name, identities: identities),
              TableShape(newer, abi: abi.name, identities: identities))
          ]),
          subject: .table(older: olderIndex, newer: newerIndex), olderIndex: olderIndex, newerIndex: newerIndex))
    }
    return planned
  }
}
