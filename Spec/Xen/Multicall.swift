import ABIDSL
import ABIModel

extension Xen {
  /// `multicall` (13): a sub-call preempted inside a batch has its continuation (hypercall number
  /// and arguments, encodings included) copied back into the guest's `multicall_entry`, and the
  /// batch continues with the handle advanced (facts-v2 `multicall_writeback`, 2.0.2 .. master:
  /// xen/common/multicall.c and the write-back sites in xen/arch/x86/domain.c, later
  /// xen/arch/x86/hypercall.c, and xen/arch/arm/domain.c).
  ///
  /// The fields: `unsigned long op, result; unsigned long args[6];` (xen/include/public/xen.h:259
  /// @ RELEASE-3.0.0), later `xen_ulong_t` (xen.h:648 @ RELEASE-4.22.0), which is `unsigned long`
  /// on x86 (arch-x86/xen.h:102) and `uint64_t` on ARM (arch-arm.h:226 @ RELEASE-4.22.0), so an
  /// arm32 guest's 32-bit registers sit in 64-bit fields. A compat (32-bit x86) guest's entry is
  /// `multicall_entry_compat`, 32 bits a field, as wide as its registers.
  @SpecBuilder static var multicall: [SpecDeclaration] {
    WrittenBack(
      "multicall", since: "3.0.0", into: "multicall_entry", number: "op", arguments: "args",
      widths: [.init(guestABI: "arm32", bits: 64), .init(guestABI: "arm64", bits: 64)], source: "RELEASE-3.0.0")
  }
}
