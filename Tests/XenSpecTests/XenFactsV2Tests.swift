import ABIModel
import Foundation
import Testing

/// The sub-op tables the spec transcribed from facts-v2 (`Tests/Fixtures/xen-facts-v2.json`, a
/// copy of its `subops` section for the spec's releases, made by `scripts/trim-facts-v2.py`),
/// compared per release: every op's name and number, and which are hypervisor-internal
/// (`xen_only`) or tools-only; for the nested families (`memory_op.access_op`), the nested table.
@Suite struct XenFactsV2Tests {
  struct Op: Hashable, CustomStringConvertible {
    var name: String
    var number: UInt64
    var hypervisorInternal: Bool
    var toolsOnly: Bool

    var description: String {
      "\(name) = \(number)\(hypervisorInternal ? " (hypervisor-internal)" : "")\(toolsOnly ? " (tools-only)" : "")"
    }
  }

  struct Fixture: Decodable {
    struct Release: Decodable {
      var model: String
      var families: [String: [FactOp]]
    }

    struct FactOp: Decodable {
      var name: String
      var value: UInt64
      var xenOnly: Bool?
      var toolsOnly: Bool?

      enum CodingKeys: String, CodingKey {
        case name, value
        case xenOnly = "xen_only"
        case toolsOnly = "tools_only"
      }
    }

    var families: [String]
    var releases: [Release]
  }

  static let fixture: Fixture = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/xen-facts-v2.json")
    do {
      return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    } catch {
      fatalError("cannot read \(url.path): \(error)")
    }
  }()

  /// The first release the spec models each family's table from: for `event_channel_op` the
  /// first whose op is in a register (facts-v2 `carriers`; before it the number travels in a
  /// guest structure the model does not describe yet), for a nested family (`memory_op.access_op`)
  /// the first release the facts list it in.
  static let modelledSince = [
    "event_channel_op": "3.0.3", "memory_op.access_op": "4.2", "memory_op.sharing_op": "4.2",
    "memory_op.paging_op": "4.2", "memory_op.resource_type": "4.11", "hvm_op.altp2m": "4.6",
  ]

  /// A family's table in one release: the hypercall's main table, or a nested table for
  /// `memory_op.access_op`.
  static func table(_ family: String, in release: Release) -> Multiplex? {
    let parts = family.split(separator: ".", maxSplits: 1).map(String.init)
    guard let hypercall = release.hypercall(named: parts[0]) else { return nil }
    return parts.count == 2 ? hypercall.nestedTable(named: parts[1])?.table : hypercall.multiplex
  }

  @Test(arguments: [
    "event_channel_op", "memory_op.access_op", "memory_op.sharing_op", "memory_op.paging_op",
    "memory_op.resource_type", "hvm_op.altp2m",
  ])
  func tablesMatchFactsV2(family: String) throws {
    #expect(Self.fixture.families.contains(family))
    let model = try ResolvedXen.model()
    let since = try #require(model.releaseIndex(named: Self.modelledSince[family]!))
    var compared = 0
    for entry in Self.fixture.releases {
      let index = try #require(model.releaseIndex(named: entry.model), "\(entry.model) is not in the spec")
      let multiplex = Self.table(family, in: model.releases[index])
      guard index >= since else {
        #expect(multiplex == nil, "\(entry.model): the spec has \(family) before it models it")
        // Not vacuous the other way either: the facts have no table there.
        #expect(family == "event_channel_op" || entry.families[family] == nil, "\(entry.model): facts list \(family)")
        continue
      }
      let table = try #require(multiplex, "\(entry.model): \(family) has no sub-op table")
      let facts = Set(
        (entry.families[family] ?? []).map {
          Op(
            name: $0.name, number: $0.value, hypervisorInternal: $0.xenOnly ?? false, toolsOnly: $0.toolsOnly ?? false
          )
        })
      let spec = Set(
        table.subOps.map {
          Op(name: $0.name, number: $0.number, hypervisorInternal: $0.hypervisorInternal, toolsOnly: $0.toolsOnly)
        })
      #expect(
        spec == facts,
        "\(entry.model) \(family): only in the spec \(spec.subtracting(facts).sorted { $0.number < $1.number }), only in the facts \(facts.subtracting(spec).sorted { $0.number < $1.number })"
      )
      compared += 1
    }
    // Not vacuous: every release from the register carrier on was compared.
    #expect(compared == model.releases.count - since)
  }

  /// The spec's one hypervisor-internal op so far, and the continuation that writes it.
  @Test func resetContinuesAsResetContFrom415() throws {
    let model = try ResolvedXen.model()
    for release in model.releases {
      let table = release.hypercall(named: "event_channel_op")?.multiplex
      let reset = table?.subOp(named: "EVTCHNOP_reset")
      let index = model.releaseIndex(named: release.name)!
      if index >= model.releaseIndex(named: "4.15")! {
        #expect(reset?.continuation?.kinds == [.opRewrite], "\(release.name)")
        #expect(reset?.continuation?.rewritesTo == "EVTCHNOP_reset_cont", "\(release.name)")
        #expect(table?.subOp(named: "EVTCHNOP_reset_cont")?.hypervisorInternal == true, "\(release.name)")
      } else {
        #expect(reset?.continuation == nil, "\(release.name)")
        #expect(table?.subOp(named: "EVTCHNOP_reset_cont") == nil, "\(release.name)")
      }
    }
  }
}
