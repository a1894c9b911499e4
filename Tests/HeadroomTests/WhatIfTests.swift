import ABIModel
import Headroom
import Testing
import XenSpec

/// The what-if edits of `abigen headroom --what-if`, on the bundled spec.
@Suite struct WhatIfTests {
  static let xen = try! Xen.spec.model()

  func multiplex(_ hypercall: String, in release: String, of model: ABIModel) -> Multiplex? {
    model.release(named: release)?.hypercall(named: hypercall)?.multiplex
  }

  @Test func parsesMaskAndShiftEditsOnly() {
    #expect(WhatIf("hvm_op.mask=12") == WhatIf(hypercall: "hvm_op", change: .maskBits(12)))
    #expect(WhatIf("memory_op.shift=8") == WhatIf(hypercall: "memory_op", change: .shift(8)))
    #expect(WhatIf("memory_op.shift=8")?.description == "memory_op.shift=8")
    for bad in [
      "hvm_op", "hvm_op.mask", "hvm_op.mask=", "hvm_op.mask=x", "hvm_op.width=3", ".mask=3", "hvm_op.mask=65",
    ] {
      #expect(WhatIf(bad) == nil, "\(bad)")
    }
  }

  /// The edit carries into the later releases that kept 4.5's mask, and stops at 4.9, which
  /// dropped it; releases before 4.5 are untouched.
  @Test func aMaskEditCarriesForwardWhileTheValueIsKept() throws {
    let index = try #require(Self.xen.releaseIndex(named: "4.5"))
    let applied = try WhatIf(hypercall: "hvm_op", change: .maskBits(12)).apply(to: Self.xen, release: index)
    #expect(applied.releases == ["4.5", "4.6", "4.7", "4.8"])
    #expect(multiplex("hvm_op", in: "4.8", of: applied.model)?.opMask.bits == 12)
    #expect(multiplex("hvm_op", in: "4.9", of: applied.model)?.opMask.bits == nil)
    #expect(multiplex("hvm_op", in: "4.4", of: applied.model) == multiplex("hvm_op", in: "4.4", of: Self.xen))
  }

  @Test func aShiftEditMovesTheShiftAndABoundWrittenWithIt() throws {
    let index = try #require(Self.xen.releaseIndex(named: "4.5"))
    let applied = try WhatIf(hypercall: "memory_op", change: .shift(8)).apply(to: Self.xen, release: index)
    let op = try #require(
      multiplex("memory_op", in: "4.5", of: applied.model)?.subOps.first { $0.name == "XENMEM_increase_reservation" })
    #expect(op.continuation?.shift == 8)
    #expect(op.continuation?.bound == .typeMaximum(.unsignedInt, shiftedRightBy: 8))
    #expect(applied.releases.first == "4.5" && applied.releases.last == "master")
  }

  @Test func editsOfWhatTheReleaseDoesNotHaveFail() throws {
    let index = try #require(Self.xen.releaseIndex(named: "4.5"))
    #expect(throws: WhatIf.Failure.self) {
      try WhatIf(hypercall: "nosuch", change: .maskBits(8)).apply(to: Self.xen, release: index)
    }
    #expect(throws: WhatIf.Failure.self) {
      try WhatIf(hypercall: "hvm_op", change: .shift(8)).apply(to: Self.xen, release: index)
    }
  }

  @Test func verdictsFollowTheReleasesLeft() {
    #expect(RoomVerdict(free: 0, releasesLeft: 0) == .full)
    #expect(RoomVerdict(free: 5, releasesLeft: 9) == .tight)
    #expect(RoomVerdict(free: 50, releasesLeft: 10) == .adequate)
    #expect(RoomVerdict(free: 500, releasesLeft: 100) == .ample)
    #expect(RoomVerdict(free: 5, releasesLeft: nil) == .ample)
  }
}
