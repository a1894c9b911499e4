import ABIModel
import Testing
import XenSpec

@testable import ReleaseLock

/// Shipping the development release under its real name and opening the next one, on the
/// model (JSON specs) and on the DSL's text (Swift specs).
@Suite struct ReleaseCycleTests {
  let cycle = ReleaseCycle(development: "master", released: "4.23", tag: "RELEASE-4.23.0", commit: "0123abcd")

  @Test func theModelGainsTheReleasedReleaseAndAnEqualDevelopmentOne() throws {
    let xen = try Xen.spec.model()
    let shipped = try #require(cycle.apply(to: xen))
    #expect(shipped.releases.count == xen.releases.count + 1)
    let released = shipped.releases[shipped.releases.count - 2]
    let opened = shipped.releases[shipped.releases.count - 1]
    #expect((released.name, released.status, released.source) == ("4.23", .released, "RELEASE-4.23.0"))
    #expect((opened.name, opened.status, opened.source) == ("master", .development, "0123abcd"))
    #expect(released.hypercalls == xen.releases.last!.hypercalls)
    #expect(opened.hypercalls == released.hypercalls)
    #expect(shipped.validate().filter { $0.severity == .error }.isEmpty)
    // A released release cannot ship again, and an unknown one not at all.
    #expect(ReleaseCycle(development: "4.22", released: "4.22.1", tag: "t", commit: "c").apply(to: xen) == nil)
    #expect(ReleaseCycle(development: "9.9", released: "10", tag: "t", commit: "c").apply(to: xen) == nil)
  }

  @Test func spansThatStartAtTheDevelopmentReleaseStartAtTheReleasedOne() {
    #expect(cycle.renamed(.from("master")) == .from("4.23"))
    #expect(cycle.renamed(.only("master")) == .span("4.23", "master"))
    #expect(cycle.renamed(.span("3.0.0", "master")) == .span("3.0.0", "master"))
    #expect(cycle.renamed(.from("4.5")) == .from("4.5"))
  }

  @Test func theTextRenamesChangeBlocksAndSpansOnly() {
    let text = """
      In("master", source: "x") {
        Op("master", 3)  // an op named master stays
      }
      Covers(.alias, older: .only("master"), newer: .from("master"))
      InDevelopment("master", commit: "c")
      """
    let (renamed, lines) = cycle.renamingReferences(in: text)
    #expect(lines == [1, 4])
    #expect(
      renamed == """
        In("4.23", source: "x") {
          Op("master", 3)  // an op named master stays
        }
        Covers(.alias, older: .span("4.23", "master"), newer: .from("4.23"))
        InDevelopment("master", commit: "c")
        """)
  }

  @Test func theDeclarationShipsAndOpensOnTheSameIndent() throws {
    let edit = cycle.declaration(declaredCommit: "c447b7308b13")
    let file =
      "  Released(\"4.22\", tag: \"RELEASE-4.22.0\")\n  InDevelopment(\"master\", commit: \"c447b7308b13\")  // head\n"
    let edited = try #require(edit.apply(to: file, line: 2))
    #expect(
      edited
        == "  Released(\"4.22\", tag: \"RELEASE-4.22.0\")\n  Released(\"4.23\", tag: \"RELEASE-4.23.0\")  // head\n  InDevelopment(\"master\", commit: \"0123abcd\")\n"
    )
    #expect(cycle.declaration(declaredCommit: "other").apply(to: file, line: 2) == nil)
  }
}
