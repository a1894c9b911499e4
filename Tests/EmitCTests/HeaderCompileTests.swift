import ABIModel
import EmitC
import EmitCore
import Foundation
import Testing

/// Every generated header compiles without a single warning under the flags a hypervisor or
/// guest tree uses, and the compile-time checks it carries do stop a broken one.
@Suite struct HeaderCompileTests {
  @Test(arguments: CompilerConfiguration.all)
  func everyHeaderCompilesCleanly(_ configuration: CompilerConfiguration) throws {
    let xen = try TestModels.xen.get()
    let files = TestModels.headers(xen) + TestModels.headers(TestModels.fixture)
    let workspace = try HeaderWorkspace(files, label: "compile")
    defer { workspace.remove() }
    #expect(workspace.units.count == xen.lineReleases.count + 2)
    let results = try configuration.syntaxCheck(workspace.units, includes: workspace.directory)
    for (defines, result) in results {
      #expect(result.succeeded, "\(defines): \(result.stderr)")
      #expect(result.stderr.isEmpty, "\(defines): warnings: \(result.stderr)")
    }
  }

  /// Compiles one translation unit with gcc and returns what happened.
  func compile(_ files: [GeneratedFile], unit: String, flags: [String] = []) throws -> ToolResult? {
    guard let gcc = CompilerConfiguration.all[0].executable() else { return nil }
    let workspace = try HeaderWorkspace(files, label: "negative")
    defer { workspace.remove() }
    let source = workspace.directory.appendingPathComponent("test.c")
    try Data(unit.utf8).write(to: source)
    return try ToolRun.run(
      .init(
        executable: gcc,
        arguments: ["-std=c99"] + CompilerConfiguration.warnings + flags
          + ["-fsyntax-only", "-I", workspace.directory.path, source.path]))
  }

  @Test func aSecondReleaseHeaderStopsTheBuild() throws {
    let xen = try TestModels.xen.get()
    let files = TestModels.headers(xen)
    let result = try #require(try compile(files, unit: "#include \"xen_4_4.h\"\n#include \"xen_4_5.h\"\n"))
    #expect(!result.succeeded)
    #expect(result.stderr.contains("a release header is already included"), "\(result.stderr)")
  }

  static func model(_ multiplex: Multiplex, extra: [Hypercall] = []) -> ABIModel {
    ABIModel(
      family: "broken", guestABIs: [GuestABI(name: "x86_64", width: 64)],
      releases: [
        Release(name: "1", hypercalls: [Hypercall(name: "memory_op", number: 12, multiplex: multiplex)] + extra)
      ])
  }

  static func memoryOp(_ ops: [SubOp]) -> Multiplex {
    Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong),
      opMask: OpMask(bits: 6, maskName: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT"), unusedBits: .rejected,
      subOps: ops)
  }

  @Test func anOpOutsideItsMaskFailsToCompile() throws {
    let model = Self.model(Self.memoryOp([SubOp(name: "XENMEM_far", number: 64)]))
    let result = try #require(try compile(TestModels.headers(model), unit: "#include \"broken_1.h\"\n"))
    #expect(!result.succeeded)
    #expect(result.stderr.contains("abigen_assert_memory_op_XENMEM_far_fits"), "\(result.stderr)")
  }

  @Test func progressOverlappingTheOpFieldFailsToCompile() throws {
    let overlapping = ContinuationEncoding(kinds: [.cmdShiftedIndex], shift: 4)
    let model = Self.model(Self.memoryOp([SubOp(name: "XENMEM_low", number: 1, continuation: overlapping)]))
    let result = try #require(try compile(TestModels.headers(model), unit: "#include \"broken_1.h\"\n"))
    #expect(!result.succeeded)
    #expect(result.stderr.contains("abigen_assert_memory_op_progress_above_op_4"), "\(result.stderr)")
  }

  @Test func oneNameWithTwoValuesStopsTheBuild() throws {
    let multiplex = Self.memoryOp([SubOp(name: "XENMEM_a", number: 1)])
    // Another hypercall names its (narrower) shift the same.
    let other = Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong),
      opMask: OpMask(bits: 4, maskName: "OTHER_MASK", shiftName: "MEMOP_EXTENT_SHIFT"), unusedBits: .ignored,
      subOps: [])
    let model = Self.model(multiplex, extra: [Hypercall(name: "other_op", number: 13, multiplex: other)])
    let result = try #require(try compile(TestModels.headers(model), unit: "#include \"broken_1.h\"\n"))
    #expect(!result.succeeded)
    #expect(
      result.stderr.contains("MEMOP_EXTENT_SHIFT is 6 for memory_op but 4 for other_op"), "\(result.stderr)")
  }

  /// The fixture's 1.0 gives 23 to switch_to_user on x86_64 and to switch_vm86 on x86_32 (the
  /// bundled Xen spec reads numbers from the headers, which define both for every ABI).
  @Test func numbersSomeGuestsLackExistOnlyForTheOthers() throws {
    let files = TestModels.headers(TestModels.fixture)
    let check = """
      #include "demo_1_0.h"
      #if defined(__x86_64__) && (!defined(__HYPERVISOR_switch_to_user) || defined(__HYPERVISOR_switch_vm86))
      #error "x86_64 must see switch_to_user only"
      #endif
      #if defined(__i386__) && (!defined(__HYPERVISOR_switch_vm86) || defined(__HYPERVISOR_switch_to_user))
      #error "x86_32 must see switch_vm86 only"
      #endif
      #if !defined(__x86_64__) && !defined(__i386__)
      #error "compiled for neither"
      #endif
      #if defined(__HYPERVISOR_iret)
      #error "no iret in the fixture"
      #endif

      """
    let workspace = try HeaderWorkspace(files, label: "arch")
    defer { workspace.remove() }
    let source = workspace.directory.appendingPathComponent("arch.c")
    try Data(check.utf8).write(to: source)
    for configuration in [CompilerConfiguration.all[3], CompilerConfiguration.all[6]] {
      guard let clang = configuration.executable() else { return }
      let result = try ToolRun.run(
        .init(
          executable: clang,
          arguments: configuration.flags + CompilerConfiguration.warnings
            + ["-fsyntax-only", "-I", workspace.directory.path, source.path]))
      #expect(result.succeeded, "\(configuration.testDescription): \(result.stderr)")
    }
  }
}

/// Specs that validate but used to give C that fails at -Werror (found by the fuzz target).
@Suite struct ExtremeSpecCompileTests {
  /// A 64-bit-only spec: the whole-register op and the count flag of an unsigned long reach
  /// 2^64 - 1, where a `<=` check always holds and -Wtype-limits flags it.
  static var sixtyFourBitOnly: ABIModel {
    ABIModel(
      family: "wide", guestABIs: [GuestABI(name: "x86_64", width: 64)],
      releases: [
        Release(
          name: "1",
          hypercalls: [
            Hypercall(
              name: "mmu_update", number: 1,
              countFlag: CountFlagEncoding(
                argument: ArgumentSlot(index: 2, name: "count", type: .unsignedLong), flagBit: 63,
                flagName: "MMU_UPDATE_PREEMPTED")),
            Hypercall(
              name: "whole_op", number: 2,
              multiplex: Multiplex(
                opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong), opMask: .wholeRegister,
                unusedBits: .rejected,
                subOps: [SubOp(name: "WHOLE_a", number: 0), SubOp(name: "WHOLE_b", number: UInt64.max)])),
            Hypercall(
              name: "wide_op", number: 3,
              multiplex: Multiplex(
                opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong),
                opMask: OpMask(bits: 64, maskName: "WIDE_MASK"), unusedBits: .ignored,
                subOps: [SubOp(name: "WIDE_a", number: 7)])),
            // A mask name with no mask: the name defines nothing, so no check may use it.
            Hypercall(
              name: "named_op", number: 4,
              multiplex: Multiplex(
                opArgument: ArgumentSlot(index: 1, name: "op", type: .unsignedInt),
                opMask: OpMask(bits: nil, maskName: "NAMED_MASK", shiftName: "NAMED_SHIFT"), unusedBits: .rejected,
                subOps: [SubOp(name: "NAMED_a", number: 1)])),
          ])
      ])
  }

  @Test(arguments: CompilerConfiguration.all)
  func extremeValidSpecsCompileCleanly(_ configuration: CompilerConfiguration) throws {
    let model = Self.sixtyFourBitOnly
    #expect(model.validate().filter { $0.severity == .error }.map(\.message) == [])
    let workspace = try HeaderWorkspace(TestModels.headers(model), label: "extreme")
    defer { workspace.remove() }
    for (defines, result) in try configuration.syntaxCheck(workspace.units, includes: workspace.directory) {
      #expect(result.succeeded && result.stderr.isEmpty, "\(defines): \(result.stderr)")
    }
  }
}
