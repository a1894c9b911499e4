/// One file an emitter produces: a path relative to the output directory and its exact bytes.
/// Emitters only make these values; the CLI writes them.
public struct GeneratedFile: Hashable, Sendable {
  /// Relative path, `/`-separated (`xen_4_19.h`).
  public var path: String
  public var contents: String

  public init(path: String, contents: String) {
    self.path = path
    self.contents = contents
  }
}

/// A code generator over the resolved model.
public protocol Emitter {
  /// The files for the given releases of the model (each emitter decides whether that is one
  /// file per release or one for all).
  func emit(_ model: ABIModelSelection) -> [GeneratedFile]
}
