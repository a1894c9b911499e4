import ABIModel
import EmitCore

/// Emits Swift dispatch code: a shared runtime (`DispatchRuntime.swift`), an index of the
/// releases (`XenReleases.swift`) and one namespace per release (`Xen_4_19.swift`) with, per
/// multiplexed hypercall, a sub-op enum, its decoder and encoder, a handler protocol and a
/// dispatcher. The stages run alone too: `SwiftDispatchLowering.lower` then
/// `SwiftDispatchRenderer.render`.
public struct SwiftEmitter: Emitter {
  public init() {}

  public func emit(_ selection: ABIModelSelection) -> [GeneratedFile] {
    SwiftDispatchRenderer.render(SwiftDispatchLowering.lower(selection))
  }
}
