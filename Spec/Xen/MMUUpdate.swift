import ABIDSL
import ABIModel

extension Xen {
  /// `mmu_update` (1) and `mmuext_op` (26), x86 PV: a preempted batch continues with `"hihi"`, the
  /// handle advanced and `count = remaining | MMU_UPDATE_PREEMPTED`, where
  /// `MMU_UPDATE_PREEMPTED = ~(~0U >> 1)` is bit 31 of the 32-bit count (native and compat alike; the
  /// done total is re-read from `*pdone`). Source: xen/arch/x86/mm.c:120 @ RELEASE-3.0.0, then
  /// include/asm-x86/hypercall.h (3.1 .. 4.x), arch/x86/include/asm/hypercall.h:31 at master.
  ///
  /// Not expressible here, left as facts in prose:
  /// - the flag is x86 PV only; the model has no per-architecture count flag;
  /// - in 2.0.x bits 16..30 of the count also carried FOREIGNDOM; from 3.0.0 foreigndom is a 4th
  ///   argument and only bit 31 is used (2.0.x is not a release of this spec);
  /// - mmu_update's sub-op table (facts-v2 family `mmu_update`: `MMU_NORMAL_PT_UPDATE` 0,
  ///   `MMU_MACHPHYS_UPDATE` 1, `MMU_PT_UPDATE_PRESERVE_AD` 2 from 3.3, `MMU_PT_UPDATE_NO_TRANSLATE` 3
  ///   from 4.11): the op is the low 2 bits of each request's `uint64_t ptr` (`req.ptr &
  ///   (sizeof(l1_pgentry_t)-1)`), and the rest of that field is the machine address the request
  ///   acts on, not progress and not ignored bits. The model's op word is a register or a uint32_t
  ///   structure field whose bits above the mask are progress, ignored or rejected; none of these
  ///   says "an address", and the field is 64 bits wide, so the table is not modelled;
  /// - mmuext_op's sub-op table (facts-v2 family `mmuext_op`, `struct mmuext_op.cmd` of each entry,
  ///   `MMUEXT_PIN_L1_TABLE` 0 .. `MMUEXT_UNMARK_SUPER` 20, every command continuing by handle and
  ///   count): the model could hold it as a `.guestField32` table next to this count flag, but the
  ///   emitters write a hypercall's op-table helpers instead of its count-flag helpers, so adding
  ///   the table would drop `mmuext_op_decode_count` / `_encode_count` from Generated/; not landed.
  @SpecBuilder static var mmuUpdate: [SpecDeclaration] {
    CountFlagged(
      "mmu_update", since: "3.0.0", argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt),
      bit: 31, name: "MMU_UPDATE_PREEMPTED", spelled: "(~(~0U>>1))", source: "RELEASE-3.0.0")
    CountFlagged(
      "mmuext_op", since: "3.0.0", argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt),
      bit: 31, name: "MMU_UPDATE_PREEMPTED", spelled: "(~(~0U>>1))", source: "RELEASE-3.0.0")
    // XSA-45 (a3e049f8e8, b8efae696c; backported to 4.1.6 and 4.2.3, so 4.3 is the first x.y.0
    // with it): the deferred `old_guest_table` put continues as `(NULL, MMU_UPDATE_PREEMPTED, NULL,
    // rc)`, and the resumed call returns `foreigndom` as its result when `count ==
    // MMU_UPDATE_PREEMPTED` and the request handle is NULL (xen/arch/x86/mm.c:3395, 3698 and the
    // checks at 2902, 3439 @ RELEASE-4.3.0). It reads only argument 0; the continuation also
    // passes `pdone` (argument 2) NULL, and the model names both as the sentinel's NULL arguments.
    for hypercall in ["mmu_update", "mmuext_op"] {
      SentinelContinuation(
        hypercall, since: "4.3", returnCode: ArgumentSlot(index: 3, name: "foreigndom", type: .unsignedInt),
        nullArguments: [0, 2], source: "RELEASE-4.3.0")
    }
  }
}
