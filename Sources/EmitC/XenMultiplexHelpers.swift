import ABIModel
import EmitCore

/// One multiplexed hypercall of one release, hypervisor side: shift and mask macros, build
/// assertions, and `<hypercall>_decode_<arg>` / `_encode_<arg>` / `_max_progress_<arg>`, which
/// compute exactly `Multiplex.decode` / `encode` / `maximumProgress`.
struct XenMultiplexHelpers {
  var hypercall: Hypercall
  /// The table (main or nested) this lowers; its name (`memory_op.access_op`) names the helpers.
  var table: HypercallTable
  var multiplex: Multiplex { table.multiplex }
  var release: Release

  var tableName: String { table.name }
  var argument: ArgumentSlot { multiplex.opArgument }
  var mask: UInt64? { multiplex.opMask.value }
  var prefix: String { ABIModelSelection.identifier(for: tableName) }
  var suffix: String { ABIModelSelection.identifier(for: argument.name) }

  func items(model: ABIModel) -> [CItem] {
    var items: [CItem] = [.blank, .comment([summary])]
    var defines: [CItem] = []
    if let bits = multiplex.opMask.bits, let shiftName = multiplex.opMask.shiftName {
      defines.append(.define(name: shiftName, value: String(bits)))
    }
    if let mask, let maskName = multiplex.opMask.maskName {
      defines.append(.define(name: maskName, value: maskSpelling(mask)))
    }
    if !defines.isEmpty { items += [.blank] + defines }
    items += [.blank, .lines(buildAssertions)]
    // The helpers per architecture where the ops continue differently on each.
    for variant in ArchitectureVariant.variants(of: table, in: model) {
      var helpers = self
      helpers.table = variant.table
      var functions: [CItem] = []
      for function in [helpers.decode, helpers.encode, helpers.maximumProgress] {
        functions += [.blank, .function(function)]
      }
      items += variant.guarded(functions)
    }
    return items
  }

  /// The source's spelling, else `((1 << SHIFT) - 1)` where a shift macro defines the mask.
  func maskSpelling(_ mask: UInt64) -> String {
    if let spelling = multiplex.opMask.spelling { return spelling }
    if let shiftName = multiplex.opMask.shiftName { return "((1 << \(shiftName)) - 1)" }
    return CLiteral.define(mask, hex: true)
  }

  var summary: String {
    var text =
      "\(tableName)\(table.isNested ? " (\(table.nestingNote.dropFirst(2)))" : ""): the op is in \(table.wordDescription). "
    if let bits = multiplex.opMask.bits, let mask {
      text +=
        "The low \(bits) bits select the sub-op (mask \(CLiteral.define(mask, hex: true))); high bits on an op that "
        + "keeps no progress there are " + (multiplex.unusedBits == .rejected ? "rejected (-ENOSYS)." : "ignored.")
    } else {
      text += "The whole value is the sub-op: any other value is an unknown op."
    }
    return text
  }

  /// A `static inline` function of `BUILD_BUG_ON`s, the tree's idiom for compile-time checks:
  /// it is compiled (so the checks hold) and never called.
  var buildAssertions: [String] {
    var checks: [(conditions: [String], line: String)] = []
    if let mask, let maskName = multiplex.opMask.maskName {
      checks.append(([], "BUILD_BUG_ON(\(maskName) != \(CLiteral.define(mask, hex: true)));"))
    }
    if let bits = multiplex.opMask.bits, let shiftName = multiplex.opMask.shiftName {
      checks.append(([], "BUILD_BUG_ON(\(shiftName) != \(bits));"))
    }
    let limit = multiplex.opMask.maskName ?? mask.map { CLiteral.define($0, hex: true) }
    for op in multiplex.subOps {
      let conditions = XenPublicLowering.conditions(of: op)
      checks.append((conditions, "BUILD_BUG_ON(\(op.cName) != \(CLiteral.define(op.number)));"))
      if let limit { checks.append((conditions, "BUILD_BUG_ON(\(op.cName) > \(limit));")) }
    }
    var lines = [
      "/* Compiled, never called: the macros mean what the model says. */",
      "static inline void \(prefix)_build_assertions(void)", "{",
    ]
    var open: [String] = []
    for check in checks {
      if check.conditions != open {
        for _ in open { lines.append("#endif") }
        for condition in check.conditions { lines.append("#if \(condition)") }
        open = check.conditions
      }
      lines.append("    " + check.line)
    }
    for _ in open { lines.append("#endif") }
    lines.append("}")
    return lines
  }

  var widthMask: CValue {
    switch argument.type {
    case .unsignedLong: return .code("\(XenHypervisorLowering.lowBits)(guest_width)")
    case .unsignedInt, .guestField32, .guestField16, .guestField8, .guestField64, .signedInt:
      return .constant(lowBitsMask(argument.type.bits(guestWidth: 64)))
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

  static let enosys = "-ENOSYS"
  static let einval = "-EINVAL"

  var decode: CFunction {
    var body: [CStatement] = [
      .declare(type: "const uint64_t", name: "v", value: (CValue.code("value") & widthMask).bare)
    ]
    let found: [CStatement] = [.assign("*op", "number")]
    let ok = CStatement.returns("0")
    let reject = CStatement.returns(Self.enosys)
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
    body.append(.returns(Self.enosys))
    return CFunction(
      documentation: [
        "Splits '\(argument.name)' as \(release.name) decodes it: the sub-op into *op, the progress a continuation "
          + "resumes at into *progress. Returns 0, or -ENOSYS (*op and *progress are 0 then)."
      ],
      returnType: "int", name: "\(prefix)_decode_\(suffix)",
      parameters: [
        .init("uint64_t", "value"), .init("unsigned int", "guest_width"), .init("uint64_t *", "op"),
        .init("uint64_t *", "progress"),
      ],
      body: body)
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
            let combined: CValue = shift >= 64 ? .code("op") : .code("(op | (progress << \(shift)))")
            return [.assign("*value", (combined & wrap).bare), .returns("0")]
          case .rawAligned:
            guard let mask else { return nil }
            return [
              .ifThen("(progress & \(CLiteral.code(mask))) != 0", [.returns(Self.einval)]),
              .assign("*value", (CValue.code("(op | progress)") & wrap).bare), .returns("0"),
            ]
          case .none:
            return [
              .ifThen("progress != 0", [.returns(Self.einval)]), .assign("*value", (CValue.code("op") & wrap).bare),
              .returns("0"),
            ]
          }
        }),
      .returns(Self.enosys),
    ]
    return CFunction(
      documentation: [
        "The '\(argument.name)' \(release.name) writes when op is preempted at progress (the arithmetic wraps at "
          + "the argument's width). Returns 0 and sets *value, -ENOSYS for an unknown op, or -EINVAL when the op "
          + "cannot carry that progress in the register (*value is 0 then)."
      ],
      returnType: "int", name: "\(prefix)_encode_\(suffix)",
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
        "The largest progress \(release.name) preempts op at for a guest of guest_width bits: the bound the "
          + "hypervisor states, or what the register holds above the op field. 0 for an op that keeps no "
          + "progress in '\(argument.name)', and for an unknown op."
      ],
      returnType: "uint64_t", name: "\(prefix)_max_progress_\(suffix)",
      parameters: [.init("uint64_t", "op"), .init("unsigned int", "guest_width")],
      body: body)
  }

  func maximumProgress(of op: SubOp) -> CValue {
    let declared = op.continuation?.bound.flatMap(boundExpression)
    switch op.opRegisterLayout {
    case .none:
      return .constant(0)
    case .shifted(let shift):
      return declared ?? widthMask.shiftedRight(by: shift)
    case .rawAligned:
      let aboveMask = CValue.constant(~lowBitsMask(multiplex.opMask.bits ?? 0))
      return (declared ?? widthMask) & aboveMask
    }
  }

  func boundExpression(_ bound: ProgressBound) -> CValue? {
    switch bound {
    case .typeMaximum(let type, let shift):
      switch type {
      case .unsignedLong:
        return CValue.code("\(XenHypervisorLowering.lowBits)(guest_width)").shiftedRight(by: shift)
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
