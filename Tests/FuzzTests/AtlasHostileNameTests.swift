import ABIAtlas
import ABIModel
import EmitCore
import Foundation
import Obligations
import SiteChecks
import Testing

/// The atlas of a model whose every name and text is hostile (the corpus, and markup that would
/// open a script, close an attribute or a comment): built directly, so validation does not
/// stand in the way. The pages must stay well-formed with only the atlas's own elements and
/// attributes, show each text as it is (escaped, never interpreted), and be named safely.
@Suite struct AtlasHostileNameTests {
  static let markup = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' onmouseover='alert(1)", "]]><!--",
    "--><script>x</script>", "&amp;", "&#x3c;", "</style><script>x</script>", "javascript:alert(1)", "#r1",
    "index", "<svg onload=alert(1)>", "\u{FFFE}", "\u{FFFF}x", "\u{1B}[2J<b>",
  ]

  static var corpus: [String] { markup + HostileCorpus.strings }

  /// Release 2 widens the mask from 4 to 6 bits and adds an op at 16: release 1's continuation
  /// of op 0 at progress 1 becomes it, a finding named in hostile words.
  static var model: ABIModel {
    let names = corpus
    func text(_ index: Int) -> String { names[index % names.count] }
    func multiplex(bits: Int, ops: [SubOp], index: Int) -> Multiplex {
      Multiplex(
        opArgument: ArgumentSlot(index: 0, name: text(index), type: .unsignedLong),
        opMask: OpMask(bits: bits, maskName: text(index + 1), shiftName: text(index + 2), spelling: text(index + 3)),
        unusedBits: .ignored, subOps: ops, source: text(index + 4))
    }
    func ops(mask bits: Int) -> [SubOp] {
      (0..<4).map { number in
        SubOp(
          name: text(number), number: UInt64(number), toolsOnly: number == 3,
          continuation: number < 2
            ? ContinuationEncoding(
              kinds: [.cmdShiftedIndex], shift: bits, bound: .registerCapacity, progressName: text(number + 20),
              source: text(number + 30)) : nil, source: text(number + 40))
      } + (bits > 4 ? [SubOp(name: text(5), number: 16, source: text(50))] : [])
    }
    var releases: [Release] = []
    for (index, bits) in [4, 6].enumerated() {
      var hypercalls = names.prefix(12).enumerated().map { number, name in
        Hypercall(name: name, number: UInt64(100 + number), source: text(number + 60))
      }
      hypercalls.insert(
        Hypercall(
          name: text(index == 0 ? 0 : 1), number: 12, lineage: "hostile-memory",
          multiplex: multiplex(bits: bits, ops: ops(mask: bits), index: 70 + index), source: text(80)),
        at: 0)
      hypercalls.insert(
        Hypercall(
          name: text(2), number: 1, lineage: "hostile-count",
          countFlag: CountFlagEncoding(
            argument: ArgumentSlot(index: 1, name: text(3), type: .unsignedInt), flagBit: 31, flagName: text(4),
            flagSpelling: text(5), source: text(6))), at: 1)
      releases.append(Release(name: text(index + 7) + "\(index)", source: text(index + 90), hypercalls: hypercalls))
    }
    return ABIModel(
      family: text(0), guestABIs: [GuestABI(name: text(10), width: 64), GuestABI(name: text(11), width: 32)],
      releases: releases,
      acceptedBreaks: [
        AcceptedBreak(
          id: text(12),
          covers: [
            BreakCoverage(
              .alias, hypercall: text(0), value: .subOp, subOp: text(0), becomes: .op(text(5)),
              older: .only(releases[0].name), newer: .only(releases[1].name))
          ], reason: text(13), source: text(14))
      ])
  }

  static let elements: Set<String> = [
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "nav", "a", "h1", "h2", "h3", "h4",
    "p", "span", "section", "article", "div", "ul", "li", "code", "details", "summary", "table", "tbody", "tr", "th",
    "td", "dl", "dt", "dd", "i", "svg", "desc", "g", "rect", "text", "line", "circle",
  ]

  static let attributes: Set<String> = [
    "xmlns", "lang", "xml:lang", "charset", "name", "content", "href", "id", "class", "style", "role", "aria-label",
    "aria-labelledby", "scope", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "rx", "cx", "cy", "r",
    "text-anchor", "transform",
  ]

  @Test func hostileNamesStayText() throws {
    let model = Self.model
    var checker = Checker(model: model, options: CheckOptions(jobs: 2))
    let report = try checker.run()
    #expect(report.findings.contains { $0.counterexample.value == 0x10 })
    let files = AtlasSite(model: model, report: report).files
    let problems = SiteChecks.problems(files)
    #expect(problems == [], "\(problems.prefix(20).joined(separator: "\n"))")
    #expect(files.first?.path == "index.html")
    #expect(Set(files.map { $0.path.lowercased() }).count == files.count)
    let safeName = try Regex("^[A-Za-z0-9_.~-]+\\.html$")
    for file in files {
      #expect(file.path.wholeMatch(of: safeName) != nil && !file.path.hasPrefix("."), "file name \(file.path)")
      let tree = try XMLNode.parse(file.contents)
      for node in tree.all {
        #expect(Self.elements.contains(node.name), "\(file.path): <\(node.name)>")
        for key in node.attributes.keys { #expect(Self.attributes.contains(key), "\(file.path): attribute \(key)") }
      }
      // Markup in a name never reaches the page as markup.
      // (`&amp;` is inside its own escape, `&amp;amp;`: only texts that are not are looked for.)
      for text in Self.corpus
      where text.count >= 3 && text.contains(where: { "<>&\"'".contains($0) }) && !Markup.escape(text).contains(text) {
        let found = file.contents.contains(text)
        #expect(!found, "\(file.path) holds \(DisplayText.quoted(text)) unescaped")
      }
    }
    // Each name reads back as itself (what a terminal would see escaped, as everywhere in abigen).
    let index = try XMLNode.parse(files[0].contents)
    let pageLinks = index.all.filter { $0.name == "a" && ($0.attributes["href"] ?? "").hasSuffix(".html") }
    let shown = Set(pageLinks.map(\.text))
    for name in Self.corpus.prefix(12) {
      #expect(
        shown.contains(
          DisplayText.escaped(name).replacingOccurrences(of: "\u{FFFE}", with: "\\u{FFFE}")
            .replacingOccurrences(of: "\u{FFFF}", with: "\\u{FFFF}")), "index shows no link \(DisplayText.quoted(name))"
      )
    }
    // A hypercall named `index` gets a page of its own; the index stays the index.
    #expect(files.contains { $0.path == "index-2.html" })
    #expect(index.all.first { $0.name == "h1" }?.text.hasSuffix("hypercall ABI atlas") == true)
  }
}
