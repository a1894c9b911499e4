import ABIModel

/// The model and the releases to emit code for.
public struct ABIModelSelection: Sendable {
  public var model: ABIModel
  public var releases: [Release]

  public init(model: ABIModel, releases: [Release]) {
    self.model = model
    self.releases = releases
  }

  /// An identifier-safe spelling of a release name: `4.19` -> `4_19`.
  public static func identifier(for release: String) -> String {
    SwiftNameMapping.identifier(for: release)
  }
}
