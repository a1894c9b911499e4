import ABIModel
import Headroom
import Testing
import XenSpec

/// Headroom figures of the bundled Xen spec, checked by hand against its files, and small
/// models for the edge cases.
@Suite struct HeadroomTests {
  static let xen = try! Xen.spec.model()

  func hypercall(_ name: String, in release: String?) throws -> HypercallHeadroom {
    let report = try #require(HeadroomReport(model: Self.xen, release: release))
    return try #require(report.hypercalls.first { $0.hypercall == name })
  }

  /// The "22 of 256": 22 is the highest number; 0..22 are 23 defined numbers.
  @Test func hvmOpIn45() throws {
    let hvm = try hypercall("hvm_op", in: "4.5")
    #expect(hvm.opMask == "0xff")
    #expect(hvm.definedNumbers == 23)
    #expect(hvm.highestNumber == 22)
    #expect(hvm.numbers.map(\.capacityBits) == [8, 8])
    #expect(hvm.numbers.map(\.free) == [233, 233])
    // 3.0.3 defined 0..1; 3.0.4 added 3, 3.2 1, 3.3 3, 4.1 6, 4.2 2, 4.5 6: 21 in the 11 releases
    // after 3.0.3.
    #expect(hvm.history.firstRelease == "3.0.3")
    #expect(hvm.history.releases == 11)
    #expect(hvm.history.additions == 21)
    #expect(hvm.history.perRelease == 21.0 / 11.0)
    #expect(hvm.numbers.map(\.releasesLeft) == [122, 122])
    let raw = hvm.continuations.filter { $0.subOp == "HVMOP_modified_memory" }
    #expect(raw.map(\.layout) == [.raw, .raw])
    #expect(raw.map(\.step) == [256, 256])
    #expect(raw.map(\.capacityBits) == [32, 64])
    #expect(raw.map(\.spareBits) == [0, 0])
  }

  /// The "12 of 4096": 12 is the highest number (GNTTABOP_cache_flush); 13 defined.
  @Test func grantTableOpIn45() throws {
    let gnttab = try hypercall("grant_table_op", in: "4.5")
    #expect(gnttab.definedNumbers == 13)
    #expect(gnttab.highestNumber == 12)
    #expect(gnttab.numbers.map(\.capacityBits) == [12, 12])
    #expect(gnttab.numbers.map(\.free) == [4083, 4083])
    #expect(gnttab.history.additions == 8)
    #expect(gnttab.history.releases == 13)
    #expect(gnttab.numbers.first?.releasesLeft == 6634)
  }

  /// 26 bits of start_extent for a 32-bit guest: 32 - MEMOP_EXTENT_SHIFT, bound UINT_MAX >> 6.
  @Test func memoryOpStartExtentIn45() throws {
    let memory = try hypercall("memory_op", in: "4.5")
    #expect(memory.highestNumber == 26)
    // 0..26 without the withdrawn 8.
    #expect(memory.definedNumbers == 26)
    #expect(memory.numbers.map(\.free) == [37, 37])
    let extent = memory.continuations.filter { $0.subOp == "XENMEM_increase_reservation" }
    #expect(extent.map(\.guestWidth) == [32, 64])
    #expect(extent.map(\.layout) == [.shifted, .shifted])
    #expect(extent.map(\.shift) == [6, 6])
    #expect(extent.map(\.capacityBits) == [26, 58])
    #expect(extent.map(\.boundBits) == [26, 26])
    #expect(extent.map(\.bound) == ["UINT_MAX >> 6", "UINT_MAX >> 6"])
    #expect(extent.map(\.progress) == ["start_extent", "start_extent"])
  }

  @Test func theDefaultIsTheNewestReleaseWhereWholeRegisterOpsHaveTheRegister() throws {
    let report = try #require(HeadroomReport(model: Self.xen))
    #expect(report.release == "master")
    let hvm = try #require(report.hypercalls.first { $0.hypercall == "hvm_op" })
    #expect(hvm.opMask == nil)
    #expect(hvm.numbers.map(\.capacityBits) == [32, 64])
    #expect(hvm.numbers.map(\.free) == [UInt64(UInt32.max) - 25, UInt64.max - 25])
    let dm = try #require(report.hypercalls.first { $0.hypercall == "dm_op" })
    // dm_op's op is a uint32_t field for every guest.
    #expect(dm.numbers.map(\.capacityBits) == [32, 32])
    // mmu_update's op is the low 3 bits of a uint64_t field: 4 of 8 numbers used since 4.11.
    let mmu = try #require(report.hypercalls.first { $0.hypercall == "mmu_update" })
    #expect(mmu.numbers.map(\.free) == [4, 4])
    // In hypercall-number order.
    #expect(
      report.hypercalls.map(\.hypercall) == [
        "mmu_update", "sched_op_compat", "platform_op", "memory_op", "event_channel_op_compat", "xen_version",
        "console_io", "physdev_op_compat", "grant_table_op", "vm_assist", "vcpu_op", "set_segment_base", "mmuext_op",
        "xsm_op", "nmi_op",
        "sched_op", "callback_op", "xenoprof_op", "event_channel_op", "physdev_op", "hvm_op", "sysctl", "domctl",
        "kexec_op", "tmem_op", "argo_op", "xenpmu_op", "dm_op", "hypfs_op", "arch_0",
      ])
  }

  @Test func anUnknownReleaseHasNoReport() {
    #expect(HeadroomReport(model: Self.xen, release: "9.9") == nil)
  }

  static func model(_ tables: [[SubOp]], maskBits: Int = 4) -> ABIModel {
    ABIModel(
      family: "mini", guestABIs: [GuestABI(name: "x86_32", width: 32)],
      releases: tables.enumerated().map { index, ops in
        Release(
          name: "r\(index)",
          hypercalls: [
            Hypercall(
              name: "memory_op", number: 12,
              multiplex: Multiplex(
                opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedLong), opMask: OpMask(bits: maskBits),
                unusedBits: .ignored, subOps: ops))
          ])
      })
  }

  @Test func withoutAdditionsThereIsNoRateToProject() throws {
    let ops = [SubOp(name: "a", number: 0), SubOp(name: "b", number: 1)]
    let report = try #require(HeadroomReport(model: Self.model([ops, ops, ops])))
    let memory = report.hypercalls[0]
    #expect(memory.history.firstRelease == "r0")
    #expect(memory.history.releases == 2)
    #expect(memory.history.additions == 0)
    #expect(memory.history.perRelease == 0)
    #expect(memory.numbers[0].free == 14)
    #expect(memory.numbers[0].releasesLeft == nil)
    let first = try #require(HeadroomReport(model: Self.model([ops, ops]), release: "r0"))
    #expect(first.hypercalls[0].history.perRelease == nil)
  }

  @Test func aReusedNumberCountsAsAnAdditionAndAFullMaskHasNoRoom() throws {
    let r0 = [SubOp(name: "a", number: 0), SubOp(name: "b", number: 1)]
    let r1 = [SubOp(name: "a", number: 0)]
    let r2 = (0..<4).map { SubOp(name: "n\($0)", number: UInt64($0)) }
    let report = try #require(HeadroomReport(model: Self.model([r0, r1, r2], maskBits: 2)))
    #expect(report.hypercalls[0].history.additions == 3)
    #expect(report.hypercalls[0].numbers[0].free == 0)
    #expect(report.hypercalls[0].numbers[0].releasesLeft == 0)
  }

  @Test func aBoundBeyondTheRegisterHasNegativeSpareBits() throws {
    let op = SubOp(
      name: "grow", number: 0,
      continuation: ContinuationEncoding(
        kinds: [.cmdShiftedIndex], shift: 4, bound: .typeMaximum(.unsignedInt, shiftedRightBy: 0)))
    let report = try #require(HeadroomReport(model: Self.model([[op]])))
    let row = try #require(report.hypercalls[0].continuations.first)
    #expect(row.capacityBits == 28)
    #expect(row.boundBits == 32)
    #expect(row.spareBits == -4)
  }
}
