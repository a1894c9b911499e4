import ABIModel
import EmitCore

/// A count argument whose top bit marks a resumed call (`MMU_UPDATE_PREEMPTED`): the flag macro,
/// a check that it fits the argument, and helpers equal to `CountFlagEncoding.decode` /
/// `encode`.
struct CountFlagLowering {
  var hypercall: Hypercall
  var flag: CountFlagEncoding
  var guestWidths: [Int]

  var argument: ArgumentSlot { flag.argument }
  var prefix: String {
    "abigen_" + ABIModelSelection.identifier(for: hypercall.name) + "_"
      + ABIModelSelection.identifier(for: argument.name)
  }

  var widthMask: CValue {
    switch argument.type {
    case .unsignedLong: return .code("\(CPrelude.lowBits)(guest_width)")
    case .unsignedInt, .guestField32, .guestField16, .guestField8, .guestField64, .signedInt:
      return .constant(lowBitsMask(argument.type.bits(guestWidth: 64)))
    }
  }

  var flagSpelling: String { CLiteral.code(flag.flagValue) }

  func items(symbols: inout CSymbolTable) -> [CItem] {
    var items: [CItem] = [
      .comment([
        "\(hypercall.name) (\(hypercall.cName) = \(hypercall.number)): a preempted call is re-issued with "
          + "'\(argument.name)' (argument \(argument.index), \(argument.type.rawValue)) = remaining | flag "
          + "(bit \(flag.flagBit))."
      ])
    ]
    if let name = flag.flagName {
      if let item = symbols.define(name, CLiteral.define(flag.flagValue, hex: true), owner: hypercall.name) {
        items.append(item)
      }
      let narrowest = guestWidths.map { argument.type.bits(guestWidth: $0) }.min() ?? 64
      items.append(
        .staticAssert(
          name:
            "abigen_assert_\(ABIModelSelection.identifier(for: hypercall.name))_\(ABIModelSelection.identifier(for: name))_fits",
          // The upper check always holds for a 64-bit argument, and -Wtype-limits says so.
          condition: "(unsigned long long)\(name) != 0"
            + (narrowest < 64 ? " && (unsigned long long)\(name) <= \(CLiteral.code(lowBitsMask(narrowest)))" : "")
        ))
    }
    let value = CValue.code("value") & widthMask
    items += [
      .blank,
      .function(
        CFunction(
          documentation: [
            "Reads the '\(argument.name)' argument of \(hypercall.name): returns 1 for a resumed call, and sets "
              + "*remaining to the count left. Bits above the argument's width are dropped first."
          ],
          returnType: "int", name: prefix + "_decode",
          parameters: [
            .init("uint64_t", "value"), .init("unsigned int", "guest_width"), .init("uint64_t *", "remaining"),
          ],
          body: [
            .declare(type: "const uint64_t", name: "v", value: value.bare),
            .assign("*remaining", (CValue.code("v") & .constant(~flag.flagValue)).bare),
            .returns("(v & \(flagSpelling)) != 0"),
          ])),
      .blank,
      .function(
        CFunction(
          documentation: [
            "The '\(argument.name)' argument of \(hypercall.name) preempted with remaining entries left (wraps at "
              + "the argument's width)."
          ],
          returnType: "uint64_t", name: prefix + "_encode",
          parameters: [.init("uint64_t", "remaining"), .init("unsigned int", "guest_width")],
          body: [.returns((CValue.code("(remaining | \(flagSpelling))") & widthMask).bare)])),
    ]
    if let sentinel = flag.sentinel {
      let nulls = sentinel.nullArguments.map(String.init).joined(separator: " and ")
      items += [
        .blank,
        .function(
          CFunction(
            documentation: [
              "Whether a call of \(hypercall.name) is the sentinel continuation: '\(argument.name)' holds the flag "
                + "alone and arguments \(nulls) are NULL (handles_null != 0); it finishes with the return code "
                + "in '\(sentinel.returnCode.name)' (argument \(sentinel.returnCode.index))."
            ],
            returnType: "int", name: prefix + "_is_sentinel",
            parameters: [
              .init("uint64_t", "value"), .init("unsigned int", "guest_width"), .init("int", "handles_null"),
            ],
            body: [
              .declare(type: "const uint64_t", name: "v", value: value.bare),
              .returns("handles_null != 0 && v == \(flagSpelling)"),
            ])),
      ]
    }
    return items
  }
}
