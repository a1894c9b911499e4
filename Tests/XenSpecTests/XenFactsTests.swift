import ABIDSL
import ABIModel
import Foundation
import Testing
import XenSpec

// Swift Testing has a `SourceLocation` too; this file means the model's.
import struct ABIModel.SourceLocation

/// The resolved Xen spec against the facts it was transcribed from: a slip in a number, a
/// tools-only flag, a guard, a mask or a continuation fails here and names the release and op.
@Suite struct XenFactsTests {
  @Test func specResolvesWithoutDiagnostics() throws {
    let (model, diagnostics) = Xen.spec.resolve()
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    let resolved = try #require(model)
    let problems = resolved.validate()
    #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    _ = try ResolvedXen.model()
  }

  @Test func releasesAreTheFactsReleasesInOrder() throws {
    let model = try ResolvedXen.model()
    #expect(model.releases.map(\.name) == XenFacts.releaseNames)
    for (release, facts) in zip(model.releases, XenFacts.shared.releases) where facts.name != "master" {
      #expect(release.source == facts.tag, "\(release.name)")
    }
    #expect(XenFacts.releaseNames.count == 32)
  }

  @Test func onlyMasterIsInDevelopment() throws {
    let model = try ResolvedXen.model()
    for release in model.releases {
      #expect(release.status == (release.name == "master" ? .development : .released), "\(release.name)")
    }
    #expect(model.release(named: "master")?.source == "c447b7308b13")
  }

  @Test func guestsAndMigrationPolicy() throws {
    let model = try ResolvedXen.model()
    #expect(model.guestABIs.map(\.name) == ["x86_64", "x86_32", "arm64", "arm32"])
    #expect(model.guestABIs.map(\.width) == [64, 32, 64, 32])
    #expect(model.migrationPolicy.pairs == .anyOlderToAnyNewer)
    #expect(model.migrationPolicy.mustSurvive == [.guestVisible])
  }

  @Test(arguments: XenFacts.releaseNames)
  func hypercallTableMatchesFacts(release name: String) throws {
    let model = try ResolvedXen.model()
    let release = try #require(model.release(named: name))
    let facts = try #require(XenFacts.shared.release(name))
    var table = Dictionary(uniqueKeysWithValues: release.hypercalls.map { ($0.name, $0.number) })
    // A second name the header gives a number (3.0.0's switch_to_user) is an alias of the first.
    for alias in release.aliases where alias.hypercall == nil && alias.guardCondition == nil {
      let name = String(alias.name.dropFirst("__HYPERVISOR_".count))
      if facts.table[name] != nil, let target = release.hypercalls.first(where: { $0.cName == alias.target }) {
        table[name] = target.number
      }
    }
    for (hypercall, number) in facts.table.sorted(by: { $0.key < $1.key }) {
      #expect(table[hypercall] == number, "\(name): \(hypercall)")
    }
    for hypercall in table.keys.sorted() where facts.table[hypercall] == nil {
      Issue.record("\(name): \(hypercall) is not in the facts' table")
    }
  }

  @Test(arguments: XenFacts.releaseNames, XenFacts.multiplexedHypercalls)
  func subOpsMatchFacts(release name: String, hypercall: String) throws {
    let model = try ResolvedXen.model()
    let release = try #require(model.release(named: name))
    let facts = try #require(XenFacts.shared.release(name))
    // facts.json reads hvm_op from hvm_op.h, which 3.0.3 lacks; 3.0.3 defines HVMOP_set_param and
    // HVMOP_get_param in hvm/params.h:13-14 and do_hvm_op handles them (hvm.c:668-676).
    if name == "3.0.3" && hypercall == "hvm_op" {
      let ops = release.hypercall(named: hypercall)?.multiplex?.subOps.map { "\($0.name) = \($0.number)" }
      #expect(ops == ["HVMOP_set_param = 0", "HVMOP_get_param = 1"])
      return
    }
    guard let expected = facts.multiplexes[hypercall] else {
      #expect(
        release.hypercall(named: hypercall)?.multiplex == nil,
        "\(name): \(hypercall) has no sub-ops in the facts")
      return
    }
    let multiplex = try #require(release.hypercall(named: hypercall)?.multiplex, "\(name): \(hypercall)")

    let actualOps = Set(multiplex.subOps.map { "\($0.name) = \($0.number)" })
    let expectedOps = Set(expected.ops.values.map(\.description))
    let missing = expectedOps.subtracting(actualOps).sorted()
    let extra = actualOps.subtracting(expectedOps).sorted()
    #expect(actualOps == expectedOps, "\(name) \(hypercall): missing \(missing), extra \(extra)")

    for op in multiplex.subOps {
      guard let fact = expected.ops[op.name] else { continue }
      #expect(op.toolsOnly == fact.toolsOnly, "\(name) \(hypercall): \(op.name) tools-only")
      #expect(op.guardCondition == fact.guardCondition, "\(name) \(hypercall): \(op.name) guard")
      // facts.json lists the kinds of every site, whatever its architecture: the union of the
      // op's encodings.
      let kinds = Set(op.continuations.flatMap(\.kinds).map(\.rawValue))
      #expect(kinds == fact.kinds, "\(name) \(hypercall): \(op.name) continuation kinds")
      for continuation in op.continuations where continuation.kinds.contains(.cmdShiftedIndex) {
        guard let shift = expected.extentShift else { continue }
        #expect(continuation.shift == shift, "\(name) \(hypercall): \(op.name) progress shift")
      }
    }
    #expect(multiplex.opMask.bits == expected.maskBits, "\(name) \(hypercall): op mask")
  }

  @Test(arguments: XenFacts.releaseNames)
  func everyElementPointsIntoTheSpec(release name: String) throws {
    let model = try ResolvedXen.model()
    let release = try #require(model.release(named: name))
    func check(_ location: SourceLocation, _ what: String) {
      let file = location.file
      #expect(file.hasPrefix("Spec/Xen/") && file.hasSuffix(".swift"), "\(name): \(what) at \(location)")
      #expect(location.line > 0, "\(name): \(what) at \(location)")
    }
    check(release.location, "release")
    for hypercall in release.hypercalls {
      check(hypercall.location, hypercall.name)
      if let multiplex = hypercall.multiplex {
        check(multiplex.location, "\(hypercall.name) mask")
        for op in multiplex.subOps { check(op.location, op.name) }
      }
      if let flag = hypercall.countFlag {
        check(flag.location, "\(hypercall.name) count flag")
      }
    }
  }

  // MARK: - Spot checks

  @Test func memoryOpShiftWidensIn34() throws {
    let model = try ResolvedXen.model()
    let old = try #require(model.release(named: "3.3")?.hypercall(named: "memory_op")?.multiplex)
    let new = try #require(model.release(named: "3.4")?.hypercall(named: "memory_op")?.multiplex)
    #expect(old.opMask.bits == 4)
    #expect(new.opMask.bits == 6)
    #expect(old.opMask.maskName == "MEMOP_CMD_MASK" && new.opMask.shiftName == "MEMOP_EXTENT_SHIFT")
    #expect(old.subOp(named: "XENMEM_set_pod_target") == nil)
    #expect(new.subOp(named: "XENMEM_set_pod_target")?.number == 16)
    #expect(old.subOp(named: "XENMEM_increase_reservation")?.continuation?.shift == 4)
    #expect(new.subOp(named: "XENMEM_increase_reservation")?.continuation?.shift == 6)
    #expect(old.subOp(named: "XENMEM_translate_gpfn_list") != nil)
    #expect(new.subOp(named: "XENMEM_translate_gpfn_list") == nil)
  }

  @Test func memoryOpProgressBounds() throws {
    let model = try ResolvedXen.model()
    func bound(_ release: String, _ op: String) -> ProgressBound? {
      let memoryOp = model.release(named: release)?.hypercall(named: "memory_op")?.multiplex
      return memoryOp?.subOp(named: op)?.continuation?.bound
    }
    // `int cmd` in 3.0.0: start_extent is an int, INT_MAX >> 4 at most (memory.c:134-151).
    #expect(bound("3.0.0", "XENMEM_increase_reservation") == .typeMaximum(.signedInt, shiftedRightBy: 4))
    #expect(model.release(named: "3.0.0")?.hypercall(named: "memory_op")?.multiplex?.opArgument.type == .signedInt)
    #expect(model.release(named: "3.0.2")?.hypercall(named: "memory_op")?.multiplex?.opArgument.type == .unsignedLong)
    #expect(bound("3.0.2", "XENMEM_increase_reservation") == .typeMaximum(.unsignedLong, shiftedRightBy: 4))
    #expect(bound("4.2", "XENMEM_populate_physmap") == .typeMaximum(.unsignedLong, shiftedRightBy: 6))
    #expect(bound("4.3", "XENMEM_populate_physmap") == .typeMaximum(.unsignedInt, shiftedRightBy: 6))
    #expect(bound("4.4", "XENMEM_add_to_physmap_batch") == .typeMaximum(.unsignedInt, shiftedRightBy: 6))
    #expect(bound("4.15", "XENMEM_acquire_resource") == .typeMaximum(.unsignedInt, shiftedRightBy: 6))
    #expect(bound("4.5", "XENMEM_access_op") == .registerCapacity)
  }

  @Test func addToPhysmapRangeIsRenamedNotReplaced() throws {
    let model = try ResolvedXen.model()
    func memoryOp(_ release: String) -> Multiplex? {
      model.release(named: release)?.hypercall(named: "memory_op")?.multiplex
    }
    let range = try #require(memoryOp("4.3")?.subOp(named: "XENMEM_add_to_physmap_range"))
    let batch = try #require(memoryOp("4.4")?.subOp(named: "XENMEM_add_to_physmap_batch"))
    #expect(range.lineage == batch.lineage)
    #expect(batch.formerNames == ["XENMEM_add_to_physmap_range"])
  }

  @Test func unusedBitsPolicy() throws {
    let model = try ResolvedXen.model()
    func policy(_ release: String, _ hypercall: String) -> UnusedBitsPolicy? {
      model.release(named: release)?.hypercall(named: hypercall)?.multiplex?.unusedBits
    }
    #expect(policy("4.4", "memory_op") == .ignored)
    #expect(policy("4.5", "memory_op") == .rejected)
    #expect(policy("4.5", "hvm_op") == .rejected)
    #expect(policy("4.5", "grant_table_op") == .rejected)
    #expect(model.release(named: "4.9")?.hypercall(named: "hvm_op")?.multiplex?.opMask == .wholeRegister)
  }

  @Test func hypercallIdentities() throws {
    let model = try ResolvedXen.model()
    let r300 = try #require(model.release(named: "3.0.0"))
    let r302 = try #require(model.release(named: "3.0.2"))
    let r303 = try #require(model.release(named: "3.0.3"))
    // The header reading: xen.h defines 23 for every ABI, under two names.
    #expect(r300.hypercall(named: "switch_vm86")?.guestABIs == [])
    #expect(r300.hypercall(named: "switch_to_user") == nil)
    #expect(
      r300.aliases.contains { $0.name == "__HYPERVISOR_switch_to_user" && $0.target == "__HYPERVISOR_switch_vm86" })
    let iret = try #require(r302.hypercall(named: "iret"))
    #expect(iret.number == 23 && iret.guestABIs.isEmpty)
    #expect(iret.lineage != r300.hypercall(named: "switch_vm86")?.lineage)
    let compat = try #require(r302.hypercall(named: "sched_op_compat"))
    #expect(compat.lineage == r300.hypercall(named: "sched_op")?.lineage)
    #expect(compat.formerNames == ["sched_op"])
    #expect(r302.hypercall(named: "sched_op")?.lineage != compat.lineage)
    #expect(r303.hypercall(named: "event_channel_op_compat")?.number == 16)
    #expect(r303.hypercall(named: "physdev_op_compat")?.formerNames == ["physdev_op"])
    #expect(r303.hypercall(named: "platform_op")?.lineage != r302.hypercall(named: "dom0_op")?.lineage)
  }

  @Test func countFlags() throws {
    let model = try ResolvedXen.model()
    for release in model.releases {
      for name in ["mmu_update", "mmuext_op"] {
        let flag = try #require(release.hypercall(named: name)?.countFlag, "\(release.name): \(name)")
        #expect(flag.flagBit == 31 && flag.flagValue == 0x8000_0000)
        #expect(flag.argument == ArgumentSlot(index: 1, name: "count", type: .unsignedInt))
        #expect(flag.flagName == "MMU_UPDATE_PREEMPTED")
      }
    }
  }

  @Test func acceptedBreaks() throws {
    let model = try ResolvedXen.model()
    let byID = Dictionary(uniqueKeysWithValues: model.acceptedBreaks.map { ($0.id, $0) })
    // The eleven of issue 12's sub-op tables, mmuext-reassign-page-removed and
    // gnttab-cache-flush-arm-only (x86 stops making the continuation in 4.21, 5642a6055c).
    #expect(byID.count == 14)
    // Exposed by mmuext_op's entry table: the header drops 14 in 3.0.2 (facts-v2 mainline_deltas).
    let reassign = try #require(byID["mmuext-reassign-page-removed"])
    #expect(reassign.source == "3.0.2-branched")
    #expect(
      reassign.covers.map(\.subOp) == ["MMUEXT_REASSIGN_PAGE"]
        && reassign.covers.allSatisfy { $0.breakClass == .removed && $0.becomes == .rejected })
    let limit = try #require(byID["memop-nr-extents-limit"])
    #expect(limit.source == "4f3c473d51")
    #expect(
      limit.covers.allSatisfy {
        $0.breakClass == .continuationLost && $0.becomes == .refused && $0.guestWidths == [64]
          && $0.older == .span("3.4", "4.2") && $0.newer == .from("4.3")
      })
    // The ops whose bound 4.3 lowered from ULONG_MAX >> 6 to UINT_MAX >> 6.
    let lowered = try #require(model.release(named: "4.2")?.hypercall(named: "memory_op")?.multiplex).subOps
      .filter { $0.continuation?.bound == .typeMaximum(.unsignedLong, shiftedRightBy: 6) }.map(\.name)
    #expect(Set(limit.covers.compactMap(\.subOp)) == Set(lowered))
    let shift = try #require(byID["memop-shift-4-to-6"])
    #expect(shift.source == "36e3044132")
    #expect(Set(shift.covers.map(\.breakClass)) == [.alias, .progressCorrupted, .continuationLost])
    #expect(shift.covers.allSatisfy { $0.older.last == "3.3" && $0.newer.last == nil })
    // The sub-ops whose continuation is shifted in 3.3, but the removed one, which has a record of its own.
    let shiftedIn33 = try #require(model.release(named: "3.3")?.hypercall(named: "memory_op")?.multiplex)
      .subOps.filter { $0.continuation?.kinds.contains(.cmdShiftedIndex) == true }.map(\.name)
    #expect(Set(shift.covers.compactMap(\.subOp)) == Set(shiftedIn33).subtracting(["XENMEM_translate_gpfn_list"]))
    let removed = try #require(byID["xenmem-translate-gpfn-list-removed"])
    #expect(Set(removed.covers.compactMap(\.subOp)) == ["XENMEM_translate_gpfn_list"])
    #expect(Set(removed.covers.map(\.breakClass)) == [.removed, .continuationLost, .alias])
    let reuse = model.acceptedBreaks.flatMap(\.covers).filter { $0.breakClass == .hypercallReuse }
    #expect(
      Dictionary(uniqueKeysWithValues: reuse.map { ($0.hypercall, $0.newer.first) }) == [
        "switch_vm86": "3.0.2", "dom0_op": "3.0.3", "acm_op": "3.2",
        "xc_reserved_op": "4.12",
      ])
    for accepted in model.acceptedBreaks {
      #expect(accepted.location.file.hasPrefix("Spec/Xen/") && accepted.location.line > 0)
      #expect(accepted.covers.allSatisfy { $0.location.file == accepted.location.file && $0.location.line > 0 })
    }
    #expect(model.validate().isEmpty)
  }
}
