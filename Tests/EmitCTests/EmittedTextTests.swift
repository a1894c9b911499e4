import EmitCore
import Testing

@testable import EmitC

/// Free text in a C comment can neither end the comment nor make gcc warn.
@Suite struct EmittedTextTests {
  @Test(arguments: [
    ("a */ b", "a * / b"),
    ("/*/", "/ * /"),
    ("*/*", "* / *"),
    ("???", "? ? ?"),
    ("x?/?*y", "x?/?*y"),
    ("caf\u{E9} */", "caf\\u{E9} * /"),
    ("plain text", "plain text"),
    ("tab\there", "tab\\u{9}here"),
    ("del\u{7F}", "del\\u{7F}"),
    ("*", "*"),
    ("", ""),
  ])
  func commentTextNeverEndsTheComment(text: String, expected: String) {
    let comment = EmittedText.cComment(text)
    #expect(comment == expected)
    #expect(!comment.contains("*/") && !comment.contains("/*") && !comment.contains("??"))
  }

  /// Comments wrap at spaces, counting Characters: a word of several bytes or scalars is as
  /// wide as it looks, and runs of spaces are one break.
  @Test(arguments: [
    ("aaa bbb ccc", 7, ["aaa bbb", "ccc"]),
    ("aaa  bbb   ccc", 7, ["aaa bbb", "ccc"]),
    ("\u{E9}\u{E9} \u{E9}\u{E9} \u{E9}\u{E9}", 5, ["\u{E9}\u{E9} \u{E9}\u{E9}", "\u{E9}\u{E9}"]),
    ("e\u{301}e\u{301} e\u{301}e\u{301} x", 5, ["e\u{301}e\u{301} e\u{301}e\u{301}", "x"]),
    ("short", 80, ["short"]),
    ("averyveryverylongword next", 5, ["averyveryverylongword", "next"]),
  ])
  func commentsWrapAtSpacesCountingCharacters(text: String, width: Int, expected: [String]) {
    #expect(CHeaderRenderer.wrap(text, width: width) == expected)
  }
}
