import ABIModel

/// An obligation with the model elements it is about, kept for putting the solver's answer in
/// the spec's words.
struct PlannedObligation: Sendable {
  /// What the obligation is about, resolved: the model's own values, for replay and reports.
  enum ResolvedSubject: Sendable {
    /// A sub-op table (main or nested) of one release.
    case multiplex(Release, HypercallTable)
    case countFlag(Release, Hypercall, CountFlagEncoding)
    /// A table of the older release and what the newer release decodes its values with: the
    /// table of the same lineage, or a table without ops when the newer release has none or
    /// refuses the older release's interface version (then `refusal` is its answer).
    case migration(older: Release, HypercallTable, newer: Release, Multiplex, refusal: InterfaceRefusal?)
    /// Either side may lack the flag (a release that drops or adds it): then every count is a
    /// fresh call there.
    case countFlagMigration(
      older: Release, Hypercall, CountFlagEncoding?, newer: Release, CountFlagEncoding?, argument: ArgumentSlot)
    case table(older: Release, newer: Release)
    case continuationTargets(older: Release, newer: Release)
    /// `older` is `newer` for the release's own write-back.
    case writeBack(older: Release, Hypercall, Multiplex, newer: Release, Multiplex, store: Int, load: Int, WriteBack)
  }

  /// What the obligation is about, as positions in the model (releases, and hypercalls within
  /// them): a few words per obligation however many there are, resolved only for the ones
  /// that are reported. 32-bit positions keep millions of obligations in a few dozen bytes each.
  enum Subject: Sendable {
    case multiplex(release: Int32, hypercall: Int32)
    case countFlag(release: Int32, hypercall: Int32)
    case migration(older: Int32, hypercall: Int32, newer: Int32, successor: Int32)
    case countFlagMigration(older: Int32, hypercall: Int32, newer: Int32, successor: Int32)
    case table(older: Int32, newer: Int32)
    case continuationTargets(older: Int32, newer: Int32)
    /// `older == newer` for the release's own write-back; `abi` is the guest ABI whose
    /// structure widths apply.
    case writeBack(older: Int32, hypercall: Int32, newer: Int32, successor: Int32, abi: UInt8)

    /// The older release of a migration, `nil` for a property of one release.
    var older: Int? {
      switch self {
      case .multiplex, .countFlag: return nil
      case .writeBack(let older, _, let newer, _, _): return older == newer ? nil : Int(older)
      case .migration(let older, _, _, _), .countFlagMigration(let older, _, _, _), .table(let older, _),
        .continuationTargets(let older, _):
        return Int(older)
      }
    }

    /// The release, or the newer release of a migration.
    var newer: Int {
      switch self {
      case .multiplex(let release, _), .countFlag(let release, _): return Int(release)
      case .migration(_, _, let newer, _), .countFlagMigration(_, _, let newer, _), .table(_, let newer),
        .continuationTargets(_, let newer), .writeBack(_, _, let newer, _, _):
        return Int(newer)
      }
    }

    /// The hypercall's position in the (older) release, `nil` for the hypercall table.
    var hypercall: Int? {
      switch self {
      case .multiplex(_, let hypercall), .countFlag(_, let hypercall), .migration(_, let hypercall, _, _),
        .countFlagMigration(_, let hypercall, _, _), .writeBack(_, let hypercall, _, _, _):
        return Int(hypercall)
      case .table, .continuationTargets: return nil
      }
    }

    /// `table` is the position of the table in the (older) hypercall (`Hypercall.table(at:)`).
    func resolved(in model: ABIModel, table: Int) -> ResolvedSubject {
      switch self {
      case .multiplex(let release, let hypercall):
        let value = model.releases[Int(release)].hypercalls[Int(hypercall)]
        return .multiplex(model.releases[Int(release)], value.table(at: table)!)
      case .countFlag(let release, let hypercall):
        let value = model.releases[Int(release)].hypercalls[Int(hypercall)]
        return .countFlag(model.releases[Int(release)], value, value.countFlag!)
      case .migration(let older, let hypercall, let newer, let successor):
        let (olderRelease, newerRelease) = (model.releases[Int(older)], model.releases[Int(newer)])
        let (before, after) = (olderRelease.hypercalls[Int(hypercall)], newerRelease.hypercalls[Int(successor)])
        let olderTable = before.table(at: table)!
        let refusal = InterfaceVersionCheck.refusal(
          before.multiplex?.interfaceVersion, after.multiplex?.interfaceVersion)
        let newerTable = refusal == nil ? after.tables.first { $0.lineage == olderTable.lineage } : nil
        return .migration(
          older: olderRelease, olderTable, newer: newerRelease,
          newerTable?.multiplex ?? .withoutSubOps(readingValuesOf: olderTable.multiplex, location: after.location),
          refusal: refusal)
      case .countFlagMigration(let older, let hypercall, let newer, let successor):
        let (olderRelease, newerRelease) = (model.releases[Int(older)], model.releases[Int(newer)])
        let (before, after) = (olderRelease.hypercalls[Int(hypercall)], newerRelease.hypercalls[Int(successor)])
        return .countFlagMigration(
          older: olderRelease, before, before.countFlag, newer: newerRelease, after.countFlag,
          argument: (before.countFlag ?? after.countFlag)!.argument)
      case .table(let older, let newer):
        return .table(older: model.releases[Int(older)], newer: model.releases[Int(newer)])
      case .continuationTargets(let older, let newer):
        return .continuationTargets(older: model.releases[Int(older)], newer: model.releases[Int(newer)])
      case .writeBack(let older, let hypercall, let newer, let successor, let abi):
        let (olderRelease, newerRelease) = (model.releases[Int(older)], model.releases[Int(newer)])
        let (before, after) = (olderRelease.hypercalls[Int(hypercall)], newerRelease.hypercalls[Int(successor)])
        let guest = model.guestABIs[Int(abi)]
        let store = olderRelease.writeBack!.fieldBits(for: guest)
        let load = newerRelease.writeBack!.fieldBits(for: guest)
        return .writeBack(
          older: olderRelease, before, before.multiplex!, newer: newerRelease, after.multiplex!, store: store,
          load: load,
          newerRelease.writeBack!)
      }
    }
  }

  var kind: ProofObligation.Kind
  /// Which of each key's answers is this obligation's (see `QueryKey.facets`).
  var facet: UInt8 = 0
  /// The sub-op table of the (older) hypercall it is about: 0 the main one, `n` the nested
  /// table `n - 1` (`Hypercall.table(at:)`); 0 for obligations about no table.
  var table: UInt8 = 0
  /// The guest ABI, by position in the model: the first of its width (of its width and
  /// architecture where the architectures of the width read the values differently), or for the
  /// hypercall table the ABI itself. Its architecture's view of the model is the one the
  /// obligation is about.
  var guestABI: UInt8
  /// The architectures the obligation stands for, as a position in the planner's
  /// `architectureGroups`: those of its width whose views of the model give the same query.
  var architectures: UInt8 = 0
  var guestWidth: UInt8
  /// The queries that together decide the obligation, as a position in the planner's key
  /// table's sets: it holds when all of them do. Pairs of releases whose decoders are the same
  /// share one set, so its answer is combined once for all of them.
  var keySet: Int32
  var subject: Subject

  /// Positions of the releases in the history, for picking representatives and matching
  /// accepted breaks.
  var olderIndex: Int? { subject.older }
  var newerIndex: Int { subject.newer }

  /// The obligation in the spec's names, made only for the obligations that are reported.
  func obligation(in model: ABIModel) -> ProofObligation {
    let older = subject.older.map { model.releases[$0] }
    let release = model.releases[subject.newer]
    return ProofObligation(
      kind: kind, older: older?.name, release: release.name, guestWidth: Int(guestWidth),
      guestABI: model.guestABIs[Int(guestABI)].name,
      hypercall: subject.hypercall.map { (older ?? release).hypercalls[$0].tableName(at: Int(table)) })
  }

  /// The subject resolved, with this obligation's table, in the view of the model it is about
  /// (`ArchitectureViews.model(for:)`).
  func resolved(in model: ABIModel) -> ResolvedSubject { subject.resolved(in: model, table: Int(table)) }
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
    /// (release, hypercall, width) -> shape id.
    var ids: [Site: Int] = [:]
    var byShape: [DecoderShape: Int] = [:]
    var shapes: [DecoderShape] = []
    /// The migration keys of (older shape id, newer shape id): one computation and one array for
    /// every pair of releases whose decoders are these.
    var migrationKeys: [Pair: Int32] = [:]
    /// The release keys of (kind, shape id).
    var releaseKeys: [ReleaseKey: Int32] = [:]

    /// The hypercall tables of (release, guest ABI), interned.
    var tableIDs: [TableSite: Int] = [:]
    /// The continuation targets of (release, guest ABI), interned with the hypercall tables:
    /// every release takes part in dozens of pairs, and most re-issue the same calls.
    var continuationTargetIDs: [TableSite: Int] = [:]
    var byTable: [TableShape: Int] = [:]
    var tables: [TableShape] = []
    /// The key of (older table id, newer table id), for hypercall numbers and continuation
    /// targets alike.
    var tableKeys: [Pair: Int32] = [:]
    /// The count-flag keys of (older flag, newer flag).
    var countFlagKeys: [CountFlagPair: Int32] = [:]
    /// What planning needs of each release's hypercalls.
    var sites: [Int: ReleaseSites] = [:]
    /// `writeBackCandidates` of (release, guest ABI).
    var writeBackCandidates: [TableSite: [WriteBackCandidate]] = [:]
    /// What a migration owes per pair of hypercall states and width.
    var migrationTemplates: [TemplateKey: [MigrationTemplate]] = [:]

    struct Pair: Hashable {
      var older: Int
      var newer: Int
    }

    /// A sub-op table of a hypercall of a release, for one width.
    struct Site: Hashable {
      var release: Int
      var hypercall: Int
      var table: Int
      var width: Int
      /// The architecture view (`ArchitectureViews`) the table was read in.
      var view: Int = 0
    }

    /// A release's hypercall table as one guest ABI (by position) sees it.
    struct TableSite: Hashable {
      var release: Int
      var abi: Int
    }

    struct CountFlagPair: Hashable {
      var older: CountFlagShape
      var newer: CountFlagShape
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
    /// Where new keys go as they are found, a batch at a time (see `QueryFeed`).
    var feed: QueryFeed?
    private var published = 0

    func id(_ key: QueryKey) -> Int {
      if let known = positions[key] { return known }
      positions[key] = keys.count
      keys.append(key)
      if keys.count - published >= QuerySolver.batchSize { publish() }
      return keys.count - 1
    }

    /// Hands the keys found since the last time to the feed.
    func publish() {
      feed?.publish(keys[published...])
      published = keys.count
    }

    func ids(_ keys: [QueryKey]) -> [Int] { keys.map(id) }

    /// Sets of queries that decide an obligation together, each made once by the memo that
    /// asks for it.
    private(set) var sets: [[Int]] = []

    func set(_ ids: [Int]) -> Int32 {
      sets.append(ids)
      return Int32(sets.count - 1)
    }

    func set(_ keys: [QueryKey]) -> Int32 { set(ids(keys)) }
  }

  /// The model as each architecture sees it.
  let views: ArchitectureViews
  /// The sets of architectures (positions in `model.architectures`) obligations stand for,
  /// interned: `PlannedObligation.architectures` is a position here.
  let architectureGroups = GroupTable()

  final class GroupTable {
    private var positions: [[Int]: UInt8] = [:]
    private(set) var groups: [[Int]] = []

    func id(_ group: [Int]) -> UInt8 {
      if let known = positions[group] { return known }
      positions[group] = UInt8(groups.count)
      groups.append(group)
      return UInt8(groups.count - 1)
    }
  }

  /// Every hypercall of every release as the id of its state.
  let states: HypercallStates

  init(model: ABIModel, options: CheckOptions, identities: IdentityTable, views: ArchitectureViews? = nil) {
    self.model = model
    self.options = options
    self.identities = identities
    self.views = views ?? ArchitectureViews(model)
    self.states = HypercallStates(model)
  }

  /// The guest ABIs that stand for a width's obligations: one per architecture that has an ABI
  /// of that width (the first of its width and architecture), the first ABI of the width first.
  func columns(width: Int) -> [ArchitectureViews.Column] { views.columns(width: width) }

  /// Columns whose readings are the same query, grouped: one obligation each, named by the first
  /// column's ABI and standing for every column's architecture.
  func grouped(_ columns: [ArchitectureViews.Column], by reading: (ArchitectureViews.Column) -> [Int]) -> [(
    abi: UInt8, architectures: UInt8
  )] {
    var keys: [[Int]] = []
    var members: [[Int]] = []
    var representatives: [Int] = []
    for column in columns {
      let key = reading(column)
      if let index = keys.firstIndex(of: key) {
        members[index] += column.architectures
      } else {
        keys.append(key)
        members.append(column.architectures)
        representatives.append(column.abi)
      }
    }
    return zip(representatives, members).map { (UInt8($0), architectureGroups.id($1.sorted())) }
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
      writeBackObligations(older: index, newer: index, widths: widths, into: &planned)
    }
    for (older, newer) in model.migrationPolicy.releasePairs(lines: model.releases.map(\.lineName)) {
      if let only, only != older && only != newer { continue }
      if let from, from != older { continue }
      if let to, to != newer { continue }
      migrationObligations(older: older, newer: newer, widths: widths, into: &planned)
      writeBackObligations(older: older, newer: newer, widths: widths, into: &planned)
    }
    return planned
  }

  /// Per op number of the older release when its values keep their op field (each is then
  /// decoded, in both releases, only by the ops its field can select); the whole pair otherwise.
  /// Computed once per pair of distinct shapes.
  func migrationKeys(_ older: Int, _ newer: Int) -> Int32 {
    let pair = ShapeMemo.Pair(older: older, newer: newer)
    if let known = shapes.migrationKeys[pair] { return known }
    let newerShape = shapes.shapes[newer]
    let made = keyTable.set(
      shapes.shapes[older].slicesByNumber.map { slice in
        let seen = newerShape.slice(seenBy: slice)
        // The same decoder on both sides asks only whether the slice has live values.
        return seen == slice ? .migration(slice.renumbered, slice.renumbered) : .migration(slice, seen)
      })
    shapes.migrationKeys[pair] = made
    return made
  }

  /// A release's decoder shape, built once per (release, hypercall, width), as the id of the
  /// distinct shape: every release takes part in dozens of pairs, and most releases leave a
  /// hypercall as it was.
  func shapeID(_ multiplex: Multiplex, release: Int, hypercall: Int, table: Int = 0, width: Int, view: Int = 0) -> Int {
    let key = ShapeMemo.Site(release: release, hypercall: hypercall, table: table, width: width, view: view)
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

  /// The id of a table: equal tables share one.
  private func intern(_ table: TableShape) -> Int {
    if let known = shapes.byTable[table] { return known }
    shapes.byTable[table] = shapes.tables.count
    shapes.tables.append(table)
    return shapes.tables.count - 1
  }

  /// The interned hypercall table of a release for one guest ABI (by position).
  func tableID(_ release: Int, abi: Int) -> Int {
    let site = ShapeMemo.TableSite(release: release, abi: abi)
    if let known = shapes.tableIDs[site] { return known }
    let id = intern(TableShape(model.releases[release], abi: model.guestABIs[abi].name, identities: identities))
    shapes.tableIDs[site] = id
    return id
  }

  /// The interned continuation targets of a release for one guest ABI (by position).
  func continuationTargetID(_ release: Int, abi: Int) -> Int {
    let site = ShapeMemo.TableSite(release: release, abi: abi)
    if let known = shapes.continuationTargetIDs[site] { return known }
    let guest = model.guestABIs[abi]
    let id = intern(
      TableShape(
        continuationTargetsOf: model.releases[release], abi: guest.name, architecture: guest.architecture,
        identities: identities))
    shapes.continuationTargetIDs[site] = id
    return id
  }

  func tableKeys(_ older: Int, _ newer: Int) -> Int32 {
    let pair = ShapeMemo.Pair(older: older, newer: newer)
    if let known = shapes.tableKeys[pair] { return known }
    let made = keyTable.set([.table(shapes.tables[older], shapes.tables[newer])])
    shapes.tableKeys[pair] = made
    return made
  }

  func countFlagKeys(_ older: CountFlagShape, _ newer: CountFlagShape) -> Int32 {
    let pair = ShapeMemo.CountFlagPair(older: older, newer: newer)
    if let known = shapes.countFlagKeys[pair] { return known }
    let made = keyTable.set([.countFlagMigration(older, newer)])
    shapes.countFlagKeys[pair] = made
    return made
  }

  /// The release keys of `kind` for the shape `id`, once per distinct shape.
  func releaseKeys(_ kind: ProofObligation.Kind, _ id: Int) -> Int32 {
    let key = ShapeMemo.ReleaseKey(kind: kind, shape: id)
    if let known = shapes.releaseKeys[key] { return known }
    let made = keyTable.set(releaseKeys(kind, shapes.shapes[id]))
    shapes.releaseKeys[key] = made
    return made
  }

  /// Properties of each op's numbers and values are asked per op number (see
  /// `slicesByNumber`), all of one slice in one query; whether two ops share a number depends
  /// only on the ops at that number.
  func releaseKeys(_ kind: ProofObligation.Kind, _ shape: DecoderShape) -> [QueryKey] {
    switch kind {
    case .fieldsDisjoint:
      let slices = shape.slicesByNumber.filter { $0.ops.contains { $0.layout != .none } }
      return slices.isEmpty ? [.release(kind, shape)] : slices.map { .release(kind, $0) }
    default:
      // The slice's other properties share its key (`QueryKey.sliceKinds`), one facet each.
      return shape.slicesByNumber.map { QueryKey.sliceKinds.contains(kind) ? .releaseSlice($0) : .release(kind, $0) }
    }
  }

  /// Write-back obligations of `older`'s op registers as `newer` reads them from guest memory:
  /// for the release itself (`older == newer`) and for a pair, only where the memory can lose
  /// bits (a field narrower than the bits the op register decodes, in either release). Where it
  /// cannot, the entry holds the register bit for bit and is read by the same decoder, so there
  /// is nothing to ask: the release's own obligations and the pair's register migration are the
  /// whole question.
  func writeBackObligations(
    older olderIndex: Int, newer newerIndex: Int, widths: [Int], into planned: inout [PlannedObligation]
  ) {
    let (older, newer) = (model.releases[olderIndex], model.releases[newerIndex])
    guard let stored = older.writeBack, let loaded = newer.writeBack else { return }
    let newerSites = sites(of: newerIndex, widths: widths)
    for (abiPosition, abi) in model.guestABIs.enumerated() where widths.contains(abi.width) {
      let memoryBits = min(stored.fieldBits(for: abi), loaded.fieldBits(for: abi))
      let view = views.viewIndex(ofABI: abiPosition)
      let (olderView, newerView) = (views.models[view].releases[olderIndex], views.models[view].releases[newerIndex])
      for candidate in writeBackCandidates(olderIndex, abi: abiPosition, widths: widths)
      where memoryBits < candidate.opWidth {
        let position = candidate.position
        guard candidate.lineage < newerSites.positionOfLineage.count,
          newerSites.positionOfLineage[candidate.lineage] >= 0
        else { continue }
        let successor = newerSites.positionOfLineage[candidate.lineage]
        guard let multiplex = olderView.hypercalls[position].multiplex,
          let newerMultiplex = newerView.hypercalls[successor].multiplex
        else { continue }
        let olderShape = shape(
          shapeID(multiplex, release: olderIndex, hypercall: position, width: abi.width, view: view))
        let newerShape = shape(
          shapeID(newerMultiplex, release: newerIndex, hypercall: successor, width: abi.width, view: view))
        planned.append(
          PlannedObligation(
            kind: .writeBack, guestABI: UInt8(abiPosition),
            architectures: architectureGroups.id([views.architectureIndex(ofABI: abiPosition)]),
            guestWidth: UInt8(abi.width),
            keySet: keyTable.set(
              olderShape.slicesByNumber.map { .writeBack($0, newerShape.slice(seenBy: $0), memoryBits: memoryBits) }),
            subject: .writeBack(
              older: Int32(olderIndex), hypercall: Int32(position), newer: Int32(newerIndex),
              successor: Int32(successor), abi: UInt8(abiPosition))))
      }
    }
  }

  /// The hypercalls of a release whose op register a guest ABI's write-back could narrow: those
  /// it defines with a sub-op table, with the bits their op register decodes. Once per release
  /// and ABI: a release takes part in as many pairs as there are releases.
  func writeBackCandidates(_ release: Int, abi: Int, widths: [Int]) -> [WriteBackCandidate] {
    let site = ShapeMemo.TableSite(release: release, abi: abi)
    if let known = shapes.writeBackCandidates[site] { return known }
    let guest = model.guestABIs[abi]
    let sites = sites(of: release, widths: widths)
    let made = model.releases[release].hypercalls.indices.compactMap { position -> WriteBackCandidate? in
      let hypercall = model.releases[release].hypercalls[position]
      guard hypercall.isDefined(for: guest.name), let multiplex = hypercall.multiplex else { return nil }
      return WriteBackCandidate(
        position: position, lineage: sites.hypercalls[position].lineage,
        opWidth: multiplex.opWidth(guestWidth: guest.width))
    }
    shapes.writeBackCandidates[site] = made
    return made
  }

  struct WriteBackCandidate {
    var position: Int
    var lineage: Int
    var opWidth: Int
  }

  /// The first guest ABI of `width`, which names the width in reports.
  func abiIndex(width: Int) -> UInt8 {
    UInt8(model.guestABIs.firstIndex { $0.width == width }!)
  }

  /// The architectures of `width`, as the group of an obligation that is the same for all.
  func allArchitectures(width: Int) -> UInt8 {
    architectureGroups.id(columns(width: width).flatMap(\.architectures).sorted())
  }

  /// A table's shape id in each column's view: the same id for every column when the table
  /// continues the same way on every architecture.
  func shapeIDs(
    release index: Int, hypercall position: Int, table: Int, width: Int, columns: [ArchitectureViews.Column]
  ) -> [Int]? {
    guard let found = model.releases[index].hypercalls[position].table(at: table) else { return nil }
    guard found.multiplex.continuesPerArchitecture else {
      let id = shapeID(found.multiplex, release: index, hypercall: position, table: table, width: width)
      return columns.map { _ in id }
    }
    return columns.map { column in
      let view = views.models[column.view].releases[index].hypercalls[position].table(at: table)!.multiplex
      return shapeID(view, release: index, hypercall: position, table: table, width: width, view: column.view)
    }
  }

  func releaseObligations(_ release: Release, index: Int, width: Int) -> [PlannedObligation] {
    var planned: [PlannedObligation] = []
    let abi = abiIndex(width: width)
    let columns = columns(width: width)
    for (position, hypercall) in release.hypercalls.enumerated() {
      // Every table, main or nested, owes the same properties.
      for table in 0...hypercall.nestedTables.count {
        guard let ids = shapeIDs(release: index, hypercall: position, table: table, width: width, columns: columns)
        else { continue }
        let byColumn = Dictionary(zip(columns.map(\.abi), ids), uniquingKeysWith: { a, _ in a })
        for group in grouped(columns, by: { [ids[columns.firstIndex(of: $0)!]] }) {
          let id = byColumn[Int(group.abi)]!
          let shape = shape(id)
          var kinds: [ProofObligation.Kind] = [.opFitsMask, .numbersUnique, .roundTrip, .liveValuesDistinct]
          // Only a register that carries progress has a progress field to keep apart.
          if shape.ops.contains(where: { $0.layout != .none }) { kinds.insert(.fieldsDisjoint, at: 2) }
          for kind in kinds {
            planned.append(
              PlannedObligation(
                kind: kind, facet: UInt8(QueryKey.sliceKinds.firstIndex(of: kind) ?? 0), table: UInt8(table),
                guestABI: group.abi, architectures: group.architectures, guestWidth: UInt8(width),
                keySet: releaseKeys(kind, id),
                subject: .multiplex(release: Int32(index), hypercall: Int32(position))))
          }
        }
      }
      if let flag = hypercall.countFlag {
        planned.append(
          PlannedObligation(
            kind: .countFlagRoundTrip, guestABI: abi, architectures: allArchitectures(width: width),
            guestWidth: UInt8(width),
            keySet: keyTable.set([.countFlagRoundTrip(CountFlagShape(flag, guestWidth: width))]),
            subject: .countFlag(release: Int32(index), hypercall: Int32(position))))
      }
    }
    return planned
  }

  /// What planning a migration needs of one hypercall of a release, computed once per release:
  /// a release takes part in as many pairs as there are releases.
  struct HypercallSite {
    /// Dense id of the hypercall's lineage.
    var lineage: Int
    /// Per table position (`Hypercall.table(at:)`) the decoder shape id per planned width and
    /// column of that width (`ArchitectureViews.columns(width:)`); `nil` where the hypercall has
    /// no table there.
    var tables: [[[Int]]?]
    /// The lineage of each table (`memory_op.access_op` through renames), for finding the newer
    /// release's table of the same lineage.
    var tableLineages: [String?]
    var hasCountFlag: Bool

    func position(ofTable lineage: String) -> Int? { tableLineages.firstIndex { $0 == lineage } }
  }

  struct ReleaseSites {
    var hypercalls: [HypercallSite]
    /// Position of each hypercall lineage (by id) in the release, -1 where it has none.
    var positionOfLineage: [Int]
  }

  func sites(of release: Int, widths: [Int]) -> ReleaseSites {
    if let known = shapes.sites[release] { return known }
    var made = ReleaseSites(hypercalls: [], positionOfLineage: [])
    for (position, hypercall) in model.releases[release].hypercalls.enumerated() {
      let lineage = identities.id(ofHypercall: hypercall.lineage)
      let tables = (0...hypercall.nestedTables.count).map { hypercall.table(at: $0) }
      let shapes = tables.indices.map { table in
        tables[table] == nil
          ? nil
          : widths.map { width in
            shapeIDs(release: release, hypercall: position, table: table, width: width, columns: columns(width: width))!
          }
      }
      made.hypercalls.append(
        HypercallSite(
          lineage: lineage, tables: shapes, tableLineages: tables.map { $0?.lineage },
          hasCountFlag: hypercall.countFlag != nil))
      if lineage >= made.positionOfLineage.count {
        made.positionOfLineage += Array(repeating: -1, count: lineage + 1 - made.positionOfLineage.count)
      }
      if made.positionOfLineage[lineage] < 0 { made.positionOfLineage[lineage] = position }
    }
    shapes.sites[release] = made
    return made
  }

  /// An obligation of a hypercall's migration without its releases: what every pair of
  /// releases whose two hypercall states are the same owes alike.
  struct MigrationTemplate {
    var kind: ProofObligation.Kind
    var facet: UInt8 = 0
    var table: UInt8 = 0
    var guestABI: UInt8
    var architectures: UInt8
    var keySet: Int32
  }

  /// (older hypercall state, newer hypercall state, width position).
  struct TemplateKey: Hashable {
    var older: Int32
    var newer: Int32
    var width: Int
  }

  func migrationObligations(
    older olderIndex: Int, newer newerIndex: Int, widths: [Int], into planned: inout [PlannedObligation]
  ) {
    let older = sites(of: olderIndex, widths: widths)
    let newer = sites(of: newerIndex, widths: widths)
    for (w, width) in widths.enumerated() {
      for position in older.hypercalls.indices {
        let site = older.hypercalls[position]
        guard site.lineage < newer.positionOfLineage.count, newer.positionOfLineage[site.lineage] >= 0 else {
          continue
        }
        let successorPosition = newer.positionOfLineage[site.lineage]
        let subject = PlannedObligation.Subject.migration(
          older: Int32(olderIndex), hypercall: Int32(position), newer: Int32(newerIndex),
          successor: Int32(successorPosition))
        // A long history has thousands of pairs and few distinct states per hypercall: what a
        // pair owes is planned once per pair of states, and stamped with each pair's releases.
        let key = TemplateKey(
          older: states.ids[olderIndex][position], newer: states.ids[newerIndex][successorPosition], width: w)
        let templates: [MigrationTemplate]
        if let known = shapes.migrationTemplates[key] {
          templates = known
        } else {
          templates = migrationTemplates(
            older: olderIndex, position, site, newer: newerIndex, successorPosition,
            newer.hypercalls[successorPosition], width: w, of: widths)
          shapes.migrationTemplates[key] = templates
        }
        for template in templates {
          planned.append(
            PlannedObligation(
              kind: template.kind, facet: template.facet, table: template.table, guestABI: template.guestABI,
              architectures: template.architectures, guestWidth: UInt8(width), keySet: template.keySet,
              subject: template.kind == .countFlagMigration
                ? .countFlagMigration(
                  older: Int32(olderIndex), hypercall: Int32(position), newer: Int32(newerIndex),
                  successor: Int32(successorPosition))
                : subject))
        }
      }
    }
    // The number table can differ per guest ABI (3.0.0's 23), so it is checked per ABI.
    for (position, abi) in model.guestABIs.enumerated() where widths.contains(abi.width) {
      let architecture = architectureGroups.id([views.architectureIndex(ofABI: position)])
      planned.append(
        PlannedObligation(
          kind: .hypercallNumbers, guestABI: UInt8(position), architectures: architecture,
          guestWidth: UInt8(abi.width),
          keySet: tableKeys(tableID(olderIndex, abi: position), tableID(newerIndex, abi: position)),
          subject: .table(older: Int32(olderIndex), newer: Int32(newerIndex))))
      // Only where the older release re-issues a continuation as another hypercall: elsewhere
      // there is nothing to carry over (and the obligation would hold vacuously).
      let older = continuationTargetID(olderIndex, abi: position)
      guard !shapes.tables[older].entries.isEmpty else { continue }
      planned.append(
        PlannedObligation(
          kind: .continuationTargets, guestABI: UInt8(position), architectures: architecture,
          guestWidth: UInt8(abi.width),
          keySet: tableKeys(older, continuationTargetID(newerIndex, abi: position)),
          subject: .continuationTargets(older: Int32(olderIndex), newer: Int32(newerIndex))))
    }
  }

  /// What a hypercall's migration from `older` to `newer` owes at one width, without the
  /// releases (`MigrationTemplate`).
  func migrationTemplates(
    older olderIndex: Int, _ position: Int, _ site: HypercallSite, newer newerIndex: Int, _ successorPosition: Int,
    _ next: HypercallSite, width w: Int, of widths: [Int]
  ) -> [MigrationTemplate] {
    let width = widths[w]
    let abi = abiIndex(width: width)
    let columns = columns(width: width)
    var made: [MigrationTemplate] = []
    let refused = InterfaceVersionCheck.refuses(
      model.releases[olderIndex].hypercalls[position].multiplex?.interfaceVersion,
      model.releases[newerIndex].hypercalls[successorPosition].multiplex?.interfaceVersion)
    for (table, olderShapes) in site.tables.enumerated() {
      guard let olderShapes, let lineage = site.tableLineages[table] else { continue }
      // A hypercall that lost a sub-op table (main or nested) is still checked against what
      // older releases write: conservatively, it runs none of their ops. Its reading depends
      // on the older release's word, so that shape is memoized per older table.
      // A newer release that refuses the older one's interface version decodes none of its
      // values: the same reading as a lost table, answered -EACCES (CounterexampleReplay).
      let newerShapes =
        (refused ? nil : next.position(ofTable: lineage).flatMap { next.tables[$0]?[w] })
        ?? columns.map { column in
          lostTableShape(
            older: olderIndex, position, table: table, newer: newerIndex, successorPosition, width: width,
            view: column.view)
        }
      // Architectures that read both releases alike owe one obligation; one whose older
      // release writes other continuations, or whose newer release reads them otherwise,
      // owes its own, named by its ABI.
      let pairs = columns.indices.map { [olderShapes[w][$0], newerShapes[$0]] }
      for group in grouped(columns, by: { pairs[columns.firstIndex(of: $0)!] }) {
        let column = columns.firstIndex { $0.abi == Int(group.abi) }!
        let keys = migrationKeys(pairs[column][0], pairs[column][1])
        made.append(
          MigrationTemplate(
            kind: .migration, table: UInt8(table), guestABI: group.abi, architectures: group.architectures,
            keySet: keys))
        made.append(
          MigrationTemplate(
            kind: .progressBound, facet: 1, table: UInt8(table), guestABI: group.abi,
            architectures: group.architectures, keySet: keys))
      }
    }
    // A release that drops (or adds) the flag is checked against what the other writes.
    if site.hasCountFlag || next.hasCountFlag {
      let flag = model.releases[olderIndex].hypercalls[position].countFlag
      let newerFlag = model.releases[newerIndex].hypercalls[successorPosition].countFlag
      let argument = (flag ?? newerFlag)!.argument
      made.append(
        MigrationTemplate(
          kind: .countFlagMigration, guestABI: abi, architectures: allArchitectures(width: width),
          keySet: countFlagKeys(
            CountFlagShape(flag, argument: argument, guestWidth: width),
            CountFlagShape(newerFlag, argument: newerFlag?.argument ?? argument, guestWidth: width))))
    }
    return made
  }

  /// The shape of a newer release's hypercall without a sub-op table, reading the older
  /// release's register.
  func lostTableShape(
    older olderIndex: Int, _ position: Int, table: Int, newer newerIndex: Int, _ successor: Int, width: Int,
    view: Int = 0
  ) -> Int {
    let before = views.models[view].releases[olderIndex].hypercalls[position]
    let after = views.models[view].releases[newerIndex].hypercalls[successor]
    return shapeID(
      .withoutSubOps(readingValuesOf: before.table(at: table)!.multiplex, location: after.location),
      release: -1 - olderIndex, hypercall: position, table: table, width: width, view: view)
  }
}
