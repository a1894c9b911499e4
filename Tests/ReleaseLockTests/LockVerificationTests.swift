import ABIModel
import Testing

@testable import ReleaseLock

/// `ReleaseLock.verify`: every way a spec can rewrite a locked release, with the message and
/// the line to look at.
@Suite struct LockVerificationTests {
  let model = LockFixtures.model()
  var lock: ReleaseLock { LockFixtures.lock(of: model) }

  func messages(_ model: ABIModel, _ lock: ReleaseLock? = nil) -> [String] {
    (lock ?? self.lock).verify(model, lockFile: "mini.lock.json").map(\.description)
  }

  @Test func theModelItWasTakenFromMatches() {
    #expect(lock.entries.map(\.release) == ["4.4", "4.5"])
    #expect(messages(model).isEmpty)
  }

  /// What an accepted break accepts in a locked release is frozen with it; the development
  /// release's stays free.
  @Test func whatAnAcceptedBreakAcceptsInALockedReleaseIsFrozen() {
    var accepting = model
    accepting.acceptedBreaks = [
      AcceptedBreak(
        id: "lost",
        covers: [
          BreakCoverage(
            .continuationLost, hypercall: "mmu_update", value: .count, becomes: .freshCall, older: .only("4.4"),
            newer: .from("4.5"), location: SourceLocation(file: "Spec/Accepted.swift", line: 7))
        ], reason: "r", source: "s", location: SourceLocation(file: "Spec/Accepted.swift", line: 5))
    ]
    let locked = LockFixtures.lock(of: accepting)
    #expect(
      locked.entries[1].accepted == ["accepts: lost: continuation-lost count of mmu_update -> fresh call, from 4.4"])
    #expect(locked.entries[0].accepted.isEmpty)
    #expect(locked.verify(accepting, lockFile: "mini.lock.json").isEmpty)
    // Narrowing it to the development release changes what 4.5 accepted.
    var narrowed = accepting
    narrowed.acceptedBreaks[0].covers[0].newer = .from("master")
    #expect(
      messages(narrowed, locked) == [
        "Spec/Accepted.swift:5: error: 4.5 is released and locked, but an accepted break no longer accepts lost: continuation-lost count of mmu_update -> fresh call, from 4.4"
      ])
    // Widening one, or adding one for a locked release, is a change too.
    var widened = accepting
    widened.acceptedBreaks[0].covers[0].guestWidths = [64]
    #expect(
      messages(widened, locked).first
        == "Spec/Accepted.swift:7: error: 4.5 is released and locked, but an accepted break now accepts lost: continuation-lost count of mmu_update -> fresh call, from 4.4, widths 64"
    )
    // The development release is free to change.
    var forMaster = accepting
    forMaster.acceptedBreaks[0].covers.append(
      BreakCoverage(
        .alias, hypercall: "mmu_update", value: .count, becomes: .resumedCall, older: .only("4.5"),
        newer: .from("master")))
    #expect(locked.verify(forMaster, lockFile: "mini.lock.json").isEmpty)
  }

  @Test func aWiderMaskInALockedReleaseNamesReleaseHypercallAndChange() {
    var edited = model
    edited.releases[1].hypercalls[1] = LockFixtures.hvmOp(
      maskBits: 12, location: SourceLocation(file: "Spec/Mini.swift", line: 12))
    #expect(
      messages(edited) == [
        "Spec/Mini.swift:12: error: 4.5 is released and locked, but its hvm_op changed: op mask 0xff -> 0xfff"
      ])
  }

  @Test func subOpChangesAreOnePerFactAtTheOpsLine() {
    var edited = model
    var ops = edited.releases[1].hypercalls[1].multiplex!.subOps
    ops[1].toolsOnly = false
    ops[1].continuation = nil
    ops.removeFirst()
    ops.append(
      SubOp(name: "HVMOP_new", number: 9, lineage: "hvm_op:HVMOP_new", location: SourceLocation(file: "n", line: 3)))
    edited.releases[1].hypercalls[1].multiplex!.subOps = ops
    #expect(
      messages(edited) == [
        // A removed op is reported at the sub-op table's line.
        "Spec/Mini.swift:12: error: 4.5 is released and locked, but its hvm_op changed: op 0 (HVMOP_set_param) removed",
        "Spec/Mini.swift:20: error: 4.5 is released and locked, but its hvm_op changed: op 7 (HVMOP_modified_memory) tools-only yes -> no",
        "Spec/Mini.swift:20: error: 4.5 is released and locked, but its hvm_op changed: op 7 (HVMOP_modified_memory) continues cmd_raw_index_aligned, bound register capacity -> none",
        "n:3: error: 4.5 is released and locked, but its hvm_op changed: op 9 (HVMOP_new) added",
      ])
  }

  @Test func hypercallsThatComeOrGo() {
    var edited = model
    edited.releases[0].hypercalls = [LockFixtures.hvmOp(location: SourceLocation(file: "h", line: 7))]
    #expect(
      messages(edited) == [
        "<unknown>: error: 4.4 is released and locked, but it gained hypercall 'hvm_op'",
        "Spec/Releases.swift:3: error: 4.4 is released and locked, but its hypercall 'mmu_update' is gone",
      ])
  }

  @Test func editingMasterIsNoRewriteOfHistory() {
    let edited = LockFixtures.model(master: [LockFixtures.hvmOp(maskBits: 12)])
    #expect(messages(edited).isEmpty)
  }

  @Test func aLockedReleaseCannotGoBackToDevelopmentOrAway() {
    var development = model
    development.releases.removeLast()
    development.releases[1].status = .development
    #expect(
      messages(development) == [
        "Spec/Releases.swift:4: error: 4.5 is released and locked in mini.lock.json, but the spec marks it in development"
      ])
    var removed = model
    removed.releases.remove(at: 0)
    #expect(
      messages(removed) == [
        "Spec/Mini.swift:1: error: 4.4 is released and locked in mini.lock.json, but the spec no longer has it (known: 4.5, master)"
      ])
  }

  @Test func lockedReleasesKeepTheirOrder() {
    var swapped = model
    swapped.releases.swapAt(0, 1)
    #expect(
      messages(swapped) == [
        "Spec/Releases.swift:4: error: 4.5 is released and locked after 4.4, but the spec now puts it before 4.4"
      ])
  }

  @Test func aReleasedReleaseMustBeLockedExceptForTheCommandThatLocksIt() {
    var released = model
    released.releases[2].status = .released
    #expect(
      messages(released) == [
        "Spec/Releases.swift:5: error: master is released but not locked in mini.lock.json; `abigen release master` locks it"
      ])
    #expect(lock.verify(released, lockFile: "mini.lock.json", requireEveryReleaseLocked: false).isEmpty)
  }

  @Test func aHandEditedEntryNoLongerMatchesItsDigest() {
    var edited = lock
    edited.entries[1].hypercalls["hvm_op"]![3] = "op mask: 0xfff"
    let found = messages(model, edited)
    #expect(
      found.first
        == "mini.lock.json: error: the entry of 4.5 does not match its digest \(lock.entries[1].digest): the lock was edited by hand; restore it from version control"
    )
    // The spec still differs from what the entry now says, and that is reported too.
    #expect(found.contains { $0.hasSuffix("its hvm_op changed: op mask 0xfff -> 0xff") })
  }

  @Test func aLockOfAnotherFamilyIsRefused() {
    var other = lock
    other.family = "kvm"
    #expect(messages(model, other) == ["mini.lock.json: error: the lock is for 'kvm', but the spec is of 'mini'"])
  }
}

/// Locking keeps the lock in history order, so an entry removed to correct a transcription
/// goes back to its place.
@Suite struct LockingTests {
  @Test func aRelockedReleaseGoesBackToItsPlace() {
    let model = LockFixtures.model()
    let lock = LockFixtures.lock(of: model)
    var removed = lock
    removed.entries.removeFirst()
    #expect(removed.locking(model.releases[0], of: model) == lock)
    #expect(lock.locking(model.releases[1], of: model) == lock)
  }
}
