import ABIModel
import EmitC
import EmitCore
import EmitSwift
import Foundation
import Obligations

/// Runs fuzz cases through the loader, validation, both emitters and (for a sample) the checker,
/// the C compilers, UBSan, the Swift compiler and the built `abigen`, and counts what it finds.
struct SpecFuzzer {
  struct Report: CustomStringConvertible {
    var cases = 0
    var rejectedByLoader = 0
    var rejectedByValidation = 0
    var valid = 0
    var headersCompiled = 0
    var compilerRuns = 0
    var ubsanHeaders = 0
    var swiftTypechecked = 0
    var checked = 0
    var cliRuns = 0
    var findings: [String] = []

    var description: String {
      """
      fuzz: \(cases) cases: \(rejectedByLoader) rejected by the loader, \(rejectedByValidation) by validation, \
      \(valid) valid; \(headersCompiled) headers compiled \(compilerRuns) times (gcc, clang x 64, 32 bit, -Werror), \
      \(ubsanHeaders) run under UBSan; \(swiftTypechecked) Swift trees type-checked; \(checked) checked with Z3; \
      \(cliRuns) abigen runs; \(findings.count) findings
      """
    }
  }

  var seed: UInt64
  var cases: Int
  /// Every how many valid cases one is compiled, checked, type-checked, run through the binary.
  var compileEvery = 20
  var ubsanEvery = 60
  var checkEvery = 40
  var swiftEvery = 1000
  var cliEvery = 250
  var abigen: URL
  var report = Report()
  let scratch: URL
  var pendingHeaders: [(name: String, header: GeneratedFile, model: ABIModel, ubsan: Bool)] = []

  init(seed: UInt64, cases: Int, abigen: URL) {
    self.seed = seed
    self.cases = cases
    self.abigen = abigen
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-fuzz-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  }

  mutating func finding(_ seed: UInt64, _ what: String) {
    report.findings.append("case seed \(seed): \(DisplayText.escaped(DisplayText.shortened(what, limit: 2000)))")
  }

  mutating func run() -> Report {
    defer { try? FileManager.default.removeItem(at: scratch) }
    for index in 0..<cases {
      let caseSeed = seed &+ UInt64(index) &* 0x9e37_79b9
      runCase(caseSeed)
      if pendingHeaders.count >= 40 { compilePending() }
    }
    compilePending()
    return report
  }

  /// A message for a person: no control characters but line breaks between diagnostics, short lines.
  mutating func checkMessage(_ text: String, _ caseSeed: UInt64, what: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if text.unicodeScalars.contains(where: { DisplayText.isUnsafe($0) && $0 != "\n" }) {
      finding(caseSeed, "\(what) holds a control character: \(text)")
    }
    if let long = lines.first(where: { $0.count > 2000 }) {
      finding(caseSeed, "\(what) has a line of \(long.count) characters")
    }
    if text.isEmpty { finding(caseSeed, "\(what) is empty") }
  }

  mutating func runCase(_ caseSeed: UInt64) {
    report.cases += 1
    var generator = SpecGenerator(seed: caseSeed)
    let original = generator.model()
    let data = generator.json(original)
    let model: ABIModel
    do {
      model = try SpecJSON.decode(data, file: "fuzz.json")
    } catch {
      report.rejectedByLoader += 1
      checkMessage(error.description, caseSeed, what: "the loader's message")
      if error.description.contains("\n") { finding(caseSeed, "the loader's message is not one line") }
      if report.cases % cliEvery == 0 { runCLI(data, caseSeed, valid: false) }
      return
    }
    let errors = model.validate().filter { $0.severity == .error }
    if !errors.isEmpty {
      report.rejectedByValidation += 1
      checkMessage(SpecErrors(errors).description, caseSeed, what: "validation")
      if report.cases % cliEvery == 0 { runCLI(data, caseSeed, valid: false) }
      return
    }
    report.valid += 1
    let selection = ABIModelSelection(model: model, releases: model.releases)
    let headers = CEmitter().emit(selection)
    let swift = SwiftEmitter().emit(selection)
    checkFileNames(headers + swift, caseSeed)
    // Free text may change comments, never code: the same model with neutral text must give
    // the same code.
    let neutral = ABIModelSelection(model: Self.neutralized(model), releases: Self.neutralized(model).releases)
    let neutralHeaders = CEmitter().emit(neutral)
    let neutralSwift = SwiftEmitter().emit(neutral)
    let codes = headers.map { CodeText.cCode($0.contents) }
    for ((file, code), plain) in zip(zip(headers, codes), neutralHeaders) where code != CodeText.cCode(plain.contents) {
      finding(caseSeed, "free text changed the C code of \(file.path)")
    }
    for (file, plain) in zip(swift, neutralSwift)
    where CodeText.swiftCode(file.contents) != CodeText.swiftCode(plain.contents) {
      finding(caseSeed, "free text changed the Swift code of \(file.path)")
    }
    for (header, code) in zip(headers, codes) { checkDeclarations(header, code: code, model, caseSeed) }
    if report.valid % compileEvery == 1 {
      let ubsan = report.valid % ubsanEvery == 1
      for header in headers { pendingHeaders.append(("c\(caseSeed)_\(pendingHeaders.count)", header, model, ubsan)) }
    }
    if report.valid % swiftEvery == 1 { typecheckSwift(swift, caseSeed) }
    if report.valid % checkEvery == 1 { runChecker(model, caseSeed) }
    if report.cases % cliEvery == 0 || report.valid % cliEvery == 1 { runCLI(data, caseSeed, valid: true) }
  }

  mutating func checkFileNames(_ files: [GeneratedFile], _ caseSeed: UInt64) {
    var seen: Set<String> = []
    for file in files {
      let path = file.path
      if path.contains("/") || path.hasPrefix(".") || path.unicodeScalars.contains(where: { !$0.isASCII }) {
        finding(caseSeed, "unsafe file name \(path)")
      }
      if !seen.insert(path.lowercased()).inserted { finding(caseSeed, "two files named \(path)") }
    }
  }

  /// Every code line of a header is one of the shapes the renderer makes, every macro is one the
  /// model names, and the only include is `<stdint.h>`.
  mutating func checkDeclarations(_ header: GeneratedFile, code: String, _ model: ABIModel, _ caseSeed: UInt64) {
    var macros: Set<String> = [
      "ABIGEN_FAMILY", "ABIGEN_RELEASE", "ABIGEN_DECODE_OK", "ABIGEN_REJECT_UNKNOWN_OP", "ABIGEN_REJECT_UNUSED_BITS",
    ]
    for release in model.releases {
      for hypercall in release.hypercalls {
        macros.insert(hypercall.cName)
        if let multiplex = hypercall.multiplex {
          multiplex.subOps.forEach { macros.insert($0.cName) }
          multiplex.opMask.maskName.map { _ = macros.insert($0) }
          multiplex.opMask.shiftName.map { _ = macros.insert($0) }
        }
        hypercall.countFlag?.flagName.map { _ = macros.insert($0) }
      }
    }
    let shapes = [
      "#if ", "#endif", "#ifndef ABIGEN_", "#ifdef __cplusplus", "#error \"", "extern \"C\" {", "}", "{",
      "typedef char abigen_assert_", "static inline ", "    ",
    ]
    for line in code.split(separator: "\n") {
      // Function bodies, most of a header, are indented; declarations never are.
      if line.hasPrefix("    ") { continue }
      let text = String(line).trimmingCharacters(in: .whitespaces)
      if text.isEmpty { continue }
      if text.hasPrefix("#define ") {
        let name = text.dropFirst(8).split(separator: " ").first.map(String.init) ?? ""
        if !macros.contains(name) && !(name.hasPrefix("ABIGEN_") && name.hasSuffix("_H")) {
          finding(caseSeed, "\(header.path) defines \(name), which the spec does not describe")
        }
      } else if text.hasPrefix("#include") {
        if text != "#include <stdint.h>" { finding(caseSeed, "\(header.path) has \(text)") }
      } else if !shapes.contains(where: { line.hasPrefix($0) }) {
        finding(caseSeed, "\(header.path) has a line abigen does not write: \(text)")
      }
    }
  }

  /// The model with every piece of free text replaced by a fixed word.
  static func neutralized(_ model: ABIModel) -> ABIModel {
    var copy = model
    for r in copy.releases.indices {
      copy.releases[r].source = copy.releases[r].source.map { _ in "s" }
      for h in copy.releases[r].hypercalls.indices {
        copy.releases[r].hypercalls[h].source = copy.releases[r].hypercalls[h].source.map { _ in "s" }
        if copy.releases[r].hypercalls[h].countFlag?.source != nil {
          copy.releases[r].hypercalls[h].countFlag?.source = "s"
        }
        guard var multiplex = copy.releases[r].hypercalls[h].multiplex else { continue }
        multiplex.source = multiplex.source.map { _ in "s" }
        for o in multiplex.subOps.indices {
          multiplex.subOps[o].source = multiplex.subOps[o].source.map { _ in "s" }
          if multiplex.subOps[o].continuation?.source != nil { multiplex.subOps[o].continuation?.source = "s" }
        }
        copy.releases[r].hypercalls[h].multiplex = multiplex
      }
    }
    for a in copy.acceptedBreaks.indices {
      copy.acceptedBreaks[a].reason = "r"
      copy.acceptedBreaks[a].source = "s"
    }
    return copy
  }

  // MARK: Compilers

  mutating func compilePending() {
    guard !pendingHeaders.isEmpty else { return }
    defer { pendingHeaders.removeAll() }
    let directory = scratch.appendingPathComponent("c-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var sources: [String] = []
    var ubsanSources: [String] = []
    var calls: [String] = []
    for entry in pendingHeaders {
      let headerName = entry.name + ".h"
      try? Data(entry.header.contents.utf8).write(to: directory.appendingPathComponent(headerName))
      let release = entry.model.releases.first {
        entry.header.path.hasSuffix(SwiftNameMapping.identifier(for: $0.name) + ".h")
      }
      let body = release.map { Self.harness(for: $0) } ?? ""
      let source =
        "#include \"\(headerName)\"\nint \(entry.name)_run(void);\nint \(entry.name)_run(void)\n{\n    uint64_t sum = 0;\n\(body)    return (int)(sum & 1u);\n}\n"
      try? Data(source.utf8).write(to: directory.appendingPathComponent(entry.name + ".c"))
      sources.append(entry.name + ".c")
      if entry.ubsan {
        ubsanSources.append(entry.name + ".c")
        calls.append("    \(entry.name)_run();\n")
      }
      report.headersCompiled += 1
    }
    let flags = ["-std=c99", "-Wall", "-Wextra", "-Wtype-limits", "-pedantic", "-Werror", "-c"]
    for compiler in ["gcc", "clang"] {
      for arch in ["-m64", "-m32"] {
        let output = Self.shell(compiler, [arch] + flags + sources, in: directory)
        report.compilerRuns += 1
        if output.status != 0 {
          finding(seed, "\(compiler) \(arch) rejects generated C: \(output.text.prefix(1500))")
        }
      }
    }
    guard !ubsanSources.isEmpty else { return }
    let main =
      "#include <stdint.h>\n" + ubsanSources.map { "int \($0.dropLast(2))_run(void);\n" }.joined()
      + "int main(void)\n{\n" + calls.joined() + "    return 0;\n}\n"
    try? Data(main.utf8).write(to: directory.appendingPathComponent("main.c"))
    let build = Self.shell(
      "gcc",
      ["-std=c99", "-O1", "-fsanitize=undefined", "-fno-sanitize-recover=all", "-o", "ubsan", "main.c"] + ubsanSources,
      in: directory)
    if build.status != 0 {
      finding(seed, "the UBSan build fails: \(build.text.prefix(1500))")
      return
    }
    let run = Self.shell(directory.appendingPathComponent("ubsan").path, [], in: directory)
    if run.status != 0 { finding(seed, "a helper has undefined behaviour: \(run.text.prefix(1500))") }
    report.ubsanHeaders += ubsanSources.count
  }

  /// Calls every helper of a release's header with values at the edges, for both guest widths.
  static func harness(for release: Release) -> String {
    var out = ""
    let values = ["0", "1", "0x3fu", "0x40u", "0xffffffffu", "0x100000000ull", "0x8000000000000000ull", "~(uint64_t)0"]
    out += "    {\n        static const uint64_t values[] = { \(values.joined(separator: ", ")) };\n"
    out += "        static const unsigned int widths[] = { 32u, 64u };\n        unsigned int i, j, k;\n"
    out += "        for (i = 0; i < sizeof values / sizeof values[0]; i++)\n"
    out += "        for (j = 0; j < 2; j++)\n        for (k = 0; k < sizeof values / sizeof values[0]; k++) {\n"
    out += "            uint64_t op = 0, progress = 0, value = 0, remaining = 0;\n"
    out += "            (void)op; (void)progress; (void)value; (void)remaining;\n"
    for hypercall in release.hypercalls {
      let prefix = "abigen_" + hypercall.name
      if hypercall.multiplex != nil {
        out += "            sum += (uint64_t)\(prefix)_decode(values[i], widths[j], &op, &progress) + op + progress;\n"
        out += "            sum += (uint64_t)\(prefix)_is_valid(values[i], widths[j]);\n"
        out += "            sum += (uint64_t)\(prefix)_encode(values[i], values[k], widths[j], &value) + value;\n"
        out += "            sum += \(prefix)_max_progress(values[i], widths[j]);\n"
      }
      if let flag = hypercall.countFlag {
        let flagPrefix = prefix + "_" + flag.argument.name
        out += "            sum += (uint64_t)\(flagPrefix)_decode(values[i], widths[j], &remaining) + remaining;\n"
        out += "            sum += \(flagPrefix)_encode(values[k], widths[j]);\n"
      }
    }
    out += "        }\n    }\n"
    return out
  }

  mutating func typecheckSwift(_ files: [GeneratedFile], _ caseSeed: UInt64) {
    let directory = scratch.appendingPathComponent("swift-\(caseSeed)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for file in files { try? Data(file.contents.utf8).write(to: directory.appendingPathComponent(file.path)) }
    let result = Self.shell(
      "swiftc", ["-typecheck", "-module-name", "FuzzDispatch"] + files.map(\.path), in: directory)
    report.swiftTypechecked += 1
    if result.status != 0 { finding(caseSeed, "swiftc rejects the generated Swift: \(result.text.prefix(1500))") }
  }

  mutating func runChecker(_ model: ABIModel, _ caseSeed: UInt64) {
    var checker = Checker(model: model, options: CheckOptions(timeoutMilliseconds: 2_000, jobs: 1))
    report.checked += 1
    do {
      let result = try checker.run()
      if result.exitCode == 4 {
        finding(caseSeed, "check exits 4: \(result.notes.map(\.message).joined(separator: "; "))")
      }
    } catch {
      finding(caseSeed, "the checker fails on a valid spec: \(error.description)")
    }
  }

  // MARK: The binary

  /// `dump`, `check` and `emit` on the spec as a file: never a signal, a hang, exit 4, an escape
  /// sequence on the terminal or a file left behind.
  mutating func runCLI(_ data: Data, _ caseSeed: UInt64, valid: Bool) {
    let directory = scratch.appendingPathComponent("cli-\(caseSeed)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try? data.write(to: directory.appendingPathComponent("spec.json"))
    let runs: [[String]] = [
      ["dump", "--spec", "spec.json"], ["check", "--spec", "spec.json", "--jobs", "1", "--timeout-ms", "2000"],
      ["emit", "--spec", "spec.json", "--output", "out"],
      ["emit", "--spec", "spec.json", "--output", "out", "--check"],
    ]
    for arguments in runs {
      let result = Self.shell(abigen.path, arguments, in: directory, timeout: 60)
      report.cliRuns += 1
      let what = "abigen \(arguments.joined(separator: " "))"
      if result.timedOut { finding(caseSeed, "\(what) hangs") }
      if result.signalled { finding(caseSeed, "\(what) dies of a signal: \(result.text.prefix(500))") }
      if result.status == 4 { finding(caseSeed, "\(what) exits 4: \(result.text.prefix(500))") }
      if ![0, 1, 2, 3].contains(result.status) && !result.timedOut && !result.signalled {
        finding(caseSeed, "\(what) exits \(result.status)")
      }
      if result.text.unicodeScalars.contains(where: { DisplayText.isUnsafe($0) && $0 != "\n" && $0 != "\t" }) {
        finding(caseSeed, "\(what) prints a control character")
      }
      if valid && arguments.contains("--check") && result.status != 0 {
        finding(caseSeed, "\(what) after emit exits \(result.status): \(result.text.prefix(500))")
      }
    }
    let left = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? [])
      .filter { ($0 as NSString).lastPathComponent.hasPrefix(".") }
    if !left.isEmpty { finding(caseSeed, "files left behind: \(left)") }
  }

  struct ShellResult {
    var status: Int32
    var signalled: Bool
    var timedOut: Bool
    var text: String
  }

  static func shell(_ tool: String, _ arguments: [String], in directory: URL, timeout: Double = 120) -> ShellResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool.hasPrefix("/") ? tool : "/usr/bin/env")
    process.arguments = tool.hasPrefix("/") ? arguments : [tool] + arguments
    process.currentDirectoryURL = directory
    let log = directory.appendingPathComponent(".log-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    guard let handle = try? FileHandle(forWritingTo: log) else {
      return ShellResult(status: -1, signalled: false, timedOut: false, text: "no log")
    }
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch {
      return ShellResult(status: -1, signalled: false, timedOut: false, text: "\(error)")
    }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(2_000) }
    var timedOut = false
    if process.isRunning {
      timedOut = true
      process.terminate()
      process.waitUntilExit()
    }
    try? handle.close()
    let text = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
    return ShellResult(
      status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
      text: text)
  }
}
