import ABIModel
import EmitCore

/// A count argument whose top bit marks a resumed call, hypervisor side: the flag spelled as
/// the source spells it (`(~(~0U>>1))`), a build assertion that the spelling is the model's
/// bit, and `<hypercall>_decode_<arg>` / `_encode_<arg>` equal to `CountFlagEncoding.decode` /
/// `encode`.
struct XenCountFlagHelpers {
  var hypercall: Hypercall
  var flag: CountFlagEncoding

  var argument: ArgumentSlot { flag.argument }
  func name(_ verb: String) -> String {
    ABIModelSelection.identifier(for: hypercall.name) + "_\(verb)_" + ABIModelSelection.identifier(for: argument.name)
  }

  var widthMask: CValue {
    switch argument.type {
    case .unsignedLong: return .code("\(XenHypervisorLowering.lowBits)(guest_width)")
    case .unsignedInt, .guestField32, .guestField16, .guestField8, .guestField64, .signedInt:
      return .constant(lowBitsMask(argument.type.bits(guestWidth: 64)))
    }
  }

  /// The flag in the helpers: its macro where it has one.
  var flagCode: String { flag.flagName ?? CLiteral.code(flag.flagValue) }

  var items: [CItem] {
    var items: [CItem] = [
      .blank,
      .comment([
        "\(hypercall.name): a preempted call is re-issued with '\(argument.name)' (argument \(argument.index), "
          + "\(argument.type.rawValue)) = remaining | flag (bit \(flag.flagBit))."
      ]),
    ]
    if let flagName = flag.flagName {
      items += [
        .blank,
        .define(name: flagName, value: flag.flagSpelling ?? CLiteral.define(flag.flagValue, hex: true)),
        .blank,
        .lines([
          "/* Compiled, never called: the macro means what the model says. */",
          // Named after the count too: the hypercall's table has `<hypercall>_build_assertions`.
          "static inline void \(ABIModelSelection.identifier(for: hypercall.name))_\(ABIModelSelection.identifier(for: argument.name))_build_assertions(void)",
          "{",
          "    BUILD_BUG_ON(\(flagName) != \(CLiteral.define(flag.flagValue, hex: true)));",
          "}",
        ]),
      ]
    }
    let value = CValue.code("value") & widthMask
    items += [
      .blank,
      .function(
        CFunction(
          documentation: [
            "Reads '\(argument.name)': *resumed is 1 for a resumed call, *remaining the count left. Bits above "
              + "the argument's width are dropped first. Returns 0."
          ],
          returnType: "int", name: name("decode"),
          parameters: [
            .init("uint64_t", "value"), .init("unsigned int", "guest_width"), .init("unsigned int *", "resumed"),
            .init("uint64_t *", "remaining"),
          ],
          body: [
            .declare(type: "const uint64_t", name: "v", value: value.bare),
            .assign("*resumed", "(v & \(flagCode)) != 0"),
            .assign("*remaining", "v & ~(uint64_t)\(flagCode)"),
            .returns("0"),
          ])),
      .blank,
      .function(
        CFunction(
          documentation: [
            "The '\(argument.name)' of a call preempted with remaining entries left (wraps at the argument's "
              + "width). Returns 0."
          ],
          returnType: "int", name: name("encode"),
          parameters: [
            .init("uint64_t", "remaining"), .init("unsigned int", "guest_width"), .init("uint64_t *", "value"),
          ],
          body: [
            .assign("*value", (CValue.code("(remaining | \(flagCode))") & widthMask).bare),
            .returns("0"),
          ])),
    ]
    if let sentinel = flag.sentinel {
      let nulls = sentinel.nullArguments.map(String.init).joined(separator: " and ")
      items += [
        .blank,
        .function(
          CFunction(
            documentation: [
              "1 when the call is the sentinel continuation: '\(argument.name)' is the flag alone and arguments "
                + "\(nulls) are NULL (handles_null); the call finishes with the return code in "
                + "'\(sentinel.returnCode.name)' (argument \(sentinel.returnCode.index))."
            ],
            returnType: "int", name: name("is_sentinel"),
            parameters: [
              .init("uint64_t", "value"), .init("unsigned int", "guest_width"), .init("int", "handles_null"),
            ],
            body: [
              .declare(type: "const uint64_t", name: "v", value: value.bare),
              .returns("handles_null != 0 && v == (uint64_t)\(flagCode)"),
            ])),
      ]
    }
    return items
  }
}
