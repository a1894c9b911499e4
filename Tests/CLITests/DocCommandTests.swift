import Foundation
import SiteChecks
import Testing

/// `abigen doc` end to end: the site of the bundled spec, the same bytes from run to run, a
/// spec whose texts are markup, and output it cannot write.
@Suite struct DocCommandTests {
  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-doc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func pages(in directory: URL) throws -> [String: Data] {
    var pages: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
      pages[name] = try Data(contentsOf: directory.appendingPathComponent(name))
    }
    return pages
  }

  @Test func writesTheSiteAndTheSameBytesAgain() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let site = root.appendingPathComponent("site")
    let first = try AbigenProcess.run(["doc", "--output", site.path, "--jobs", "2"])
    #expect(first.status == 0, "\(first.stderr)")
    let pages = try Self.pages(in: site)
    #expect(first.output == "\(site.path): \(pages.count) pages\n")
    #expect(pages["index.html"] != nil && pages["memory_op.html"] != nil && pages["hvm_op.html"] != nil)
    #expect(pages.keys.allSatisfy { $0.hasSuffix(".html") }, "\(pages.keys.sorted())")
    let memory = String(decoding: pages["memory_op.html"]!, as: UTF8.self)
    #expect(memory.contains("id=\"f-3.3-3.4-x86_64-cmd-alias-XENMEM_increase_reservation\""))
    let modified =
      try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent("index.html").path)[
        .modificationDate] as? Date
    // Another process, one solver job: the same bytes, and no file touched.
    let second = try AbigenProcess.run(["doc", "--output", site.path, "--jobs", "1"])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(try Self.pages(in: site) == pages)
    let again =
      try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent("index.html").path)[
        .modificationDate] as? Date
    #expect(again == modified)
  }

  /// Texts of a spec loaded from JSON are free text (reasons, sources): markup in them is shown,
  /// never interpreted, and a break the spec no longer accepts is drawn as failing.
  @Test func markupInASpecsTextIsShownAsText() throws {
    let dump = try AbigenProcess.run(["dump", "--format", "json"])
    try #require(dump.status == 0)
    var object = try #require(try JSONSerialization.jsonObject(with: dump.stdout) as? [String: Any])
    var accepted = try #require(object["acceptedBreaks"] as? [[String: Any]])
    let hostile = "</title><script>alert(1)</script>\"' onload=\"x\" & <!-- ]]>"
    let index = try #require(accepted.firstIndex { $0["id"] as? String == "memop-shift-4-to-6" })
    accepted[index]["reason"] = hostile
    accepted[index]["source"] = "<img src=x onerror=alert(1)>"
    accepted.removeAll { $0["id"] as? String == "memop-nr-extents-limit" }
    object["acceptedBreaks"] = accepted
    let spec = try JSONSerialization.data(withJSONObject: object)
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try AbigenProcess.run(["doc", "--spec", "-", "--output", root.path], stdin: spec)
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOf: root.appendingPathComponent("memory_op.html"), encoding: .utf8)
    #expect(!text.contains("<script") && !text.contains("<img") && !text.contains("<!-- ]]>"))
    let page = try XMLNode.parse(text)
    let finding = try #require(page.first(id: "f-3.3-3.4-x86_64-cmd-alias-XENMEM_increase_reservation"))
    #expect(finding.allText.contains(hostile))
    #expect(page.all.filter { $0.name == "script" || $0.name == "img" }.isEmpty)
    // Without its record, the 4.2 -> 4.3 extent limit fails, and is drawn so.
    #expect(page.all.contains { $0.name == "article" && $0.attributes["class"] == "finding failing" })
  }

  @Test func outputItCannotWriteIsOneLineAndNothingIsLeft() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    // A file where the directory should be.
    let file = root.appendingPathComponent("site")
    try Data("x".utf8).write(to: file)
    let run = try AbigenProcess.run(["doc", "--output", file.path])
    #expect(run.status == 1)
    #expect(run.stderr == "\(file.path): error: not a directory; nothing was written\n", "\(run.stderr)")
    #expect(try Data(contentsOf: file) == Data("x".utf8))
    // A directory where a page should be: nothing is written, no staging directory stays.
    let site = root.appendingPathComponent("other")
    try FileManager.default.createDirectory(
      at: site.appendingPathComponent("memory_op.html"), withIntermediateDirectories: true)
    let blocked = try AbigenProcess.run(["doc", "--output", site.path])
    #expect(blocked.status == 1)
    #expect(blocked.stderr.contains("memory_op.html: error: a directory is in the way; nothing was changed"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["memory_op.html"])
  }

  @Test func usageAndBadSpecs() throws {
    let missing = try AbigenProcess.run(["doc"])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("--output"))
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let bad = try AbigenProcess.run(["doc", "--spec", "-", "--output", root.path], stdin: Data("{".utf8))
    #expect(bad.status == 1)
    #expect(!bad.stderr.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == [])
  }
}
