import ABIModel

/// The structural differences between two releases of one model, matched by lineage: the
/// hypercall table first (by number), then each hypercall's decoder, sub-ops and count flag.
public enum ReleaseDiff {
  public static func changes(from older: Release, to newer: Release) -> [SpecChange] {
    var changes = tableChanges(older, newer)
    for hypercall in older.hypercalls.sorted(by: { $0.number < $1.number }) {
      guard let successor = newer.hypercall(lineage: hypercall.lineage) else { continue }
      changes += decoderChanges(hypercall, successor)
      changes += countFlagChanges(hypercall, successor)
    }
    return changes
  }

  // MARK: the hypercall table

  static func overlaps(_ a: Hypercall, _ b: Hypercall) -> Bool {
    a.guestABIs.isEmpty || b.guestABIs.isEmpty || !Set(a.guestABIs).isDisjoint(with: b.guestABIs)
  }

  static func tableChanges(_ older: Release, _ newer: Release) -> [SpecChange] {
    var changes: [(number: UInt64, change: SpecChange)] = []
    // A number that names another lineage for some guest ABI: one `reused` change stands for
    // the removal and the addition it consists of.
    var reusedOld: Set<String> = []
    var reusedNew: Set<String> = []
    let numbers = Set(older.hypercalls.map(\.number)).intersection(newer.hypercalls.map(\.number))
    for number in numbers.sorted() {
      let before = older.hypercalls.filter { $0.number == number }
      let after = newer.hypercalls.filter { $0.number == number }
      let pairs = before.flatMap { old in
        after.filter { $0.lineage != old.lineage && overlaps(old, $0) }.map { (old, $0) }
      }
      let gone = pairs.map(\.0).filter { newer.hypercall(lineage: $0.lineage) == nil }
      let came = pairs.map(\.1).filter { older.hypercall(lineage: $0.lineage) == nil }
      guard !pairs.isEmpty else { continue }
      reusedOld.formUnion(gone.map(\.lineage))
      reusedNew.formUnion(came.map(\.lineage))
      let from = unique(pairs.map { $0.0.cName }).joined(separator: ", ")
      let to = unique(pairs.map { $0.1.cName }).joined(separator: ", ")
      changes.append(
        (
          number,
          SpecChange(
            kind: .reused, subject: .hypercallNumber(number), hypercall: nil,
            summary: "hypercall \(number) reused: \(from) -> \(to)", location: pairs[0].1.location)
        ))
    }
    for old in older.hypercalls {
      guard let new = newer.hypercall(lineage: old.lineage) else {
        if !reusedOld.contains(old.lineage) {
          changes.append(
            (
              old.number,
              SpecChange(
                kind: .removed, subject: .hypercall(lineage: old.lineage), hypercall: old.name,
                summary: "removed \(old.cName) = \(old.number)\(abiText(old))", location: old.location)
            ))
        }
        continue
      }
      let subject = SpecChange.Subject.hypercall(lineage: old.lineage)
      if old.name != new.name {
        changes.append(
          (
            new.number,
            SpecChange(
              kind: .renamed, subject: subject, hypercall: new.name,
              summary: "renamed \(old.cName) -> \(new.cName) (\(new.number))", location: new.location)
          ))
      }
      if old.number != new.number {
        changes.append(
          (
            new.number,
            SpecChange(
              kind: .renumbered, subject: subject, hypercall: new.name,
              summary: "renumbered \(new.cName) \(old.number) -> \(new.number)", location: new.location)
          ))
      }
      if Set(old.guestABIs) != Set(new.guestABIs) {
        changes.append(
          (
            new.number,
            SpecChange(
              kind: .guestABIs, subject: subject, hypercall: new.name,
              summary: "\(new.cName) defined for \(abiList(old)) -> \(abiList(new))", location: new.location)
          ))
      }
    }
    for new in newer.hypercalls where older.hypercall(lineage: new.lineage) == nil && !reusedNew.contains(new.lineage) {
      changes.append(
        (
          new.number,
          SpecChange(
            kind: .added, subject: .hypercall(lineage: new.lineage), hypercall: new.name,
            summary: "added \(new.cName) = \(new.number)\(abiText(new))", location: new.location)
        ))
    }
    // Stable: by number, in the order found within one number.
    return changes.enumerated().sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }
      .map(\.element.change)
  }

  static func abiText(_ hypercall: Hypercall) -> String {
    hypercall.guestABIs.isEmpty ? "" : " (\(hypercall.guestABIs.joined(separator: ", ")) only)"
  }

  static func abiList(_ hypercall: Hypercall) -> String {
    hypercall.guestABIs.isEmpty ? "every guest ABI" : hypercall.guestABIs.joined(separator: ", ")
  }

  static func unique(_ names: [String]) -> [String] {
    var seen: [String] = []
    for name in names where !seen.contains(name) { seen.append(name) }
    return seen
  }

  // MARK: one hypercall's decoder

  static func decoderChanges(_ old: Hypercall, _ new: Hypercall) -> [SpecChange] {
    let lineage = old.lineage
    let decoder = SpecChange.Subject.decoder(hypercall: lineage)
    switch (old.multiplex, new.multiplex) {
    case (nil, nil):
      return []
    case (nil, let added?):
      return [
        SpecChange(
          kind: .multiplexed, subject: decoder, hypercall: new.name,
          summary: "\(new.name) gained a sub-op table (\(added.subOps.count) sub-ops)", location: added.location)
      ]
    case (_?, nil):
      return [
        SpecChange(
          kind: .multiplexed, subject: decoder, hypercall: new.name, summary: "\(new.name) lost its sub-op table",
          location: new.location)
      ]
    case (let before?, let after?):
      return multiplexChanges(before, after, lineage: lineage, hypercall: new.name)
    }
  }

  static func multiplexChanges(_ before: Multiplex, _ after: Multiplex, lineage: String, hypercall: String)
    -> [SpecChange]
  {
    var changes: [SpecChange] = []
    let decoder = SpecChange.Subject.decoder(hypercall: lineage)
    if before.opArgument != after.opArgument {
      changes.append(
        SpecChange(
          kind: .opArgument, subject: decoder, hypercall: hypercall,
          summary: "op argument \(argumentText(before.opArgument)) -> \(argumentText(after.opArgument))",
          location: after.location))
    }
    let carried = before.subOps.filter { op in
      guard let successor = after.subOp(lineage: op.lineage) else { return false }
      // Every architecture's encoding moves with the mask.
      return !op.continuations.isEmpty && op.continuations.count == successor.continuations.count
        && zip(op.continuations, successor.continuations).allSatisfy {
          $0.architectures == $1.architectures && carriedByMask($0, $1, before.opMask, after.opMask)
        }
    }
    if before.opMask != after.opMask {
      var summary = maskChangeText(before.opMask, after.opMask)
      if !carried.isEmpty {
        summary += ", moving the progress of \(carried.map(\.name).joined(separator: ", "))"
      }
      changes.append(
        SpecChange(
          kind: .opMask, subject: decoder, hypercall: hypercall, summary: summary, location: after.location,
          carriedSubOps: carried.map(\.name)))
    }
    if before.interfaceVersion?.value != after.interfaceVersion?.value
      || before.interfaceVersion?.constant != after.interfaceVersion?.constant
    {
      let (old, new) = (before.interfaceVersion, after.interfaceVersion)
      let change =
        old?.constant == new?.constant && old != nil
        ? "\(new!.constant) \(old!.versionText) -> \(new!.versionText)"
        : "\(old?.summary ?? "none") -> \(new?.summary ?? "none")"
      let refuses = InterfaceVersionCheck.refuses(old, new)
      changes.append(
        SpecChange(
          kind: .interfaceVersion, subject: decoder, hypercall: hypercall,
          summary: "interface version \(change)"
            + (refuses ? ": every call made for the older release is refused (-EACCES)" : ""),
          location: after.interfaceVersion?.location ?? after.location))
    }
    if before.unusedBits != after.unusedBits {
      changes.append(
        SpecChange(
          kind: .unusedBits, subject: decoder, hypercall: hypercall,
          summary: "unused high bits \(before.unusedBits.rawValue) -> \(after.unusedBits.rawValue)",
          location: after.location))
    }
    let carriedNames = Set(carried.map(\.lineage))
    var opChanges: [(number: UInt64, change: SpecChange)] = []
    for op in before.subOps {
      let subject = SpecChange.Subject.subOp(hypercall: lineage, lineage: op.lineage)
      guard let successor = after.subOp(lineage: op.lineage) else {
        opChanges.append(
          (
            op.number,
            SpecChange(
              kind: .removed, subject: subject, hypercall: hypercall,
              summary: "removed \(op.name) = \(op.number)\(op.toolsOnly ? " (tools-only)" : "")", location: op.location)
          ))
        continue
      }
      func add(_ kind: SpecChange.Kind, _ summary: String) {
        opChanges.append(
          (
            successor.number,
            SpecChange(
              kind: kind, subject: subject, hypercall: hypercall, summary: summary, location: successor.location)
          ))
      }
      if op.name != successor.name { add(.renamed, "renamed \(op.name) -> \(successor.name) (\(successor.number))") }
      if op.number != successor.number {
        add(.renumbered, "renumbered \(successor.name) \(op.number) -> \(successor.number)")
      }
      if !carriedNames.contains(op.lineage) && !sameContinuations(op.continuations, successor.continuations) {
        add(
          .continuation,
          "\(successor.name) continuation \(continuationText(op.continuations)) -> \(continuationText(successor.continuations))"
        )
      }
      if op.toolsOnly != successor.toolsOnly {
        add(.toolsOnly, "\(successor.name) \(successor.toolsOnly ? "became tools-only" : "became guest-visible")")
      }
      // A C name that is just the name follows a rename; only a C name of its own is news.
      let cNameChanged =
        op.cName != successor.cName && !(op.cName == op.name && successor.cName == successor.name)
      if cNameChanged || op.guardCondition != successor.guardCondition {
        var parts: [String] = []
        if cNameChanged { parts.append("C name \(op.cName) -> \(successor.cName)") }
        if op.guardCondition != successor.guardCondition {
          parts.append("guard \(op.guardCondition ?? "none") -> \(successor.guardCondition ?? "none")")
        }
        add(.cDefinition, "\(successor.name) \(parts.joined(separator: ", "))")
      }
    }
    for op in after.subOps where before.subOp(lineage: op.lineage) == nil {
      opChanges.append(
        (
          op.number,
          SpecChange(
            kind: .added, subject: .subOp(hypercall: lineage, lineage: op.lineage), hypercall: hypercall,
            summary: "added \(op.name) = \(op.number)\(op.toolsOnly ? " (tools-only)" : "")", location: op.location)
        ))
    }
    return changes
      + opChanges.enumerated().sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }
      .map(\.element.change)
  }

  /// A shifted continuation whose shift is the mask width before and after, with a bound that
  /// follows the shift: `MEMOP_EXTENT_SHIFT` moves it, so it is part of the mask change.
  static func carriedByMask(
    _ old: ContinuationEncoding?, _ new: ContinuationEncoding?, _ oldMask: OpMask, _ newMask: OpMask
  )
    -> Bool
  {
    guard let old, let new, oldMask.bits != newMask.bits, old.kinds == new.kinds,
      old.kinds.contains(.cmdShiftedIndex), let oldShift = old.shift, let newShift = new.shift,
      oldShift == oldMask.bits, newShift == newMask.bits
    else { return false }
    switch (old.bound, new.bound) {
    case (.typeMaximum(let oldType, let oldBy)?, .typeMaximum(let newType, let newBy)?):
      return oldType == newType && ((oldBy == oldShift && newBy == newShift) || oldBy == newBy)
    default:
      return old.bound == new.bound
    }
  }

  static func sameContinuation(_ a: ContinuationEncoding?, _ b: ContinuationEncoding?) -> Bool {
    a?.kinds == b?.kinds && a?.shift == b?.shift && a?.bound == b?.bound && a?.architectures == b?.architectures
  }

  /// The same encodings on the same architectures.
  static func sameContinuations(_ a: [ContinuationEncoding], _ b: [ContinuationEncoding]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { sameContinuation($0, $1) }
  }

  // MARK: count flags

  static func countFlagChanges(_ old: Hypercall, _ new: Hypercall) -> [SpecChange] {
    guard
      old.countFlag?.argument != new.countFlag?.argument || old.countFlag?.flagBit != new.countFlag?.flagBit
        || old.countFlag?.flagName != new.countFlag?.flagName
        || (old.countFlag?.sentinel == nil) != (new.countFlag?.sentinel == nil)
        || old.countFlag?.sentinel?.returnCode.index != new.countFlag?.sentinel?.returnCode.index
        || old.countFlag?.sentinel?.nullArguments != new.countFlag?.sentinel?.nullArguments
    else { return [] }
    return [
      SpecChange(
        kind: .countFlag, subject: .countFlag(hypercall: old.lineage), hypercall: new.name,
        summary: "\(new.name) count flag \(flagText(old.countFlag)) -> \(flagText(new.countFlag))",
        location: new.countFlag?.sentinel?.location ?? new.countFlag?.location ?? new.location)
    ]
  }

  // MARK: text

  static func hex(_ value: UInt64) -> String { hexString(value) }

  static func maskText(_ mask: OpMask) -> String {
    guard let bits = mask.bits else { return "none (the whole register is the op)" }
    var text = mask.maskName.map { "\($0) " } ?? ""
    text += hex(lowBitsMask(bits))
    text += mask.shiftName.map { " (\($0) \(bits))" } ?? ""
    return text
  }

  /// `op mask MEMOP_CMD_MASK 0xf -> 0x3f (MEMOP_EXTENT_SHIFT 4 -> 6)`.
  static func maskChangeText(_ old: OpMask, _ new: OpMask) -> String {
    guard old.maskName == new.maskName, old.shiftName == new.shiftName, let oldBits = old.bits,
      let newBits = new.bits
    else { return "op mask \(maskText(old)) -> \(maskText(new))" }
    var text = "op mask " + (old.maskName.map { "\($0) " } ?? "")
    text += "\(hex(lowBitsMask(oldBits))) -> \(hex(lowBitsMask(newBits)))"
    text += old.shiftName.map { " (\($0) \(oldBits) -> \(newBits))" } ?? ""
    return text
  }

  static func argumentText(_ slot: ArgumentSlot) -> String {
    "'\(slot.name)' (arg \(slot.index), \(slot.type.rawValue))"
  }

  static func flagText(_ flag: CountFlagEncoding?) -> String {
    guard let flag else { return "none" }
    let sentinel = flag.sentinel.map { ", sentinel: \($0.summary)" } ?? ""
    return "\(flag.flagName ?? "flag") bit \(flag.flagBit) of \(argumentText(flag.argument))\(sentinel)"
  }

  static func continuationText(_ continuation: ContinuationEncoding?) -> String {
    continuation?.summary ?? "none"
  }

  static func continuationText(_ continuations: [ContinuationEncoding]) -> String {
    continuations.isEmpty ? "none" : continuations.map(\.summary).joined(separator: "; ")
  }

}
