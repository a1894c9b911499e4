import ABIModel
import EmitC
import EmitCore
import Foundation
import Testing

/// The generated helpers, compiled with the sanitizers, answer every question exactly as the
/// model's reference decoder does; and every macro the model names has the model's value.
@Suite struct DecoderAgreementTests {
  static let sanitizers = ["-fsanitize=undefined,address", "-fno-sanitize-recover=all"]

  /// Where and how the probe program was built.
  struct BuiltProbe {
    var directory: URL
    var executable: URL
    var compiler: String
  }

  /// Compiles the probe for every Xen release and the fixture, with the first compiler whose
  /// sanitizer runtimes link (gcc, then clang).
  /// Every release of the checked-in Xen tree (the release each line starts with, and master;
  /// a point release's header comes from the same emitter) and of the fixture.
  static func allUnits() throws -> [(ABIModel, Release)] {
    let xen = try TestModels.xen.get()
    let fixture = TestModels.fixture
    return xen.lineReleases.map { (xen, $0) } + fixture.releases.map { (fixture, $0) }
  }

  /// A temporary directory with each release's header and the probe's sources.
  static func writeProbe(_ units: [(ABIModel, Release)], label: String) throws -> (URL, ProbeProgram) {
    let directory = try TemporaryDirectory.make(label)
    var probeUnits: [ProbeProgram.Unit] = []
    for (model, release) in units {
      let file = CEmitter().emit(ABIModelSelection(model: model, releases: [release]))[0]
      try Data(file.contents.utf8).write(to: directory.appendingPathComponent(file.path))
      probeUnits.append(.init(header: String(file.path.dropLast(2)), release: release))
    }
    let program = ProbeProgram(units: probeUnits)
    for (name, text) in program.sources {
      try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }
    return (directory, program)
  }

  static func buildProbe(_ units: [(ABIModel, Release)]) throws -> BuiltProbe? {
    let (directory, program) = try writeProbe(units, label: "probe")
    let sources = program.sources.keys.sorted()
    var failures: [String] = []
    for compiler in ["gcc", "clang"] {
      guard let executable = ToolRun.find(compiler) else {
        failures.append("\(compiler): not on PATH")
        continue
      }
      // Two compiler processes for the two cores, then one link.
      let flags =
        ["-std=c99", "-O1", "-g"] + sanitizers + CompilerConfiguration.warnings + ["-I", directory.path, "-c"]
      let halves = [
        sources.enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
        sources.enumerated().filter { $0.offset % 2 == 1 }.map(\.element),
      ]
      let compiled = try ToolRun.runAll(
        halves.map { .init(executable: executable, arguments: flags + $0, directory: directory) })
      let objects = sources.map { String($0.dropLast(2)) + ".o" }
      let probe = directory.appendingPathComponent("probe-\(compiler)")
      let linked =
        compiled.allSatisfy(\.succeeded)
        ? try ToolRun.run(
          .init(executable: executable, arguments: sanitizers + ["-o", probe.path] + objects, directory: directory))
        : nil
      if let linked, linked.succeeded {
        return BuiltProbe(directory: directory, executable: probe, compiler: compiler)
      }
      failures.append("\(compiler): " + (compiled + (linked.map { [$0] } ?? [])).map(\.stderr).joined())
    }
    Issue.record("no compiler could build the sanitized probe:\n\(failures.joined(separator: "\n"))")
    return nil
  }

  @Test func helpersAgreeWithTheModelForEveryRelease() throws {
    let units = try Self.allUnits()
    guard let probe = try Self.buildProbe(units) else { return }
    defer { try? FileManager.default.removeItem(at: probe.directory) }

    var queries: [ProbeQuery] = []
    for (index, (model, release)) in units.enumerated() {
      let header = CHeaderLowering(model: model, release: release).lower().path.dropLast(2)
      // The probe is compiled for the host, so its helpers are the host architecture's where the
      // ops continue per architecture: the model's answers are that architecture's view.
      queries += ProbeValues().queries(
        model: model, release: release.viewed(on: Self.hostArchitecture(of: model)), header: String(header),
        seed: UInt64(index) + 1)
    }
    let input = probe.directory.appendingPathComponent("questions")
    try Data(queries.map { $0.input + "\n" }.joined().utf8).write(to: input)
    let result = try ToolRun.run(
      .init(
        executable: probe.executable, arguments: [], stdin: input,
        environment: ["ASAN_OPTIONS": "detect_leaks=0", "UBSAN_OPTIONS": "print_stacktrace=1"]))
    #expect(result.succeeded, "probe (\(probe.compiler)) exited \(result.status): \(result.stderr.prefix(2000))")
    #expect(result.stderr.isEmpty, "sanitizer report: \(result.stderr.prefix(2000))")

    let answers = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(answers.count == queries.count + 1, "one answer per question")
    var mismatches: [String] = []
    for (query, answer) in zip(queries, answers) where query.expected != answer {
      mismatches.append("\(query.input): model \(query.expected), C \(answer)")
    }
    let disagreeing = mismatches.count
    #expect(disagreeing == 0, "of \(queries.count):\n\(mismatches.prefix(20).joined(separator: "\n"))")
    // Enough questions to mean something (a probe that answers nothing fails above).
    #expect(queries.count > 100_000)
  }

  /// The host's guest ABI, for which hypercall numbers must be visible.
  /// The host ABI's architecture in `model` (the ABI's name where the model does not have it).
  static func hostArchitecture(of model: ABIModel) -> String {
    model.guestABI(named: hostABI)?.architecture ?? hostABI
  }

  static var hostABI: String {
    #if arch(x86_64)
      return "x86_64"
    #elseif arch(arm64)
      return "arm64"
    #else
      return "unknown"
    #endif
  }

  @Test func everyMacroHasTheModelsValue() throws {
    let units = try Self.allUnits()
    let (directory, program) = try Self.writeProbe(units, label: "macros")
    defer { try? FileManager.default.removeItem(at: directory) }
    guard let gcc = CompilerConfiguration.all[0].executable() else { return }
    let build = try ToolRun.run(
      .init(
        executable: gcc,
        arguments: [
          "-std=c99", "-D__XEN_TOOLS__", "-D__XEN_INTERFACE_VERSION__=0x7fffffff", "-I", directory.path, "-o", "macros",
        ]
          + program.sources.keys.sorted(),
        directory: directory))
    try #require(build.succeeded, "\(build.stderr)")
    let input = directory.appendingPathComponent("questions")
    try Data(program.units.map { "N \($0.header) - 0 0 0\n" }.joined().utf8).write(to: input)
    let result = try ToolRun.run(
      .init(executable: directory.appendingPathComponent("macros"), arguments: [], stdin: input))
    try #require(result.succeeded)

    var blocks = result.stdout.components(separatedBy: "end\n")
    #expect(blocks.removeLast().isEmpty)
    try #require(blocks.count == units.count)
    for ((_, release), block) in zip(units, blocks) {
      var printed: [String: UInt64] = [:]
      for line in block.split(separator: "\n") {
        let parts = line.split(separator: " ")
        printed[String(parts[0])] = UInt64(parts[1], radix: 16)
      }
      for hypercall in release.hypercalls {
        if hypercall.isDefined(for: Self.hostABI) {
          #expect(printed[hypercall.cName] == hypercall.number, "\(release.name) \(hypercall.cName)")
        } else {
          #expect(printed[hypercall.cName] == nil, "\(release.name) \(hypercall.cName) is not \(Self.hostABI)'s")
        }
        for multiplex in hypercall.tables.map(\.multiplex) {
          for op in multiplex.subOps {
            // Interface-version guards may hide an op; tools-only ones are visible here, and
            // hypervisor-internal ones are not (this is the toolstack's view).
            if op.hypervisorInternal {
              #expect(printed[op.cName] == nil, "\(release.name) \(op.cName) is the hypervisor's only")
            } else if op.guardCondition == nil || printed[op.cName] != nil {
              #expect(printed[op.cName] == op.number, "\(release.name) \(op.cName)")
            }
          }
          if let name = multiplex.opMask.maskName {
            #expect(printed[name] == multiplex.opMask.value, "\(release.name) \(name)")
          }
          if let name = multiplex.opMask.shiftName {
            #expect(printed[name] == multiplex.opMask.bits.map(UInt64.init), "\(release.name) \(name)")
          }
        }
        if let flag = hypercall.countFlag, let name = flag.flagName {
          #expect(printed[name] == flag.flagValue, "\(release.name) \(name)")
        }
      }
    }
  }
}
