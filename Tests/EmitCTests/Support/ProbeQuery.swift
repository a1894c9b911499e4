import ABIModel

/// One question to the probe program and the answer the model gives to it. The line format is
/// `KIND HEADER HYPERCALL WIDTH A B` (hex values); the probe prints one line per question.
struct ProbeQuery {
  var input: String
  var expected: String

  static func hex(_ value: UInt64) -> String { String(value, radix: 16) }

  /// `D`: decode `value`; the probe prints `status op progress is_valid`.
  static func decode(_ header: String, _ hypercall: Hypercall, _ multiplex: Multiplex, width: Int, value: UInt64)
    -> ProbeQuery
  {
    let expected: String
    switch multiplex.decode(value, guestWidth: width) {
    case .subOp(let op, let progress): expected = "0 \(hex(op.number)) \(hex(progress)) 1"
    case .rejected(.unknownOp): expected = "1 0 0 0"
    case .rejected(.unusedBitsSet): expected = "2 0 0 0"
    // The model's decoder never returns it; the C has no code for it, so this would mismatch.
    case .rejected(.misaligned): expected = "misaligned"
    }
    return ProbeQuery(input: line("D", header, hypercall, width, value, 0), expected: expected)
  }

  /// `E`: encode `op` at `progress`; the probe prints `ok value` (`0 0` when it cannot).
  static func encode(
    _ header: String, _ hypercall: Hypercall, _ multiplex: Multiplex, width: Int, op number: UInt64,
    progress: UInt64
  ) -> ProbeQuery {
    let value = multiplex.subOp(number: number).flatMap { multiplex.encode($0, progress: progress, guestWidth: width) }
    return ProbeQuery(
      input: line("E", header, hypercall, width, number, progress),
      expected: value.map { "1 \(hex($0))" } ?? "0 0")
  }

  /// `M`: the largest progress of `op`; 0 for an unknown op.
  static func maximum(_ header: String, _ hypercall: Hypercall, _ multiplex: Multiplex, width: Int, op number: UInt64)
    -> ProbeQuery
  {
    let bound = multiplex.subOp(number: number).map { multiplex.maximumProgress(of: $0, guestWidth: width) } ?? 0
    return ProbeQuery(input: line("M", header, hypercall, width, number, 0), expected: hex(bound))
  }

  /// `F`: decode a count; the probe prints `resumed remaining`.
  static func countDecode(
    _ header: String, _ hypercall: Hypercall, _ flag: CountFlagEncoding, width: Int, value: UInt64
  )
    -> ProbeQuery
  {
    let (resumed, remaining) = flag.decode(value, guestWidth: width)
    return ProbeQuery(
      input: line("F", header, hypercall, width, value, 0), expected: "\(resumed ? 1 : 0) \(hex(remaining))")
  }

  /// `G`: encode a count of `remaining` entries left.
  static func countEncode(
    _ header: String, _ hypercall: Hypercall, _ flag: CountFlagEncoding, width: Int, remaining: UInt64
  ) -> ProbeQuery {
    ProbeQuery(
      input: line("G", header, hypercall, width, remaining, 0),
      expected: hex(flag.encode(remaining: remaining, guestWidth: width)))
  }

  static func line(_ kind: String, _ header: String, _ hypercall: Hypercall, _ width: Int, _ a: UInt64, _ b: UInt64)
    -> String
  {
    "\(kind) \(header) \(hypercall.name) \(width) \(hex(a)) \(hex(b))"
  }
}
