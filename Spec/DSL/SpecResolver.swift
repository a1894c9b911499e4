import ABIModel

/// Replays the changelog release by release and snapshots the state after each one.
struct SpecResolver {
  let spec: ABISpec
  var diagnostics: [Diagnostic] = []
  /// The guest ABIs' architectures, in declaration order: what a continuation stated for some
  /// architectures leaves to the others.
  var architectures: [String] = []

  /// A sub-op between releases: its continuation is kept as stated, because a shift that
  /// follows the mask is only known once the release's mask is.
  /// A continuation as stated, with the architectures it is stated for (none: every one) and
  /// the line stating it.
  struct ScopedContinuation {
    var continuation: Continuation
    var architectures: [String]
    var location: SourceLocation
  }

  struct OpState {
    var op: SubOp
    /// At most one per architecture (`SpecResolver.setContinuation`).
    var continuations: [ScopedContinuation]
  }

  struct MultiplexState {
    var argument: ArgumentSlot
    var mask: OpMask = .wholeRegister
    var unusedBits: UnusedBitsPolicy = .ignored
    var interfaceVersion: InterfaceVersionCheck?
    var ops: [OpState] = []
    var nested: [NestedState] = []
    var source: String?
    var location: SourceLocation
    /// The name space of the lineages of ops added from now on (`OpLineage`); the history's
    /// hypercall name when `nil`.
    var opLineage: String?
  }

  /// A nested table between releases: what it is, and its own table state.
  struct NestedState {
    var name: String
    var selectedBy: String?
    var structure: String?
    var table: MultiplexState
    var source: String?
    var location: SourceLocation
    /// The name space of the lineages of ops added from now on (`OpLineage`); the history's
    /// hypercall name when `nil`.
    var opLineage: String?
  }

  struct HypercallState {
    var hypercall: Hypercall
    var multiplex: MultiplexState?
  }

  init(spec: ABISpec) {
    self.spec = spec
  }

  mutating func error(_ message: String, _ location: SourceLocation) {
    diagnostics.append(.error(message, at: location))
  }

  mutating func run() -> (model: ABIModel?, diagnostics: [Diagnostic]) {
    var guests: [GuestABI] = []
    var releases: [Release] = []
    var policy: MigrationPolicy?
    var accepted: [AcceptedBreak] = []
    var tableHistory: [In] = []
    var multiplexed: [(hypercall: String, argument: ArgumentSlot, history: [In], location: SourceLocation)] = []
    var countFlags: [(hypercall: String, since: String, encoding: CountFlagEncoding)] = []
    var sentinels: [(hypercall: String, since: String, sentinel: CountSentinel)] = []
    var writeBacks: [(hypercall: String, since: String, writeBack: WriteBack)] = []
    var interfaceVersions: [(release: String, version: InterfaceVersion)] = []
    var aliases: [(since: String, until: String?, alias: MacroAlias)] = []

    for declaration in spec.declarations {
      switch declaration {
      case .guest(let abi):
        guests.append(abi)
        if !architectures.contains(abi.architecture) { architectures.append(abi.architecture) }
      case .release(let name, let status, let source, let location):
        releases.append(Release(name: name, status: status, source: source, location: location))
      case .pointRelease(let line, let name, let source, let location):
        releases.append(Release(name: name, status: .released, source: source, line: line, location: location))
      case .hypercallNumbers(let history): tableHistory += history
      case .multiplexed(let hypercall, let argument, let history, let location):
        if multiplexed.contains(where: { $0.hypercall == hypercall }) {
          error("hypercall '\(hypercall)' has two multiplexed histories; merge them", location)
        }
        multiplexed.append((hypercall, argument, history, location))
      case .countFlag(let hypercall, let since, let encoding):
        countFlags.append((hypercall, since, encoding))
      case .countSentinel(let hypercall, let since, let sentinel):
        sentinels.append((hypercall, since, sentinel))
      case .writeBack(let hypercall, let since, let writeBack):
        writeBacks.append((hypercall, since, writeBack))
      case .migration(let declared):
        if policy != nil { error("the migration policy is declared twice", declared.location) }
        policy = declared
      case .accepted(let acceptedBreak): accepted.append(acceptedBreak)
      case .interfaceVersion(let release, let version): interfaceVersions.append((release, version))
      case .alias(let since, let until, let alias): aliases.append((since, until, alias))
      }
    }

    let releaseNames = releases.map(\.name)
    func checkReleases(_ history: [In], what: String) {
      for block in history where !releaseNames.contains(block.release) {
        error(
          "\(what) names unknown release '\(block.release)' (known: \(releaseNames.joined(separator: ", ")))",
          block.location)
      }
    }
    checkReleases(tableHistory, what: "the hypercall table")
    for entry in multiplexed { checkReleases(entry.history, what: "'\(entry.hypercall)'") }
    for flag in countFlags where !releaseNames.contains(flag.since) {
      error(
        "the count flag of '\(flag.hypercall)' names unknown release '\(flag.since)' (known: \(releaseNames.joined(separator: ", ")))",
        flag.encoding.location)
    }
    for entry in writeBacks where !releaseNames.contains(entry.since) {
      error(
        "the write-back of '\(entry.hypercall)' names unknown release '\(entry.since)' (known: \(releaseNames.joined(separator: ", ")))",
        entry.writeBack.location)
    }
    for entry in sentinels where !releaseNames.contains(entry.since) {
      error(
        "the count sentinel of '\(entry.hypercall)' names unknown release '\(entry.since)' (known: \(releaseNames.joined(separator: ", ")))",
        entry.sentinel.location)
    }

    // A release starts from the one it derives from (`bases`): the release before it in the
    // development history, or for a point release the one before it in its line. Its state,
    // and the names it has used up, are that release's plus its own changes.
    let bases = releaseBases(releases)
    var states: [(table: [HypercallState], usedLineages: Set<String>)] = []
    for index in releases.indices {
      let name = releases[index].name
      var (table, usedLineages) = bases[index].map { states[$0] } ?? ([], [])
      defer { states.append((table, usedLineages)) }
      for block in tableHistory where block.release == name {
        applyTable(block, release: name, to: &table, usedLineages: &usedLineages)
      }
      for entry in multiplexed {
        let blocks = entry.history.filter { $0.release == name }
        guard !blocks.isEmpty else { continue }
        guard let position = table.firstIndex(where: { $0.hypercall.name == entry.hypercall }) else {
          error(
            "'\(entry.hypercall)' changes in \(name), but the hypercall table of \(name) has no '\(entry.hypercall)' (known: \(table.map(\.hypercall.name).joined(separator: ", ")))",
            blocks[0].location)
          continue
        }
        var state =
          table[position].multiplex
          ?? MultiplexState(argument: entry.argument, location: entry.location)
        for block in blocks {
          applyMultiplex(block, hypercall: entry.hypercall, release: name, to: &state, usedLineages: &usedLineages)
        }
        table[position].multiplex = state
      }
      for flag in countFlags where flag.since == name {
        if let position = table.firstIndex(where: { $0.hypercall.name == flag.hypercall }) {
          table[position].hypercall.countFlag = flag.encoding
        } else {
          error(
            "the count flag of '\(flag.hypercall)' starts in \(name), which has no such hypercall",
            flag.encoding.location)
        }
      }
      for entry in writeBacks where entry.since == name {
        if let position = table.firstIndex(where: { $0.hypercall.name == entry.hypercall }) {
          table[position].hypercall.writeBack = entry.writeBack
        } else {
          error(
            "the write-back of '\(entry.hypercall)' starts in \(name), which has no such hypercall",
            entry.writeBack.location)
        }
      }
      for entry in sentinels where entry.since == name {
        if let position = table.firstIndex(where: { $0.hypercall.name == entry.hypercall }),
          table[position].hypercall.countFlag != nil
        {
          table[position].hypercall.countFlag?.sentinel = entry.sentinel
        } else {
          error(
            "the count sentinel of '\(entry.hypercall)' starts in \(name), where '\(entry.hypercall)' has no count flag",
            entry.sentinel.location)
        }
      }
      releases[index].hypercalls = table.map(snapshot).sorted { ($0.number, $0.name) < ($1.number, $1.name) }
    }
    applyHeaderFacts(interfaceVersions: interfaceVersions, aliases: aliases, bases: bases, to: &releases)

    let model = ABIModel(
      family: spec.family, guestABIs: guests, releases: releases,
      migrationPolicy: policy ?? MigrationPolicy(location: spec.location), acceptedBreaks: accepted,
      location: spec.location)
    return (model, diagnostics)
  }

  /// The position of the release each release derives from (`nil` for the first): the previous
  /// release of the development history, or for a point release the previous point release of
  /// its line, or the line's first release. A point release of a line not declared before it
  /// is an error.
  mutating func releaseBases(_ releases: [Release]) -> [Int?] {
    var lastMainline: Int?
    var lastOfLine: [String: Int] = [:]
    var bases: [Int?] = []
    for (index, release) in releases.enumerated() {
      if let line = release.line {
        guard let base = lastOfLine[line] else {
          error(
            "point release '\(release.name)' is of the line of '\(line)', which is not a release declared before it",
            release.location)
          bases.append(lastMainline)
          continue
        }
        if releases[base].status == .development {
          error("point release '\(release.name)' follows '\(line)', which is still in development", release.location)
        }
        bases.append(base)
        lastOfLine[line] = index
      } else {
        bases.append(lastMainline)
        lastMainline = index
        lastOfLine[release.name] = index
      }
    }
    return bases
  }

  /// A lineage that no earlier element used: the name itself the first time, then
  /// `name@release`, so a reused number or name never passes for the old one.
  func lineage(for name: String, release: String, used: inout Set<String>) -> String {
    let candidate = used.contains(name) ? "\(name)@\(release)" : name
    used.insert(candidate)
    return candidate
  }

  mutating func applyTable(
    _ block: In, release: String, to table: inout [HypercallState], usedLineages: inout Set<String>
  ) {
    for change in block.changes {
      let source = change.source ?? block.source
      switch change.action {
      case .defineHypercall(let name, let number, let guestABIs):
        if table.contains(where: { $0.hypercall.name == name }) {
          error("\(release): hypercall '\(name)' is already defined; withdraw or rename it first", change.location)
          continue
        }
        let hypercall = Hypercall(
          name: name, number: number,
          lineage: lineage(for: "hypercall:\(name)", release: release, used: &usedLineages),
          guestABIs: guestABIs, source: source, location: change.location)
        table.append(HypercallState(hypercall: hypercall))
      case .withdraw(let name):
        guard let position = findHypercall(name, in: table, release: release, at: change.location) else { continue }
        table.remove(at: position)
      case .rename(let old, let new):
        guard let position = findHypercall(old, in: table, release: release, at: change.location) else { continue }
        table[position].hypercall.formerNames.append(old)
        table[position].hypercall.name = new
        table[position].hypercall.source = source
        table[position].hypercall.location = change.location
      default:
        error(
          "\(release): this change belongs in a 'Multiplexed' history, not in the hypercall table",
          change.location)
      }
    }
  }

  mutating func findHypercall(
    _ name: String, in table: [HypercallState], release: String, at location: SourceLocation
  ) -> Int? {
    if let position = table.firstIndex(where: { $0.hypercall.name == name }) { return position }
    error(
      "\(release): unknown hypercall '\(name)' (known: \(table.map(\.hypercall.name).joined(separator: ", ")))",
      location)
    return nil
  }

  mutating func applyMultiplex(
    _ block: In, hypercall: String, release: String, to state: inout MultiplexState,
    usedLineages: inout Set<String>
  ) {
    // The table's location is its mask's line when the block states one: that is what a
    // diagnostic about the table most often needs to point at.
    let statesMask = block.changes.contains { if case .setOpMask = $0.action { return true } else { return false } }
    for change in block.changes {
      let source = change.source ?? block.source
      switch change.action {
      case .setOpMask(let mask):
        state.mask = mask
        state.source = source
        state.location = change.location
      case .setUnusedBits(let policy):
        state.unusedBits = policy
        if !statesMask { state.location = change.location }
      case .setInterfaceVersion(var check):
        check?.source = source
        state.interfaceVersion = check
      case .setArgument(let argument):
        state.argument = argument
        if !statesMask {
          state.source = source
          state.location = change.location
        }
      case .setOpLineage(let name):
        state.opLineage = name
      case .addSubOp(
        let name, let number, let cName, let toolsOnly, let hypervisorInternal, let guardCondition, let continuation):
        if state.ops.contains(where: { $0.op.name == name }) {
          error("\(release): \(hypercall): sub-op '\(name)' is already defined", change.location)
          continue
        }
        let op = SubOp(
          name: name, number: number,
          lineage: lineage(for: "\(state.opLineage ?? hypercall):\(name)", release: release, used: &usedLineages),
          cName: cName, toolsOnly: toolsOnly, hypervisorInternal: hypervisorInternal, guardCondition: guardCondition,
          source: source,
          location: change.location)
        state.ops.append(
          OpState(
            op: op,
            continuations: continuation.map {
              [ScopedContinuation(continuation: $0, architectures: [], location: change.location)]
            }
              ?? []))
      case .withdraw(let name):
        guard let position = findOp(name, in: state, hypercall: hypercall, release: release, at: change.location) else {
          continue
        }
        state.ops.remove(at: position)
      case .rename(let old, let new):
        guard let position = findOp(old, in: state, hypercall: hypercall, release: release, at: change.location) else {
          continue
        }
        state.ops[position].op.formerNames.append(old)
        state.ops[position].op.name = new
        state.ops[position].op.cName = new
        state.ops[position].op.location = change.location
      case .setContinuation(let name, let continuation, let scope):
        guard let position = findOp(name, in: state, hypercall: hypercall, release: release, at: change.location) else {
          continue
        }
        state.ops[position].continuations = setContinuation(
          continuation, on: scope, in: state.ops[position].continuations, at: change.location)
        state.ops[position].op.source = source
        state.ops[position].op.location = change.location
      case .setToolsOnly(let name, let toolsOnly):
        guard let position = findOp(name, in: state, hypercall: hypercall, release: release, at: change.location) else {
          continue
        }
        state.ops[position].op.toolsOnly = toolsOnly
        state.ops[position].op.location = change.location
      case .setGuard(let name, let condition):
        guard let position = findOp(name, in: state, hypercall: hypercall, release: release, at: change.location) else {
          continue
        }
        state.ops[position].op.guardCondition = condition
        state.ops[position].op.location = change.location
      case .defineHypercall:
        error(
          "\(release): \(hypercall): a hypercall number belongs in 'HypercallNumbers', not in a sub-op history",
          change.location)
      case .nested(let nested):
        applyNested(
          nested, change: change, block: block, hypercall: hypercall, release: release, to: &state,
          usedLineages: &usedLineages)
      case .withdrawNested(let name):
        guard let position = state.nested.firstIndex(where: { $0.name == name }) else {
          error(
            "\(release): \(hypercall): unknown nested table '\(name)' (known: \(state.nested.map(\.name).joined(separator: ", ")))",
            change.location)
          continue
        }
        state.nested.remove(at: position)
      }
    }
  }

  /// A nested table's changes go through the same replay as a main table's, under the name
  /// `memory_op.access_op`, so its lineages and diagnostics read as the table's.
  mutating func applyNested(
    _ nested: NestedChange, change: Change, block: In, hypercall: String, release: String,
    to state: inout MultiplexState, usedLineages: inout Set<String>
  ) {
    let source = change.source ?? block.source
    let tableName = "\(hypercall)\(HypercallTable.separator)\(nested.name)"
    var table: NestedState
    if let position = state.nested.firstIndex(where: { $0.name == nested.name }) {
      table = state.nested.remove(at: position)
      if let word = nested.word { table.table.argument = word }
      if let structure = nested.structure { table.structure = structure }
      if let parent = nested.selectedBy { table.selectedBy = parent }
      if nested.alwaysDecoded { table.selectedBy = nil }
    } else {
      guard let word = nested.word else {
        error(
          "\(release): \(tableName) first appears here, so it needs its word ('word:' or 'alwaysIn:')", change.location)
        return
      }
      if nested.selectedBy == nil && !nested.alwaysDecoded {
        error(
          "\(release): \(tableName) first appears here, so it needs the op that selects it ('selectedBy:') or 'alwaysIn:'",
          change.location)
      }
      table = NestedState(
        name: nested.name, selectedBy: nested.selectedBy, structure: nested.structure,
        table: MultiplexState(argument: word, location: change.location), source: source, location: change.location)
    }
    var inner = In(release, source: source) {}
    inner.changes = nested.changes
    inner.location = change.location
    applyMultiplex(inner, hypercall: tableName, release: release, to: &table.table, usedLineages: &usedLineages)
    table.source = source
    table.location = change.location
    state.nested.append(table)
  }

  mutating func findOp(
    _ name: String, in state: MultiplexState, hypercall: String, release: String,
    at location: SourceLocation
  ) -> Int? {
    if let position = state.ops.firstIndex(where: { $0.op.name == name }) { return position }
    error(
      "\(release): \(hypercall): unknown sub-op '\(name)' (known: \(state.ops.map(\.op.name).joined(separator: ", ")))",
      location)
    return nil
  }

  /// The resolved hypercall as it stands after a release's changes.
  func snapshot(_ state: HypercallState) -> Hypercall {
    var hypercall = state.hypercall
    if let multiplex = state.multiplex {
      hypercall.multiplex = table(of: multiplex)
      hypercall.nestedTables = multiplex.nested.map {
        NestedTable(
          name: $0.name, selectedBy: $0.selectedBy, structure: $0.structure, table: table(of: $0.table),
          source: $0.source, location: $0.location)
      }
    }
    return hypercall
  }

  /// The continuations of an op after `Continues(op, continuation, on: scope)`: on the
  /// architectures of `scope` (every one when it is empty) the op continues as stated (or not
  /// at all for `nil`); the others keep what they had. An entry that comes to cover every
  /// architecture names none.
  func setContinuation(
    _ continuation: Continuation?, on scope: [String], in current: [ScopedContinuation], at location: SourceLocation
  ) -> [ScopedContinuation] {
    var kept: [ScopedContinuation] = []
    if !scope.isEmpty {
      for entry in current {
        var narrowed = entry
        let covered = entry.architectures.isEmpty ? architectures : entry.architectures
        narrowed.architectures = covered.filter { !scope.contains($0) }
        if !narrowed.architectures.isEmpty { kept.append(narrowed) }
      }
    }
    if let continuation {
      kept.append(ScopedContinuation(continuation: continuation, architectures: scope, location: location))
    }
    // Every known architecture named is every architecture; unknown names stay for validation.
    return kept.map { entry in
      var entry = entry
      if !architectures.isEmpty && Set(entry.architectures) == Set(architectures) { entry.architectures = [] }
      return entry
    }
  }

  func table(of multiplex: MultiplexState) -> Multiplex {
    let ops = multiplex.ops.map { entry -> SubOp in
      var op = entry.op
      op.continuations = entry.continuations.map { scoped in
        var encoding = resolve(scoped.continuation, mask: multiplex.mask, source: op.source)
        encoding.architectures = scoped.architectures
        encoding.location = scoped.location
        return encoding
      }
      return op
    }
    return Multiplex(
      opArgument: multiplex.argument, opMask: multiplex.mask, unusedBits: multiplex.unusedBits,
      subOps: ops.sorted { ($0.number, $0.name) < ($1.number, $1.name) }, interfaceVersion: multiplex.interfaceVersion,
      source: multiplex.source,
      location: multiplex.location)
  }

  func resolve(_ continuation: Continuation, mask: OpMask, source: String?) -> ContinuationEncoding {
    let shifted = continuation.kinds.contains(.cmdShiftedIndex)
    let shift: Int? =
      switch continuation.shift {
      case .fixed(let value): shifted ? value : nil
      case .followsMask: shifted ? mask.bits : nil
      }
    let bound: ProgressBound? = continuation.bound.map {
      switch $0 {
      case .typeMaximum(let type): .typeMaximum(type, shiftedRightBy: shift ?? 0)
      case .constant(let value): .constant(value)
      case .registerCapacity: .registerCapacity
      }
    }
    return ContinuationEncoding(
      kinds: continuation.kinds, shift: shift, bound: bound, progressName: continuation.progressName,
      rewritesTo: continuation.rewritesTo, switchesTo: continuation.switchesTo, source: source)
  }
}
