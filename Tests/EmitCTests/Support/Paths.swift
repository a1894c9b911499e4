import Foundation

/// Where the package's files are, found from this source file so tests run from any directory.
enum Paths {
  /// The package root, where `Spec/` and `Generated/` live.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  static var generatedC: URL { packageRoot.appendingPathComponent("Generated/C") }

  static var golden: URL { packageRoot.appendingPathComponent("Tests/EmitCTests/Golden") }

  /// The built `abigen`, next to the test bundle (or the test runner itself).
  static var abigen: URL {
    let bundle = Bundle.main.bundleURL
    let products = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    return products.appendingPathComponent("abigen")
  }
}
