import ABIModel

// The adapter: the only file of the atlas that reads `Multiplex`, `OpMask`,
// `ContinuationEncoding` and `CountFlagEncoding`. When the model states a hypercall's ABI as a
// set of words, this file is what changes.
extension AtlasModel {
  public init(_ model: ABIModel) {
    self.model = model
    family = model.family
    releases = model.releases.map {
      ReleaseInfo(name: $0.name, released: $0.status == .released, source: $0.source)
    }
    guests = model.guestABIs.map { Guest(name: $0.name, width: $0.width) }
    var order: [String] = []
    var snapshots: [String: [HypercallSnapshot]] = [:]
    var previous: [String: Hypercall] = [:]
    var newestNumber: [String: UInt64] = [:]
    for release in model.releases {
      for hypercall in release.hypercalls {
        let lineage = hypercall.lineage
        if snapshots[lineage] == nil { order.append(lineage) }
        let width = Self.widestWidth(of: hypercall, guests: model.guestABIs)
        snapshots[lineage, default: []].append(
          HypercallSnapshot(
            release: release.name, name: hypercall.name, number: hypercall.number,
            words: Self.words(of: hypercall, guestWidth: width, guests: model.guestABIs),
            ops: hypercall.multiplex?.subOps.map(Self.entry) ?? [],
            nestedTables: hypercall.tables.filter(\.isNested).map(Self.nestedSnapshot),
            mask: hypercall.multiplex.map(Self.maskText), shifts: hypercall.multiplex.map(Self.shiftTexts) ?? [],
            unusedBits: hypercall.multiplex?.unusedBits.rawValue,
            changes: previous[lineage].map { Self.changes(from: $0, to: hypercall, release: release) } ?? [],
            releaseSource: release.source))
        previous[lineage] = hypercall
        newestNumber[lineage] = hypercall.number
      }
    }
    let sorted = order.enumerated().sorted { a, b in
      (newestNumber[a.element]!, a.offset) < (newestNumber[b.element]!, b.offset)
    }.map(\.element)
    var pages = PageNames()
    hypercalls = sorted.map { lineage in
      let history = snapshots[lineage]!
      let name = history.last!.name
      return HypercallHistory(lineage: lineage, name: name, page: pages.claim(name), snapshots: history)
    }
  }

  /// The widest register width of the guests that define the hypercall.
  static func widestWidth(of hypercall: Hypercall, guests: [GuestABI]) -> Int {
    guests.filter { hypercall.isDefined(for: $0.name) }.map(\.width).max() ?? guests.map(\.width).max() ?? 64
  }

  /// The words a hypercall decodes, for guests of one register width.
  static func words(of hypercall: Hypercall, guestWidth: Int, guests: [GuestABI]) -> [WordLayout] {
    let widths = Set(guests.filter { hypercall.isDefined(for: $0.name) }.map(\.width))
    func narrower(_ type: ArgumentType, _ bits: Int) -> [Int] {
      Set(widths.map { type.bits(guestWidth: $0) }).filter { $0 < bits }.sorted()
    }
    var words: [WordLayout] = []
    if let multiplex = hypercall.multiplex {
      let bits = multiplex.opWidth(guestWidth: guestWidth)
      words.append(
        WordLayout(
          word: multiplex.opArgument.name, declaration: declaration(multiplex.opArgument), bits: bits,
          narrowerWidths: narrower(multiplex.opArgument.type, bits),
          rows: opRows(multiplex, bits: bits, guestWidth: guestWidth)))
    }
    // A nested table's word is drawn as the main table's register is.
    for table in hypercall.tables where table.isNested {
      let multiplex = table.multiplex
      let bits = multiplex.opWidth(guestWidth: guestWidth)
      // Named by the table (two tables can share a structure's field, as access_op and
      // paging_op share xen_mem_event_op.op in 4.2): findings on the table find it by that name.
      let nested = table.nested!
      words.append(
        WordLayout(
          word: table.name,
          declaration:
            "\(nested.wordName), \(multiplex.opArgument.type.rawValue) through argument \(multiplex.opArgument.index)",
          bits: bits,
          narrowerWidths: narrower(multiplex.opArgument.type, bits),
          rows: opRows(multiplex, bits: bits, guestWidth: guestWidth)))
    }
    if let flag = hypercall.countFlag {
      let bits = flag.argument.type.bits(guestWidth: guestWidth)
      words.append(
        WordLayout(
          word: flag.argument.name, declaration: declaration(flag.argument), bits: bits,
          narrowerWidths: narrower(flag.argument.type, bits),
          rows: [countRow(flag, bits: bits)] + (flag.sentinel.map { [sentinelRow(flag, $0, bits: bits)] } ?? [])))
    }
    return words
  }

  static func declaration(_ slot: ArgumentSlot) -> String {
    "argument \(slot.index), \(slot.type.rawValue)"
  }

  /// The row every op reads (the op field and what the release does with the bits above it),
  /// then one row per way the ops keep progress in the word.
  static func opRows(_ multiplex: Multiplex, bits: Int, guestWidth: Int) -> [LayoutRow] {
    let mask = multiplex.opMask
    guard let maskValue = mask.bits else {
      let op = BitField(role: .op, low: 0, width: bits, name: "op", detail: "whole register: no mask")
      return [LayoutRow(title: "every op", ops: [], fields: [op])]
    }
    let maskBits = min(max(maskValue, 0), bits)
    let maskDetail = (mask.maskName.map { "\($0) = " } ?? "mask ") + hexString(lowBitsMask(maskValue))
    let opField = BitField(role: .op, low: 0, width: maskBits, name: "op", detail: maskDetail)
    let unusedRole: BitField.Role = multiplex.unusedBits == .ignored ? .ignored : .reserved
    let unusedDetail = multiplex.unusedBits == .ignored ? "masked off" : "set on an op without progress: -ENOSYS"
    var first = [opField]
    if maskBits < bits {
      first.append(
        BitField(role: unusedRole, low: maskBits, width: bits - maskBits, name: "unused", detail: unusedDetail))
    }
    var rows = [LayoutRow(title: "every op", ops: [], fields: first.filter { $0.width > 0 })]
    // One layout per encoding: an op that continues on some architectures only is labelled with
    // them (`HVMOP_modified_memory (x86)`).
    let encodings = multiplex.subOps.flatMap { op in
      op.continuations.map { encoding -> (SubOp, String) in
        var viewed = op
        viewed.continuation = encoding.unrestricted
        let label =
          encoding.architectures.isEmpty ? op.name : "\(op.name) (\(encoding.architectures.joined(separator: ", ")))"
        return (viewed, label)
      }
    }
    for (op, label) in encodings {
      let fields: [BitField]
      let maximum = bitLength(multiplex.maximumProgress(of: op, guestWidth: guestWidth))
      let progressName = op.continuation?.progressName ?? "progress"
      let bound = op.continuation?.bound?.summary ?? "register capacity"
      switch op.opRegisterLayout {
      case .none:
        continue
      case .shifted(let shift):
        let start = min(max(shift, 0), bits)
        var row = [BitField(role: .op, low: 0, width: min(maskBits, start), name: "op", detail: maskDetail)]
        if start > maskBits {
          row.append(
            BitField(role: unusedRole, low: maskBits, width: start - maskBits, name: "gap", detail: unusedDetail))
        }
        let shiftName = mask.shiftName.map { shift == maskValue ? " (\($0))" : "" } ?? ""
        let overlap = shift < maskBits ? "; overlaps the op field" : ""
        let width = min(maximum, bits - start)
        row.append(
          BitField(
            role: .progress, low: start, width: width, name: progressName,
            detail: "<< \(shift)\(shiftName), <= \(bound)\(overlap)"))
        if start + width < bits {
          row.append(
            BitField(
              role: .refused, low: start + width, width: bits - start - width, name: "over bound",
              detail: "progress above \(bound)"))
        }
        fields = row
      case .rawAligned:
        let top = min(max(maximum, maskBits), bits)
        var row = [
          opField,
          BitField(
            role: .progress, low: maskBits, width: top - maskBits, name: progressName,
            detail: "raw, a multiple of \(hexString(lowBitsMask(maskBits) &+ 1)), <= \(bound)"),
        ]
        if top < bits {
          row.append(
            BitField(role: .refused, low: top, width: bits - top, name: "over bound", detail: "progress above \(bound)")
          )
        }
        fields = row
      }
      let kept = fields.filter { $0.width > 0 }
      if let index = rows.firstIndex(where: { !$0.ops.isEmpty && $0.fields == kept }) {
        rows[index].ops.append(label)
      } else {
        rows.append(LayoutRow(title: "", ops: [label], fields: kept))
      }
    }
    for index in rows.indices where !rows[index].ops.isEmpty {
      rows[index].title = "continuations of " + rows[index].ops.joined(separator: ", ")
    }
    return rows
  }

  static func countRow(_ flag: CountFlagEncoding, bits: Int) -> LayoutRow {
    let bit = flag.flagBit
    var fields: [BitField] = []
    if bit >= 0 && bit < bits {
      fields.append(BitField(role: .count, low: 0, width: bit, name: "remaining", detail: "entries left"))
      fields.append(
        BitField(
          role: .flag, low: bit, width: 1, name: flag.flagName ?? "resumed",
          detail: "set on a resumed call" + (flag.flagSpelling.map { ", \($0)" } ?? "")))
      fields.append(
        BitField(role: .count, low: bit + 1, width: bits - bit - 1, name: "remaining", detail: "entries left"))
    } else {
      fields.append(
        BitField(role: .count, low: 0, width: bits, name: "remaining", detail: "flag bit \(bit) is outside the word"))
    }
    return LayoutRow(title: "every call", ops: [], fields: fields.filter { $0.width > 0 })
  }

  /// The sentinel: the flag alone, every other bit clear; its return code is in another word.
  static func sentinelRow(_ flag: CountFlagEncoding, _ sentinel: CountSentinel, bits: Int) -> LayoutRow {
    let bit = flag.flagBit
    let zero = "0: " + sentinel.summary
    var fields = [BitField(role: .count, low: 0, width: min(max(bit, 0), bits), name: "0", detail: zero)]
    if bit >= 0 && bit < bits {
      fields.append(
        BitField(role: .flag, low: bit, width: 1, name: flag.flagName ?? "resumed", detail: "set, and nothing else"))
      fields.append(BitField(role: .count, low: bit + 1, width: bits - bit - 1, name: "0", detail: zero))
    }
    return LayoutRow(title: "sentinel continuation", ops: [], fields: fields.filter { $0.width > 0 })
  }

  static func nestedSnapshot(_ table: HypercallTable) -> NestedTableSnapshot {
    let nested = table.nested!
    let argument = table.multiplex.opArgument
    return NestedTableSnapshot(
      name: table.name, selection: nested.selectedBy.map { "selected by \($0)" } ?? "every call",
      word:
        "\(nested.wordName) (\(argument.type.rawValue), \(nested.structure == nil ? "" : "through ")argument \(argument.index))",
      ops: table.multiplex.subOps.map(entry))
  }

  static func entry(_ op: SubOp) -> OpEntry {
    OpEntry(
      lineage: op.lineage, name: op.name, number: op.number, toolsOnly: op.toolsOnly,
      continuation: op.continuations.isEmpty ? nil : op.continuations.map(\.summary).joined(separator: "; "))
  }

  static func maskText(_ multiplex: Multiplex) -> String {
    guard let value = multiplex.opMask.value else { return "whole register" }
    return hexString(value) + (multiplex.opMask.maskName.map { " (\($0))" } ?? "")
  }

  static func shiftTexts(_ multiplex: Multiplex) -> [String] {
    var shifts: [String] = []
    for op in multiplex.subOps.flatMap(\.continuations) {
      let text: String
      switch op.opRegisterLayout {
      case .none: continue
      case .shifted(let shift):
        let name = multiplex.opMask.shiftName.flatMap { shift == multiplex.opMask.bits ? "\($0) = " : nil } ?? "<< "
        text = "\(name)\(shift)"
      case .rawAligned: text = "raw above the mask"
      }
      if !shifts.contains(text) { shifts.append(text) }
    }
    return shifts
  }

  /// What changed in a hypercall from the release before, each with its source.
  static func changes(from old: Hypercall, to new: Hypercall, release: Release) -> [ChangeNote] {
    var notes: [ChangeNote] = []
    func note(_ kind: ChangeNote.Kind, _ text: String, _ source: String?, layout: Bool) {
      notes.append(ChangeNote(kind: kind, text: text, source: source, changesLayout: layout))
    }
    if old.name != new.name {
      note(.hypercall, "renamed \(old.name) to \(new.name)", new.source, layout: false)
    }
    if old.number != new.number {
      note(.hypercall, "number \(old.number) -> \(new.number)", new.source, layout: false)
    }
    switch (old.multiplex, new.multiplex) {
    case (nil, nil): break
    case (nil, let added?):
      note(.mask, "sub-op table added, op mask \(maskText(added))", added.source, layout: true)
    case (let removed?, nil):
      note(.mask, "sub-op table removed (was op mask \(maskText(removed)))", new.source, layout: true)
    case (let before?, let after?):
      notes += changes(from: before, to: after)
    }
    if old.countFlag != new.countFlag {
      let source = new.countFlag?.source ?? new.source
      let text: String
      switch (old.countFlag, new.countFlag) {
      case (nil, let flag?): text = "resumed-call flag added at bit \(flag.flagBit)"
      case (_?, nil): text = "resumed-call flag removed"
      case (let a?, let b?) where a.flagBit == b.flagBit && a.flagName == b.flagName && a.sentinel != b.sentinel:
        text =
          b.sentinel.map { "sentinel continuation added: \($0.summary)" }
          ?? "sentinel continuation removed"
      case (let a?, let b?):
        text = "resumed-call flag bit \(a.flagBit) \(a.flagName ?? "") -> \(b.flagBit) \(b.flagName ?? "")"
      default: text = ""
      }
      note(.continuation, text, new.countFlag?.sentinel?.source ?? source, layout: true)
    }
    return notes
  }

  static func changes(from before: Multiplex, to after: Multiplex) -> [ChangeNote] {
    var notes: [ChangeNote] = []
    func note(_ kind: ChangeNote.Kind, _ text: String, _ source: String?, layout: Bool) {
      notes.append(ChangeNote(kind: kind, text: text, source: source, changesLayout: layout))
    }
    if before.opArgument != after.opArgument {
      note(
        .mask,
        "op argument \(before.opArgument.name) (\(before.opArgument.type.rawValue)) -> "
          + "\(after.opArgument.name) (\(after.opArgument.type.rawValue))", after.source, layout: true)
    }
    if before.opMask != after.opMask {
      note(.mask, "op mask \(maskText(before)) -> \(maskText(after))", after.source, layout: true)
    }
    if before.unusedBits != after.unusedBits {
      note(
        .policy, "bits above the mask: \(before.unusedBits.rawValue) -> \(after.unusedBits.rawValue)", after.source,
        layout: true)
    }
    let maskMoved = before.opMask != after.opMask
    let oldOps = Dictionary(before.subOps.map { ($0.lineage, $0) }, uniquingKeysWith: { a, _ in a })
    let newLineages = Set(after.subOps.map(\.lineage))
    for op in after.subOps {
      let continues = op.continuations.contains { $0.opRegisterLayout != .none }
      guard let old = oldOps[op.lineage] else {
        note(.added, "added \(op.name) = \(op.number)", op.source, layout: continues)
        continue
      }
      if old.name != op.name { note(.renamed, "renamed \(old.name) to \(op.name)", op.source, layout: continues) }
      if old.number != op.number {
        note(.renumbered, "\(op.name) renumbered \(old.number) -> \(op.number)", op.source, layout: true)
      }
      if old.toolsOnly != op.toolsOnly {
        note(
          .toolsOnly, "\(op.name) \(op.toolsOnly ? "becomes tools-only" : "is no longer tools-only")", op.source,
          layout: false)
      }
      if old.continuations != op.continuations {
        func text(_ encodings: [ContinuationEncoding]) -> String {
          encodings.isEmpty ? "none" : encodings.map(\.summary).joined(separator: "; ")
        }
        // A continuation restated keeps its own source; one that only moved with the mask (a
        // shift is the mask's width) still carries the source of its last restatement.
        let restated = old.continuations.map(\.source) != op.continuations.map(\.source) || old.continuations.isEmpty
        let source = restated ? op.continuations.last?.source ?? op.source : maskMoved ? after.source : nil
        note(
          .continuation, "\(op.name) continues: \(text(old.continuations)) -> \(text(op.continuations))", source,
          layout: old.continuations.contains { $0.opRegisterLayout != .none } || continues)
      }
    }
    for op in before.subOps where !newLineages.contains(op.lineage) {
      note(
        .removed, "removed \(op.name) (\(op.number))", nil,
        layout: op.continuations.contains { $0.opRegisterLayout != .none })
    }
    return notes
  }
}

func bitLength(_ value: UInt64) -> Int { 64 - value.leadingZeroBitCount }

/// Page file names, one per hypercall, unique and safe whatever the names are.
struct PageNames {
  var taken: Set<String> = ["index"]

  mutating func claim(_ name: String) -> String {
    let base = Anchor.slug(name)
    var candidate = base
    var suffix = 2
    while taken.contains(candidate.lowercased()) {
      candidate = "\(base)-\(suffix)"
      suffix += 1
    }
    taken.insert(candidate.lowercased())
    return candidate + ".html"
  }
}
