import ABIModel
import EmitCore

/// Emits Xen-style C headers: one per release. (Being built.)
public struct CEmitter: Emitter {
  public init() {}

  public func emit(_ selection: ABIModelSelection) -> [GeneratedFile] {
    []
  }
}
