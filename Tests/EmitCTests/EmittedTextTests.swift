import EmitCore
import Testing

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
  ])
  func commentTextNeverEndsTheComment(text: String, expected: String) {
    let comment = EmittedText.cComment(text)
    #expect(comment == expected)
    #expect(!comment.contains("*/") && !comment.contains("/*") && !comment.contains("??"))
  }
}
