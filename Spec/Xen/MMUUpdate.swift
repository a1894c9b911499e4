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
  ///   argument and only bit 31 is used (2.0.x is not a release of this spec).
  ///
  /// Each hypercall also has a sub-op table in every entry of the array argument 0 points to
  /// (facts-v2 families `mmu_update` and `mmuext_op`, carrier `struct`), next to the count flag:
  /// the batch continues by its count, and no continuation rewrites an entry's op.
  @SpecBuilder static var mmuUpdate: [SpecDeclaration] {
    // `struct mmu_update.ptr`, a uint64_t for every guest (xen.h:535 @ RELEASE-4.4.0 ... :633 @ master).
    // `do_mmu_update` decodes `cmd = req.ptr & (sizeof(l1_pgentry_t)-1)` and answers any other cmd
    // with -ENOSYS (xen/arch/x86/mm.c). xen.h's comment says `ptr[1:0]` is the command, but
    // "l1_pgentry_t is always 64 bit so the 3 lower bits are used as a command" (Frediano Ziglio's
    // xen-devel patch to that comment); 3.0.x non-PAE x86_32 builds read 2 (derived: 4-byte entries).
    // Doubtful, so the conservative reading: 3 bits, a ptr with bit 2 set is no op. The
    // bits above are the machine address the request acts on: not progress, and they do not select
    // the op, so the op decoder ignores them.
    Multiplexed("mmu_update", argument: ArgumentSlot(index: 0, name: "ptr", type: .guestField64)) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        Mask(bits: 3)
        UnusedBits(.ignored)
        Op("MMU_NORMAL_PT_UPDATE", 0)  // xen/include/public/xen.h:101
        Op("MMU_MACHPHYS_UPDATE", 1)  // xen/include/public/xen.h:102
      }
      In("3.3", source: "3.3.0-rc7") {
        Op("MMU_PT_UPDATE_PRESERVE_AD", 2)  // xen/include/public/xen.h:189
      }
      In("4.11", source: "RELEASE-4.11.0") {
        Op("MMU_PT_UPDATE_NO_TRANSLATE", 3)  // xen/include/public/xen.h:344
      }
    }
    // `struct mmuext_op.cmd`, an unsigned int (32 bits for every guest, xen.h:171 @ RELEASE-3.0.0);
    // `do_mmuext_op` switches on the whole field and answers any other cmd with -ENOSYS.
    Multiplexed("mmuext_op", argument: ArgumentSlot(index: 0, name: "cmd", type: .guestField32)) {
      In("3.0.0", source: "RELEASE-3.0.0") {
        WholeRegisterIsOp()
        Op("MMUEXT_PIN_L1_TABLE", 0)  // xen/include/public/xen.h:152
        Op("MMUEXT_PIN_L2_TABLE", 1)  // xen/include/public/xen.h:153
        Op("MMUEXT_PIN_L3_TABLE", 2)  // xen/include/public/xen.h:154
        Op("MMUEXT_PIN_L4_TABLE", 3)  // xen/include/public/xen.h:155
        Op("MMUEXT_UNPIN_TABLE", 4)  // xen/include/public/xen.h:156
        Op("MMUEXT_NEW_BASEPTR", 5)  // xen/include/public/xen.h:157
        Op("MMUEXT_TLB_FLUSH_LOCAL", 6)  // xen/include/public/xen.h:158
        Op("MMUEXT_INVLPG_LOCAL", 7)  // xen/include/public/xen.h:159
        Op("MMUEXT_TLB_FLUSH_MULTI", 8)  // xen/include/public/xen.h:160
        Op("MMUEXT_INVLPG_MULTI", 9)  // xen/include/public/xen.h:161
        Op("MMUEXT_TLB_FLUSH_ALL", 10)  // xen/include/public/xen.h:162
        Op("MMUEXT_INVLPG_ALL", 11)  // xen/include/public/xen.h:163
        Op("MMUEXT_FLUSH_CACHE", 12)  // xen/include/public/xen.h:164
        Op("MMUEXT_SET_LDT", 13)  // xen/include/public/xen.h:165
        Op("MMUEXT_REASSIGN_PAGE", 14)  // xen/include/public/xen.h:166
        Op("MMUEXT_NEW_USER_BASEPTR", 15)  // xen/include/public/xen.h:167
      }
      In("3.0.2", source: "3.0.2-branched") {
        // No longer defined in xen.h from 3.0.2 (facts-v2: last listed at RELEASE-3.0.0).
        Withdrawn("MMUEXT_REASSIGN_PAGE")
      }
      In("3.4", source: "3.4.0-rc3") {
        Op("MMUEXT_CLEAR_PAGE", 16)  // xen/include/public/xen.h:257
        Op("MMUEXT_COPY_PAGE", 17)  // xen/include/public/xen.h:258
      }
      In("4.1", source: "RELEASE-4.1.0") {
        Op("MMUEXT_FLUSH_CACHE_GLOBAL", 18)  // xen/include/public/xen.h:278
        Op("MMUEXT_MARK_SUPER", 19)  // xen/include/public/xen.h:279
        Op("MMUEXT_UNMARK_SUPER", 20)  // xen/include/public/xen.h:280
      }
    }
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
