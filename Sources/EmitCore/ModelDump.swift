import ABIModel
import Foundation

/// The resolved model as a checked-in JSON dump (`Generated/Model/xen.json`), in the
/// interchange format: a branch's dump is what `abigen diff --against-ref BRANCH` reviews a
/// patch against, read from git without building that branch.
public struct ModelDump: Emitter {
  /// The file name under the tree's `Model/` directory.
  public static func fileName(family: String) -> String { "\(family).json" }

  let file: GeneratedFile

  /// Encodes `model` once; the encoding is the interchange format's (`SpecJSON.encode`).
  public init(_ model: ABIModel) throws {
    file = GeneratedFile(
      path: Self.fileName(family: model.family), contents: String(decoding: try SpecJSON.encode(model), as: UTF8.self))
  }

  /// The dump of the whole model, whatever releases are selected: a review compares against
  /// the whole history.
  public func emit(_ model: ABIModelSelection) -> [GeneratedFile] { [file] }
}
