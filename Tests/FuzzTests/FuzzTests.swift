import Foundation
import Testing

/// abigen's own fuzz target: seeded, structure-aware specs through the loader, validation, the
/// emitters, the compilers, the checker and the binary. `make test` runs 2000 cases (well under
/// a minute on a loaded two-core machine); `make fuzz` runs many more (`ABIGEN_FUZZ_CASES`,
/// `ABIGEN_FUZZ_SEED`; `ABIGEN_FUZZ_SPARSER=N` samples the slow oracles N times less often).
@Suite struct FuzzTests {
  static var productsDirectory: URL {
    let bundle = Bundle.main.bundleURL
    return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
  }

  @Test func noCrashHangInjectionExit4OrDebris() throws {
    let environment = ProcessInfo.processInfo.environment
    let cases = environment["ABIGEN_FUZZ_CASES"].flatMap(Int.init) ?? 2000
    let seed = environment["ABIGEN_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x0ab1_9e17
    var fuzzer = SpecFuzzer(seed: seed, cases: cases, abigen: Self.productsDirectory.appendingPathComponent("abigen"))
    // ABIGEN_FUZZ_SPARSER=N runs the compilers, the checker and the binary on N times fewer cases.
    if let sparser = environment["ABIGEN_FUZZ_SPARSER"].flatMap(Int.init), sparser > 0 {
      fuzzer.compileEvery *= sparser
      fuzzer.ubsanEvery *= sparser
      fuzzer.checkEvery *= sparser
      fuzzer.swiftEvery *= sparser
      fuzzer.cliEvery *= sparser
    }
    let start = Date()
    let report = fuzzer.run()
    print("\(report) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s (seed \(seed))")
    for finding in report.findings.prefix(40) { print("  " + finding) }
    #expect(report.findings.isEmpty, "\(report.findings.count) findings; first: \(report.findings.first ?? "")")
    // The generator must reach every stage, or the run proves little.
    #expect(
      report.valid > cases / 10 && report.rejectedByLoader > cases / 50 && report.rejectedByValidation > cases / 20)
  }
}

extension FuzzTests {
  /// `ABIGEN_FUZZ_REPLAY=SEED swift test --filter FuzzTests` writes that case's spec to
  /// /tmp/abigen-fuzz-SEED.json, to run abigen on it.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["ABIGEN_FUZZ_REPLAY"] != nil))
  func replayOneCase() throws {
    let seed = try #require(ProcessInfo.processInfo.environment["ABIGEN_FUZZ_REPLAY"].flatMap(UInt64.init))
    var generator = SpecGenerator(seed: seed)
    let model = generator.model()
    let path = "/tmp/abigen-fuzz-\(seed).json"
    try generator.json(model).write(to: URL(fileURLWithPath: path))
    print("wrote \(path)")
  }
}
