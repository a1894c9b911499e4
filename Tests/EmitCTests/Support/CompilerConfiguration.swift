import Foundation
import Testing

/// One way a hypervisor or guest tree might compile the headers.
struct CompilerConfiguration: Sendable, CustomTestStringConvertible {
  var compiler: String
  var flags: [String]

  var testDescription: String { ([compiler] + flags).joined(separator: " ") }

  static let warnings = ["-Wall", "-Wextra", "-Wtype-limits", "-Werror", "-pedantic"]
  static let i386 = ["--target=i386-linux-gnu", "-ffreestanding"]

  /// C99, C11 and C++11 with gcc and clang for the host, and for 32-bit x86 (gcc -m32 needs
  /// gcc-multilib, which `make test` installs). Xen builds its C with
  /// -Wdeclaration-after-statement, so gcc's C runs add it.
  static let all: [CompilerConfiguration] = [
    CompilerConfiguration(compiler: "gcc", flags: ["-std=c99", "-Wdeclaration-after-statement"]),
    CompilerConfiguration(compiler: "gcc", flags: ["-std=c11", "-Wdeclaration-after-statement"]),
    CompilerConfiguration(compiler: "gcc", flags: ["-x", "c++", "-std=c++11"]),
    CompilerConfiguration(compiler: "gcc", flags: ["-m32", "-std=c99", "-Wdeclaration-after-statement"]),
    CompilerConfiguration(compiler: "clang", flags: ["-std=c99"]),
    CompilerConfiguration(compiler: "clang", flags: ["-std=c11"]),
    CompilerConfiguration(compiler: "clang", flags: ["-x", "c++", "-std=c++11"]),
    CompilerConfiguration(compiler: "clang", flags: i386 + ["-std=c99"]),
    CompilerConfiguration(compiler: "clang", flags: i386 + ["-std=c11"]),
    CompilerConfiguration(compiler: "clang", flags: i386 + ["-x", "c++", "-std=c++11"]),
  ]

  /// The guards the headers use, on and off: none defined; the toolstack with the newest
  /// interface; the hypervisor with the oldest.
  static let defineSets: [[String]] = [
    [],
    ["-D__XEN_TOOLS__", "-D__XEN_INTERFACE_VERSION__=0x7fffffff"],
    ["-D__XEN__", "-D__XEN_INTERFACE_VERSION__=0"],
  ]

  /// The compiler's path, or a recorded failure.
  func executable(sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
    guard let url = ToolRun.find(compiler) else {
      Issue.record("\(compiler) is not on PATH", sourceLocation: sourceLocation)
      return nil
    }
    return url
  }

  /// Checks the syntax of `sources` (each its own translation unit) under every define set.
  func syntaxCheck(_ sources: [URL], includes: URL) throws -> [(defines: [String], result: ToolResult)] {
    guard let executable = executable() else { return [] }
    return try Self.defineSets.map { defines in
      let arguments = flags + Self.warnings + defines + ["-fsyntax-only", "-I", includes.path] + sources.map(\.path)
      return (defines, try ToolRun.run(.init(executable: executable, arguments: arguments)))
    }
  }
}
