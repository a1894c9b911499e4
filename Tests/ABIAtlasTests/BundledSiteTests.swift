import ABIAtlas
import ABIModel
import EmitCore
import SiteChecks
import Testing

/// The atlas of the bundled Xen spec: what the pages must show, and that they are a site.
@Suite struct BundledSiteTests {
  @Test func everyPageIsWellFormedAndEveryLinkResolves() throws {
    let problems = SiteChecks.problems(try BundledSite.files())
    #expect(problems == [], "\(problems.prefix(20).joined(separator: "\n"))")
  }

  @Test func onePagePerHypercall() throws {
    let paths = try BundledSite.files().map(\.path)
    let atlas = AtlasModel(BundledSite.model)
    #expect(Set(paths).count == paths.count)
    #expect(paths.first == "index.html")
    // Every hypercall of every release has a page, one per lineage (renames share it).
    let lineages = Set(BundledSite.model.releases.flatMap { $0.hypercalls.map(\.lineage) })
    #expect(paths.count == 1 + lineages.count)
    for release in BundledSite.model.releases {
      for hypercall in release.hypercalls {
        let page = atlas.history(ofHypercall: hypercall.name, in: release.name)?.page
        #expect(page.map(paths.contains) == true, "no page for \(hypercall.name) in \(release.name)")
      }
    }
    #expect(paths.contains("memory_op.html") && paths.contains("hvm_op.html") && paths.contains("mmu_update.html"))
    // The index links to every page.
    let index = try BundledSite.page("index.html")
    let linked = Set(index.all.compactMap { $0.attributes["href"] }.filter { !$0.contains("#") })
    #expect(linked.isSuperset(of: paths.dropFirst()))
  }

  /// Xen 3.4 widened the op mask: a 3.3 `XENMEM_increase_reservation` continuation at extent 1,
  /// `cmd = 0x10`, resumes on 3.4 as `XENMEM_set_pod_target`. Its finding is drawn on
  /// `memory_op`'s `cmd`: bit 4 alone set, 3.3's start_extent holding 1 and 3.4's op field 0x10.
  @Test func memoryOp33To34CounterexampleIsDrawnOnTheRegister() throws {
    let page = try BundledSite.page("memory_op.html")
    let finding = try #require(page.first(id: "f-3.3-3.4-x86_64-cmd-alias-XENMEM_increase_reservation"))
    #expect(finding.name == "article")
    #expect(finding.attributes["class"] == "finding accepted")
    let svg = try #require(finding.all.first { $0.name == "svg" })
    let setBits = svg.all.filter { $0.attributes["class"] == "b1" }.map {
      $0.children.first { $0.name == "title" }?.text
    }
    #expect(setBits == ["bit 4: 1"])
    #expect(svg.all.filter { $0.attributes["class"] == "b0" }.count == 63)
    let texts = svg.all.filter { $0.name == "text" }.map(\.text)
    #expect(texts.contains("3.3 reads XENMEM_increase_reservation resuming at start_extent 1"))
    #expect(texts.contains("3.4 reads XENMEM_set_pod_target at start_extent 0"))
    #expect(texts.contains("the value: cmd = 0x10"))
    #expect(texts.contains("start_extent = 0x1") && texts.contains("op = 0x0") && texts.contains("op = 0x10"))
    let fieldTitles = svg.all.filter { $0.name == "g" && $0.attributes["class"] == "field" }.compactMap {
      $0.children.first { $0.name == "title" }?.text
    }
    #expect(
      fieldTitles.contains { $0.hasPrefix("bits 4-63: start_extent (progress") && $0.hasSuffix("holds 0x1 here") })
    #expect(fieldTitles.contains { $0.hasPrefix("bits 0-5: op (op field), MEMOP_CMD_MASK = 0x3f") })
    let facts = finding.allText
    #expect(facts.contains("memop-shift-4-to-6"))
    #expect(facts.contains("3.0.0..3.3 -> 3.4..master"))
    // The 3.4 layout links to it, and #r3.4 is the layout that starts there.
    let group = try #require(page.first(id: "r3.4"))
    #expect(group.name == "section")
    #expect(
      group.all.contains {
        $0.attributes["href"] == "#f-3.3-3.4-x86_64-cmd-alias-XENMEM_increase_reservation"
      })
    #expect(group.allText.contains("op mask 0xf (MEMOP_CMD_MASK) -> 0x3f (MEMOP_CMD_MASK)"))
    #expect(group.allText.contains("36e3044132"))
  }

  /// Xen 4.5's `hvm_op` selects its op with `HVMOP_op_mask` (0xff): the layout that holds 4.5
  /// draws it as the op field, bits 0-7.
  @Test func hvmOp45DrawsTheOpMaskField() throws {
    let page = try BundledSite.page("hvm_op.html")
    let anchor = try #require(page.first(id: "r4.5"))
    let group = try #require(anchor.ancestor(named: "section"))
    let titles = group.all.filter { $0.name == "g" && $0.attributes["class"] == "field" }.compactMap {
      $0.children.first { $0.name == "title" }?.text
    }
    #expect(titles.contains("bits 0-7: op (op field), HVMOP_op_mask = 0xff"), "\(titles)")
    #expect(group.allText.contains("op mask whole register -> 0xff (HVMOP_op_mask) source e8b87b57b4"))
  }

  @Test func everyReleaseOfAHypercallHasALayoutAnchor() throws {
    for history in AtlasModel(BundledSite.model).hypercalls {
      let page = try BundledSite.page(history.page)
      for snapshot in history.snapshots {
        #expect(page.first(id: "r" + snapshot.release) != nil, "\(history.page)#r\(snapshot.release)")
        #expect(page.first(id: "t" + snapshot.release) != nil, "\(history.page)#t\(snapshot.release)")
      }
    }
  }

  /// Every finding of the check is drawn once, on its hypercall's page or (for the hypercall
  /// table) on the index.
  @Test func everyFindingIsOnAPage() throws {
    let report = try BundledSite.report()
    let articles = try BundledSite.files().map { try XMLNode.parse($0.contents) }.flatMap(\.all).filter {
      $0.name == "article" && ($0.attributes["class"] ?? "").hasPrefix("finding")
    }
    #expect(articles.count == report.findings.count)
    #expect(report.findings.count > 0)
    let drawn = articles.filter { article in article.all.contains { $0.name == "svg" } }
    #expect(drawn.count == report.findings.filter { $0.obligation.hypercall != nil }.count)
  }
}
