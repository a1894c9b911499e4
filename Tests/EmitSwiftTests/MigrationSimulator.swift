import ABIModel
import XenDispatch

/// A guest starts a long sub-op on release A's generated dispatcher, is preempted, and its
/// continuation registers are carried to release B's generated dispatcher, which resumes them.
/// The inputs (releases, hypercall, op or register value) come from outside: the pairs `abigen
/// check` proves and the counterexamples it reports are replayed here.
struct MigrationScenario: Hashable, Sendable, CustomStringConvertible {
  /// How the guest's call starts on A.
  enum Start: Hashable, Sendable {
    /// The sub-op with this number, issued at this progress (0 for a fresh call).
    case op(UInt64, progress: UInt64)
    /// An op argument value, as a counterexample gives it.
    case register(UInt64)
  }

  var from: String
  var to: String
  var hypercall: String
  var start: Start
  var guestWidth: Int
  /// The guest's architecture (`x86`, `arm`), for ops that continue on some architectures only;
  /// `nil` reads what every architecture shares.
  var architecture: String? = nil
  /// Units of work the call asks for (`nr_extents`); it lives in guest memory, so it migrates.
  var work: UInt64
  /// The handlers preempt after this many units.
  var preemptEvery: UInt64
  /// Preemptions on A before the guest moves to B; 0 moves it before the first call traps, so
  /// B is the first to read the op argument A's guest wrote.
  var migrateAfter = 1

  var description: String {
    "\(hypercall) \(start) \(from) -> \(to), \(guestWidth)-bit, \(work) units by \(preemptEvery)"
  }

  /// The same call, never migrated.
  var stayingOnA: MigrationScenario {
    var copy = self
    copy.to = from
    return copy
  }
}

/// What the guest saw.
struct MigrationRun: Hashable, Sendable {
  /// One handler invocation.
  struct Slice: Hashable, Sendable {
    var release: String
    /// The sub-op's identity across releases (the model's lineage).
    var lineage: String
    var progress: UInt64
    var units: UInt64
  }

  enum End: Hashable, Sendable {
    case completed(lineage: String, returnValue: Int64)
    case rejected(release: String, Rejection)
    /// -EACCES: the release requires another interface version than the call was made for.
    case refused(release: String)
    case unencodable(release: String, lineage: String, progress: UInt64)
    /// The simulator stopped a call that kept being re-issued.
    case stepLimit
  }

  var slices: [Slice] = []
  var end: End = .stepLimit
  /// The op argument values carried from A to B (one per migration; empty when A finished).
  var carried: [UInt64] = []

  var totalWork: UInt64 { slices.reduce(0) { $0 + $1.units } }
  var lineages: [String] { slices.map(\.lineage) }

  /// Whether a migrated run did what the same call did on A `alone`: the same end, the same
  /// total work, and no op but the ones `alone` ran.
  func matches(_ alone: MigrationRun) -> Bool {
    end == alone.end && totalWork == alone.totalWork && Set(lineages) == Set(alone.lineages)
  }
}

enum MigrationSimulator {
  enum Failure: Error, CustomStringConvertible {
    case unknownRelease(String)
    case unknownHypercall(String, release: String)
    case unknownOp(UInt64, hypercall: String, release: String)
    case cannotEncode(String, progress: UInt64)

    var description: String {
      switch self {
      case .unknownRelease(let name): return "no generated namespace for release \(name)"
      case .unknownHypercall(let name, let release): return "\(release) has no multiplexed \(name)"
      case .unknownOp(let number, let hypercall, let release):
        return "\(release) \(hypercall) has no op \(number)"
      case .cannotEncode(let op, let progress): return "\(op) cannot start at progress \(progress)"
      }
    }
  }

  /// Re-issues before the simulator gives up on a call.
  static let stepLimit = 10_000

  static func run(_ scenario: MigrationScenario) throws(Failure) -> MigrationRun {
    let a = try hypercall(scenario.hypercall, in: scenario.from)
    let b = try hypercall(
      BundledSpec.successor(of: scenario.hypercall, in: scenario.from, at: scenario.to), in: scenario.to)
    var guest = Guest(scenario: scenario)
    if case .op(let number, let progress) = scenario.start, let op = a.init(rawValue: number) {
      guest.firstUnit = progress / Guest.unit(of: op, architecture: scenario.architecture)
    }
    let arguments = try initialArguments(a, scenario)
    // The call's structure carries A's version; B refuses it when it requires another.
    let carried = try interfaceVersion(scenario.hypercall, in: scenario.from)
    let required = try interfaceVersion(
      BundledSpec.successor(of: scenario.hypercall, in: scenario.from, at: scenario.to), in: scenario.to)
    guest.refusedOnB = carried != nil && required != nil && carried != required
    // Open both existentials: each release's sub-op enum is its own type.
    return run(a, b, arguments, &guest)
  }

  /// The interface version `release`'s handler of `name` requires (a nested table's is its
  /// hypercall's: the handler checks it before any table).
  static func interfaceVersion(_ name: String, in release: String) throws(Failure) -> UInt32? {
    let hypercall = String(name.split(separator: ".").first ?? Substring(name))
    return required(try self.hypercall(hypercall, in: release))
  }

  static func required<Op: MultiplexedSubOp>(_ type: Op.Type) -> UInt32? { Op.interfaceVersion }

  /// The multiplexed hypercall `name` as `release`'s generated code has it.
  static func hypercall(_ name: String, in release: String) throws(Failure)
    -> any MultiplexedSubOp.Type
  {
    guard let namespace = XenReleases.release(named: release) else {
      throw .unknownRelease(release)
    }
    guard let type = namespace.multiplexedHypercall(named: name) else {
      throw .unknownHypercall(name, release: release)
    }
    return type
  }

  static func initialArguments<A: MultiplexedSubOp>(_ a: A.Type, _ scenario: MigrationScenario)
    throws(Failure)
    -> HypercallArguments
  {
    var arguments = HypercallArguments()
    switch scenario.start {
    case .register(let value):
      arguments[A.layout.argumentIndex] = value
    case .op(let number, let progress):
      guard let op = A(rawValue: number) else {
        throw .unknownOp(number, hypercall: scenario.hypercall, release: scenario.from)
      }
      guard
        let value = op.encode(progress: progress, guestWidth: scenario.guestWidth, architecture: scenario.architecture)
      else {
        throw .cannotEncode(op.cName, progress: progress)
      }
      arguments[A.layout.argumentIndex] = value
    }
    return arguments
  }

  static func run<A: MultiplexedSubOp, B: MultiplexedSubOp>(
    _ a: A.Type, _ b: B.Type, _ start: HypercallArguments, _ guest: inout Guest
  ) -> MigrationRun {
    var run = MigrationRun()
    var arguments = start
    var preemptions = 0
    for _ in 0..<stepLimit {
      // Still on A until the guest has been preempted `migrateAfter` times there.
      let onA = preemptions < guest.scenario.migrateAfter
      if !onA && guest.refusedOnB {
        run.end = .refused(release: guest.scenario.to)
        return run
      }
      let step =
        onA
        ? issue(A.self, arguments, release: guest.scenario.from, &guest, &run)
        : issue(B.self, arguments, release: guest.scenario.to, &guest, &run)
      guard let continuation = step else { return run }
      arguments = continuation
      if onA {
        preemptions += 1
        if preemptions == guest.scenario.migrateAfter {
          run.carried.append(arguments[A.layout.argumentIndex])
        }
      }
    }
    run.end = .stepLimit
    return run
  }

  /// One hypercall on one release; the arguments to re-issue with, or `nil` when the call ended.
  static func issue<Op: MultiplexedSubOp>(
    _ type: Op.Type, _ arguments: HypercallArguments, release: String, _ guest: inout Guest,
    _ run: inout MigrationRun
  ) -> HypercallArguments? {
    let result = Op.dispatch(
      arguments, guestWidth: guest.scenario.guestWidth, architecture: guest.scenario.architecture
    ) { op, call in
      guest.work(op, &call, release: release, &run)
    }
    switch result {
    case .rejected(let reason):
      run.end = .rejected(release: release, reason)
    case .completed(let op, let value):
      run.end = .completed(lineage: lineage(op, release), returnValue: value)
    case .unencodable(let op, let progress):
      run.end = .unencodable(release: release, lineage: lineage(op, release), progress: progress)
    case .preempted(_, _, let continuation):
      return continuation
    }
    return nil
  }

  /// The model's identity of a generated op, so a renamed op still counts as the same.
  static func lineage<Op: MultiplexedSubOp>(_ op: Op, _ release: String) -> String {
    lineages["\(release) \(Op.hypercallName)"]?[op.rawValue] ?? op.cName
  }

  /// Op number to lineage for every table of every release (`"4.19 memory_op"`, `"4.19 memory_op.access_op"`),
  /// looked up once: the sweeps ask for it on every slice.
  static let lineages: [String: [UInt64: String]] = {
    var lineages: [String: [UInt64: String]] = [:]
    for release in BundledSpec.model.releases {
      for table in release.hypercalls.flatMap(\.tables) {
        lineages["\(release.name) \(table.name)"] = Dictionary(
          table.multiplex.subOps.map { ($0.number, $0.lineage) }, uniquingKeysWith: { first, _ in first })
      }
    }
    return lineages
  }()

  /// The guest's side: its call's work, and the progress the guest-memory argument records.
  /// An op that continues by rewriting its argument structure (`guest_struct`) shrinks the
  /// request there, so any release that reads the structure later sees only what is left; an op
  /// that keeps progress in the op argument leaves the structure alone.
  struct Guest {
    var scenario: MigrationScenario
    /// The progress the call was first issued at, in units (a call issued as if resumed).
    var firstUnit: UInt64 = 0
    /// B requires another interface version than the one A's call carries.
    var refusedOnB = false
    /// Units the structure in guest memory no longer asks for.
    var doneInMemory: UInt64 = 0

    /// A handler for any sub-op: does up to `preemptEvery` units from where the call resumes,
    /// then preempts, until `work` units are done; returns the units done.
    mutating func work<Op: MultiplexedSubOp>(
      _ op: Op, _ call: inout SubOpCall, release: String, _ run: inout MigrationRun
    ) -> HandlerOutcome {
      let unit = Self.unit(of: op, architecture: scenario.architecture)
      let inRegister = op.opRegister(architecture: scenario.architecture) != .plain
      // A register below where the call started cannot come from this call: read it as a restart.
      let doneInRegister =
        inRegister && call.progress / unit > firstUnit ? call.progress / unit - firstUnit : 0
      let done = doneInMemory + doneInRegister
      let units = done >= scenario.work ? 0 : min(scenario.preemptEvery, scenario.work - done)
      run.slices.append(
        MigrationRun.Slice(
          release: release, lineage: MigrationSimulator.lineage(op, release),
          progress: inRegister ? call.progress : doneInMemory, units: units))
      let now = done + units
      if now >= scenario.work { return .completed(returnValue: Int64(truncatingIfNeeded: now)) }
      if inRegister { return .preempted(progress: (firstUnit + now - doneInMemory) * unit) }
      doneInMemory = now
      return .preempted(progress: 0)
    }

    /// Progress counts in steps of the mask for raw progress, in units otherwise.
    static func unit<Op: MultiplexedSubOp>(of op: Op, architecture: String? = nil) -> UInt64 {
      if case .rawAligned = op.opRegister(architecture: architecture), let bits = Op.layout.maskBits {
        return UInt64(1) << UInt64(bits)
      }
      return 1
    }
  }
}
