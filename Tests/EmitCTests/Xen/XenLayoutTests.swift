import ABIModel
import EmitC
import EmitCore
import Foundation
import Testing

/// The Xen layout of every release, built as a hypervisor and as guests build it: each header
/// of each release, in each configuration (guest without a version, guest at the latest, the
/// toolstack, the hypervisor with its `xen/` headers), with gcc for both x86 widths and clang for
/// all four guest ABIs, freestanding and warning-free; and the macros each build sees are exactly
/// the ones the model says, with the model's values.
@Suite struct XenLayoutTests {
  static func emitted(_ model: ABIModel) -> [GeneratedFile] {
    XenLayoutEmitter().emit(ABIModelSelection(model: model, releases: model.lineReleases))
  }

  /// A scratch tree: the generated headers, the stubs, and one translation unit per release and
  /// configuration that includes every header of that configuration twice (the include guards).
  struct Workspace {
    var directory: URL
    var stubs: URL

    init(_ files: [GeneratedFile]) throws {
      directory = try TemporaryDirectory.make("xen")
      stubs = directory.appendingPathComponent("stubs")
      try XenStubTree.write(into: stubs)
      for file in files {
        let url = directory.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.contents.utf8).write(to: url)
      }
    }

    /// The configuration's macros are defined at the top of the unit, as `-D` would define
    /// them, so that one compiler process can check the units of every configuration.
    func unit(
      release: String, configuration: XenConfiguration, defines: [String: UInt64?] = [:], headers: [String]
    ) throws -> URL {
      let url = directory.appendingPathComponent("unit_\(release)_\(configuration.rawValue).c")
      let macros = defines.sorted { $0.key < $1.key }.map { name, value in
        "#define \(name) " + (value.map { "0x" + String($0, radix: 16) } ?? "1")
      }
      let includes = macros + headers.map { "#include <\($0)>" }
      // A declaration of its own: C forbids an empty translation unit, and the public headers are only macros.
      let body = includes + includes + ["typedef int unit_declares_something;"]
      try Data((body.joined(separator: "\n") + "\n").utf8).write(to: url)
      return url
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
  }

  /// The headers of one release a configuration includes, relative to the release directory.
  static func headers(of files: [GeneratedFile], release directory: String, _ configuration: XenConfiguration)
    -> [String]
  {
    files.map(\.path).filter { $0.hasPrefix(directory + "/") }.map { String($0.dropFirst(directory.count + 1)) }
      .filter { configuration.includesHypervisorHeaders || $0.hasPrefix("public/") }
  }

  /// Names every dump has that the model does not speak about: include guards and the stubs'.
  static func isInfrastructure(_ name: String) -> Bool {
    name.hasSuffix("_H__") || ["EINVAL", "ENOSYS", "BUILD_BUG_ON"].contains(name)
  }

  @Test(arguments: XenTarget.all)
  func everyHeaderBuildsAndDefinesExactlyTheModelsMacros(_ target: XenTarget) throws {
    guard let compiler = ToolRun.find(target.compiler) else {
      Issue.record("\(target.compiler) is not on PATH")
      return
    }
    let xen = try TestModels.xen.get()
    let files = Self.emitted(xen)
    let workspace = try Workspace(files)
    defer { workspace.remove() }
    let empty = workspace.directory.appendingPathComponent("empty.c")
    try Data().write(to: empty)
    let baseline = try ToolRun.run(
      .init(executable: compiler, arguments: target.arguments + ["-dM", "-E", empty.path]))
    try #require(baseline.succeeded, "\(baseline.stderr)")
    let builtins = Set(MacroTable(dump: baseline.stdout).bodies.keys)

    var compiled = 0
    var compared = 0
    for release in xen.lineReleases {
      let directory = XenLayoutEmitter.directory(model: xen, release: release)
      let includes = ["-I", workspace.directory.appendingPathComponent(directory).path, "-I", workspace.stubs.path]
      // One process compiles the four units (one per configuration); one dumps each one's macros.
      var commands: [ToolRun.Command] = []
      var units: [URL] = []
      var cases: [(XenConfiguration, Int)] = []
      for configuration in XenConfiguration.allCases {
        let headers = Self.headers(of: files, release: directory, configuration)
        let unit = try workspace.unit(
          release: directory, configuration: configuration, defines: configuration.defines(release), headers: headers)
        units.append(unit)
        commands.append(.init(executable: compiler, arguments: target.arguments + includes + ["-dM", "-E", unit.path]))
        cases.append((configuration, headers.count))
      }
      commands.append(
        .init(executable: compiler, arguments: target.arguments + includes + ["-fsyntax-only"] + units.map(\.path)))
      let results = try ToolRun.runAll(commands)
      let syntax = results[cases.count]
      #expect(syntax.succeeded && syntax.stderr.isEmpty, "\(target.testDescription) \(release.name): \(syntax.stderr)")
      for (offset, (configuration, headerCount)) in cases.enumerated() {
        let label = "\(target.testDescription) \(release.name) \(configuration.rawValue)"
        let dump = results[offset]
        #expect(dump.succeeded, "\(label): \(dump.stderr)")
        compiled += headerCount
        let excluded = builtins.union(configuration.defines(release).keys).union(
          MacroTable(dump: dump.stdout).bodies.keys.filter(Self.isInfrastructure))
        let actual = MacroTable(dump: dump.stdout).resolved(excluding: excluded)
        let expected = try XenExpectation.macros(
          model: xen, release: release, configuration: configuration, abi: target.abi)
        let missing = expected.filter { actual[$0.key] == nil }.keys.sorted()
        let extra = actual.filter { expected[$0.key] == nil }.keys.sorted()
        let wrong = expected.compactMap { name, value in
          actual[name].flatMap { $0 == value ? nil : "\(name) = \($0), model \(value)" }
        }.sorted()
        #expect(
          missing.isEmpty && extra.isEmpty && wrong.isEmpty,
          "\(label): missing \(missing), extra \(extra), wrong \(wrong)")
        compared += expected.count
      }
    }
    // Every release has its public headers in every configuration, and the x configuration its
    // hypervisor headers too; the comparison covered thousands of macros.
    #expect(compiled > xen.lineReleases.count * 4 * 3)
    #expect(compared > xen.lineReleases.count * 4 * 40)
    print("\(target.testDescription): \(compiled) header builds, \(compared) macros compared")
  }
}
