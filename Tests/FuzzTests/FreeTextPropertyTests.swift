import ABIModel
import EmitC
import EmitCore
import EmitSwift
import Foundation
import PropertyBased
import Testing

/// For random strings in every free-text field (sources, progress-free prose, reasons), the
/// emitted C and Swift compile and contain no declaration the spec did not describe: the code
/// a compiler reads is exactly that of the same spec with plain words for the text, and the
/// text is either accepted or rejected by validation with one line naming the field.
@Suite struct FreeTextPropertyTests {
  /// Characters that end, splice or escape comments, literals, lines and terminals.
  static let pieces: [Character] = [
    "*", "/", "\n", "\r", "?", "\\", "\"", "'", "#", "`", "{", "}", ";", "(", ")", " ", "a", "Z", "0", "é", "日",
    "\u{1B}", "\u{7}", "\u{0}", "\u{2028}", "\u{202E}", "\u{7F}", "\u{9B}", "\t",
  ]

  static let text = Gen<Character?>.element(of: pieces).map { $0! }.string(of: 0...24)

  static func model(sources: [String]) -> ABIModel {
    var model = ABIModel(
      family: "prop", guestABIs: [GuestABI(name: "x86_64", width: 64), GuestABI(name: "x86_32", width: 32)],
      releases: [
        Release(
          name: "1.0", source: sources[0],
          hypercalls: [
            Hypercall(
              name: "memory_op", number: 12,
              multiplex: Multiplex(
                opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong),
                opMask: OpMask(bits: 6, maskName: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT"),
                unusedBits: .rejected,
                subOps: [
                  SubOp(
                    name: "XENMEM_increase_reservation", number: 0,
                    continuation: ContinuationEncoding(
                      kinds: [.cmdShiftedIndex], shift: 6, bound: .typeMaximum(.unsignedInt, shiftedRightBy: 6),
                      source: sources[1]), source: sources[2])
                ], source: sources[3]), source: sources[4]),
            Hypercall(
              name: "mmu_update", number: 1,
              countFlag: CountFlagEncoding(
                argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt), flagBit: 31,
                flagName: "MMU_UPDATE_PREEMPTED", source: sources[5])),
          ]),
        Release(name: "1.1", source: sources[6]),
      ])
    model.acceptedBreaks = [
      AcceptedBreak(
        id: "b",
        covers: [
          BreakCoverage(
            .removed, hypercall: "memory_op", value: .subOp, subOp: "XENMEM_increase_reservation", becomes: .rejected,
            older: .only("1.0"), newer: .only("1.1"))
        ], reason: sources[7], source: sources[8])
    ]
    return model
  }

  static let plain = model(sources: Array(repeating: "s", count: 9))

  static func emitted(_ model: ABIModel) -> [GeneratedFile] {
    let selection = ABIModelSelection(model: model, releases: model.releases)
    return CEmitter().emit(selection) + SwiftEmitter().emit(selection)
  }

  static func code(_ file: GeneratedFile) -> String {
    file.path.hasSuffix(".h") ? CodeText.cCode(file.contents) : CodeText.swiftCode(file.contents)
  }

  @Test func freeTextNeverReachesCode() async {
    let plainCode = Self.emitted(Self.plain).map(Self.code)
    await propertyCheck(count: 300, input: Self.text.array(of: 9)) { sources in
      let model = Self.model(sources: sources)
      let errors = model.validate().filter { $0.severity == .error }
      if !errors.isEmpty {
        for error in errors {
          #expect(!error.description.unicodeScalars.contains(where: DisplayText.isUnsafe), "\(error)")
          #expect(error.message.contains("holds a control"), "\(error.message)")
        }
        return
      }
      let files = Self.emitted(model)
      #expect(files.map(Self.code) == plainCode, "\(sources)")
    }
  }

  /// The code all of those share compiles: gcc and clang, 64 and 32 bits, at -Werror; and the
  /// Swift type-checks. One spec with the nastiest text that validates stands for them.
  @Test func theSharedCodeCompiles() throws {
    let nasty = ["*/ x /* ??/ \\", "\" ?? '", "*//*", "\\", "a */ extern int injected; /*", "??=", "/ *", "é日", "`"]
    let model = Self.model(sources: nasty)
    #expect(model.validate().filter { $0.severity == .error }.isEmpty)
    let files = Self.emitted(model)
    #expect(files.map(Self.code) == Self.emitted(Self.plain).map(Self.code))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-prop-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for file in files { try Data(file.contents.utf8).write(to: directory.appendingPathComponent(file.path)) }
    let headers = files.map(\.path).filter { $0.hasSuffix(".h") }
    for header in headers {
      try Data("#include \"\(header)\"\n".utf8).write(to: directory.appendingPathComponent(header + ".c"))
    }
    let flags = ["-std=c99", "-Wall", "-Wextra", "-Wtype-limits", "-pedantic", "-Werror", "-fsyntax-only"]
    for compiler in ["gcc", "clang"] {
      for arch in ["-m64", "-m32"] {
        let result = SpecFuzzer.shell(compiler, [arch] + flags + headers.map { $0 + ".c" }, in: directory)
        #expect(result.status == 0 && result.text.isEmpty, "\(compiler) \(arch): \(result.text)")
      }
    }
    let swift = files.map(\.path).filter { $0.hasSuffix(".swift") }
    let result = SpecFuzzer.shell("swiftc", ["-typecheck", "-module-name", "Prop"] + swift, in: directory)
    #expect(result.status == 0, "\(result.text)")
  }
}
