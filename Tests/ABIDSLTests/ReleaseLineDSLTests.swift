import ABIDSL
import ABIModel
import Obligations
import Testing

/// Release lines: a point release is the one before it in its line plus its own backports; the
/// next line's first release continues from the development history, without them.
@Suite struct ReleaseLineDSLTests {
  static func spec(policy: MigrationPolicy.Pairs = .anyOlderToAnyNewer) -> ABISpec {
    ABISpec("lines") {
      Guest("x86_64", width: 64)
      Migration(policy, mustSurvive: [.guestVisible])
      Released("1.0", tag: "RELEASE-1.0.0")
      PointReleases(of: "1.0") {
        Point("1.0.1", tag: "RELEASE-1.0.1")
        Point("1.0.2", tag: "RELEASE-1.0.2")
      }
      Released("1.1", tag: "RELEASE-1.1.0")
      PointReleases(of: "1.1") {
        Point("1.1.1", tag: "RELEASE-1.1.1")
      }
      Released("1.2", tag: "RELEASE-1.2.0")
      HypercallNumbers { In("1.0") { Number("event_channel_op", 32) } }
      Multiplexed("event_channel_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
        In("1.0") { Op("EVTCHNOP_reset", 10) }
        // The backport: 1.0.1 continues reset as reset_cont; 1.1 does not have it, 1.2 does.
        In("1.0.1") {
          Op("EVTCHNOP_reset_cont", 14, hypervisorInternal: true)
          Continues("EVTCHNOP_reset", .rewritesOp(to: "EVTCHNOP_reset_cont"))
        }
        In("1.1") { Op("EVTCHNOP_status", 5) }
        In("1.2") {
          Op("EVTCHNOP_reset_cont", 14, hypervisorInternal: true)
          Continues("EVTCHNOP_reset", .rewritesOp(to: "EVTCHNOP_reset_cont"))
        }
      }
    }
  }

  static func ops(_ model: ABIModel, _ release: String) -> [String] {
    model.release(named: release)?.hypercall(named: "event_channel_op")?.multiplex?.subOps.map(\.name) ?? []
  }

  @Test func aPointReleaseCarriesItsLineAndTheNextLineDoesNot() throws {
    let model = try Self.spec().model()
    #expect(model.releases.map(\.name) == ["1.0", "1.0.1", "1.0.2", "1.1", "1.1.1", "1.2"])
    #expect(model.releases.map(\.lineName) == ["1.0", "1.0", "1.0", "1.1", "1.1", "1.2"])
    #expect(Self.ops(model, "1.0") == ["EVTCHNOP_reset"])
    #expect(Self.ops(model, "1.0.1") == ["EVTCHNOP_reset", "EVTCHNOP_reset_cont"])
    #expect(Self.ops(model, "1.0.2") == ["EVTCHNOP_reset", "EVTCHNOP_reset_cont"])
    #expect(Self.ops(model, "1.1") == ["EVTCHNOP_status", "EVTCHNOP_reset"])
    #expect(Self.ops(model, "1.1.1") == ["EVTCHNOP_status", "EVTCHNOP_reset"])
    #expect(Self.ops(model, "1.2") == ["EVTCHNOP_status", "EVTCHNOP_reset", "EVTCHNOP_reset_cont"])
  }

  /// The same op backported and added later in the development history is one op: neither
  /// history used its name before, so both get the same identity.
  @Test func aBackportAndTheLaterReleaseShareTheOpsIdentity() throws {
    let model = try Self.spec().model()
    let backported = model.release(named: "1.0.1")?.hypercall(named: "event_channel_op")?.multiplex?.subOp(
      named: "EVTCHNOP_reset_cont")
    let later = model.release(named: "1.2")?.hypercall(named: "event_channel_op")?.multiplex?.subOp(
      named: "EVTCHNOP_reset_cont")
    #expect(backported != nil && backported?.lineage == later?.lineage)
  }

  @Test func aLinesFirstReleaseIsAlsoNamedByItsTag() throws {
    let model = try Self.spec().model()
    #expect(model.releaseIndex(named: "1.1.0") == model.releaseIndex(named: "1.1"))
    #expect(model.releaseIndex(named: "1.3.0") == nil)
  }

  /// 1.0.2 -> 1.1 is a pair in version order (though 1.0.2 may ship after 1.1): the reset
  /// continuation 1.0.2 writes is lost on 1.1, and the counterexample is its exact value.
  @Test func theCrossLineGapIsFound() throws {
    var checker = Checker(model: try Self.spec().model(), options: CheckOptions(from: "1.0.2", to: "1.1"))
    let report = try checker.run()
    #expect(report.exitCode == 1)
    let finding = try #require(report.findings.first { $0.counterexample.subject == "EVTCHNOP_reset_cont" })
    #expect(finding.disposition == .failing)
    #expect(finding.counterexample.failure == .migration(.continuationLost))
    #expect(finding.counterexample.value == 14)
    #expect(finding.counterexample.subject == "EVTCHNOP_reset_cont")
    // To 1.2, which has the continuation again, it holds.
    var later = Checker(model: try Self.spec().model(), options: CheckOptions(from: "1.0.2", to: "1.2"))
    #expect(try later.run().exitCode == 0)
  }

  @Test func withinALineAndToTheNextOnly() throws {
    let model = try Self.spec(policy: .withinLineAndToNextLine).model()
    let names = model.releases.map(\.name)
    let pairs = model.migrationPolicy.releasePairs(lines: model.releases.map(\.lineName)).map {
      "\(names[$0.older])>\(names[$0.newer])"
    }
    #expect(pairs.contains("1.0.2>1.1.1"))
    #expect(pairs.contains("1.1.1>1.2"))
    #expect(!pairs.contains("1.0>1.2"))
    #expect(!pairs.contains("1.0.2>1.2"))
    #expect(pairs.count == 12)
  }

  @Test func aPointReleaseOfNoDeclaredLineIsAnError() {
    let spec = ABISpec("lines") {
      Guest("x86_64", width: 64)
      Released("1.0", tag: "RELEASE-1.0.0")
      PointReleases(of: "0.9") {
        Point("0.9.1", tag: "RELEASE-0.9.1")  // @orphan
      }
      HypercallNumbers { In("1.0") { Number("event_channel_op", 32) } }
    }
    do {
      _ = try spec.model()
      Issue.record("an orphan point release resolved")
    } catch {
      #expect(
        error.diagnostics.map { "\($0.location.line): \($0.message)" } == [
          "\(line(of: "@orphan")): point release '0.9.1' is of the line of '0.9', which is not a release declared before it"
        ])
    }
  }
}
