import Foundation
import Testing

/// One compiler for one guest ABI, with the hypervisor's build conditions: freestanding, no
/// system headers, every warning an error, and C99 -pedantic on top.
struct XenTarget: Sendable, CustomTestStringConvertible {
  var compiler: String
  var abi: String
  var flags: [String]

  var testDescription: String { "\(compiler) \(abi)" }

  static let common = ["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-nostdinc", "-ffreestanding"]

  /// gcc for both x86 widths (freestanding needs no multilib), clang for all four ABIs.
  static let all: [XenTarget] = [
    XenTarget(compiler: "gcc", abi: "x86_64", flags: ["-m64", "-Wdeclaration-after-statement"]),
    XenTarget(compiler: "gcc", abi: "x86_32", flags: ["-m32", "-Wdeclaration-after-statement"]),
    XenTarget(compiler: "clang", abi: "x86_64", flags: ["--target=x86_64-linux-gnu"]),
    XenTarget(compiler: "clang", abi: "x86_32", flags: ["--target=i386-linux-gnu"]),
    XenTarget(compiler: "clang", abi: "arm64", flags: ["--target=aarch64-linux-gnu"]),
    XenTarget(compiler: "clang", abi: "arm32", flags: ["--target=arm-linux-gnueabi"]),
  ]

  /// The macros the compiler defines for the ABI, as guards test them.
  static let architectureMacros: [String: Set<String>] = [
    "x86_64": ["__x86_64__"], "x86_32": ["__i386__"], "arm64": ["__aarch64__"], "arm32": ["__arm__"],
  ]

  var arguments: [String] { flags + Self.common }
}
