import ABIModel
import EmitCore

/// Emits Swift dispatch code: one namespace per release. (Being built.)
public struct SwiftEmitter: Emitter {
  public init() {}

  public func emit(_ selection: ABIModelSelection) -> [GeneratedFile] {
    []
  }
}
