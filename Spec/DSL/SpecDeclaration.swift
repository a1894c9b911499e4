import ABIModel

/// One top-level statement of a spec, as plain data.
public enum SpecDeclaration: Sendable {
  case guest(GuestABI)
  case release(name: String, status: Release.Status, source: String?, location: SourceLocation)
  /// A point release of the line `line` starts with: that release plus its own backports and
  /// those of the point releases declared before it in the line.
  case pointRelease(line: String, name: String, source: String?, location: SourceLocation)
  case hypercallNumbers([In])
  case multiplexed(hypercall: String, argument: ArgumentSlot, history: [In], location: SourceLocation)
  case countFlag(hypercall: String, since: String, encoding: CountFlagEncoding)
  /// The count flag of `hypercall` gains a sentinel continuation from release `since` on.
  case countSentinel(hypercall: String, since: String, sentinel: CountSentinel)
  /// `hypercall` writes preempted calls back into guest memory from release `since` on.
  case writeBack(hypercall: String, since: String, writeBack: WriteBack)
  case migration(MigrationPolicy)
  case accepted(AcceptedBreak)
  /// The interface version the public headers implement from a release on.
  case interfaceVersion(release: String, InterfaceVersion)
  /// A header macro defined as another one, from release `since` until before `until`.
  case alias(since: String, until: String?, MacroAlias)
}

/// The changes one release makes, with the tag or commit they were read at.
public struct In: Sendable {
  public var release: String
  public var source: String?
  public var changes: [Change]
  public var location: SourceLocation

  /// `In("3.4", source: "36e3044132") { OpMask(bits: 6, ...) }`
  public init(
    _ release: String, source: String? = nil, file: String = #filePath, line: Int = #line,
    @ChangeBuilder _ changes: () -> [Change]
  ) {
    self.release = release
    self.source = source
    self.changes = changes()
    self.location = SourceLocation(filePath: file, line: line)
  }
}
