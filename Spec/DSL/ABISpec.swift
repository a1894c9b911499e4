import ABIModel

/// A spec as written: a family, its guests and releases, and per hypercall the changelog of
/// what each release changed. `resolve()` turns it into the plain `ABIModel`.
public struct ABISpec: Sendable {
  public var family: String
  public var declarations: [SpecDeclaration]
  public var location: SourceLocation

  public init(
    _ family: String, file: String = #filePath, line: Int = #line,
    @SpecBuilder _ declarations: () -> [SpecDeclaration]
  ) {
    self.family = family
    self.declarations = declarations()
    self.location = SourceLocation(filePath: file, line: line)
  }

  /// Applies every release's changes in order. Returns the model and the problems found while
  /// applying them (unknown releases, hypercalls or ops named in a change); the model is
  /// `nil` only when there is nothing to resolve.
  public func resolve() -> (model: ABIModel?, diagnostics: [Diagnostic]) {
    var resolver = SpecResolver(spec: self)
    return resolver.run()
  }

  /// Resolves and validates: the model, or every diagnostic of both stages.
  public func model() throws(SpecErrors) -> ABIModel {
    let (model, diagnostics) = resolve()
    let all = diagnostics + (model?.validate() ?? [])
    let errors = all.filter { $0.severity == .error }
    guard let model, errors.isEmpty else { throw SpecErrors(all) }
    return model
  }
}
