/// One rule per kind of name, so that nothing a spec says can break out of where an emitter puts
/// it: C names are C identifiers (`CNameRules`), guards are `PreprocessorCondition`s, release,
/// guest and accepted-break names are plain words, free text (sources, reasons, locations) has
/// no control characters, lineages identify one thing per release, and no two distinct things
/// become one emitted identifier or file name in C or Swift. Each violation is one diagnostic
/// naming the element, its value shortened and escaped.
extension ABIModel {
  /// Longest release, guest ABI or family name.
  public static let maximumWordLength = 32
  /// Longest lineage or accepted-break id: two C names and a release.
  public static let maximumLabelLength = 2 * CNameRules.maximumLength + maximumWordLength + 2
  /// Longest hypercall name: `__HYPERVISOR_` + it stays within `CNameRules.maximumLength`.
  public static let maximumHypercallNameLength = CNameRules.maximumLength - "__HYPERVISOR_".count
  /// Longest source, location or other short free text.
  public static let maximumSourceLength = 200
  /// Longest accepted-break reason.
  public static let maximumReasonLength = 2000

  func validateNames(into found: inout [Diagnostic]) {
    var rules = NameRuleCheck()
    rules.check(self)
    found += rules.found
  }
}

/// Which characters a word (release, guest ABI, family, lineage, break id) may hold.
enum WordRule {
  /// Letters, digits and `_`, starting with a letter: it becomes part of C and Swift names.
  case identifier
  /// Also `.`, `+` and `-` after the first character (`4.19`, `4.20-rc1`).
  case release
  /// Also `.`, `:`, `@` and `-` (lineages `memory_op:XENMEM_exchange@3.4`, break ids
  /// `memop-shift-4-to-6`), up to `ABIModel.maximumLabelLength` characters.
  case label

  func problem(_ word: String) -> String? {
    if word.isEmpty { return "is empty" }
    let limit = self == .label ? ABIModel.maximumLabelLength : ABIModel.maximumWordLength
    if word.count > limit { return "is longer than \(limit) characters" }
    let extra: Set<Unicode.Scalar>
    let what: String
    switch self {
    case .identifier:
      extra = []
      what = "ASCII letters, digits and '_', starting with a letter"
    case .release:
      extra = [".", "+", "-"]
      what = "ASCII letters, digits, '_', '.', '+' and '-', starting with a letter or digit"
    case .label:
      extra = [".", ":", "@", "-"]
      what = "ASCII letters, digits, '_', '.', ':', '@' and '-', starting with a letter, digit or '_'"
    }
    let scalars = word.unicodeScalars
    func plain(_ s: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_"
    }
    let first = scalars.first!
    let firstOK: Bool
    switch self {
    case .identifier: firstOK = ("a"..."z").contains(first) || ("A"..."Z").contains(first)
    case .release: firstOK = plain(first) && first != "_"
    case .label: firstOK = plain(first)
    }
    guard firstOK, scalars.allSatisfy({ plain($0) || extra.contains($0) }) else { return "must be \(what)" }
    return nil
  }
}

/// Walks a model once and collects every name-rule violation.
struct NameRuleCheck {
  var found: [Diagnostic] = []
  /// The release being checked, escaped and shortened, for messages.
  var releaseLabel = ""
  /// Per kind of emitted name (`C function`, `Swift type`, ...) in the release being checked:
  /// which element each name came from.
  var claimed: [String: [String: String]] = [:]
  /// Pairs of elements already reported as clashing.
  var reported: Set<String> = []
  /// Swift case names by prefix and sub-op name: every release names mostly the same ops.
  var caseNames: [String: [String: String]] = [:]

  /// A name an element emits (`claim`), as recorded for replaying.
  struct Claim {
    var kind: String
    var name: String
    var owner: String
    var location: SourceLocation
  }
  /// The claims of the hypercall being checked, while they are recorded.
  var claims: [Claim]?
  /// The last clean check of each hypercall by name: the hypercall and the names it claimed. A
  /// release that keeps a hypercall as it was holds no new problem in it, only its claims, which
  /// can clash with another hypercall's.
  var cleanHypercalls: [String: (hypercall: Hypercall, claims: [Claim])] = [:]

  mutating func caseName(_ op: String, prefix: String) -> String {
    if let known = caseNames[prefix]?[op] { return known }
    let made = SwiftNameMapping.subOpCaseName(op, prefix: prefix)
    caseNames[prefix, default: [:]][op] = made
    return made
  }

  /// Records that `owner` emits `name` as a `kind`; a second owner of the same name is an error.
  mutating func claim(_ kind: String, _ name: String, _ owner: String, _ location: SourceLocation) {
    claims?.append(Claim(kind: kind, name: name, owner: owner, location: location))
    if let other = claimed[kind]?[name], other != owner {
      // One message per pair of elements, not one per name they share.
      guard reported.insert(other + "\u{0}" + owner).inserted else { return }
      error("\(releaseLabel): \(other) and \(owner) both become the \(kind) '\(name)'", location)
    } else {
      claimed[kind, default: [:]][name] = owner
    }
  }

  mutating func error(_ message: String, _ location: SourceLocation) {
    found.append(.error(message, at: location))
  }

  /// `what 'value' problem`, when there is a problem.
  /// (`what` is an autoclosure throughout: a spec names thousands of elements, almost all
  /// clean, and none of their messages is written unless it is reported.)
  mutating func report(
    _ what: @autoclosure () -> String, _ value: String, _ problem: String?, _ location: SourceLocation
  ) {
    guard let problem else { return }
    error("\(what()) \(DisplayText.quoted(value)) \(problem)", location)
  }

  mutating func freeText(
    _ what: @autoclosure () -> String, _ text: String?, limit: Int = ABIModel.maximumSourceLength,
    _ location: SourceLocation
  ) {
    guard let text else { return }
    // No more bytes than the limit is no more characters either, without counting them.
    if text.utf8.count > limit && text.count > limit {
      error("\(what()) \(DisplayText.quoted(text)) is longer than \(limit) characters", location)
    } else if text.unicodeScalars.contains(where: DisplayText.isUnsafe) {
      error(
        "\(what()) \(DisplayText.quoted(text)) holds a control, line-separator or bidirectional character", location)
    }
  }

  mutating func location(_ location: SourceLocation, _ what: @autoclosure () -> String) {
    if (location.file.utf8.count > ABIModel.maximumSourceLength && location.file.count > ABIModel.maximumSourceLength)
      || location.file.unicodeScalars.contains(where: DisplayText.isUnsafe)
    {
      error(
        "\(what()): the location \(DisplayText.quoted(location.file)) is not plain text of at most \(ABIModel.maximumSourceLength) characters",
        .unknown)
    }
  }

  mutating func check(_ model: ABIModel) {
    report("the family", model.family, WordRule.identifier.problem(model.family), model.location)
    location(model.location, "the family")
    location(model.migrationPolicy.location, "the migration policy")
    var guestSpellings: [String: String] = [:]
    for abi in model.guestABIs {
      report(
        "guest ABI", abi.name, WordRule.identifier.problem(abi.name) ?? (abi.name.count > 32 ? "is too long" : nil),
        abi.location)
      location(abi.location, "guest ABI")
      report(
        "the architecture of guest ABI \(DisplayText.quoted(abi.name))", abi.architecture,
        WordRule.identifier.problem(abi.architecture) ?? (abi.architecture.count > 32 ? "is too long" : nil),
        abi.location)
      // `-DABIGEN_GUEST_X86_64` selects a guest no compiler macro names.
      let spelling = SwiftNameMapping.identifier(for: abi.name).uppercased()
      if let other = guestSpellings[spelling], other != abi.name {
        error(
          "guest ABIs \(DisplayText.quoted(other)) and \(DisplayText.quoted(abi.name)) both become the C macro ABIGEN_GUEST_\(DisplayText.shortened(spelling))",
          abi.location)
      }
      guestSpellings[spelling] = abi.name
    }
    var files: [String: String] = [:]
    var reportedFiles: Set<String> = []
    func claimFile(_ file: String, _ release: Release) {
      // Case-insensitive file systems (macOS, Windows) hold one of `Xen_A.swift` and `Xen_a.swift`.
      let key = file.lowercased()
      if let other = files[key], other != release.name {
        guard reportedFiles.insert(other + "\u{0}" + release.name).inserted else { return }
        error(
          "releases \(DisplayText.quoted(other)) and \(DisplayText.quoted(release.name)) both become the file \(DisplayText.shortened(file))",
          release.location)
      } else {
        files[key] = release.name
      }
    }
    let prefixes = SwiftNameMapping.subOpPrefixes(model)
    var clean: Release?
    for release in model.releases {
      let releaseProblem = WordRule.release.problem(release.name)
      report("release", release.name, releaseProblem, release.location)
      location(release.location, "release")
      freeText("release \(DisplayText.quoted(release.name)): the source", release.source, release.location)
      if releaseProblem == nil, WordRule.identifier.problem(model.family) == nil {
        let base = SwiftNameMapping.identifier(for: model.family) + "_" + SwiftNameMapping.identifier(for: release.name)
        claimFile(base + ".h", release)
        claimFile(SwiftNameMapping.releaseNamespace(family: model.family, release: release.name) + ".swift", release)
      }
      // A point release or an unchanged release holds the same elements as the one before it:
      // checked clean there, their names cannot break or clash here either.
      if let clean, clean.hypercalls == release.hypercalls, clean.aliases == release.aliases,
        clean.interfaceVersion == release.interfaceVersion
      {
        continue
      }
      let before = found.count
      check(release, prefixes: prefixes)
      checkHeaderFacts(release)
      clean = found.count == before ? release : nil
    }
    for accepted in model.acceptedBreaks {
      let what = "accepted break \(DisplayText.quoted(accepted.id))"
      report("accepted break", accepted.id, WordRule.label.problem(accepted.id), accepted.location)
      location(accepted.location, what)
      for coverage in accepted.covers {
        location(coverage.location, what)
        // `memory_op.access_op` names a nested table: two identifiers.
        let parts = coverage.hypercall.split(
          separator: HypercallTable.separator, maxSplits: 1, omittingEmptySubsequences: false)
        report(
          "\(what): the hypercall", coverage.hypercall,
          parts.lazy.compactMap { CNameRules.problem(String($0)) }.first, coverage.location)
        if let op = coverage.subOp {
          report("\(what): the sub-op", op, CNameRules.problem(op), coverage.location)
        }
        if case .op(let name) = coverage.becomes {
          report("\(what): the op it becomes", name, CNameRules.problem(name), coverage.location)
        }
        for release in [coverage.older.first, coverage.older.last, coverage.newer.first, coverage.newer.last]
          .compactMap({ $0 })
        {
          report("\(what): the release", release, WordRule.release.problem(release), coverage.location)
        }
      }
      freeText("\(what): the reason", accepted.reason, limit: ABIModel.maximumReasonLength, accepted.location)
      freeText("\(what): the source", accepted.source, accepted.location)
    }
  }

  mutating func check(_ release: Release, prefixes: [String: String]) {
    let r = DisplayText.escaped(DisplayText.shortened(release.name))
    releaseLabel = r
    claimed = [:]
    reported = []
    var lineages: [String: String] = [:]
    for hypercall in release.hypercalls {
      let h = DisplayText.quoted(hypercall.name)
      let what = "\(r): hypercall \(h)"
      let nameProblem = CNameRules.problem(hypercall.name, maximumLength: ABIModel.maximumHypercallNameLength)
      report("\(r): hypercall", hypercall.name, nameProblem, hypercall.location)
      location(hypercall.location, what)
      if hypercall.lineage != hypercall.name {
        report("\(what): the lineage", hypercall.lineage, WordRule.label.problem(hypercall.lineage), hypercall.location)
      }
      if let other = lineages[hypercall.lineage], other != hypercall.name {
        error(
          "\(what) has the lineage \(DisplayText.quoted(hypercall.lineage)) of hypercall \(DisplayText.quoted(other)); a lineage names one hypercall per release",
          hypercall.location)
      }
      lineages[hypercall.lineage] = lineages[hypercall.lineage] ?? hypercall.name
      if let clean = cleanHypercalls[hypercall.name], clean.hypercall == hypercall {
        for claim in clean.claims { self.claim(claim.kind, claim.name, claim.owner, claim.location) }
        continue
      }
      let before = found.count
      claims = []
      check(hypercall, what: what, r: r, prefixes: prefixes, nameIsValid: nameProblem == nil)
      if found.count == before, let made = claims { cleanHypercalls[hypercall.name] = (hypercall, made) }
      claims = nil
    }
  }

  /// The rules of one hypercall of the release labelled `r`, and the names it claims.
  mutating func check(
    _ hypercall: Hypercall, what: String, r: String, prefixes: [String: String], nameIsValid: Bool
  ) {
    for former in hypercall.formerNames {
      report("\(what): the former name", former, CNameRules.problem(former), hypercall.location)
    }
    freeText("\(what): the source", hypercall.source, hypercall.location)
    guard nameIsValid else { return }
    let owner = "hypercall '\(hypercall.name)'"
    claim("Swift constant HypercallNumber", SwiftNameMapping.memberName(hypercall.name), owner, hypercall.location)
    for nested in hypercall.nestedTables {
      let n = "\(what): nested table \(DisplayText.quoted(nested.name))"
      report(
        "\(what): nested table", nested.name,
        CNameRules.problem(nested.name, maximumLength: ABIModel.maximumWordLength, word: true), nested.location)
      if let parent = nested.selectedBy {
        report("\(n): the op it is selected by", parent, CNameRules.problem(parent), nested.location)
      }
      if let structure = nested.structure {
        report("\(n): the structure", structure, CNameRules.problem(structure), nested.location)
      }
      location(nested.location, n)
      freeText("\(n): the source", nested.source, nested.location)
    }
    for table in hypercall.tables {
      // A nested table is owned, and reported, as `memory_op.access_op`.
      let tableWhat = table.isNested ? "\(r): table \(DisplayText.quoted(table.name))" : what
      let tableOwner = table.isNested ? "table '\(table.name)'" : owner
      let location = table.nested?.location ?? hypercall.location
      let type = SwiftNameMapping.hypercallTypeName(table.identifier)
      for name in [type, type + "Handler"] {
        if SwiftNameMapping.runtimeTypeNames.contains(name) || SwiftNameMapping.keywords.contains(name) {
          error("\(tableWhat) becomes the Swift type '\(name)', which the generated code or Swift reserves", location)
        }
        claim("Swift type", name, tableOwner, location)
      }
      for suffix in ["_decode", "_is_valid", "_encode", "_max_progress"] {
        claim("C identifier", "abigen_" + table.identifier + suffix, tableOwner, location)
      }
      check(
        table.multiplex, named: table.identifier, owner: tableOwner, what: tableWhat,
        prefix: prefixes[table.lineage] ?? "")
    }
    if let writeBack = hypercall.writeBack {
      for (label, name) in [
        ("structure", writeBack.structure), ("number field", writeBack.numberField),
        ("arguments field", writeBack.argumentsField),
      ] {
        report(
          "\(what): the write-back's \(label)", name,
          CNameRules.problem(name, maximumLength: ABIModel.maximumWordLength, word: true), writeBack.location)
      }
      freeText("\(what): the write-back's source", writeBack.source, writeBack.location)
      location(writeBack.location, what)
    }
    if let flag = hypercall.countFlag {
      check(flag.argument, what: what, flag.location)
      report(
        "\(what): the count flag name", flag.flagName ?? "", flag.flagName.flatMap { CNameRules.problem($0) },
        flag.location)
      freeText("\(what): the count flag's source", flag.source, flag.location)
      location(flag.location, what)
      if let sentinel = flag.sentinel {
        check(sentinel.returnCode, what: what, sentinel.location)
        freeText("\(what): the count sentinel's source", sentinel.source, sentinel.location)
        location(sentinel.location, what)
      }
      if CNameRules.problem(flag.argument.name, word: true) == nil {
        let prefix = "abigen_" + hypercall.name + "_" + flag.argument.name
        for suffix in ["_decode", "_encode", "_is_sentinel"] {
          claim("C identifier", prefix + suffix, "the count flag of " + owner, flag.location)
        }
        if let name = flag.flagName, CNameRules.problem(name) == nil {
          claim(
            "C identifier", "abigen_assert_\(hypercall.name)_\(name)_fits", "the count flag of " + owner,
            flag.location)
        }
      }
    }
  }

  /// The Xen layout's extra facts of a release (issue 14's aliases, interface version and the
  /// hypervisor's spellings of masks and flags) land in headers too: names are identifiers,
  /// guards follow the condition grammar, spellings are plain C constant expressions.
  mutating func checkHeaderFacts(_ release: Release) {
    let r = DisplayText.escaped(DisplayText.shortened(release.name))
    for alias in release.aliases {
      let what = "\(r): the alias \(DisplayText.quoted(alias.name))"
      for name in [alias.name, alias.target] {
        // Aliases name the header's own reserved macros (`__HYPERVISOR_sched_op`): identifiers,
        // but not necessarily names a spec may give a new op.
        let problem =
          name.isEmpty
          ? "is empty"
          : name.count > CNameRules.maximumLength
            ? "is longer than \(CNameRules.maximumLength) characters"
            : CNameRules.isIdentifier(name) ? nil : "is not a C identifier"
        report("\(r): the alias macro", name, problem, alias.location)
      }
      if let condition = alias.guardCondition {
        report("\(what): the guard", condition, PreprocessorCondition.problem(in: condition), alias.location)
      }
      freeText("\(what): the source", alias.source, alias.location)
      location(alias.location, what)
    }
    if let version = release.interfaceVersion {
      freeText("\(r): the interface version's source", version.source, version.location)
      location(version.location, "\(r): the interface version")
    }
    for hypercall in release.hypercalls {
      let what = "\(r): hypercall \(DisplayText.quoted(hypercall.name))"
      if let spelling = hypercall.multiplex?.opMask.spelling {
        report("\(what): the op mask's spelling", spelling, Self.expressionProblem(spelling), hypercall.location)
      }
      if let spelling = hypercall.countFlag?.flagSpelling {
        report("\(what): the count flag's spelling", spelling, Self.expressionProblem(spelling), hypercall.location)
      }
    }
  }

  /// Why `text` cannot be a macro body as written: it must be a short C constant expression of
  /// identifiers, integers, operators and parentheses, with no comment and nothing that ends the
  /// line.
  static func expressionProblem(_ text: String) -> String? {
    if text.isEmpty { return "is empty" }
    if text.count > 120 { return "is longer than 120 characters" }
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ ()~<>|&+-*^!")
    if !text.allSatisfy(allowed.contains) || text.contains("/") {
      return "is not a plain C constant expression (identifiers, integers, operators and parentheses)"
    }
    var depth = 0
    for character in text {
      if character == "(" { depth += 1 }
      if character == ")" { depth -= 1 }
      if depth < 0 { return "has unbalanced parentheses" }
    }
    return depth == 0 ? nil : "has unbalanced parentheses"
  }

  mutating func check(_ argument: ArgumentSlot, what: String, _ location: SourceLocation) {
    report(
      "\(what): the argument", argument.name,
      CNameRules.problem(argument.name, maximumLength: ABIModel.maximumWordLength, word: true), location)
    if !(0..<6).contains(argument.index) {
      error(
        "\(what): the argument '\(DisplayText.shortened(argument.name))' has index \(argument.index); a hypercall has arguments 0 to 5",
        location)
    }
  }

  mutating func check(
    _ multiplex: Multiplex, named tableName: String, owner: String, what: String, prefix: String
  ) {
    check(multiplex.opArgument, what: what, multiplex.location)
    location(multiplex.location, what)
    freeText("\(what): the sub-op table's source", multiplex.source, multiplex.location)
    if let check = multiplex.interfaceVersion {
      location(check.location, "\(what): the interface version check")
      freeText("\(what): the interface version check's source", check.source, check.location)
    }
    if let name = multiplex.opMask.maskName {
      report("\(what): the mask name", name, CNameRules.problem(name), multiplex.location)
    }
    if let name = multiplex.opMask.shiftName {
      report("\(what): the shift name", name, CNameRules.problem(name), multiplex.location)
    }
    let tag = "abigen_assert_" + tableName
    claim("C identifier", tag + "_mask_matches_shift", owner, multiplex.location)
    var lineages: [String: String] = [:]
    var cases: [String: String] = [:]
    // Two ops with one C name are a macro clash, reported by the structural validation.
    let cNames = Dictionary(multiplex.subOps.map { ($0.cName, 1) }, uniquingKeysWith: +)
    for op in multiplex.subOps {
      func opWhat() -> String { "\(what): sub-op \(DisplayText.quoted(op.name))" }
      let nameProblem = CNameRules.problem(op.name)
      report("\(what): sub-op", op.name, nameProblem, op.location)
      location(op.location, opWhat())
      if op.cName != op.name { report("\(opWhat()): the C name", op.cName, CNameRules.problem(op.cName), op.location) }
      if op.lineage != op.name {
        report("\(opWhat()): the lineage", op.lineage, WordRule.label.problem(op.lineage), op.location)
      }
      if let other = lineages[op.lineage], other != op.name {
        error(
          "\(opWhat()) has the lineage \(DisplayText.quoted(op.lineage)) of sub-op \(DisplayText.quoted(other)); a lineage names one sub-op per release",
          op.location)
      }
      lineages[op.lineage] = lineages[op.lineage] ?? op.name
      for former in op.formerNames {
        report("\(opWhat()): the former name", former, CNameRules.problem(former), op.location)
      }
      if let condition = op.guardCondition {
        report("\(opWhat()): the guard", condition, PreprocessorCondition.problem(in: condition), op.location)
      }
      freeText("\(opWhat()): the source", op.source, op.location)
      for continuation in op.continuations {
        if let name = continuation.progressName {
          report(
            "\(opWhat()): the progress name", name,
            CNameRules.problem(name, maximumLength: ABIModel.maximumWordLength, word: true), op.location)
        }
        freeText("\(opWhat()): the continuation's source", continuation.source, op.location)
      }
      guard nameProblem == nil else { continue }
      let opOwner = "sub-op '\(op.name)'"
      let caseName = caseName(op.name, prefix: prefix)
      if let other = cases[caseName], other != op.name {
        error("\(what): sub-ops '\(other)' and '\(op.name)' both become the Swift case '\(caseName)'", op.location)
      }
      cases[caseName] = cases[caseName] ?? op.name
      if CNameRules.problem(op.cName) == nil, cNames[op.cName] == 1 {
        claim("C identifier", "\(tag)_\(op.cName)_fits", opOwner + " of " + owner, op.location)
      }
    }
  }
}
