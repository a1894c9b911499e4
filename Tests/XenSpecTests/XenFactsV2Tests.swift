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
      var interfaceVersions: [String: Version]?

      enum CodingKeys: String, CodingKey {
        case model, families
        case interfaceVersions = "interface_versions"
      }
    }

    struct Version: Decodable {
      var value: UInt64
      var at: String
    }

    struct FactOp: Decodable {
      var name: String
      var value: UInt64
      var xenOnly: Bool?
      var toolsOnly: Bool?
      /// Set when the entry is a macro defined as another one (`PHYSDEVOP_IRQ_STATUS_QUERY`).
      var aliasOf: String?
      /// Other readings of the name in some configurations (`KEXEC_CMD_kexec_load` is
      /// `KEXEC_CMD_kexec_load_v1` for old interface versions).
      var variants: [Variant]?

      struct Variant: Decodable {
        var aliasOf: String?

        enum CodingKeys: String, CodingKey {
          case aliasOf = "alias_of"
        }
      }

      enum CodingKeys: String, CodingKey {
        case name, value, variants
        case xenOnly = "xen_only"
        case toolsOnly = "tools_only"
        case aliasOf = "alias_of"
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

  /// Where a family's op table lives in the spec: the hypercall (by its name in each release) whose
  /// table holds the family's ops from `since` to `until` (inclusive; the last release when `nil`).
  /// Before `since` the hypercall has no table. `numbers`, when set, is the part of the family the
  /// hypercall's handler decodes (the compat handlers forward only some ops).
  struct Carrier: Sendable, CustomStringConvertible {
    var family: String
    var hypercall: String
    var since: String
    var until: String? = nil
    var numbers: ClosedRange<UInt64>? = nil

    var description: String { "\(family) in \(hypercall) \(since)..\(until ?? "")" }
  }

  static let carriers: [Carrier] = [
    // 16 before 3.0.3 (struct evtchn_op.cmd), 32 from 3.0.3 (register).
    Carrier(family: "event_channel_op", hypercall: "event_channel_op", since: "3.0.0"),
    Carrier(family: "event_channel_op", hypercall: "event_channel_op_compat", since: "3.0.3", until: "4.9"),
    Carrier(family: "event_channel_op", hypercall: "event_channel_op_compat", since: "4.10", numbers: 0...9),
    // 6 in 3.0.0, 29 from 3.0.2; do_sched_op_compat (6) decodes yield, block and shutdown only.
    Carrier(family: "sched_op", hypercall: "sched_op", since: "3.0.0"),
    Carrier(family: "sched_op", hypercall: "sched_op_compat", since: "3.0.2", numbers: 0...2),
    // 19 before 3.0.3 (struct physdev_op.cmd), 33 from 3.0.3 (register); 19 forwards every op.
    Carrier(family: "physdev_op", hypercall: "physdev_op", since: "3.0.0"),
    Carrier(family: "physdev_op", hypercall: "physdev_op_compat", since: "3.0.3"),
    Carrier(family: "console_io", hypercall: "console_io", since: "3.0.0"),
    Carrier(family: "vm_assist.cmd", hypercall: "vm_assist", since: "3.0.0"),
    Carrier(family: "vcpu_op", hypercall: "vcpu_op", since: "3.0.0"),
    Carrier(family: "xen_version", hypercall: "xen_version", since: "3.0.0"),
    Carrier(family: "callback_op", hypercall: "callback_op", since: "3.0.3"),
    Carrier(family: "nmi_op", hypercall: "nmi_op", since: "3.0.2"),
    Carrier(family: "set_segment_base", hypercall: "set_segment_base", since: "3.0.0"),
    Carrier(family: "kexec_op", hypercall: "kexec_op", since: "3.0.4"),
    Carrier(family: "xenoprof_op", hypercall: "xenoprof_op", since: "3.0.3"),
    // 3.0.0 and 3.0.2 carry acm_op's op in a structure, 3.0.3 .. 3.1 in a register: from 3.0.3 only.
    Carrier(family: "acm_op", hypercall: "acm_op", since: "3.0.3", until: "3.1"),
    Carrier(family: "xsm_op.flask", hypercall: "xsm_op", since: "3.2"),
    Carrier(family: "tmem_op", hypercall: "tmem_op", since: "4.0"),
    Carrier(family: "argo_op", hypercall: "argo_op", since: "4.12"),
    Carrier(family: "hypfs_op", hypercall: "hypfs_op", since: "4.14"),
    Carrier(family: "xenpmu_op", hypercall: "xenpmu_op", since: "4.6"),
    Carrier(family: "mca", hypercall: "arch_0", since: "3.3"),
    Carrier(family: "platform_op", hypercall: "platform_op", since: "3.0.3"),
    Carrier(family: "dom0_op", hypercall: "dom0_op", since: "3.0.0", until: "3.0.2"),
    Carrier(family: "sysctl", hypercall: "sysctl", since: "3.0.3"),
    Carrier(family: "domctl", hypercall: "domctl", since: "3.0.3"),
    Carrier(family: "memory_op", hypercall: "memory_op", since: "3.0.0"),
    // 3.0.3 defines HVMOP_set_param / get_param in hvm/params.h (hvm_op.h exists from 3.0.4).
    Carrier(family: "hvm_op", hypercall: "hvm_op", since: "3.0.3"),
    Carrier(family: "grant_table_op", hypercall: "grant_table_op", since: "3.0.0"),
    Carrier(family: "dm_op", hypercall: "dm_op", since: "4.9"),
    // The op of each entry of the array argument 0 points to: struct mmu_update.ptr (low bits of a
    // uint64_t) and struct mmuext_op.cmd; both hypercalls also have a count flag.
    Carrier(family: "mmu_update", hypercall: "mmu_update", since: "3.0.0"),
    Carrier(family: "mmuext_op", hypercall: "mmuext_op", since: "3.0.0"),
  ]

  /// The first release the facts list each nested family in: the spec models it from there.
  static let nestedSince = [
    "memory_op.access_op": "4.2", "memory_op.sharing_op": "4.2", "memory_op.paging_op": "4.2",
    "memory_op.resource_type": "4.11", "hvm_op.altp2m": "4.6", "domctl.shadow_op": "3.0.3",
    "vm_assist.type": "3.0.0", "callback_op.type": "3.0.3",
  ]

  /// Nested tables (`memory_op.access_op`: the access_op table inside memory_op), per release.
  @Test(arguments: nestedSince.keys.sorted())
  func nestedTablesMatchFactsV2(family: String) throws {
    #expect(Self.fixture.families.contains(family))
    let model = try ResolvedXen.model()
    let since = try #require(model.releaseIndex(named: Self.nestedSince[family]!))
    let parts = family.split(separator: ".", maxSplits: 1).map(String.init)
    var compared = 0
    for entry in Self.fixture.releases {
      let index = try #require(model.releaseIndex(named: entry.model), "\(entry.model) is not in the spec")
      let table = model.releases[index].hypercall(named: parts[0])?.nestedTable(named: parts[1])?.table
      guard index >= since else {
        #expect(table == nil, "\(entry.model): the spec has \(family) before it models it")
        // Not vacuous the other way either: the facts have no table there.
        #expect(entry.families[family] == nil, "\(entry.model): facts list \(family)")
        continue
      }
      let multiplex = try #require(table, "\(entry.model): \(family) has no sub-op table")
      let facts = Set(
        (entry.families[family] ?? []).filter { $0.aliasOf == nil }.map {
          Op(
            name: $0.name, number: $0.value, hypervisorInternal: $0.xenOnly ?? false, toolsOnly: $0.toolsOnly ?? false
          )
        })
      let spec = Set(
        multiplex.subOps.map {
          Op(name: $0.name, number: $0.number, hypervisorInternal: $0.hypervisorInternal, toolsOnly: $0.toolsOnly)
        })
      #expect(
        spec == facts,
        "\(entry.model) \(family): only in the spec \(spec.subtracting(facts).sorted { $0.number < $1.number }), only in the facts \(facts.subtracting(spec).sorted { $0.number < $1.number })"
      )
      compared += 1
    }
    // Not vacuous: every release from the first the facts list on was compared.
    #expect(compared == model.releases.count - since)
  }

  /// Every family of facts-v2's `subops` (all 37 are in the fixture) is compared, through a
  /// carrier or as a nested table.
  @Test func everyFamilyIsCompared() {
    let compared = Set(Self.carriers.map(\.family)).union(Self.nestedSince.keys)
    #expect(compared == Set(Self.fixture.families))
    #expect(Self.fixture.families.count == 37)
  }

  @Test(arguments: carriers)
  func tablesMatchFactsV2(carrier: Carrier) throws {
    let family = carrier.family
    #expect(Self.fixture.families.contains(family))
    let model = try ResolvedXen.model()
    let since = try #require(model.releaseIndex(named: carrier.since))
    let until = try #require(model.releaseIndex(named: carrier.until ?? model.releases.last!.name))
    // The first release any carrier of this family puts on this hypercall: before it, no table.
    let first =
      Self.carriers.filter { $0.family == family && $0.hypercall == carrier.hypercall }
      .compactMap { model.releaseIndex(named: $0.since) }.min() ?? since
    var compared = 0
    for entry in Self.fixture.releases {
      let index = try #require(model.releaseIndex(named: entry.model), "\(entry.model) is not in the spec")
      let release = model.releases[index]
      let multiplex = release.hypercall(named: carrier.hypercall)?.multiplex
      guard index >= since else {
        if index < first {
          #expect(multiplex == nil, "\(entry.model): \(carrier.hypercall) has no table of \(family) there")
        }
        continue
      }
      guard index <= until else { continue }
      let table = try #require(multiplex, "\(entry.model): \(carrier.hypercall) has no sub-op table")
      let entries = entry.families[family] ?? []
      let facts = Set(
        entries.filter { op in op.aliasOf == nil && (carrier.numbers?.contains(op.value) ?? true) }.map {
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
        "\(entry.model) \(carrier): only in the spec \(spec.subtracting(facts).sorted { $0.number < $1.number }), only in the facts \(facts.subtracting(spec).sorted { $0.number < $1.number })"
      )
      // Every alias the spec gives this table is one the facts list for the release (the facts list
      // more: see the families' files for the ones the model cannot hold).
      let factAliases = Set(
        entries.flatMap { op in
          ([op.aliasOf] + (op.variants ?? []).map(\.aliasOf)).compactMap { $0.map { "\(op.name) = \($0)" } }
        })
      for alias in release.aliases where alias.hypercall == carrier.hypercall {
        #expect(
          factAliases.contains("\(alias.name) = \(alias.target)"),
          "\(entry.model) \(carrier): alias \(alias.name) = \(alias.target) is not in the facts")
      }
      compared += 1
    }
    // Not vacuous: every release from the first the model describes on was compared.
    #expect(compared == until - since + 1)
  }

  /// The handler's interface version check per hypercall, from the facts' interface_versions:
  /// in every release where the hypercall has its table, the spec requires the facts' value of
  /// the macro (and none where the facts have none).
  static let interfaceVersions: [(hypercall: String, macro: String)] = [
    ("domctl", "XEN_DOMCTL_INTERFACE_VERSION"), ("sysctl", "XEN_SYSCTL_INTERFACE_VERSION"),
    ("platform_op", "XENPF_INTERFACE_VERSION"), ("dom0_op", "DOM0_INTERFACE_VERSION"),
    ("arch_0", "XEN_MCA_INTERFACE_VERSION"), ("xsm_op", "XEN_FLASK_INTERFACE_VERSION"),
  ]

  @Test(arguments: interfaceVersions.map(\.hypercall))
  func interfaceVersionsMatchTheFacts(hypercall: String) throws {
    let macro = try #require(Self.interfaceVersions.first { $0.hypercall == hypercall }?.macro)
    let model = try ResolvedXen.model()
    var compared = 0
    var checked = 0
    for entry in Self.fixture.releases {
      guard let table = model.release(named: entry.model)?.hypercall(named: hypercall)?.multiplex else { continue }
      let fact = entry.interfaceVersions?[macro]
      let check = table.interfaceVersion
      #expect(check?.value == fact?.value, "\(entry.model) \(hypercall): \(macro) \(fact?.at ?? "absent")")
      if let check { #expect(check.constant == macro && check.field == "interface_version", "\(entry.model)") }
      compared += 1
      if check != nil { checked += 1 }
    }
    // Not vacuous: the hypercall was compared in some release, and requires a version in some.
    #expect(compared > 0)
    #expect(checked > 0)
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

  /// XSA-343's domctl continuation: `XEN_DOMCTL_soft_reset` rewrites the structure's `cmd` to the
  /// hypervisor-internal `XEN_DOMCTL_soft_reset_cont` (23) from 4.15, where 23 was
  /// `XEN_DOMCTL_arch_setup` (tools-only) before: another lineage.
  @Test func softResetContinuesAsSoftResetContFrom415() throws {
    let model = try ResolvedXen.model()
    let from = try #require(model.releaseIndex(named: "4.15"))
    var lineages: Set<String> = []
    for (index, release) in model.releases.enumerated() {
      guard let table = release.hypercall(named: "domctl")?.multiplex else { continue }
      let op23 = try #require(table.subOps.first { $0.number == 23 }, "\(release.name)")
      lineages.insert(op23.lineage)
      let reset = table.subOp(named: "XEN_DOMCTL_soft_reset")
      if index >= from {
        #expect(op23.name == "XEN_DOMCTL_soft_reset_cont" && op23.hypervisorInternal, "\(release.name)")
        #expect(reset?.continuation?.kinds.contains(.opRewrite) == true, "\(release.name)")
        #expect(reset?.continuation?.rewritesTo == "XEN_DOMCTL_soft_reset_cont", "\(release.name)")
      } else {
        #expect(op23.name == "XEN_DOMCTL_arch_setup" && op23.toolsOnly, "\(release.name)")
        #expect(reset?.continuation?.kinds.contains(.opRewrite) != true, "\(release.name)")
      }
    }
    #expect(lineages.count == 2)
  }
}
