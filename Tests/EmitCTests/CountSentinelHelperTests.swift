import ABIModel
import EmitC
import EmitCore
import Foundation
import Testing

/// The generated sentinel test of mmu_update and mmuext_op, compiled with UBSan, answers as the
/// model reads the count: only the flag alone with NULL handles is the sentinel, and only in a
/// release that has one (4.3 on; 4.2 has none and gets no helper).
@Suite struct CountSentinelHelperTests {
  static let values: [UInt64] = [
    0, 1, 0x7fff_ffff, 0x8000_0000, 0x8000_0001, 0xffff_ffff, 0x1_8000_0000, 0xffff_ffff_8000_0000,
  ]

  @Test func theHelperAgreesWithTheModel() throws {
    let model = try TestModels.xen.get()
    let release = try #require(model.releases.first { $0.name == "4.3" })
    let without = try #require(model.releases.first { $0.name == "4.2" })
    #expect(without.hypercall(named: "mmu_update")?.countFlag?.sentinel == nil)
    #expect(!CEmitter().emit(ABIModelSelection(model: model, releases: [without]))[0].contents.contains("_is_sentinel"))

    let file = CEmitter().emit(ABIModelSelection(model: model, releases: [release]))[0]
    let directory = try TemporaryDirectory.make("sentinel")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(file.contents.utf8).write(to: directory.appendingPathComponent(file.path))
    var program = "#include <stdio.h>\n#include <stdint.h>\n#include \"\(file.path)\"\nint main(void)\n{\n"
    var expected: [String] = []
    for hypercall in ["mmu_update", "mmuext_op"] {
      let flag = try #require(release.hypercall(named: hypercall)?.countFlag)
      for width in [32, 64] {
        for value in Self.values {
          for handlesNull in [0, 1] {
            program +=
              "    printf(\"%d\\n\", abigen_\(hypercall)_count_is_sentinel(\(value)ULL, \(width)u, \(handlesNull)));\n"
            let reading = flag.reading(value, nullHandles: handlesNull == 1, guestWidth: width)
            expected.append(reading == .sentinel ? "1" : "0")
          }
        }
      }
    }
    program += "    return 0;\n}\n"
    try Data(program.utf8).write(to: directory.appendingPathComponent("main.c"))
    // The sentinel is 1 exactly 2 (hypercalls) x 2 (widths) x 3 (values whose low 32 bits are
    // the flag) times: the comparison is not vacuous.
    #expect(expected.filter { $0 == "1" }.count == 12)
    for compiler in ["gcc", "clang"] {
      guard let executable = ToolRun.find(compiler) else { continue }
      let build = try ToolRun.run(
        .init(
          executable: executable,
          arguments: ["-std=c99", "-fsanitize=undefined", "-fno-sanitize-recover=all"] + CompilerConfiguration.warnings
            + ["-I", directory.path, "-o", "probe-\(compiler)", "main.c"],
          directory: directory))
      try #require(build.succeeded, "\(compiler): \(build.stderr)")
      let run = try ToolRun.run(.init(executable: directory.appendingPathComponent("probe-\(compiler)"), arguments: []))
      #expect(run.succeeded, "\(run.stderr)")
      #expect(run.stdout.split(separator: "\n").map(String.init) == expected, "\(compiler)")
    }
  }
}
