import ABIModel
import Obligations
import Testing

/// A structure that carries an interface version (`xen_domctl.interface_version`): a release
/// with another version refuses every call made for the older one (-EACCES), so a renumbering
/// across the change is a refusal, and the same renumbering without it a silent alias.
@Suite struct InterfaceVersionTests {
  static let cmd = ArgumentSlot(index: 0, name: "cmd", type: .guestField32)
  static let checkLine = SourceLocation(file: "Spec/Xen/Domctl.swift", line: 41)

  /// 23 is `arch_setup` in the older release and `soft_reset_cont` in the newer one, as in Xen
  /// 4.14 -> 4.15.
  static func domctl(version: UInt64?, reusesTwentyThree: Bool, toolsOnly: Bool = false) -> Hypercall {
    let twentyThree =
      reusesTwentyThree
      ? SubOp(name: "XEN_DOMCTL_soft_reset_cont", number: 23, toolsOnly: toolsOnly)
      : SubOp(name: "XEN_DOMCTL_arch_setup", number: 23, toolsOnly: toolsOnly)
    return Hypercall(
      name: "domctl", number: 36,
      multiplex: Multiplex(
        opArgument: cmd, opMask: .wholeRegister, unusedBits: .ignored,
        subOps: [SubOp(name: "XEN_DOMCTL_createdomain", number: 1, toolsOnly: toolsOnly), twentyThree],
        interfaceVersion: version.map {
          InterfaceVersionCheck(constant: "XEN_DOMCTL_INTERFACE_VERSION", value: $0, location: checkLine)
        }))
  }

  static func model(_ older: UInt64?, _ newer: UInt64?, toolsOnly: Bool = false) -> ABIModel {
    Fixtures.model([
      ("4.14", [domctl(version: older, reusesTwentyThree: false, toolsOnly: toolsOnly)]),
      ("4.15", [domctl(version: newer, reusesTwentyThree: true, toolsOnly: toolsOnly)]),
    ])
  }

  @Test func theSameVersionDecodesAndFindsTheAlias() throws {
    let report = try Fixtures.check(Self.model(0x12, 0x12))
    #expect(report.exitCode == 1)
    let finding = try #require(report.findings.first)
    #expect(report.findings.count == 1)
    #expect(finding.counterexample.failure == .migration(.alias))
    #expect(finding.counterexample.value == 23)
    #expect(finding.counterexample.newerReading == "XEN_DOMCTL_soft_reset_cont")
  }

  @Test func aChangedVersionRefusesEveryOpWithItsNumber() throws {
    let report = try Fixtures.check(Self.model(0x12, 0x13))
    #expect(report.exitCode == 1)
    let refused = report.findings.map(\.counterexample)
    #expect(refused.allSatisfy { $0.failure == .migration(.interfaceRefused) })
    // Each op of the older release, at its own number: createdomain (1) and arch_setup (23).
    #expect(refused.map(\.value).sorted() == [1, 23])
    #expect(refused.map(\.subject).sorted() == ["XEN_DOMCTL_arch_setup", "XEN_DOMCTL_createdomain"])
    let example = try #require(refused.first { $0.value == 23 })
    #expect(
      example.newerReading == "-EACCES (interface_version 0x12 is not XEN_DOMCTL_INTERFACE_VERSION 0x13)")
    #expect(example.cause == "XEN_DOMCTL_INTERFACE_VERSION 0x12 -> 0x13")
    #expect(example.causeLocation == Self.checkLine)
    // No alias is reported: the newer release never decodes the older one's values.
    #expect(!report.findings.contains { $0.counterexample.failure == .migration(.alias) })
  }

  /// Tools-only ops are reported, not failing, as every tools-only break is.
  @Test func aToolsOnlyRefusalIsReported() throws {
    let report = try Fixtures.check(Self.model(0x12, 0x13, toolsOnly: true))
    #expect(report.exitCode == 0)
    #expect(report.findings.count == 2)
    #expect(report.findings.allSatisfy { $0.disposition == .reported })
  }

  /// A release without the field (Xen's flask_op before 4.2) refuses nothing, and is refused by
  /// nothing: its values are decoded as any other.
  @Test func aSideWithoutAVersionIsDecoded() throws {
    for (older, newer) in [(nil, 0x13), (0x12, nil)] as [(UInt64?, UInt64?)] {
      let report = try Fixtures.check(Self.model(older, newer))
      #expect(report.findings.map(\.counterexample.failure) == [.migration(.alias)])
    }
  }

  /// An accepted refusal covers the ops it names and nothing more.
  @Test func anAcceptedRefusalCoversOnlyItsOp() throws {
    let entry = AcceptedBreak(
      id: "domctl-version-0x13",
      covers: [
        BreakCoverage(
          .interfaceRefused, hypercall: "domctl", value: .subOp, subOp: "XEN_DOMCTL_createdomain", becomes: .refused,
          older: ReleaseSpan(first: "4.14", last: "4.14"), newer: ReleaseSpan(first: "4.15", last: nil))
      ], reason: "bumped", source: "test")
    var model = Self.model(0x12, 0x13)
    model.acceptedBreaks = [entry]
    let report = try Fixtures.check(model)
    #expect(report.exitCode == 1)
    let dispositions = Dictionary(
      uniqueKeysWithValues: report.findings.map { ($0.counterexample.subject, $0.disposition) })
    #expect(dispositions["XEN_DOMCTL_arch_setup"] == .failing)
    guard case .accepted(let id, _, _) = dispositions["XEN_DOMCTL_createdomain"] else {
      Issue.record("createdomain not accepted")
      return
    }
    #expect(id == "domctl-version-0x13")
  }
}
