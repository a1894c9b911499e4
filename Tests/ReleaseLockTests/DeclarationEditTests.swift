import Testing

@testable import ReleaseLock

/// The one-line edit of a Swift spec's release declaration.
@Suite struct DeclarationEditTests {
  let edit = DeclarationEdit(release: "master", commit: "c447b7308b13")
  let file = """
    extension Xen {
      @SpecBuilder static var releases: [SpecDeclaration] {
        Released("4.22", tag: "RELEASE-4.22.0")
        InDevelopment("master", commit: "c447b7308b13")  // the mirror head
      }
    }

    """

  @Test func rewritesOnlyThatLineKeepingIndentAndComment() throws {
    let edited = try #require(edit.apply(to: file, line: 4))
    #expect(
      edited == file.replacingOccurrences(of: "InDevelopment(\"master\", commit:", with: "Released(\"master\", tag:"))
    #expect(edited.split(separator: "\n")[3] == "    Released(\"master\", tag: \"c447b7308b13\")  // the mirror head")
  }

  @Test func refusesALineThatDoesNotHoldTheCall() {
    #expect(edit.apply(to: file, line: 3) == nil)
    #expect(edit.apply(to: file, line: 0) == nil)
    #expect(edit.apply(to: file, line: 99) == nil)
    #expect(DeclarationEdit(release: "master", commit: "other").apply(to: file, line: 4) == nil)
    let split = file.replacingOccurrences(of: "(\"master\", commit", with: "(\n      \"master\", commit")
    #expect(edit.apply(to: split, line: 4) == nil)
  }

  @Test func refusesTwoCallsOnOneLine() {
    let twice = "\(edit.before); \(edit.before)\n"
    #expect(edit.apply(to: twice, line: 1) == nil)
  }
}
