/// Names and strings that have broken out of where abigen put them, or would if it let them:
/// comment and string terminators, preprocessor lines, terminal escapes, keywords, reserved and
/// colliding names, and values at the limits.
enum HostileCorpus {
  static let strings: [String] = [
    "*/ extern int injected_c; /*", "x\n#include </etc/hostname>\n", "x\r#define injected 1", "\"", "??/", "\\",
    "x\\", "\u{1B}]0;owned\u{7}", "\u{1B}[2J\u{1B}[31m", "\u{202E}evil", "\u{2028}", "\u{0}", "\u{7F}", "\u{9B}31m",
    "Self", "self", "Type", "int", "class", "default", "defined", "", " ", "a b", "4.20", "4_20",
    "__HYPERVISOR_memory_op",
    "__x86_64__", "_Bool", "ABIGEN_RELEASE", "abigen_low_bits", "value", "op", "uint64_t", "é", "日本",
    String(repeating: "A", count: 70), String(repeating: "b", count: 300), "1 /* x", "defined(", "0x",
    "typealias Injected = Int", "x\n}\npublic let injected = 1\n//", "#", "//", "/*", "`", "$(touch /tmp/abigen-pwned)",
    "'; rm -rf / #", "../../etc/passwd", "CON", "a/b", "hypercall_number", "decoded", "raw_value", "rawValue",
    "XENMEM_", "_", "__", "9lives", "MEMOP_CMD_MASK", "MMU_UPDATE_PREEMPTED", "%n%s%x", "\u{FEFF}bom",
    "u_int64", "string", "bool", "never", "sendable", "handler_outcome", "dispatch_result", "sub_op_call",
    "memory_op_handler", "xen_releases", "x86_64", "XENMEM_op0", "OP_op0",
  ]

  /// Preprocessor guards: the ones Xen writes and ones that must not reach an `#if`.
  static let guards: [String] = [
    "__XEN_INTERFACE_VERSION__ >= 0x0003020a", "defined(__i386__) || defined(__x86_64__)", "!defined(FOO)",
    "(A == 1) && (B != 2)", "1", "0", "X > 9223372036854775807", "1\n#include </etc/hostname>", "1 /* x */",
    "1 // x", "1 / 0", "A +", "(A", "defined", "0xffffffffffffffff", "1 ??/", "\"x\"", "A\\", "#x",
  ]

  static let numbers: [UInt64] = [
    0, 1, 2, 15, 16, 63, 64, 127, 255, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0x1_0000_0000, 1 << 62,
    (1 << 63) - 1, 1 << 63, UInt64.max - 1, UInt64.max,
  ]
}
