import ABIModel

/// `Guest("x86_32", width: 32, architecture: "x86")`: a guest ABI, its register width and the
/// architecture whose hypervisor code it reaches (the ABI's own name when none is given).
public struct Guest: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(
    _ name: String, width: Int, architecture: String? = nil, file: String = #filePath, line: Int = #line
  ) {
    declarations = [
      .guest(
        GuestABI(
          name: name, width: width, architecture: architecture, location: SourceLocation(filePath: file, line: line)))
    ]
  }
}

/// `Released("4.5", tag: "RELEASE-4.5.0")`: a shipped release, in history order.
public struct Released: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(_ name: String, tag: String, file: String = #filePath, line: Int = #line) {
    declarations = [
      .release(
        name: name, status: .released, source: tag, location: SourceLocation(filePath: file, line: line))
    ]
  }
}

/// `Point("4.13.2", tag: "RELEASE-4.13.2")`: one point release, inside `PointReleases`.
public struct Point: Sendable {
  public let name: String
  public let tag: String
  public let location: SourceLocation

  public init(_ name: String, tag: String, file: String = #filePath, line: Int = #line) {
    self.name = name
    self.tag = tag
    self.location = SourceLocation(filePath: file, line: line)
  }
}

@resultBuilder
public enum PointBuilder {
  public static func buildExpression(_ point: Point) -> [Point] { [point] }
  public static func buildBlock(_ parts: [Point]...) -> [Point] { parts.flatMap { $0 } }
}

/// The stable branch of a release, as it reads: its point releases in order, each the one
/// before it (the line's first release for the first) plus what its own `In` blocks backport.
///
///     Released("4.13", tag: "RELEASE-4.13.0")
///     PointReleases(of: "4.13") {
///       Point("4.13.1", tag: "RELEASE-4.13.1")
///       Point("4.13.2", tag: "RELEASE-4.13.2")
///     }
///
/// The next line's first release (`Released("4.14", ...)`) continues from 4.13, not from 4.13.2:
/// what a stable branch backported is stated again where the development history has it.
public struct PointReleases: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(of first: String, @PointBuilder _ points: () -> [Point]) {
    declarations = points().map {
      .pointRelease(line: first, name: $0.name, source: $0.tag, location: $0.location)
    }
  }
}

/// `InDevelopment("master", commit: "c447b7308b13")`: the release still being written.
public struct InDevelopment: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(_ name: String, commit: String, file: String = #filePath, line: Int = #line) {
    declarations = [
      .release(
        name: name, status: .development, source: commit,
        location: SourceLocation(filePath: file, line: line))
    ]
  }
}

/// The `__HYPERVISOR_*` table's history: `Number`, `Withdrawn` and `Renamed` per release.
public struct HypercallNumbers: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(@HistoryBuilder _ history: () -> [In]) {
    declarations = [.hypercallNumbers(history())]
  }
}

/// A multiplexed hypercall's history: its op mask, unused-bits policy and sub-ops per release.
public struct Multiplexed: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(
    _ hypercall: String, argument: ArgumentSlot, file: String = #filePath, line: Int = #line,
    @HistoryBuilder _ history: () -> [In]
  ) {
    declarations = [
      .multiplexed(
        hypercall: hypercall, argument: argument, history: history(),
        location: SourceLocation(filePath: file, line: line))
    ]
  }
}

/// A count argument whose top bit flags a resumed call, from a release on.
public struct CountFlagged: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(
    _ hypercall: String, since release: String, argument: ArgumentSlot, bit: Int, name: String?,
    spelled spelling: String? = nil, source: String, file: String = #filePath, line: Int = #line
  ) {
    declarations = [
      .countFlag(
        hypercall: hypercall, since: release,
        encoding: CountFlagEncoding(
          argument: argument, flagBit: bit, flagName: name, flagSpelling: spelling, source: source,
          location: SourceLocation(filePath: file, line: line)))
    ]
  }
}

/// From a release on, a count flag's sentinel continuation: the count holds exactly the flag,
/// `nullArguments` are NULL, and `returnCode` carries the return code the call finishes with.
public struct SentinelContinuation: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(
    _ hypercall: String, since release: String, returnCode: ArgumentSlot, nullArguments: [Int], source: String,
    file: String = #filePath, line: Int = #line
  ) {
    declarations = [
      .countSentinel(
        hypercall: hypercall, since: release,
        sentinel: CountSentinel(
          returnCode: returnCode, nullArguments: nullArguments, source: source,
          location: SourceLocation(filePath: file, line: line)))
    ]
  }
}

/// From a release on, a batching hypercall writes a preempted call (number and arguments) back
/// into a guest structure: `WrittenBack("multicall", since: "3.0.0", into: "multicall_entry",
/// number: "op", arguments: "args", widths: [.init(guestABI: "arm32", bits: 64)], source: ...)`.
public struct WrittenBack: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(
    _ hypercall: String, since release: String, into structure: String, number: String, arguments: String,
    widths: [WriteBack.FieldWidth] = [], source: String, file: String = #filePath, line: Int = #line
  ) {
    declarations = [
      .writeBack(
        hypercall: hypercall, since: release,
        writeBack: WriteBack(
          structure: structure, numberField: number, argumentsField: arguments, fieldWidths: widths, source: source,
          location: SourceLocation(filePath: file, line: line)))
    ]
  }
}

/// Which release pairs guests migrate between and which ops must survive it.
public struct Migration: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(
    _ pairs: MigrationPolicy.Pairs, mustSurvive: [MigrationPolicy.OpClass],
    file: String = #filePath, line: Int = #line
  ) {
    declarations = [
      .migration(
        MigrationPolicy(
          pairs: pairs, mustSurvive: mustSurvive, location: SourceLocation(filePath: file, line: line)))
    ]
  }
}

/// A known break, accepted with its reason and source, covering exactly the breaks it lists:
///
/// ```swift
/// Accepted("memop-shift-4-to-6", reason: "...", source: "36e3044132") {
///   Covers(.alias, subOp: "XENMEM_increase_reservation", of: "memory_op",
///          becomes: .op("XENMEM_set_pod_target"), older: .span("3.0.0", "3.3"), newer: .from("3.4"))
/// }
/// ```
public struct Accepted: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(
    _ id: String, reason: String, source: String, file: String = #filePath, line: Int = #line,
    @CoverageBuilder _ covers: () -> [BreakCoverage]
  ) {
    declarations = [
      .accepted(
        AcceptedBreak(
          id: id, covers: covers(), reason: reason, source: source,
          location: SourceLocation(filePath: file, line: line)))
    ]
  }
}

/// One way a value breaks that an `Accepted` record covers. Names are the older releases' for
/// the hypercall and sub-op, the newer releases' for what it becomes.
public struct Covers {
  public let coverage: BreakCoverage

  /// A value of a sub-op's op register: `Covers(.alias, subOp: "XENMEM_increase_reservation",
  /// of: "memory_op", becomes: .op("XENMEM_set_pod_target"), older: ..., newer: ...)`.
  public init(
    _ breakClass: BreakClass, subOp: String, of hypercall: String, becomes: BreakOutcome, older: ReleaseSpan,
    newer: ReleaseSpan, widths: [Int] = [], on architectures: [String] = [], file: String = #filePath,
    line: Int = #line
  ) {
    coverage = BreakCoverage(
      breakClass, hypercall: hypercall, value: .subOp, subOp: subOp, becomes: becomes, older: older, newer: newer,
      guestWidths: widths, architectures: architectures, location: SourceLocation(filePath: file, line: line))
  }

  /// A count argument with a resumed-call flag: `Covers(.continuationLost, countOf: "mmu_update",
  /// becomes: .freshCall, ...)`.
  public init(
    _ breakClass: BreakClass, countOf hypercall: String, becomes: BreakOutcome, older: ReleaseSpan,
    newer: ReleaseSpan, widths: [Int] = [], on architectures: [String] = [], file: String = #filePath,
    line: Int = #line
  ) {
    coverage = BreakCoverage(
      breakClass, hypercall: hypercall, value: .count, becomes: becomes, older: older, newer: newer,
      guestWidths: widths, architectures: architectures, location: SourceLocation(filePath: file, line: line))
  }

  /// A count's sentinel continuation: `Covers(.continuationLost, sentinelOf: "mmu_update",
  /// becomes: .resumedCall, ...)`.
  public init(
    _ breakClass: BreakClass, sentinelOf hypercall: String, becomes: BreakOutcome, older: ReleaseSpan,
    newer: ReleaseSpan, widths: [Int] = [], on architectures: [String] = [], file: String = #filePath,
    line: Int = #line
  ) {
    coverage = BreakCoverage(
      breakClass, hypercall: hypercall, value: .countSentinel, becomes: becomes, older: older, newer: newer,
      guestWidths: widths, architectures: architectures, location: SourceLocation(filePath: file, line: line))
  }

  /// An op-register value written back into guest memory by `multicall`, as the newer release
  /// reads it there: `Covers(.progressCorrupted, writtenBack: "XENMEM_increase_reservation", of:
  /// "memory_op", becomes: .op("XENMEM_increase_reservation"), ...)`.
  public init(
    _ breakClass: BreakClass, writtenBack subOp: String, of hypercall: String, becomes: BreakOutcome,
    older: ReleaseSpan, newer: ReleaseSpan, widths: [Int] = [], on architectures: [String] = [],
    file: String = #filePath,
    line: Int = #line
  ) {
    coverage = BreakCoverage(
      breakClass, hypercall: hypercall, value: .writtenBack, subOp: subOp, becomes: becomes, older: older,
      newer: newer, guestWidths: widths, architectures: architectures,
      location: SourceLocation(filePath: file, line: line))
  }

  /// The hypercall number a sub-op's continuation is re-issued as: `Covers(.continuationLost,
  /// continuationOf: "XEN_DOMCTL_shadow_op", of: "domctl", becomes: .rejected, ...)`.
  public init(
    _ breakClass: BreakClass, continuationOf subOp: String, of hypercall: String, becomes: BreakOutcome,
    older: ReleaseSpan, newer: ReleaseSpan, widths: [Int] = [], on architectures: [String] = [],
    file: String = #filePath,
    line: Int = #line
  ) {
    coverage = BreakCoverage(
      breakClass, hypercall: hypercall, value: .continuationNumber, subOp: subOp, becomes: becomes, older: older,
      newer: newer, guestWidths: widths, architectures: architectures,
      location: SourceLocation(filePath: file, line: line))
  }

  /// A `__HYPERVISOR_*` number, named by the older releases' hypercall: `Covers(.hypercallReuse,
  /// numberOf: "acm_op", becomes: .op("xsm_op"), ...)`.
  public init(
    _ breakClass: BreakClass, numberOf hypercall: String, becomes: BreakOutcome, older: ReleaseSpan,
    newer: ReleaseSpan, widths: [Int] = [], on architectures: [String] = [], file: String = #filePath,
    line: Int = #line
  ) {
    coverage = BreakCoverage(
      breakClass, hypercall: hypercall, value: .hypercallNumber, becomes: becomes, older: older, newer: newer,
      guestWidths: widths, architectures: architectures, location: SourceLocation(filePath: file, line: line))
  }
}

/// Collects the `Covers` entries of one `Accepted` record.
@resultBuilder
public enum CoverageBuilder {
  public static func buildExpression(_ entry: Covers) -> [BreakCoverage] { [entry.coverage] }
  public static func buildBlock(_ parts: [BreakCoverage]...) -> [BreakCoverage] { parts.flatMap { $0 } }
  public static func buildArray(_ parts: [[BreakCoverage]]) -> [BreakCoverage] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [BreakCoverage]?) -> [BreakCoverage] { part ?? [] }
}
