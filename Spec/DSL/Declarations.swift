import ABIModel

/// `Guest("x86_32", width: 32)`: a guest ABI and its register width.
public struct Guest: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(_ name: String, width: Int, file: String = #filePath, line: Int = #line) {
    declarations = [
      .guest(GuestABI(name: name, width: width, location: SourceLocation(filePath: file, line: line)))
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

/// A known break, accepted with its reason and source.
public struct Accepted: SpecComponent {
  public let declarations: [SpecDeclaration]
  public init(
    _ id: String, hypercall: String, introducedIn: String, classes: [BreakClass],
    subOps: [String] = [], reason: String, source: String, file: String = #filePath,
    line: Int = #line
  ) {
    declarations = [
      .accepted(
        AcceptedBreak(
          id: id, hypercall: hypercall, introducedIn: introducedIn, classes: classes, subOps: subOps,
          reason: reason, source: source, location: SourceLocation(filePath: file, line: line)))
    ]
  }
}
