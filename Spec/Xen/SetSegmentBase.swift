import ABIDSL
import ABIModel

extension Xen {
  /// `__HYPERVISOR_set_segment_base` (25): `do_set_segment_base(unsigned int which, unsigned long base)`,
  /// the selector in argument 0 (facts-v2 carrier `register`). Source: the `SEGBASE_*` macros of
  /// xen/include/public/arch-x86_64.h (arch-x86/xen-x86_64.h from 3.1) at each release tag.
  ///
  /// Not expressible: the `SEGBASE_*` macros are x86_64 only (facts-v2 flag `a=x86_64`; only the 64-bit
  /// header defines them, and only x86_64 PV dispatches the hypercall), while the model's sub-op table
  /// belongs to every guest ABI that has the number.
  static var setSegmentBase: Multiplexed {
    Multiplexed("set_segment_base", argument: ArgumentSlot(index: 0, name: "which", type: .unsignedInt)) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        WholeRegisterIsOp()
        Op("SEGBASE_FS", 0)  // xen/include/public/arch-x86_64.h:82
        Op("SEGBASE_GS_USER", 1)  // xen/include/public/arch-x86_64.h:83
        Op("SEGBASE_GS_KERNEL", 2)  // xen/include/public/arch-x86_64.h:84
        Op("SEGBASE_GS_USER_SEL", 3)  // xen/include/public/arch-x86_64.h:85
      }
    }
  }
}
