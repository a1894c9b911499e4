import ABIModel
import EmitCore

/// One multiplexed hypercall of one release: its mask, shift and sub-op macros, checks that the
/// ops fit the mask and progress sits above the op field, and the helpers that decode, validate
/// and encode op-register values as `Multiplex.decode` / `encode` / `maximumProgress` do.
struct MultiplexLowering {
  var hypercall: Hypercall
  /// The table (main or nested) this lowers; its name (`memory_op.access_op`) names the helpers.
  var table: HypercallTable
  var multiplex: Multiplex { table.multiplex }
  var release: Release
  /// The model's guest register widths, for the checks that must hold for all of them.
  var guestWidths: [Int]
  /// The model, for its architectures: `nil` lowers the table as it is.
  var model: ABIModel? = nil

  var prefix: String { "abigen_" + ABIModelSelection.identifier(for: tableName) }
  var tableName: String { table.name }
  var argument: ArgumentSlot { multiplex.opArgument }
  var maskBits: Int? { multiplex.opMask.bits }
  var mask: UInt64? { multiplex.opMask.value }

  func items(symbols: inout CSymbolTable) -> [CItem] {
    var items: [CItem] = [.comment(summary)]
    var entries: [GuardedItem] = []
    if let bits = maskBits, let shiftName = multiplex.opMask.shiftName,
      let item = symbols.define(shiftName, String(bits), owner: tableName)
    {
      entries.append(GuardedItem(conditions: [], item: item))
    }
    if let mask, let maskName = multiplex.opMask.maskName,
      let item = symbols.define(maskName, CLiteral.define(mask, hex: true), owner: tableName)
    {
      entries.append(GuardedItem(conditions: [], item: item))
    }
    if let version = CHeaderLowering.interfaceVersionDefine(multiplex, owner: tableName, symbols: &symbols) {
      entries.append(version)
    }
    for op in multiplex.subOps {
      if let item = symbols.define(op.cName, CLiteral.define(op.number), owner: tableName) {
        entries.append(GuardedItem(conditions: conditions(of: op), item: item))
      }
    }
    items += GuardedItem.nest(entries)
    items += GuardedItem.nest(assertions)
    guard let model else {
      for function in [decode, isValid, encode, maximumProgress] {
        items += [.blank, .function(function)]
      }
      return items
    }
    // The helpers per architecture where the ops continue differently on each.
    for variant in ArchitectureVariant.variants(of: table, in: model) {
      var lowering = self
      lowering.table = variant.table
      var functions: [CItem] = []
      for function in [lowering.decode, lowering.isValid, lowering.encode, lowering.maximumProgress] {
        functions += [.blank, .function(function)]
      }
      items += variant.guarded(functions)
    }
    return items
  }

  func conditions(of op: SubOp) -> [String] {
    (op.toolsOnly ? [CHeaderLowering.toolsOnlyCondition] : [])
      + (op.hypervisorInternal ? [CHeaderLowering.hypervisorInternalCondition] : [])
      + (op.guardCondition.map { [$0] } ?? [])
  }

  var summary: [String] {
    var text =
      "\(tableName) (\(hypercall.cName) = \(hypercall.number)\(table.nestingNote)): the op is in "
      + "\(table.wordDescription). "
    if let bits = maskBits, let mask {
      text +=
        "The low \(bits) bits select the sub-op (mask \(CLiteral.define(mask, hex: true))). High bits on an op "
        + "that keeps no progress there are "
        + (multiplex.unusedBits == .rejected ? "rejected (-ENOSYS)." : "ignored.")
    } else {
      text += "The whole value is the sub-op: any other value is an unknown op."
    }
    if let check = multiplex.interfaceVersion {
      text +=
        " The handler first requires \(check.field) == \(check.constant) (-EACCES otherwise): a caller built"
        + " for another release's version is refused, never misread."
    }
    return [text]
  }

  // MARK: Compile-time checks

  /// The narrowest width the op argument has for any guest.
  var narrowestWidth: Int {
    guestWidths.map { multiplex.opWidth(guestWidth: $0) }.min() ?? 64
  }

  var assertions: [GuardedItem] {
    let tag = "abigen_assert_" + ABIModelSelection.identifier(for: tableName)
    var out: [GuardedItem] = []
    // The mask macro exists only when there is a mask (a name alone defines nothing).
    let maskSpelling = mask.map { multiplex.opMask.maskName ?? CLiteral.define($0, hex: true) }
    if let bits = maskBits, bits < 64, let maskName = multiplex.opMask.maskName,
      let shiftName = multiplex.opMask.shiftName
    {
      out.append(
        GuardedItem(
          conditions: [],
          item: .staticAssert(
            name: "\(tag)_mask_matches_shift",
            condition: "(unsigned long long)\(maskName) + 1u == 1ULL << \(shiftName)")))
    }
    let limit = maskSpelling ?? CLiteral.define(lowBitsMask(narrowestWidth), hex: true)
    // Against a full 64-bit limit the check always holds, and -Wtype-limits says so.
    let limitValue = mask ?? lowBitsMask(narrowestWidth)
    for op in multiplex.subOps where limitValue < UInt64.max {
      out.append(
        GuardedItem(
          conditions: conditions(of: op),
          item: .staticAssert(
            name: "\(tag)_\(ABIModelSelection.identifier(for: op.cName))_fits",
            condition: "(unsigned long long)\(op.cName) <= (unsigned long long)\(limit)")))
    }
    // Progress shifted above the op field must not overlap it.
    let shifts = Set(
      multiplex.subOps.compactMap { op -> Int? in
        if case .shifted(let shift) = op.opRegisterLayout { return shift }
        return nil
      })
    if let maskSpelling {
      for shift in shifts.sorted() where shift >= 0 && shift < 64 {
        let shiftSpelling =
          shift == maskBits ? (multiplex.opMask.shiftName ?? String(shift)) : String(shift)
        out.append(
          GuardedItem(
            conditions: [],
            item: .staticAssert(
              name: "\(tag)_progress_above_op_\(shift)",
              condition: "(unsigned long long)\(maskSpelling) < 1ULL << \(shiftSpelling)")))
      }
    }
    return out
  }

  // MARK: Helpers

  /// The argument's bits for the guest, as a mask: runtime for `unsigned long`.
  var widthMask: CValue {
    switch argument.type {
    case .unsignedLong: return .code("\(CPrelude.lowBits)(guest_width)")
    case .unsignedInt, .guestField32, .guestField16, .guestField8, .guestField64, .signedInt:
      return .constant(lowBitsMask(argument.type.bits(guestWidth: 64)))
    }
  }

  var widthDescription: String {
    switch argument.type {
    case .unsignedLong: return "'\(argument.name)' is an unsigned long: guest_width bits"
    case .unsignedInt, .guestField32, .signedInt:
      return
        "'\(argument.name)' is \(argument.type.rawValue == "unsigned int" ? "an unsigned int" : "a uint32_t"): 32 bits for every guest"
    case .guestField16: return "'\(argument.name)' is a uint16_t: 16 bits for every guest"
    case .guestField8: return "'\(argument.name)' is a uint8_t: 8 bits for every guest"
    case .guestField64: return "'\(argument.name)' is a uint64_t: 64 bits for every guest"
    }
  }

  /// Ops with the same body share one case, in the order of their lowest number.
  func cases(_ body: (SubOp) -> [CStatement]?) -> [CSwitchCase] {
    var order: [[CStatement]] = []
    var labels: [[CStatement]: [CSwitchCase.Label]] = [:]
    for op in multiplex.subOps.sorted(by: { $0.number < $1.number }) {
      guard let statements = body(op) else { continue }
      if labels[statements] == nil { order.append(statements) }
      labels[statements, default: []].append(.init(CLiteral.label(op.number), comment: op.cName))
    }
    return order.map { CSwitchCase(labels: labels[$0]!, body: $0) }
  }

  var decode: CFunction {
    let value = CValue.code("value") & widthMask
    var body: [CStatement] = [.declare(type: "const uint64_t", name: "v", value: value.bare)]
    let found: [CStatement] = [.assign("*op", "number")]
    let ok = CStatement.returns(CPrelude.decodeOK)
    let reject = CStatement.returns(CPrelude.rejectUnusedBits)
    let rejects = multiplex.unusedBits == .rejected
    let zero: [CStatement] = [.assign("*op", "0"), .assign("*progress", "0")]
    if let mask {
      body.append(.declare(type: "const uint64_t", name: "number", value: (CValue.code("v") & .constant(mask)).bare))
      body += zero
      body.append(
        .switchOn(
          "number",
          cases { op in
            switch op.opRegisterLayout {
            case .shifted(let shift):
              // Bits between the op field and the progress field carry nothing.
              let gap = lowBitsMask(shift) & ~mask
              let check: [CStatement] =
                rejects && gap != 0 ? [.ifThen("(v & \(CLiteral.code(gap))) != 0", [reject])] : []
              return check + found + [.assign("*progress", CValue.code("v").shiftedRight(by: shift).bare), ok]
            case .rawAligned:
              return found + [.assign("*progress", (CValue.code("v") & .constant(~mask)).bare), ok]
            case .none:
              let check: [CStatement] =
                rejects && ~mask != 0 ? [.ifThen("(v & \(CLiteral.code(~mask))) != 0", [reject])] : []
              return check + found + [ok]
            }
          }))
    } else {
      body.append(.declare(type: "const uint64_t", name: "number", value: "v"))
      body += zero
      body.append(.switchOn("number", cases { _ in found + [ok] }))
    }
    body.append(.returns(CPrelude.rejectUnknownOp))
    return CFunction(
      documentation: [
        "Splits the '\(argument.name)' argument of \(tableName) as \(release.name) decodes it: the sub-op number "
          + "into *op, the progress a continuation resumes at into *progress. \(widthDescription); bits above "
          + "them are dropped first. Returns \(CPrelude.decodeOK), or why the hypervisor fails the call with "
          + "-ENOSYS (*op and *progress are 0 then)."
      ],
      returnType: "int", name: prefix + "_decode",
      parameters: [
        .init("uint64_t", "value"), .init("unsigned int", "guest_width"), .init("uint64_t *", "op"),
        .init("uint64_t *", "progress"),
      ],
      body: body)
  }

  var isValid: CFunction {
    CFunction(
      documentation: [
        "Whether \(release.name) accepts this '\(argument.name)' argument of \(tableName) (not -ENOSYS)."
      ],
      returnType: "int", name: prefix + "_is_valid",
      parameters: [.init("uint64_t", "value"), .init("unsigned int", "guest_width")],
      body: [
        .declare(type: "uint64_t", name: "op", value: nil),
        .declare(type: "uint64_t", name: "progress", value: nil),
        .returns("\(prefix)_decode(value, guest_width, &op, &progress) == \(CPrelude.decodeOK)"),
      ])
  }

  var encode: CFunction {
    let wrap = widthMask
    let body: [CStatement] = [
      .assign("*value", "0"),
      .switchOn(
        "op",
        cases { op in
          switch op.opRegisterLayout {
          case .shifted(let shift):
            let combined: CValue =
              shift >= 64 ? .code("op") : .code("(op | (progress << \(shift)))")
            return [.assign("*value", (combined & wrap).bare), .returns("1")]
          case .rawAligned:
            guard let mask else { return nil }
            return [
              .ifThen("(progress & \(CLiteral.code(mask))) != 0", [.returns("0")]),
              .assign("*value", (CValue.code("(op | progress)") & wrap).bare), .returns("1"),
            ]
          case .none:
            return [
              .ifThen("progress != 0", [.returns("0")]), .assign("*value", (CValue.code("op") & wrap).bare),
              .returns("1"),
            ]
          }
        }),
      .returns("0"),
    ]
    return CFunction(
      documentation: [
        "Builds the '\(argument.name)' argument \(release.name) writes when \(tableName) op is preempted at "
          + "progress (\(widthDescription); the arithmetic wraps there). Returns 1 and sets *value, or 0 when "
          + "the op is unknown or cannot carry that progress in the register."
      ],
      returnType: "int", name: prefix + "_encode",
      parameters: [
        .init("uint64_t", "op"), .init("uint64_t", "progress"), .init("unsigned int", "guest_width"),
        .init("uint64_t *", "value"),
      ],
      body: body)
  }

  var maximumProgress: CFunction {
    let body: [CStatement] = [
      .switchOn(
        "op",
        cases { op in
          let bound = maximumProgress(of: op)
          return bound == .constant(0) ? nil : [.returns(bound.bare)]
        }),
      .returns("0"),
    ]
    return CFunction(
      documentation: [
        "The largest progress \(release.name) preempts \(tableName) op at, for a guest of guest_width "
          + "bits: the bound the hypervisor states, or what the register holds above the op field. 0 for an "
          + "op that keeps no progress in '\(argument.name)', and for an unknown op."
      ],
      returnType: "uint64_t", name: prefix + "_max_progress",
      parameters: [.init("uint64_t", "op"), .init("unsigned int", "guest_width")],
      body: body)
  }

  /// `Multiplex.maximumProgress(of:guestWidth:)` as an expression of `guest_width`.
  func maximumProgress(of op: SubOp) -> CValue {
    let declared = op.continuation?.bound.flatMap(boundExpression)
    switch op.opRegisterLayout {
    case .none:
      return .constant(0)
    case .shifted(let shift):
      return declared ?? widthMask.shiftedRight(by: shift)
    case .rawAligned:
      let aboveMask = CValue.constant(~lowBitsMask(maskBits ?? 0))
      return (declared ?? widthMask) & aboveMask
    }
  }

  /// `ProgressBound.maximum(guestWidth:)`; `nil` where it states none.
  func boundExpression(_ bound: ProgressBound) -> CValue? {
    switch bound {
    case .typeMaximum(let type, let shift):
      switch type {
      case .unsignedLong: return CValue.code("\(CPrelude.lowBits)(guest_width)").shiftedRight(by: shift)
      case .unsignedInt, .guestField32, .guestField16, .guestField8, .guestField64, .signedInt:
        return bound.maximum(guestWidth: 64).map(CValue.constant)
      }
    case .constant(let value):
      return .constant(value)
    case .registerCapacity:
      return nil
    }
  }
}
