/// A C header as a small structured description: what `CHeaderLowering` makes of one release and
/// what `CHeaderRenderer` turns into text. Nothing here knows about the model.
public struct CHeader: Hashable, Sendable {
  /// Relative output path (`xen_4_19.h`).
  public var path: String
  /// The include-guard macro (`ABIGEN_XEN_4_19_H`).
  public var includeGuard: String
  /// Lines of the opening comment, without comment markers.
  public var banner: [String]
  /// Everything between the include guard, in order.
  public var items: [CItem]

  public init(path: String, includeGuard: String, banner: [String], items: [CItem]) {
    self.path = path
    self.includeGuard = includeGuard
    self.banner = banner
    self.items = items
  }
}

/// One file-level element of a header.
public indirect enum CItem: Hashable, Sendable {
  /// An empty line.
  case blank
  /// A block comment, one entry a line.
  case comment([String])
  /// `#include <name>`.
  case include(String)
  /// `#define name value`, with an optional trailing comment.
  case define(name: String, value: String, comment: String? = nil)
  /// `#error "message"`: the spec says something C cannot express.
  case error(String)
  /// `#if condition` ... `#endif`.
  case conditional(String, [CItem])
  /// A C99-compatible compile-time assertion: a typedef whose array size is -1 when false.
  case staticAssert(name: String, condition: String)
  /// A `static inline` function.
  case function(CFunction)
  /// Verbatim lines (the `extern "C"` brackets).
  case lines([String])
}

/// A `static inline` function.
public struct CFunction: Hashable, Sendable {
  public struct Parameter: Hashable, Sendable {
    public var type: String
    public var name: String

    public init(_ type: String, _ name: String) {
      self.type = type
      self.name = name
    }
  }

  /// Lines of the comment above the function.
  public var documentation: [String]
  public var returnType: String
  public var name: String
  public var parameters: [Parameter]
  public var body: [CStatement]

  public init(
    documentation: [String], returnType: String, name: String, parameters: [Parameter],
    body: [CStatement]
  ) {
    self.documentation = documentation
    self.returnType = returnType
    self.name = name
    self.parameters = parameters
    self.body = body
  }
}

/// A statement of a function body.
public indirect enum CStatement: Hashable, Sendable {
  /// `type name = value;`, or `type name;` without a value.
  case declare(type: String, name: String, value: String?)
  /// `target = value;`
  case assign(String, String)
  /// `return value;`
  case returns(String)
  /// `if (condition)` with the statements in braces.
  case ifThen(String, [CStatement])
  /// `switch (subject)` over cases that each end in a return (no fall-through between bodies).
  case switchOn(String, [CSwitchCase])
}

/// Labels that share one body of a `switch`.
public struct CSwitchCase: Hashable, Sendable {
  public struct Label: Hashable, Sendable {
    public var value: String
    /// Shown after the label: the C name of the op.
    public var comment: String?

    public init(_ value: String, comment: String? = nil) {
      self.value = value
      self.comment = comment
    }
  }

  public var labels: [Label]
  public var body: [CStatement]

  public init(labels: [Label], body: [CStatement]) {
    self.labels = labels
    self.body = body
  }
}
