import ABIModel

/// Collects the changes of one `In` block.
@resultBuilder
public enum ChangeBuilder {
  public static func buildExpression(_ component: some ChangeComponent) -> [Change] {
    [component.change]
  }
  public static func buildBlock(_ parts: [Change]...) -> [Change] { parts.flatMap { $0 } }
  public static func buildArray(_ parts: [[Change]]) -> [Change] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [Change]?) -> [Change] { part ?? [] }
  public static func buildEither(first: [Change]) -> [Change] { first }
  public static func buildEither(second: [Change]) -> [Change] { second }
}

/// Collects the `In` blocks of one history.
@resultBuilder
public enum HistoryBuilder {
  public static func buildExpression(_ block: In) -> [In] { [block] }
  public static func buildBlock(_ parts: [In]...) -> [In] { parts.flatMap { $0 } }
  public static func buildArray(_ parts: [[In]]) -> [In] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [In]?) -> [In] { part ?? [] }
}

/// Collects the declarations of a spec.
@resultBuilder
public enum SpecBuilder {
  public static func buildExpression(_ component: some SpecComponent) -> [SpecDeclaration] {
    component.declarations
  }
  public static func buildExpression(_ declarations: [SpecDeclaration]) -> [SpecDeclaration] {
    declarations
  }
  public static func buildBlock(_ parts: [SpecDeclaration]...) -> [SpecDeclaration] {
    parts.flatMap { $0 }
  }
  public static func buildArray(_ parts: [[SpecDeclaration]]) -> [SpecDeclaration] {
    parts.flatMap { $0 }
  }
  public static func buildOptional(_ part: [SpecDeclaration]?) -> [SpecDeclaration] { part ?? [] }
}

/// Anything that reads as one change inside an `In` block.
public protocol ChangeComponent {
  var change: Change { get }
}

/// Anything that reads as declarations of a spec.
public protocol SpecComponent {
  var declarations: [SpecDeclaration] { get }
}

extension Array: SpecComponent where Element == SpecDeclaration {
  public var declarations: [SpecDeclaration] { self }
}
