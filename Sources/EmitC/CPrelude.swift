/// What every release header defines before its hypercalls: the decoders' results and the one
/// shared helper.
enum CPrelude {
  static let decodeOK = "ABIGEN_DECODE_OK"
  static let rejectUnknownOp = "ABIGEN_REJECT_UNKNOWN_OP"
  static let rejectUnusedBits = "ABIGEN_REJECT_UNUSED_BITS"
  static let lowBits = "abigen_low_bits"

  static var items: [CItem] {
    [
      .blank,
      .comment(["What the decoders return. Every value but \(decodeOK) is a call the hypervisor fails with -ENOSYS."]),
      .define(name: decodeOK, value: "0", comment: "a known op, and its progress"),
      .define(name: rejectUnknownOp, value: "1", comment: "no sub-op has the number in the op field"),
      .define(
        name: rejectUnusedBits, value: "2", comment: "high bits on an op that keeps no progress there"),
      .blank,
      .function(
        CFunction(
          documentation: [
            "(1 << bits) - 1 for every bits, 64 and more included: C leaves a shift by the width of the type undefined."
          ],
          returnType: "uint64_t", name: lowBits, parameters: [.init("unsigned int", "bits")],
          body: [
            .ifThen("bits >= 64u", [.returns("~(uint64_t)0")]),
            .returns("((uint64_t)1 << bits) - 1u"),
          ])),
    ]
  }
}
