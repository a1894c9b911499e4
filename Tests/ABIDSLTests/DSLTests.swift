import ABIDSL
import ABIModel
import Foundation
import Testing

/// A changelog-style spec builds the resolved model, with locations pointing at its lines.
@Suite struct DSLTests {
  static let spec = ABISpec("mini") {
    Guest("x86_64", width: 64)
    Guest("x86_32", width: 32)
    Released("3.3", tag: "3.3.0-rc7")
    Released("3.4", tag: "3.4.0-rc3")
    InDevelopment("master", commit: "c447b7308b13")
    HypercallNumbers {
      In("3.3", source: "3.3.0-rc7") {
        Number("sched_op", 6)
        Number("memory_op", 12)
      }
      In("3.4") {
        Renamed("sched_op", to: "sched_op_compat")
        Number("sched_op", 29)
      }
    }
    Multiplexed("memory_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)) {
      In("3.3", source: "3.3.0-rc7") {
        Mask(bits: 4, name: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT")
        UnusedBits(.ignored)
        Op("XENMEM_increase_reservation", 0, continues: .shiftedIndex(bound: .typeMaximum(.unsignedLong)))
        Op("XENMEM_translate_gpfn_list", 8, continues: .shiftedIndex(bound: .typeMaximum(.unsignedLong)))
      }
      In("3.4", source: "36e3044132") {
        Mask(bits: 6, name: "MEMOP_CMD_MASK", shiftName: "MEMOP_EXTENT_SHIFT")  // @mask34
        Op("XENMEM_set_pod_target", 16)  // @pod
        Withdrawn("XENMEM_translate_gpfn_list", source: "2d2f7977a0")
      }
      In("master") {
        UnusedBits(.rejected, source: "4ef6b5f16c")
        Continues("XENMEM_increase_reservation", .shiftedIndex(bound: .typeMaximum(.unsignedInt)))
      }
    }
    Accepted("memop-shift-4-to-6", reason: "PoD needed more ops", source: "36e3044132") {
      Covers(
        .alias, subOp: "XENMEM_increase_reservation", of: "memory_op", becomes: .op("XENMEM_set_pod_target"),
        older: .only("3.3"), newer: .from("3.4"))
    }
  }

  @Test func buildsTheResolvedModel() throws {
    let model = try Self.spec.model()
    #expect(model.releases.map(\.name) == ["3.3", "3.4", "master"])
    #expect(model.releases.map(\.status) == [.released, .released, .development])
    let old = try #require(model.release(named: "3.3")?.hypercall(named: "memory_op")?.multiplex)
    let new = try #require(model.release(named: "3.4")?.hypercall(named: "memory_op")?.multiplex)
    #expect(old.opMask.bits == 4)
    #expect(new.opMask.bits == 6)
    #expect(old.subOps.map(\.name) == ["XENMEM_increase_reservation", "XENMEM_translate_gpfn_list"])
    #expect(new.subOps.map(\.name) == ["XENMEM_increase_reservation", "XENMEM_set_pod_target"])
  }

  @Test func theShiftFollowsTheMask() throws {
    let model = try Self.spec.model()
    let shift = { (release: String) in
      model.release(named: release)?.hypercall(named: "memory_op")?.multiplex?.subOp(
        named: "XENMEM_increase_reservation")?
        .continuation
    }
    #expect(
      shift("3.3")
        == ContinuationEncoding(
          kinds: [.cmdShiftedIndex], shift: 4, bound: .typeMaximum(.unsignedLong, shiftedRightBy: 4),
          source: "3.3.0-rc7"))
    #expect(shift("3.4")?.shift == 6)
    #expect(shift("3.4")?.bound == .typeMaximum(.unsignedLong, shiftedRightBy: 6))
    #expect(shift("master")?.bound == .typeMaximum(.unsignedInt, shiftedRightBy: 6))
  }

  @Test func renamesKeepTheIdentityAndNewEntriesGetTheirOwn() throws {
    let model = try Self.spec.model()
    let old = try #require(model.release(named: "3.3")?.hypercall(named: "sched_op"))
    let compat = try #require(model.release(named: "3.4")?.hypercall(named: "sched_op_compat"))
    let new = try #require(model.release(named: "3.4")?.hypercall(named: "sched_op"))
    #expect(compat.lineage == old.lineage)
    #expect(compat.number == 6 && compat.formerNames == ["sched_op"])
    #expect(new.lineage != old.lineage)
    #expect(new.number == 29)
  }

  /// 6 is `sched_op` in 3.3 with its op in a structure; in 3.4 it is renamed `sched_op_compat` and a
  /// new `sched_op` (29) reads the register: one history, two tables, the older one on its own
  /// argument and with op identities of the compat name.
  static let movedSpec = ABISpec("moved") {
    Guest("x86_64", width: 64)
    Released("3.3", tag: "3.3.0-rc7")
    Released("3.4", tag: "3.4.0-rc3")
    HypercallNumbers {
      In("3.3") { Number("sched_op", 6) }
      In("3.4") {
        Renamed("sched_op", to: "sched_op_compat")
        Number("sched_op", 29)
      }
    }
    Multiplexed("sched_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
      In("3.3") {
        OpArgument(ArgumentSlot(index: 0, name: "cmd", type: .guestField32))
        OpLineage("sched_op_compat")
        Op("SCHEDOP_yield", 0)
      }
      In("3.4") { Op("SCHEDOP_yield", 0) }
    }
  }

  @Test func anOlderTableReadsItsOwnArgumentAndKeepsItsOwnOpIdentities() throws {
    let model = try Self.movedSpec.model()
    let old = try #require(model.release(named: "3.3")?.hypercall(named: "sched_op")?.multiplex)
    let compat = try #require(model.release(named: "3.4")?.hypercall(named: "sched_op_compat")?.multiplex)
    let new = try #require(model.release(named: "3.4")?.hypercall(named: "sched_op")?.multiplex)
    #expect(old.opArgument.type == .guestField32 && compat.opArgument.type == .guestField32)
    #expect(new.opArgument.type == .unsignedInt)
    #expect(old.subOps.map(\.lineage) == ["sched_op_compat:SCHEDOP_yield"])
    #expect(compat.subOps.map(\.lineage) == ["sched_op_compat:SCHEDOP_yield"])
    #expect(new.subOps.map(\.lineage) == ["sched_op:SCHEDOP_yield"])
  }

  @Test func everyElementKnowsItsLine() throws {
    let model = try Self.spec.model()
    let multiplex = try #require(model.release(named: "3.4")?.hypercall(named: "memory_op")?.multiplex)
    #expect(multiplex.location == SourceLocation(file: "Tests/ABIDSLTests/DSLTests.swift", line: line(of: "@mask34")))
    #expect(multiplex.subOp(named: "XENMEM_set_pod_target")?.location.line == line(of: "@pod"))
    #expect(multiplex.subOp(named: "XENMEM_set_pod_target")?.source == "36e3044132")
    #expect(model.acceptedBreaks.first?.location.file == "Tests/ABIDSLTests/DSLTests.swift")
  }

  @Test func unsetSourcesComeFromTheEnclosingBlock() throws {
    let model = try Self.spec.model()
    #expect(model.release(named: "3.3")?.hypercall(named: "memory_op")?.source == "3.3.0-rc7")
    #expect(model.release(named: "3.3")?.source == "3.3.0-rc7")
  }
}

/// Changes that cannot be applied are all reported, with the line that states them.
@Suite struct ResolverDiagnosticsTests {
  func messages(_ spec: ABISpec) -> [String] {
    spec.resolve().diagnostics.map { "\($0.location.line): \($0.message)" }
  }

  @Test func unknownNamesAreReportedWithTheValidChoices() {
    let spec = ABISpec("broken") {
      Guest("x86_64", width: 64)
      Released("1.0", tag: "v1")
      Released("2.0", tag: "v2")
      HypercallNumbers {
        In("1.0") { Number("memory_op", 12) }
        In("1.5") { Number("hvm_op", 34) }  // @unknownRelease
        In("2.0") { Withdrawn("dom0_op") }  // @unknownHypercall
      }
      Multiplexed("memory_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)) {
        In("1.0") {
          Op("XENMEM_increase_reservation", 0)
          Number("misplaced", 99)  // @misplaced
        }
        In("2.0") {
          Renamed("XENMEM_increase", to: "XENMEM_grow")  // @rename
          Continues("XENMEM_nonesuch", .guestStruct)  // @continues
        }
      }
      Multiplexed("grant_table_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt)) {
        In("1.0") { WholeRegisterIsOp() }  // @grant
      }
    }
    // In release order: what 1.0 cannot apply, then what 2.0 cannot.
    #expect(
      messages(spec) == [
        "\(line(of: "@unknownRelease")): the hypercall table names unknown release '1.5' (known: 1.0, 2.0)",
        "\(line(of: "@misplaced")): 1.0: memory_op: a hypercall number belongs in 'HypercallNumbers', not in a sub-op history",
        "\(line(of: "@grant")): 'grant_table_op' changes in 1.0, but the hypercall table of 1.0 has no 'grant_table_op' (known: memory_op)",
        "\(line(of: "@unknownHypercall")): 2.0: unknown hypercall 'dom0_op' (known: memory_op)",
        "\(line(of: "@rename")): 2.0: memory_op: unknown sub-op 'XENMEM_increase' (known: XENMEM_increase_reservation)",
        "\(line(of: "@continues")): 2.0: memory_op: unknown sub-op 'XENMEM_nonesuch' (known: XENMEM_increase_reservation)",
      ])
  }

  @Test func modelCollectsResolverAndValidationDiagnosticsTogether() {
    let spec = ABISpec("broken") {
      Guest("x86_64", width: 64)
      Released("1.0", tag: "v1")
      HypercallNumbers { In("1.0") { Number("memory_op", 12) } }
      Multiplexed("memory_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)) {
        In("1.0") {
          Mask(bits: 4)
          Op("XENMEM_set_pod_target", 16)
          Withdrawn("XENMEM_nonesuch")
        }
      }
    }
    do {
      _ = try spec.model()
      Issue.record("a broken spec resolved")
    } catch {
      #expect(
        error.diagnostics.map(\.message) == [
          "1.0: memory_op: unknown sub-op 'XENMEM_nonesuch' (known: XENMEM_set_pod_target)",
          "1.0: memory_op: sub-op 'XENMEM_set_pod_target' = 16 does not fit the op mask 0xf",
        ])
      #expect(error.description.hasPrefix("Tests/ABIDSLTests/DSLTests.swift:"))
    }
  }
}

/// The line of this file that carries `marker` in a comment.
func line(of marker: String, file: String = #filePath) -> Int {
  let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  return (lines.firstIndex { $0.hasSuffix("// \(marker)") } ?? -1) + 1
}

/// `RequiresInterfaceVersion` is carried forward release to release and changed where a release
/// states a new value; stated without one, validation names its line.
@Suite struct InterfaceVersionDSLTests {
  static let spec = ABISpec("versions") {
    Guest("x86_64", width: 64)
    Released("4.14", tag: "RELEASE-4.14.0")
    Released("4.15", tag: "RELEASE-4.15.0")
    Released("4.16", tag: "RELEASE-4.16.0")
    HypercallNumbers { In("4.14") { Number("domctl", 36) } }
    Multiplexed("domctl", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)) {
      In("4.14") {
        RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x12)
        Op("XEN_DOMCTL_createdomain", 1, toolsOnly: true)
      }
      In("4.16", source: "RELEASE-4.16.0") { RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", 0x14) }  // @bump
    }
  }

  @Test func theVersionIsCarriedForwardUntilChanged() throws {
    let model = try Self.spec.model()
    let versions = model.releases.map { $0.hypercall(named: "domctl")?.multiplex?.interfaceVersion?.value }
    #expect(versions == [0x12, 0x12, 0x14])
    let check = try #require(model.release(named: "4.16")?.hypercall(named: "domctl")?.multiplex?.interfaceVersion)
    #expect(check.source == "RELEASE-4.16.0")
    #expect(check.location == SourceLocation(file: "Tests/ABIDSLTests/DSLTests.swift", line: line(of: "@bump")))
  }

  @Test func aCheckWithoutAVersionIsReportedAtItsLine() {
    let spec = ABISpec("noversion") {
      Guest("x86_64", width: 64)
      Released("4.15", tag: "RELEASE-4.15.0")
      HypercallNumbers { In("4.15") { Number("domctl", 36) } }
      Multiplexed("domctl", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)) {
        In("4.15") {
          RequiresInterfaceVersion("XEN_DOMCTL_INTERFACE_VERSION", nil)  // @noversion
          Op("XEN_DOMCTL_createdomain", 1, toolsOnly: true)
        }
      }
    }
    do {
      _ = try spec.model()
      Issue.record("a check without a version resolved")
    } catch {
      #expect(
        error.diagnostics.map { "\($0.location.line): \($0.message)" } == [
          "\(line(of: "@noversion")): 4.15: domctl: the interface version check 'XEN_DOMCTL_INTERFACE_VERSION' names no version: state the value the release's handler requires (or no check)"
        ])
    }
  }
}

/// A nested table's changelog: stated once with its parent op and word, carried forward, and
/// its diagnostics with the line that states them.
@Suite struct NestedTableDSLTests {
  static let word = ArgumentSlot(index: 1, name: "op", type: .guestField8)

  static let spec = ABISpec("mini") {
    Guest("x86_64", width: 64)
    Released("4.5", tag: "RELEASE-4.5.0")
    Released("4.6", tag: "RELEASE-4.6.0")
    HypercallNumbers { In("4.5") { Number("memory_op", 12) } }
    Multiplexed("memory_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)) {
      In("4.5") {
        Mask(bits: 6, name: "MEMOP_CMD_MASK")
        Op("XENMEM_access_op", 21, toolsOnly: true)
        Nested("access_op", selectedBy: "XENMEM_access_op", structure: "xen_mem_access_op", word: word) {  // @nested
          WholeRegisterIsOp()
          Op("XENMEM_access_op_resume", 0, toolsOnly: true)
          Op("XENMEM_access_op_set_access", 1, toolsOnly: true)
        }
      }
      In("4.6", source: "4fa41d0504") {
        Nested("access_op") {
          Withdrawn("XENMEM_access_op_resume")
          Withdrawn("XENMEM_access_op_set_access")
          Op("XENMEM_access_op_set_access", 0, toolsOnly: true)  // @renumbered
        }
      }
    }
  }

  @Test func theTableIsCarriedForwardWithItsWordAndParent() throws {
    let model = try Self.spec.model()
    let older = try #require(
      model.release(named: "4.5")?.hypercall(named: "memory_op")?.nestedTable(named: "access_op"))
    let newer = try #require(
      model.release(named: "4.6")?.hypercall(named: "memory_op")?.nestedTable(named: "access_op"))
    #expect(older.selectedBy == "XENMEM_access_op")
    #expect(newer.selectedBy == "XENMEM_access_op")
    #expect(newer.structure == "xen_mem_access_op")
    #expect(newer.table.opArgument == Self.word)
    #expect(older.location.line == line(of: "@nested"))
    #expect(older.table.subOps.map(\.name) == ["XENMEM_access_op_resume", "XENMEM_access_op_set_access"])
    let renumbered = try #require(newer.table.subOp(named: "XENMEM_access_op_set_access"))
    #expect(renumbered.number == 0)
    #expect(renumbered.location.line == line(of: "@renumbered"))
    #expect(renumbered.source == "4fa41d0504")
    // Re-added after a withdrawal: a lineage of its own, so the check sees the renumbering.
    #expect(
      older.table.subOp(named: "XENMEM_access_op_set_access")?.lineage
        == "memory_op.access_op:XENMEM_access_op_set_access")
    #expect(renumbered.lineage == "memory_op.access_op:XENMEM_access_op_set_access@4.6")
  }

  @Test func aTableWithoutItsWordOrParentWhereItAppearsIsReported() {
    let spec = ABISpec("broken") {
      Guest("x86_64", width: 64)
      Released("1.0", tag: "v1")
      HypercallNumbers { In("1.0") { Number("memory_op", 12) } }
      Multiplexed("memory_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong)) {
        In("1.0") {
          Op("XENMEM_access_op", 21)
          Nested("access_op") { Op("XENMEM_access_op_resume", 0) }  // @noWord
          Nested("sharing_op", word: Self.word) { Op("XENMEM_sharing_op_share", 2) }  // @noParent
          Nested("paging_op", selectedBy: "XENMEM_access_op", structure: "s", word: Self.word) {
            Withdrawn("XENMEM_nonesuch")  // @unknownNested
          }
          WithdrawnTable("nonesuch")  // @unknownTable
        }
      }
    }
    let messages = spec.resolve().diagnostics.map { "\($0.location.line): \($0.message)" }
    #expect(
      messages == [
        "\(line(of: "@noWord")): 1.0: memory_op.access_op first appears here, so it needs its word ('word:' or 'alwaysIn:')",
        "\(line(of: "@noParent")): 1.0: memory_op.sharing_op first appears here, so it needs the op that selects it ('selectedBy:') or 'alwaysIn:'",
        "\(line(of: "@unknownNested")): 1.0: memory_op.paging_op: unknown sub-op 'XENMEM_nonesuch' (known: )",
        "\(line(of: "@unknownTable")): 1.0: memory_op: unknown nested table 'nonesuch' (known: sharing_op, paging_op)",
      ])
  }
}
