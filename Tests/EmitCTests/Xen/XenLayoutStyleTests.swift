import ABIModel
import EmitC
import EmitCore
import Foundation
import Testing

/// What a Xen reviewer checks first, on every file of every release, and that the build
/// assertions stop a spelling that does not mean the model's value.
@Suite struct XenLayoutStyleTests {
  @Test func everyFileHasTheSPDXLineAndStaysWithin80Columns() throws {
    let xen = try TestModels.xen.get()
    let files = XenLayoutTests.emitted(xen)
    #expect(files.count > xen.lineReleases.count * 10)
    for file in files {
      let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      #expect(lines.first == "/* SPDX-License-Identifier: MIT */", "\(file.path)")
      for (number, line) in lines.enumerated() {
        #expect(line.count <= 80, "\(file.path):\(number + 1): \(line.count) columns")
        #expect(!line.contains("\t") && line.last != " ", "\(file.path):\(number + 1): tab or trailing space")
      }
      #expect(file.contents.hasSuffix("*/\n"), "\(file.path): ends with its include guard")
    }
  }

  @Test func aMaskSpellingThatIsNotTheModelsValueStopsTheBuild() throws {
    let gcc = try #require(ToolRun.find("gcc"))
    let multiplex = Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong),
      opMask: OpMask(
        bits: 6, maskName: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT",
        spelling: "((1 << MEMOP_EXTENT_SHIFT) - 2)"),
      unusedBits: .rejected, subOps: [SubOp(name: "XENMEM_a", number: 1)])
    let model = ABIModel(
      family: "broken", guestABIs: [GuestABI(name: "x86_64", width: 64)],
      releases: [Release(name: "1", hypercalls: [Hypercall(name: "memory_op", number: 12, multiplex: multiplex)])])
    let workspace = try XenLayoutTests.Workspace(XenLayoutTests.emitted(model))
    defer { workspace.remove() }
    let unit = try workspace.unit(release: "broken_1", configuration: .x, headers: ["xen/memory_op.h"])
    let result = try ToolRun.run(
      .init(
        executable: gcc,
        arguments: XenTarget.all[0].arguments + [
          "-D__XEN__", "-I", workspace.directory.appendingPathComponent("broken_1").path, "-I",
          workspace.stubs.path, "-fsyntax-only", unit.path,
        ]))
    #expect(!result.succeeded)
    #expect(result.stderr.contains("MEMOP_CMD_MASK != 0x3f"), "\(result.stderr)")
  }
}
