import ABIModel
import Testing

/// Each structural rule with a good and a broken input; the broken one must name the problem.
@Suite struct ValidationTests {
  func errors(_ model: ABIModel) -> [String] {
    model.validate().filter { $0.severity == .error }.map(\.message)
  }

  func single(_ multiplex: Multiplex, release: String = "4.5") -> ABIModel {
    Fixtures.model([Fixtures.release(release, [Hypercall(name: "memory_op", number: 12, multiplex: multiplex)])])
  }

  @Test func theMiniatureXenHistoryIsValid() {
    #expect(errors(Fixtures.xenShiftWidening) == [])
  }

  @Test func emptyReleaseList() {
    #expect(errors(Fixtures.model([])) == ["the release list of 'test' is empty"])
  }

  @Test func duplicateSubOpNumbers() {
    let broken = Fixtures.memoryOp(maskBits: 6, extraOps: [SubOp(name: "XENMEM_clash", number: 2)])
    #expect(
      errors(single(broken)) == [
        "4.5: memory_op: sub-op number 2 is used by both 'XENMEM_maximum_ram_page' and 'XENMEM_clash'"
      ])
  }

  @Test func duplicateSubOpNames() {
    let broken = Fixtures.memoryOp(maskBits: 6, extraOps: [SubOp(name: "XENMEM_maximum_ram_page", number: 3)])
    #expect(errors(single(broken)) == ["4.5: memory_op: sub-op 'XENMEM_maximum_ram_page' is defined 2 times"])
  }

  @Test func numberThatDoesNotFitTheMask() {
    let good = Fixtures.memoryOp(maskBits: 6, extraOps: [SubOp(name: "XENMEM_set_pod_target", number: 16)])
    let broken = Fixtures.memoryOp(maskBits: 4, extraOps: [SubOp(name: "XENMEM_set_pod_target", number: 16)])
    #expect(errors(single(good)) == [])
    #expect(
      errors(single(broken)) == ["4.5: memory_op: sub-op 'XENMEM_set_pod_target' = 16 does not fit the op mask 0xf"])
  }

  @Test func numberThatDoesNotFitTheRegister() {
    let grant = Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt), opMask: .wholeRegister,
      unusedBits: .rejected, subOps: [SubOp(name: "GNTTABOP_huge", number: 0x1_0000_0000)])
    #expect(
      errors(single(grant)) == [
        "4.5: memory_op: sub-op 'GNTTABOP_huge' = 4294967296 does not fit the 32-bit 'cmd' register"
      ])
  }

  @Test func maskWiderThanTheRegister() {
    let broken = Multiplex(
      opArgument: ArgumentSlot(index: 0, name: "cmd", type: .unsignedInt), opMask: OpMask(bits: 33),
      unusedBits: .rejected, subOps: [])
    #expect(errors(single(broken)) == ["4.5: memory_op: the op mask of 33 bits does not fit the 32-bit 'cmd' register"])
  }

  @Test func shiftSmallerThanTheMask() {
    var broken = Fixtures.memoryOp(maskBits: 6)
    broken.subOps[0].continuation = Fixtures.shifted(4)
    #expect(
      errors(single(broken)) == [
        "4.5: memory_op: XENMEM_increase_reservation: the progress shift 4 is smaller than the 6-bit op mask, so progress overlaps the op field"
      ])
  }

  @Test func shiftBeyondTheRegister() {
    var broken = Fixtures.memoryOp(maskBits: 6)
    broken.subOps[0].continuation = Fixtures.shifted(32)
    #expect(
      errors(single(broken)) == [
        "4.5: memory_op: XENMEM_increase_reservation: the progress shift 32 leaves no room in the 32-bit 'cmd' register"
      ])
  }

  /// An op rewrite names another op of the same table; a hypervisor-internal op is not also
  /// tools-only; only an op rewrite names a target, and the rewritten op carries no progress.
  @Test func opRewritesAndHypervisorInternalOps() {
    func rewriting(to target: String, kinds: [ContinuationKind] = [.opRewrite]) -> Multiplex {
      var multiplex = Fixtures.memoryOp(
        maskBits: 6, extraOps: [SubOp(name: "XENMEM_reset_cont", number: 14, hypervisorInternal: true)])
      multiplex.subOps[2].continuation = ContinuationEncoding(kinds: kinds, shift: nil, rewritesTo: target)
      return multiplex
    }
    #expect(errors(single(rewriting(to: "XENMEM_reset_cont"))).isEmpty)
    #expect(
      errors(single(rewriting(to: "XENMEM_gone"))) == [
        "4.5: memory_op: XENMEM_maximum_ram_page: continues by rewriting the op to 'XENMEM_gone', which is not another op of the release's table"
      ])
    #expect(
      errors(single(rewriting(to: "XENMEM_maximum_ram_page"))) == [
        "4.5: memory_op: XENMEM_maximum_ram_page: continues by rewriting the op to 'XENMEM_maximum_ram_page', which is not another op of the release's table"
      ])
    #expect(
      errors(single(rewriting(to: "XENMEM_reset_cont", kinds: [.guestStruct]))) == [
        "4.5: memory_op: XENMEM_maximum_ram_page: only an op_rewrite continuation rewrites to another op ('XENMEM_reset_cont')"
      ])
    var untargeted = Fixtures.memoryOp(maskBits: 6)
    untargeted.subOps[2].continuation = ContinuationEncoding(kinds: [.opRewrite])
    #expect(
      errors(single(untargeted)) == [
        "4.5: memory_op: XENMEM_maximum_ram_page: an op_rewrite continuation needs the op it rewrites to"
      ])
    var both = Fixtures.memoryOp(
      maskBits: 6, extraOps: [SubOp(name: "XENMEM_reset_cont", number: 14, toolsOnly: true, hypervisorInternal: true)])
    both.subOps[0].continuation = nil
    #expect(
      errors(single(both)) == [
        "4.5: memory_op: sub-op 'XENMEM_reset_cont' cannot be both tools-only and hypervisor-internal"
      ])
  }

  @Test func contradictoryEncodings() {
    var broken = Fixtures.memoryOp(maskBits: 6)
    broken.subOps[0].continuation = ContinuationEncoding(kinds: [.cmdShiftedIndex, .cmdRawIndexAligned], shift: 6)
    #expect(
      errors(single(broken)) == [
        "4.5: memory_op: XENMEM_increase_reservation: contradictory encodings: progress cannot be both shifted and raw in 'cmd'"
      ])
  }

  @Test func progressInTheRegisterNeedsAMask() {
    var broken = Fixtures.memoryOp(maskBits: 6)
    broken.opMask = .wholeRegister
    broken.subOps = [
      SubOp(name: "HVMOP_set_mem_type", number: 8, continuation: ContinuationEncoding(kinds: [.cmdRawIndexAligned]))
    ]
    #expect(
      errors(single(broken)) == [
        "4.5: memory_op: HVMOP_set_mem_type: progress kept in 'cmd' needs an op mask, but the whole register is the op"
      ])
  }

  @Test func duplicateHypercallNumbersPerGuest() {
    let good = Fixtures.model([
      Fixtures.release(
        "3.0.0",
        [
          Hypercall(name: "switch_vm86", number: 23, guestABIs: ["x86_32"]),
          Hypercall(name: "switch_to_user", number: 23, guestABIs: ["x86_64"]),
        ])
    ])
    let broken = Fixtures.model([
      Fixtures.release("3.0.0", [Hypercall(name: "switch_vm86", number: 23), Hypercall(name: "iret", number: 23)])
    ])
    #expect(errors(good) == [])
    #expect(
      errors(broken) == [
        "3.0.0: hypercall number 23 is used by both 'switch_vm86' and 'iret' for x86_64",
        "3.0.0: hypercall number 23 is used by both 'switch_vm86' and 'iret' for x86_32",
      ])
  }

  @Test func unknownGuestABI() {
    let broken = Fixtures.model([Fixtures.release("1", [Hypercall(name: "iret", number: 23, guestABIs: ["ia64"])])])
    #expect(errors(broken) == ["1: hypercall 'iret' names unknown guest ABI 'ia64' (known: x86_64, x86_32)"])
  }

  @Test func guestWidthOutOfRange() {
    var broken = Fixtures.xenShiftWidening
    broken.guestABIs.append(GuestABI(name: "wide", width: 65))
    #expect(errors(broken).contains("guest ABI 'wide' has width 65; widths must be 1 to 64 bits"))
  }

  @Test func developmentReleaseMustBeLast() {
    var broken = Fixtures.xenShiftWidening
    broken.releases[0].status = .development
    #expect(
      errors(broken) == [
        "release '3.3' is in development but is not the newest release; only the last release can still change"
      ])
  }

  @Test func countFlagBeyondTheArgument() {
    let broken = Fixtures.model([
      Fixtures.release(
        "1",
        [
          Hypercall(
            name: "mmu_update", number: 1,
            countFlag: CountFlagEncoding(
              argument: ArgumentSlot(index: 1, name: "count", type: .unsignedInt), flagBit: 32))
        ])
    ])
    #expect(errors(broken) == ["1: mmu_update: count flag bit 32 does not fit the 32-bit 'count' argument"])
  }

  @Test func acceptedBreakNamingUnknownThings() {
    let entry = BreakCoverage(
      .alias, hypercall: "memory_op", value: .subOp, subOp: "XENMEM_increase_reservation",
      becomes: .op("XENMEM_set_pod_target"), older: .only("3.3"), newer: .from("3.4"))
    func with(_ change: (inout BreakCoverage) -> Void) -> ABIModel {
      var changed = entry
      change(&changed)
      var model = Fixtures.xenShiftWidening
      model.acceptedBreaks = [AcceptedBreak(id: "memop-shift", covers: [changed], reason: "r", source: "36e3044132")]
      return model
    }
    let prefix = "accepted break 'memop-shift': "
    #expect(errors(with { _ in }) == [])
    #expect(errors(with { $0.newer = .from("3.5") }) == [prefix + "unknown release '3.5' (known: 3.3, 3.4)"])
    #expect(
      errors(with { $0.subOp = "XENMEM_nonesuch" }) == [
        prefix + "no release of 3.3 has sub-op 'XENMEM_nonesuch' of 'memory_op'"
      ])
    #expect(errors(with { $0.hypercall = "mem_op" }) == [prefix + "no release of 3.3 has hypercall 'mem_op'"])
    #expect(
      errors(with { $0.becomes = .op("XENMEM_nonesuch") }) == [
        prefix + "no release of 3.4.. has sub-op 'XENMEM_nonesuch'"
      ])
    // What it becomes must fit the class, and the class the kind of value.
    #expect(
      errors(with { $0.becomes = .rejected }) == [
        prefix + "alias breaks of a sub-op value become an op name, not '-ENOSYS'"
      ])
    #expect(
      errors(with { $0.breakClass = .hypercallReuse }) == [
        prefix
          + "a sub-op value cannot break as hypercall-reuse (classes: alias, progress-corrupted, continuation-lost, renumbered, removed, interface-refused)"
      ])
    #expect(
      errors(with { $0.older = .only("3.4") }) == [
        prefix + "no release of 3.4 is older than one of 3.4..: it covers no migration"
      ])
    #expect(errors(with { $0.older = .span("3.4", "3.3") }) == [prefix + "the older span 3.4..3.3 runs backwards"])
    #expect(
      errors(with { $0.guestWidths = [16] }) == [prefix + "no guest ABI is 16 bits wide (widths: 32, 64)"])
    var empty = Fixtures.xenShiftWidening
    empty.acceptedBreaks = [
      AcceptedBreak(id: "nothing", covers: [], reason: "r", source: "s"),
      AcceptedBreak(id: "nothing", covers: [entry], reason: "r", source: "s"),
    ]
    #expect(
      errors(empty) == [
        "accepted break 'nothing' is declared 2 times", "accepted break 'nothing': it covers no break",
      ])
  }

  /// `physdev_op` is the name of one hypercall and a former name of another (Xen's
  /// `physdev_op_compat`): an accepted break naming it means the one with the name.
  @Test func anAcceptedBreakNamesAHypercallByItsNameBeforeAFormerName() throws {
    var model = Fixtures.xenShiftWidening
    for index in model.releases.indices {
      var compat = try #require(model.releases[index].hypercall(named: "memory_op"))
      compat.name = "memory_op_compat"
      compat.number = 40
      compat.lineage = "hypercall:memory_op_compat"
      compat.formerNames = ["memory_op"]
      model.releases[index].hypercalls.append(compat)
    }
    model.acceptedBreaks = [
      AcceptedBreak(
        id: "memop",
        covers: [
          BreakCoverage(
            .alias, hypercall: "memory_op", value: .subOp, subOp: "XENMEM_increase_reservation",
            becomes: .op("XENMEM_set_pod_target"), older: .only("3.3"), newer: .from("3.4"))
        ], reason: "r", source: "s")
    ]
    #expect(errors(model) == [])
    let resolved = try #require(model.resolvedCoverage.first)
    #expect(resolved.identity.hypercall == model.releases[0].hypercall(named: "memory_op")?.lineage)
    model.releases = model.releases.map { release in
      var release = release
      release.hypercalls.removeAll { $0.name == "memory_op" }
      return release
    }
    // With no hypercall of that name left, the former name finds the other.
    #expect(model.resolvedCoverage.first?.identity.hypercall == "hypercall:memory_op_compat")
  }

  @Test func aCNameNamesOneValuePerRelease() {
    let count = ArgumentSlot(index: 1, name: "count", type: .unsignedInt)
    func flagged(_ name: String, _ bit: Int) -> Hypercall {
      Hypercall(
        name: name, number: name == "mmu_update" ? 1 : 26,
        countFlag: CountFlagEncoding(argument: count, flagBit: bit, flagName: "MMU_UPDATE_PREEMPTED"))
    }
    let good = Fixtures.model([Fixtures.release("1", [flagged("mmu_update", 31), flagged("mmuext_op", 31)])])
    let broken = Fixtures.model([Fixtures.release("1", [flagged("mmu_update", 31), flagged("mmuext_op", 30)])])
    #expect(errors(good) == [])
    #expect(
      errors(broken) == [
        "1: mmuext_op: C name 'MMU_UPDATE_PREEMPTED' = 1073741824 clashes with 'MMU_UPDATE_PREEMPTED' = 2147483648 of mmu_update"
      ])
    var clash = Fixtures.memoryOp(maskBits: 6)
    clash.subOps[2].cName = "XENMEM_increase_reservation"
    #expect(
      errors(single(clash)) == [
        "4.5: memory_op: C name 'XENMEM_increase_reservation' = 2 clashes with 'XENMEM_increase_reservation' = 0 of memory_op"
      ])
  }

  @Test func diagnosticsPrintLikeACompiler() {
    let diagnostic = Diagnostic.error("boom", at: SourceLocation(file: "Spec/Xen/MemoryOp.swift", line: 42))
    #expect(diagnostic.description == "Spec/Xen/MemoryOp.swift:42: error: boom")
  }
}

/// The Xen layout's header facts (aliases, spellings) are checked for where they land, as names
/// and guards are: they are written into headers.
@Suite struct HeaderFactRulesTests {
  func errors(_ model: ABIModel) -> [String] {
    model.validate().filter { $0.severity == .error }.map(\.message)
  }

  @Test func aMaskSpellingMustBeAPlainExpression() {
    var model = Fixtures.xenShiftWidening
    model.releases[1].hypercalls[0].multiplex!.opMask.spelling = "((1 << MEMOP_EXTENT_SHIFT) - 1)"
    #expect(errors(model) == [])
    for hostile in ["0x3f\n#include </etc/hostname>", "0x3f /* */", "(0x3f", "0x3f; extern int x"] {
      model.releases[1].hypercalls[0].multiplex!.opMask.spelling = hostile
      #expect(errors(model).count == 1, "\(hostile)")
      #expect(errors(model).first?.contains("the op mask's spelling") == true, "\(hostile)")
    }
  }

  @Test func aliasesAreIdentifiersUnderAConditionOfTheGrammar() {
    var model = Fixtures.xenShiftWidening
    model.releases[1].aliases = [
      MacroAlias(
        name: "XENMEM_old\nint x;", target: "XENMEM_set_pod_target", hypercall: "memory_op",
        guardCondition: "__XEN_INTERFACE_VERSION__ < 0x00030101\n#include <x>")
    ]
    let found = errors(model)
    #expect(found.contains { $0.contains("the alias macro") && $0.contains("is not a C identifier") })
    #expect(found.contains { $0.contains("the guard") })
  }
}
