import ABIAtlas
import ABIModel
import SiteChecks
import Testing

/// The adapter from the model to words and fields: what each release's bits mean.
@Suite struct AtlasModelTests {
  static let atlas = AtlasModel(BundledSite.model)

  static func fields(_ hypercall: String, _ release: String, _ word: String, width: Int, op: String? = nil) throws
    -> [String]
  {
    let lineage = try #require(atlas.history(ofHypercall: hypercall, in: release)?.lineage)
    let layout = try #require(atlas.layout(lineage: lineage, release: release, word: word, guestWidth: width))
    let row = try #require(layout.row(for: op))
    return row.fields.map { "\($0.bitsText) \($0.role.rawValue) \($0.name)" }
  }

  /// 4.5's memory_op: the op in bits 0-5, bits above it reserved (the lock-down), start_extent
  /// in bits 6-31 (bounded by UINT_MAX >> 6), refused above on a 64-bit guest and absent on a
  /// 32-bit one; XENMEM_access_op's raw start_iter takes everything above the op field.
  @Test func memoryOp45() throws {
    #expect(try Self.fields("memory_op", "4.5", "cmd", width: 64) == ["bits 0-5 op op", "bits 6-63 reserved unused"])
    #expect(
      try Self.fields("memory_op", "4.5", "cmd", width: 64, op: "XENMEM_increase_reservation") == [
        "bits 0-5 op op", "bits 6-31 progress start_extent", "bits 32-63 refused over bound",
      ])
    #expect(
      try Self.fields("memory_op", "4.5", "cmd", width: 32, op: "XENMEM_increase_reservation") == [
        "bits 0-5 op op", "bits 6-31 progress start_extent",
      ])
    #expect(
      try Self.fields("memory_op", "4.5", "cmd", width: 64, op: "XENMEM_access_op") == [
        "bits 0-5 op op", "bits 6-63 progress start_iter",
      ])
  }

  /// 3.3 ignores the bits above a 4-bit mask; start_extent starts at bit 4 with ULONG_MAX >> 4.
  @Test func memoryOp33() throws {
    #expect(try Self.fields("memory_op", "3.3", "cmd", width: 64) == ["bits 0-3 op op", "bits 4-63 ignored unused"])
    #expect(
      try Self.fields("memory_op", "3.3", "cmd", width: 64, op: "XENMEM_increase_reservation") == [
        "bits 0-3 op op", "bits 4-63 progress start_extent",
      ])
  }

  @Test func mmuUpdateCountFlag() throws {
    #expect(
      try Self.fields("mmu_update", "4.19", "count", width: 64) == [
        "bits 0-30 count remaining", "bit 31 flag MMU_UPDATE_PREEMPTED",
      ])
  }

  /// Releases that moved no bit share one drawing: 3.4 starts one (the mask widened), 4.3 one
  /// (UINT_MAX bounds) and 4.5 one (the lock-down); 3.2, 3.3 and 4.0 start none.
  @Test func layoutGroups() throws {
    let page = try BundledSite.page("memory_op.html")
    let starts = page.all.filter { $0.name == "section" && $0.attributes["class"] == "group" }.compactMap {
      $0.attributes["id"]
    }
    #expect(starts.first == "r3.0.0")
    for release in ["r3.4", "r4.3", "r4.5"] { #expect(starts.contains(release), "\(starts)") }
    for release in ["r3.2", "r3.3", "r4.0"] { #expect(!starts.contains(release), "\(starts)") }
    // Every change that starts a group names its source.
    let history = try #require(Self.atlas.hypercalls.first { $0.name == "memory_op" })
    let masks = history.snapshots.flatMap(\.changes).filter { $0.kind == .mask }
    // 3.0.2: `int cmd` became `unsigned long cmd`, a wider op register.
    #expect(masks.map(\.source) == ["3.0.2-branched", "b8a7efe852", "36e3044132"])
  }

  @Test func anchorsKeepNamesReadableAndDistinct() {
    #expect(Anchor.release("3.4") == "r3.4")
    #expect(Anchor.slug("a b") == "a~20~b")
    #expect(Anchor.slug("a~20~b") == "a~7E~20~7E~b")
    #expect(Anchor.slug("") == "~~")
    #expect(Anchor.slug("<x>\"") == "~3C~x~3E~~22~")
  }
}
