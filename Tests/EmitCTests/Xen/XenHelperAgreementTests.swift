import ABIModel
import EmitC
import EmitCore
import Foundation
import Testing

/// The hypervisor-side helpers of the Xen layout, compiled with the sanitizers in a hosted
/// probe, answer the same questions as the standalone probe asks exactly as the model's
/// reference decoder does, in the layout's convention: 0 on success, -ENOSYS for a call the
/// hypervisor fails, -EINVAL for progress an op cannot carry.
@Suite struct XenHelperAgreementTests {
  static let enosys = -38
  static let einval = -22

  /// One release's probe function, over that release's `xen/` headers.
  static func probeSource(_ directory: String, _ release: Release) -> String {
    var lines = ["#include <stdio.h>", "#include <string.h>"]
    var body: [String] = []
    for hypercall in release.hypercalls {
      let name = ABIModelSelection.identifier(for: hypercall.name)
      let tables = hypercall.tables
      if !tables.isEmpty || hypercall.countFlag != nil { lines.append("#include <xen/\(name).h>") }
      if !tables.isEmpty {
        // The main table's helpers, then each nested table's (`memory_op_access_op_decode_op`).
        for table in tables {
          let f = ABIModelSelection.identifier(for: table.name)
          let arg = ABIModelSelection.identifier(for: table.multiplex.opArgument.name)
          body += [
            "    if (strcmp(hypercall, \"\(table.name)\") == 0) {",
            "        if (kind == 'D') { rc = \(f)_decode_\(arg)(a, width, &x, &y);"
              + " printf(\"%d %llx %llx\\n\", rc, (unsigned long long)x, (unsigned long long)y); return 1; }",
            "        if (kind == 'E') { rc = \(f)_encode_\(arg)(a, b, width, &x);"
              + " printf(\"%d %llx\\n\", rc, (unsigned long long)x); return 1; }",
            "        if (kind == 'M') { printf(\"%llx\\n\", (unsigned long long)\(f)_max_progress_\(arg)(a, width)); return 1; }",
            "    }",
          ]
        }
      }
      // A hypercall can have both (`mmuext_op`): its count-flag helpers follow its tables'.
      if let flag = hypercall.countFlag {
        let arg = ABIModelSelection.identifier(for: flag.argument.name)
        body += [
          "    if (strcmp(hypercall, \"\(hypercall.name)\") == 0) {",
          "        if (kind == 'F') { rc = \(name)_decode_\(arg)(a, width, &r, &x);"
            + " printf(\"%d %u %llx\\n\", rc, r, (unsigned long long)x); return 1; }",
          "        if (kind == 'G') { rc = \(name)_encode_\(arg)(a, width, &x);"
            + " printf(\"%d %llx\\n\", rc, (unsigned long long)x); return 1; }",
          "    }",
        ]
      }
    }
    lines += [
      "int probe_\(directory)(char kind, const char *hypercall, unsigned int width, uint64_t a, uint64_t b);",
      "int probe_\(directory)(char kind, const char *hypercall, unsigned int width, uint64_t a, uint64_t b)",
      "{",
      "    uint64_t x = 0, y = 0;",
      "    unsigned int r = 0;",
      "    int rc = 0;",
      "    (void)b; (void)r; (void)y; (void)rc;",
    ]
    return (lines + body + ["    return 0;", "}", ""]).joined(separator: "\n")
  }

  static func mainSource(_ directories: [String]) -> String {
    var lines = ["#include <stdio.h>", "#include <string.h>"]
    for directory in directories {
      lines.append(
        "int probe_\(directory)(char kind, const char *hypercall, unsigned int width, unsigned long long a, unsigned long long b);"
      )
    }
    lines += [
      "int main(void)", "{", "    char kind, header[128], hypercall[128];", "    unsigned int width;",
      "    unsigned long long a, b;",
      "    while (scanf(\" %c %127s %127s %u %llx %llx\", &kind, header, hypercall, &width, &a, &b) == 6) {",
      "        int done = 0;",
    ]
    for directory in directories {
      lines.append(
        "        if (strcmp(header, \"\(directory)\") == 0) done = probe_\(directory)(kind, hypercall, width, a, b);")
    }
    lines += ["        if (!done) printf(\"unanswered\\n\");", "    }", "    return 0;", "}", ""]
    return lines.joined(separator: "\n")
  }

  static func hex(_ value: UInt64) -> String { String(value, radix: 16) }

  /// A release's tables by name (`memory_op`, `memory_op.access_op`) and its count flags by
  /// hypercall, looked up once per release rather than searched for each of two million answers.
  struct ReleaseIndex {
    var tables: [String: Multiplex] = [:]
    var countFlags: [String: CountFlagEncoding] = [:]

    init(_ release: Release) {
      for hypercall in release.hypercalls {
        for table in hypercall.tables where tables[table.name] == nil { tables[table.name] = table.multiplex }
        if let flag = hypercall.countFlag, countFlags[hypercall.name] == nil { countFlags[hypercall.name] = flag }
      }
    }
  }

  /// The model's answer in the layout's convention.
  static func expected(_ query: ProbeQuery, in index: ReleaseIndex) -> String {
    let fields = query.input.split(separator: " ")
    let kind = fields[0]
    let name = String(fields[2])
    let width = Int(fields[3])!
    let a = UInt64(fields[4], radix: 16)!
    let b = UInt64(fields[5], radix: 16)!
    // F and G ask a count flag, which a hypercall with a table can have too (`mmuext_op`).
    if kind != "F" && kind != "G", let multiplex = index.tables[name] {
      switch kind {
      case "D":
        switch multiplex.decode(a, guestWidth: width) {
        case .subOp(let op, let progress): return "0 \(hex(op.number)) \(hex(progress))"
        case .rejected: return "\(enosys) 0 0"
        }
      case "E":
        guard let op = multiplex.subOp(number: a) else { return "\(enosys) 0" }
        return multiplex.encode(op, progress: b, guestWidth: width).map { "0 \(hex($0))" } ?? "\(einval) 0"
      default:
        return hex(multiplex.subOp(number: a).map { multiplex.maximumProgress(of: $0, guestWidth: width) } ?? 0)
      }
    }
    let flag = index.countFlags[name]!
    if kind == "F" {
      let (resumed, remaining) = flag.decode(a, guestWidth: width)
      return "0 \(resumed ? 1 : 0) \(hex(remaining))"
    }
    return "0 \(hex(flag.encode(remaining: a, guestWidth: width)))"
  }

  @Test func helpersAgreeWithTheModelForEveryRelease() throws {
    let xen = try TestModels.xen.get()
    let gcc = try #require(ToolRun.find("gcc"))
    let workspace = try XenLayoutTests.Workspace(XenLayoutTests.emitted(xen))
    defer { workspace.remove() }
    let directories = xen.lineReleases.map { XenLayoutEmitter.directory(model: xen, release: $0) }
    let flags =
      ["-std=c99", "-O1", "-g", "-D__XEN__"] + DecoderAgreementTests.sanitizers + CompilerConfiguration.warnings
    var commands: [ToolRun.Command] = []
    for (directory, release) in zip(directories, xen.lineReleases) {
      let source = workspace.directory.appendingPathComponent("probe_\(directory).c")
      try Data(Self.probeSource(directory, release).utf8).write(to: source)
      commands.append(
        .init(
          executable: gcc,
          arguments: flags + [
            "-I", workspace.directory.appendingPathComponent(directory).path, "-I", workspace.stubs.path, "-c",
            source.path, "-o", source.deletingPathExtension().path + ".o",
          ]))
    }
    let main = workspace.directory.appendingPathComponent("main.c")
    try Data(Self.mainSource(directories).utf8).write(to: main)
    commands.append(
      .init(executable: gcc, arguments: flags + ["-c", main.path, "-o", main.deletingPathExtension().path + ".o"]))
    // Two at a time, for the two cores.
    var results: [ToolResult] = []
    for start in stride(from: 0, to: commands.count, by: 2) {
      results += try ToolRun.runAll(Array(commands[start..<min(start + 2, commands.count)]))
    }
    for result in results { #expect(result.succeeded && result.stderr.isEmpty, "\(result.stderr.prefix(2000))") }
    let objects = (directories.map { "probe_\($0).o" } + ["main.o"]).map {
      workspace.directory.appendingPathComponent($0).path
    }
    let probe = workspace.directory.appendingPathComponent("probe")
    let link = try ToolRun.run(
      .init(executable: gcc, arguments: DecoderAgreementTests.sanitizers + ["-o", probe.path] + objects))
    try #require(link.succeeded, "\(link.stderr)")

    var queries: [(ProbeQuery, Int)] = []
    var indexes: [ReleaseIndex] = []
    let values = ProbeValues(randomPerWidth: 200, randomPerOddWidth: 10)
    // The helpers of the host's architecture are the ones compiled here.
    let architecture = DecoderAgreementTests.hostArchitecture(of: xen)
    for (index, (directory, release)) in zip(directories, xen.lineReleases).enumerated() {
      let viewed = release.viewed(on: architecture)
      indexes.append(ReleaseIndex(viewed))
      queries += values.queries(model: xen, release: viewed, header: directory, seed: UInt64(index) + 101).map {
        ($0, index)
      }
    }
    let input = workspace.directory.appendingPathComponent("questions")
    try Data(queries.map { $0.0.input + "\n" }.joined().utf8).write(to: input)
    let run = try ToolRun.run(
      .init(
        executable: probe, arguments: [], stdin: input,
        environment: ["ASAN_OPTIONS": "detect_leaks=0", "UBSAN_OPTIONS": "print_stacktrace=1"]))
    #expect(run.succeeded && run.stderr.isEmpty, "probe exited \(run.status): \(run.stderr.prefix(2000))")
    let answers = run.stdout.split(separator: "\n").map(String.init)
    #expect(answers.count == queries.count)
    var mismatches: [String] = []
    for ((query, index), answer) in zip(queries, answers) {
      let want = Self.expected(query, in: indexes[index])
      if want != answer { mismatches.append("\(query.input): model \(want), C \(answer)") }
    }
    #expect(mismatches.isEmpty, "of \(queries.count):\n\(mismatches.prefix(20).joined(separator: "\n"))")
    #expect(queries.count > 20_000)
    print("Xen layout helpers: \(queries.count) questions, \(mismatches.count) disagreements")
  }
}
