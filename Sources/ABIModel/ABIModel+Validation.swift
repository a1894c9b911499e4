/// Structural validation: everything that can be wrong with a spec without asking a solver.
/// It collects every problem rather than stopping at the first, so one run shows them all.
extension ABIModel {
  public static let maximumGuestABIs = 255
  /// Argument registers of a hypercall: Xen passes at most five (`_hypercall5`; x86_64 rdi, rsi,
  /// rdx, r10, r8, arm x0-x4). The model states no per-hypercall arity, so a word is checked
  /// against what every hypercall can have.
  public static let maximumArguments = 5

  public func validate() -> [Diagnostic] {
    var found: [Diagnostic] = []
    func error(_ message: String, _ location: SourceLocation) {
      found.append(.error(message, at: location))
    }
    validateNames(into: &found)

    if releases.isEmpty { error("the release list of \(quoted(family)) is empty", location) }
    if guestABIs.isEmpty { error("\(quoted(family)) declares no guest ABI", location) }
    for abi in guestABIs where !(1...64).contains(abi.width) {
      error("guest ABI \(quoted(abi.name)) has width \(abi.width); widths must be 1 to 64 bits", abi.location)
    }
    // The checker keeps an ABI's position in a byte per obligation; real ABIs number a handful.
    if guestABIs.count > Self.maximumGuestABIs {
      error(
        "\(quoted(family)) declares \(guestABIs.count) guest ABIs; at most \(Self.maximumGuestABIs) are supported",
        guestABIs[Self.maximumGuestABIs].location)
    }
    for (name, copies) in duplicates(guestABIs, by: \.name) {
      error("guest ABI \(quoted(name)) is declared \(copies.count) times", copies[1].location)
    }
    for (name, copies) in duplicates(releases, by: \.name) {
      error("release \(quoted(name)) is declared \(copies.count) times", copies[1].location)
    }
    for (index, release) in releases.enumerated()
    where release.status == .development && index != releases.count - 1 {
      error(
        "release \(quoted(release.name)) is in development but is not the newest release; only the last release can still change",
        release.location)
    }
    // What a release is checked for depends on its hypercalls and aliases alone: a point release
    // or an unchanged release that holds what the one before it held, checked clean, is clean.
    var clean: Release?
    for release in releases {
      if let clean, clean.hypercalls == release.hypercalls, clean.aliases == release.aliases { continue }
      let before = found.count
      validate(release, into: &found)
      validateAliases(of: release, into: &found)
      clean = found.count == before ? release : nil
    }
    for (id, copies) in duplicates(acceptedBreaks, by: \.id) {
      error("accepted break '\(id)' is declared \(copies.count) times", copies[1].location)
    }
    for (record, accepted) in acceptedBreaks.enumerated() { validate(accepted, record: record, into: &found) }
    return found
  }

  private func validate(_ release: Release, into found: inout [Diagnostic]) {
    func error(_ message: String, _ location: SourceLocation) {
      found.append(.error("\(shown(release.name)): \(message)", at: location))
    }
    let abiNames = Set(guestABIs.map(\.name))
    for (name, copies) in duplicates(release.hypercalls, by: \.name) {
      error("hypercall \(quoted(name)) is defined \(copies.count) times", copies[1].location)
    }
    for hypercall in release.hypercalls {
      for abi in hypercall.guestABIs where !abiNames.contains(abi) {
        error(
          "hypercall \(quoted(hypercall.name)) names unknown guest ABI \(quoted(abi)) (known: \(shown(guestABIs.map(\.name).joined(separator: ", "), limit: 400)))",
          hypercall.location)
      }
    }
    for abi in guestABIs {
      let visible = release.hypercalls.filter { $0.isDefined(for: abi.name) }
      for (number, copies) in duplicates(visible, by: \.number) {
        error(
          "hypercall number \(number) is used by both \(quoted(copies[0].name)) and \(quoted(copies[1].name)) for \(shown(abi.name))",
          copies[1].location)
      }
    }
    // Every C macro a release's header defines names one value: MMU_UPDATE_PREEMPTED may be
    // shared by mmu_update and mmuext_op, but never with two different values.
    var macros: [String: (value: UInt64, owner: String, location: SourceLocation)] = [:]
    for hypercall in release.hypercalls {
      var defined: [(String, UInt64, SourceLocation)] = []
      for multiplex in hypercall.tables.map(\.multiplex) {
        // A sub-op defined twice under one name is reported as such, not again as a clash.
        let repeated = Set(duplicates(multiplex.subOps, by: \.name).map(\.0))
        defined += multiplex.subOps.filter { !repeated.contains($0.name) }.map { ($0.cName, $0.number, $0.location) }
        if let check = multiplex.interfaceVersion, let value = check.value {
          defined.append((check.constant, value, check.location))
        }
        if let bits = multiplex.opMask.bits {
          if let name = multiplex.opMask.maskName { defined.append((name, lowBitsMask(bits), multiplex.location)) }
          if let name = multiplex.opMask.shiftName { defined.append((name, UInt64(bits), multiplex.location)) }
        }
      }
      if let flag = hypercall.countFlag, let name = flag.flagName {
        defined.append((name, flag.flagValue, flag.location))
      }
      for (name, value, location) in defined {
        if let earlier = macros[name], earlier.value != value {
          error(
            "\(shown(hypercall.name)): C name \(quoted(name)) = \(value) clashes with \(quoted(name)) = \(earlier.value) of \(earlier.owner)",
            location)
        } else if macros[name] == nil {
          macros[name] = (value, hypercall.name, location)
        }
      }
    }
    let batching = release.hypercalls.filter { $0.writeBack != nil }
    if batching.count > 1 {
      error(
        "two hypercalls write preempted calls back into guest memory: \(batching.map { shown($0.name) }.joined(separator: ", "))",
        batching[1].writeBack!.location)
    }
    for hypercall in release.hypercalls {
      for table in hypercall.tables {
        validate(table.multiplex, named: table.name, error: error)
      }
      if let multiplex = hypercall.multiplex {
        validateSwitches(multiplex, of: hypercall, in: release, error: error)
      }
      validateNestedTables(of: hypercall, error: error)
      if let flag = hypercall.countFlag, let multiplex = hypercall.multiplex,
        flag.argument.index == multiplex.opArgument.index, flag.flagBit >= 0, flag.flagBit < 64
      {
        // The flag and the op share a word: the flag must sit outside the op field.
        let opField = multiplex.opMask.value ?? lowBitsMask(multiplex.opWidth(guestWidth: guestWidths.max() ?? 64))
        if opField & flag.flagValue != 0 {
          error(
            "\(shown(hypercall.name)): count flag bit \(flag.flagBit) lies inside the op field \(hexString(opField)) of \(quoted(multiplex.opArgument.name)), so a resumed call changes the op",
            flag.location)
        }
      }
      if let flag = hypercall.countFlag {
        for width in guestWidths where flag.flagBit < 0 || flag.flagBit >= flag.argument.type.bits(guestWidth: width) {
          error(
            "\(shown(hypercall.name)): count flag bit \(flag.flagBit) does not fit the \(flag.argument.type.bits(guestWidth: width))-bit \(quoted(flag.argument.name)) argument",
            flag.location)
          break
        }
        if let sentinel = flag.sentinel { validate(sentinel, of: flag, hypercall: hypercall.name, error: error) }
      }
      if let writeBack = hypercall.writeBack {
        for width in writeBack.fieldWidths {
          if !guestABIs.contains(where: { $0.name == width.guestABI }) {
            error(
              "\(shown(hypercall.name)): the write-back into \(shown(writeBack.structure)) names unknown guest ABI \(quoted(width.guestABI)) (known: \(guestABIs.map(\.name).joined(separator: ", ")))",
              writeBack.location)
          } else if width.bits < 8 || width.bits > 64 {
            error(
              "\(shown(hypercall.name)): the write-back's fields of \(width.bits) bits for \(quoted(width.guestABI)) are not 8 to 64 bits wide",
              writeBack.location)
          }
        }
        if Set(writeBack.fieldWidths.map(\.guestABI)).count != writeBack.fieldWidths.count {
          error("\(shown(hypercall.name)): the write-back gives one guest ABI two field widths", writeBack.location)
        }
      }
    }
  }

  /// A continuation re-issued as another hypercall names one the release defines, for at least
  /// one guest ABI its own hypercall is defined for.
  private func validateSwitches(
    _ multiplex: Multiplex, of hypercall: Hypercall, in release: Release, error: (String, SourceLocation) -> Void
  ) {
    for op in multiplex.subOps {
      for continuation in op.continuations {
        validateSwitch(continuation, of: op, hypercall: hypercall, in: release, error: error)
      }
    }
  }

  private func validateSwitch(
    _ continuation: ContinuationEncoding, of op: SubOp, hypercall: Hypercall, in release: Release,
    error: (String, SourceLocation) -> Void
  ) {
    let at = continuation.location == .unknown ? op.location : continuation.location
    do {
      let what = "\(shown(hypercall.name)): \(shown(op.name))"
      switch (continuation.kinds.contains(.hypercallRewrite), continuation.switchesTo) {
      case (true, nil):
        error("\(what): a hypercall_rewrite continuation needs the hypercall it is re-issued as", at)
      case (false, let target?):
        error(
          "\(what): only a hypercall_rewrite continuation is re-issued as another hypercall (\(quoted(target)))",
          at)
      case (true, let target?):
        guard target != hypercall.name, let switched = release.hypercall(named: target) else {
          error(
            "\(what): continues as hypercall \(quoted(target)), which is not another hypercall of the release",
            at)
          return
        }
        if !guestABIs.contains(where: {
          continuation.applies(on: $0.architecture) && hypercall.isDefined(for: $0.name)
            && switched.isDefined(for: $0.name)
        }) {
          error(
            "\(what): continues as hypercall \(quoted(target)), which no guest ABI of \(shown(hypercall.name)) has",
            at)
        }
        if continuation.kinds.contains(where: \.usesOpRegister) || continuation.kinds.contains(.opRewrite) {
          error(
            "\(what): contradictory encodings: a call re-issued as another hypercall keeps nothing in its op register",
            at)
        }
      case (false, nil):
        break
      }
    }
  }

  /// The sentinel's return code and NULL handles are other arguments than the count, each named
  /// once: a sentinel read from the count itself could not be told from a count.
  private func validate(
    _ sentinel: CountSentinel, of flag: CountFlagEncoding, hypercall: String,
    error: (String, SourceLocation) -> Void
  ) {
    let what = "\(shown(hypercall)): the count sentinel"
    let count = flag.argument.index
    if sentinel.returnCode.index == count {
      error(
        "\(what) carries its return code in argument \(count), which is the count \(quoted(flag.argument.name)) itself",
        sentinel.location)
    }
    for index in sentinel.nullArguments where index == count || index == sentinel.returnCode.index {
      error(
        "\(what) needs argument \(index) NULL, but it is the \(index == count ? "count" : "return code") argument",
        sentinel.location)
    }
    for index in sentinel.nullArguments where index < 0 || index > 5 {
      error("\(what) names argument \(index); a hypercall has arguments 0 to 5", sentinel.location)
    }
    if Set(sentinel.nullArguments).count != sentinel.nullArguments.count {
      error("\(what) names a NULL argument twice", sentinel.location)
    }
  }

  private func validate(
    _ multiplex: Multiplex, named tableName: String, error: (String, SourceLocation) -> Void
  ) {
    let name = shown(tableName)
    let argument = multiplex.opArgument.name
    let narrowest = guestWidths.map { multiplex.opWidth(guestWidth: $0) }.min() ?? 64
    if let bits = multiplex.opMask.bits, bits < 1 || bits > narrowest {
      error(
        "\(name): the op mask of \(bits) bits does not fit the \(narrowest)-bit \(quoted(argument)) register",
        multiplex.location)
    }
    for (number, copies) in duplicates(multiplex.subOps, by: \.number) {
      error(
        "\(name): sub-op number \(number) is used by both \(quoted(copies[0].name)) and \(quoted(copies[1].name))",
        copies[1].location)
    }
    for (opName, copies) in duplicates(multiplex.subOps, by: \.name) {
      error("\(name): sub-op \(quoted(opName)) is defined \(copies.count) times", copies[1].location)
    }
    for op in multiplex.subOps {
      let limit = multiplex.opMask.value ?? lowBitsMask(narrowest)
      if op.number > limit {
        let what =
          multiplex.opMask.bits.map { "the op mask \(hexString(lowBitsMask($0)))" }
          ?? "the \(narrowest)-bit \(quoted(argument)) register"
        error("\(name): sub-op \(quoted(op.name)) = \(op.number) does not fit \(what)", op.location)
      }
      if op.toolsOnly && op.hypervisorInternal {
        error(
          "\(name): sub-op \(quoted(op.name)) cannot be both tools-only and hypervisor-internal", op.location)
      }
      for continuation in op.continuations {
        validate(continuation, of: op, in: multiplex, hypercall: tableName, error: error)
      }
      // One encoding per architecture: two that both apply somewhere contradict each other.
      for architecture in architectures {
        let applying = op.continuations.filter { $0.applies(on: architecture) }
        guard applying.count > 1 else { continue }
        let second = applying[1]
        error(
          "\(name): sub-op \(quoted(op.name)) continues two ways on \(quoted(architecture)): \(applying[0].summary); \(second.summary)",
          second.location == .unknown ? op.location : second.location)
        break
      }
    }
  }

  private func validate(
    _ continuation: ContinuationEncoding, of op: SubOp, in multiplex: Multiplex, hypercall: String,
    error: (String, SourceLocation) -> Void
  ) {
    let what = "\(shown(hypercall)): \(shown(op.name))"
    let kinds = continuation.kinds
    // The line that states the continuation, where it is known.
    let at = continuation.location == .unknown ? op.location : continuation.location
    let known = architectures
    for architecture in continuation.architectures where !known.contains(architecture) {
      error(
        "\(what): continues on unknown architecture \(quoted(architecture)) (known: \(known.joined(separator: ", ")))",
        at)
    }
    if kinds.isEmpty { error("\(what): a continuation needs at least one kind", at) }
    if kinds.contains(.cmdShiftedIndex) && kinds.contains(.cmdRawIndexAligned) {
      error(
        "\(what): contradictory encodings: progress cannot be both shifted and raw in \(quoted(multiplex.opArgument.name))",
        at)
    }
    if kinds.contains(.countFlag) {
      error("\(what): count_flag belongs to a count argument, not to a sub-op", at)
    }
    switch (kinds.contains(.opRewrite), continuation.rewritesTo) {
    case (true, nil):
      error("\(what): an op_rewrite continuation needs the op it rewrites to", at)
    case (false, let target?):
      error("\(what): only an op_rewrite continuation rewrites to another op (\(quoted(target)))", at)
    case (true, let target?):
      if target == op.name || !multiplex.subOps.contains(where: { $0.name == target }) {
        error(
          "\(what): continues by rewriting the op to \(quoted(target)), which is not another op of the release's table",
          at)
      }
      if kinds.contains(where: \.usesOpRegister) {
        error("\(what): contradictory encodings: the op is rewritten, so progress cannot ride in it", at)
      }
    case (false, nil):
      break
    }
    guard kinds.contains(where: \.usesOpRegister) else { return }
    guard let maskBits = multiplex.opMask.bits else {
      error(
        "\(what): progress kept in \(quoted(multiplex.opArgument.name)) needs an op mask, but the whole register is the op",
        at)
      return
    }
    if kinds.contains(.cmdShiftedIndex) {
      guard let shift = continuation.shift else {
        error("\(what): a shifted continuation needs a shift", at)
        return
      }
      if shift < maskBits {
        error(
          "\(what): the progress shift \(shift) is smaller than the \(maskBits)-bit op mask, so progress overlaps the op field",
          at)
      }
      for width in guestWidths where shift >= multiplex.opWidth(guestWidth: width) {
        error(
          "\(what): the progress shift \(shift) leaves no room in the \(multiplex.opWidth(guestWidth: width))-bit \(quoted(multiplex.opArgument.name)) register",
          at)
        break
      }
    }
  }

  /// What a nested table needs of its hypercall: a parent op its main table has, a word of its
  /// own that exists, a name no other nested table of the hypercall has.
  private func validateNestedTables(of hypercall: Hypercall, error: (String, SourceLocation) -> Void) {
    let name = shown(hypercall.name)
    for (tableName, copies) in duplicates(hypercall.nestedTables, by: \.name) {
      error("\(name): nested table \(quoted(tableName)) is declared \(copies.count) times", copies[1].location)
    }
    let main = hypercall.multiplex
    if let check = main?.interfaceVersion, let main {
      validate(check, of: main, named: name, error: error)
    }
    for nested in hypercall.nestedTables {
      let what = "\(name): nested table \(quoted(nested.name))"
      if let check = nested.table.interfaceVersion {
        error(
          "\(what) states the interface version check \(quoted(check.constant)); the handler checks it once, before any table, so it belongs to \(name)'s main table",
          check.location)
      }
      if let parent = nested.selectedBy {
        if let main {
          if main.subOp(named: parent) == nil {
            error(
              "\(what) is selected by \(quoted(parent)), which the release's \(name) table does not have (known: \(shown(main.subOps.map(\.name).joined(separator: ", "), limit: 400)))",
              nested.location)
          }
        } else {
          error("\(what) is selected by \(quoted(parent)), but \(name) has no sub-op table of its own", nested.location)
        }
      }
      let word = nested.table.opArgument
      if word.index < 0 || word.index >= Self.maximumArguments {
        error(
          "\(what): its word \(quoted(nested.wordName)) is reached through argument \(word.index), but a hypercall has arguments 0 to \(Self.maximumArguments - 1)",
          nested.location)
      }
      switch (nested.structure, word.type.isGuestField) {
      case (nil, true):
        error(
          "\(what): its word \(quoted(word.name)) is a \(word.type.rawValue), so it needs the structure it is a field of",
          nested.location)
      case (let structure?, false):
        error(
          "\(what): its word \(quoted(nested.wordName)) is a field of \(quoted(structure)), so its type must be a field type (uint8_t, uint16_t, uint32_t or uint64_t field), not \(quoted(word.type.rawValue))",
          nested.location)
      default: break
      }
      // A main table's op register holds the op; it is neither another table's register nor a
      // pointer to a structure. A main table whose op is itself a structure field (domctl's
      // `xen_domctl.cmd`) has a pointer there, and a nested field may sit in the same structure.
      if let main, word.index == main.opArgument.index, !main.opArgument.type.isGuestField {
        error(
          "\(what): its word is reached through argument \(word.index) (\(quoted(main.opArgument.name))), which holds the op of \(name)'s main table",
          nested.location)
      }
    }
  }

  /// An interface version check names its macro, the field it reads and the value, a version of
  /// the 32-bit `interface_version` word in the structure the op travels in.
  private func validate(
    _ check: InterfaceVersionCheck, of main: Multiplex, named name: String, error: (String, SourceLocation) -> Void
  ) {
    let what = "\(name): the interface version check \(quoted(check.constant))"
    if let problem = CNameRules.problem(check.constant) {
      error("\(name): the interface version check's macro \(quoted(check.constant)) \(problem)", check.location)
    }
    if let problem = CNameRules.problem(check.field) {
      error("\(what): its field \(quoted(check.field)) \(problem)", check.location)
    }
    if let value = check.value {
      if value > UInt64(UInt32.max) {
        error("\(what): the version \(value) does not fit the 32-bit field \(quoted(check.field))", check.location)
      }
    } else {
      error(
        "\(what) names no version: state the value the release's handler requires (or no check)", check.location)
    }
    if !main.opArgument.type.isGuestField {
      error(
        "\(what): the op travels in the register \(quoted(main.opArgument.name)) (\(main.opArgument.type.rawValue)), so there is no structure to carry \(quoted(check.field))",
        check.location)
    }
  }

  private func validate(_ accepted: AcceptedBreak, record: Int, into found: inout [Diagnostic]) {
    if accepted.covers.isEmpty {
      found.append(.error("accepted break \(quoted(accepted.id)): it covers no break", at: accepted.location))
    }
    for (entry, coverage) in accepted.covers.enumerated() {
      if case .failure(let diagnostic) = resolve(coverage, record: record, entry: entry) { found.append(diagnostic) }
    }
  }
}

/// Groups of elements sharing a key, in first-seen order, for duplicate reports.
func duplicates<Element, Key: Hashable>(_ elements: [Element], by key: (Element) -> Key) -> [(Key, [Element])] {
  var groups: [Key: [Element]] = [:]
  var order: [Key] = []
  for element in elements {
    let k = key(element)
    if groups[k] == nil { order.append(k) }
    groups[k, default: []].append(element)
  }
  return order.compactMap { k in groups[k]!.count > 1 ? (k, groups[k]!) : nil }
}

/// A spec's value in a message: escaped and shortened (`DisplayText`).
private func shown(_ text: String, limit: Int = DisplayText.quoteLimit) -> String {
  DisplayText.escaped(DisplayText.shortened(text, limit: limit))
}

/// `'value'`, escaped and shortened.
private func quoted(_ text: String) -> String { DisplayText.quoted(text) }
