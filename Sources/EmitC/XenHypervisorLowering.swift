import ABIModel
import EmitCore

/// The hypervisor-side headers of one release in the Xen layout: per multiplexed hypercall
/// `xen/<hypercall>.h` with its shift and mask macros spelled as the hypervisor's source spells
/// them (so they can replace the hand-written private definitions), `BUILD_BUG_ON` checks that
/// the spelling means the model's value and every sub-op fits, and the helpers that decode and
/// encode the op argument exactly as the model's reference decoder does; per count-flagged
/// hypercall `xen/<hypercall>.h` with the flag and its helpers. They build under the
/// hypervisor's own flags: freestanding, the tree's `<xen/types.h>`, `<xen/errno.h>` and
/// `<xen/lib.h>` (`BUILD_BUG_ON`).
///
/// Every helper returns 0 on success or a negative errno value: `-ENOSYS` for a value the
/// hypervisor fails with -ENOSYS (unknown op, high bits on an op that keeps no progress there),
/// `-EINVAL` for progress an op cannot carry in the register.
struct XenHypervisorLowering {
  var model: ABIModel
  var release: Release

  static let argumentsHeader = "hypercall-args.h"
  static let lowBits = "hypercall_arg_bits"

  var directory: String { XenLayoutEmitter.directory(model: model, release: release) }

  func headers() -> [CHeader] {
    var out = [arguments]
    for hypercall in release.hypercalls {
      // One header per hypercall: its main table's helpers, then each nested table's, then its
      // count flag's (`mmuext_op` has both a table in its entries and a flag in its count).
      var body = hypercall.tables.flatMap {
        XenMultiplexHelpers(hypercall: hypercall, table: $0, release: release).items(model: model)
      }
      if let flag = hypercall.countFlag { body += XenCountFlagHelpers(hypercall: hypercall, flag: flag).items }
      if !body.isEmpty { out.append(header(hypercall, body)) }
    }
    return out
  }

  func header(_ hypercall: Hypercall, _ body: [CItem]) -> CHeader {
    let name = ABIModelSelection.identifier(for: hypercall.name)
    var includes = ["xen/types.h", "xen/errno.h", "xen/lib.h", "xen/\(Self.argumentsHeader)"]
    if !hypercall.tables.isEmpty { includes.append("public/\(name).h") }
    return CHeader(
      path: "\(directory)/xen/\(name).h", includeGuard: "__XEN_\(name.uppercased())_H__",
      banner: XenLayoutEmitter.banner(
        "\(name).h: how the hypervisor decodes and encodes \(hypercall.name) (\(hypercall.cName) = \(hypercall.number))",
        model: model, release: release,
        [
          "The helpers take register values as uint64_t and the guest's register width in bits (32 or 64): "
            + "an unsigned long argument is as wide as the guest's registers, an unsigned int one is 32 bits "
            + "for every guest. They return 0, or -ENOSYS for a call the hypervisor fails with -ENOSYS, or "
            + "-EINVAL for progress the op cannot carry in the register."
        ]),
      items: [.blank] + includes.map { CItem.include($0) } + body + [.blank])
  }

  /// The one helper every header shares: a mask of the low bits, defined for 64 too.
  var arguments: CHeader {
    CHeader(
      path: "\(directory)/xen/\(Self.argumentsHeader)", includeGuard: "__XEN_HYPERCALL_ARGS_H__",
      banner: XenLayoutEmitter.banner(
        "\(Self.argumentsHeader): what the hypercall helpers share", model: model, release: release),
      items: [
        .blank, .include("xen/types.h"), .blank,
        .function(
          CFunction(
            documentation: [
              "(1 << bits) - 1 for every bits, 64 and more included: C leaves a shift by the width of the "
                + "type undefined."
            ],
            returnType: "uint64_t", name: Self.lowBits, parameters: [.init("unsigned int", "bits")],
            body: [
              .ifThen("bits >= 64", [.returns("~(uint64_t)0")]),
              .returns("((uint64_t)1 << bits) - 1"),
            ])),
        .blank,
      ])
  }
}
