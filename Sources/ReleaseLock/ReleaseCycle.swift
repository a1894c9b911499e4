import ABIModel

/// Releasing the development release under its real name and opening the next one:
/// `abigen release master --as 4.23`. The development release (`master`) becomes the released
/// `4.23`, with every change stated for it; a new, empty development release of the old name
/// follows it, so the next change goes to `master` again and `diff 4.22 4.23` shows what 4.23
/// shipped.
public struct ReleaseCycle: Hashable, Sendable {
  /// The development release's name (`master`), kept by the new development release.
  public var development: String
  /// The name it ships as (`4.23`).
  public var released: String
  /// The tag it ships at (`RELEASE-4.23.0`).
  public var tag: String
  /// The commit the new development release starts from (its facts are the released ones).
  public var commit: String

  public init(development: String, released: String, tag: String, commit: String) {
    self.development = development
    self.released = released
    self.tag = tag
    self.commit = commit
  }

  /// The span of an accepted break after the release: a span starting at the development
  /// release now starts at the released one, and a span of the development release alone
  /// covers both (the new development release keeps every break it had).
  public func renamed(_ span: ReleaseSpan) -> ReleaseSpan {
    guard span.first == development else { return span }
    return ReleaseSpan(first: released, last: span.last)
  }

  /// `model` with the development release released as `released` and a new development
  /// release after it: for a JSON spec, which holds every release resolved.
  public func apply(to model: ABIModel) -> ABIModel? {
    guard let index = model.releaseIndex(named: development), model.releases[index].status == .development else {
      return nil
    }
    var result = model
    var shipped = model.releases[index]
    var next = shipped
    shipped.name = released
    shipped.status = .released
    shipped.source = tag
    next.source = commit
    result.releases[index] = shipped
    result.releases.insert(next, at: index + 1)
    for breakIndex in result.acceptedBreaks.indices {
      for coverIndex in result.acceptedBreaks[breakIndex].covers.indices {
        result.acceptedBreaks[breakIndex].covers[coverIndex].older = renamed(
          result.acceptedBreaks[breakIndex].covers[coverIndex].older)
        result.acceptedBreaks[breakIndex].covers[coverIndex].newer = renamed(
          result.acceptedBreaks[breakIndex].covers[coverIndex].newer)
      }
    }
    return result
  }

  /// The declaration edit of a Swift DSL spec: `InDevelopment("master", commit: "c")` (the
  /// commit it is declared with now) becomes `Released("4.23", tag: "t")` followed, on a line
  /// of its own with the same indentation, by `InDevelopment("master", commit: "c2")`.
  public func declaration(declaredCommit: String) -> DeclarationEdit {
    DeclarationEdit(
      release: development, commit: declaredCommit, releasedAs: released, tag: tag,
      reopening: DeclarationEdit.Opening(name: development, commit: commit))
  }

  /// `text` (a spec source file) with every reference to the development release in a change
  /// block or an accepted break's span renamed, and the 1-based lines it changed:
  /// `In("master"` -> `In("4.23"`, `.from("master")` -> `.from("4.23")`, `.span("master",` ->
  /// `.span("4.23",`, `.only("master")` -> `.span("4.23", "master")`.
  public func renamingReferences(in text: String) -> (text: String, lines: [Int]) {
    let old = DeclarationEdit.literal(development)
    let new = DeclarationEdit.literal(released)
    let replacements = [
      ("In(\(old)", "In(\(new)"), (".from(\(old))", ".from(\(new))"), (".span(\(old),", ".span(\(new),"),
      (".only(\(old))", ".span(\(new), \(old))"),
    ]
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var changed: [Int] = []
    for index in lines.indices {
      var line = lines[index]
      for (from, to) in replacements { line = line.replacingOccurrences(of: from, with: to) }
      if line != lines[index] {
        lines[index] = line
        changed.append(index + 1)
      }
    }
    return (lines.joined(separator: "\n"), changed)
  }
}
