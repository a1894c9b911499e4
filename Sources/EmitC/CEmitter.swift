import ABIModel
import EmitCore

/// Emits Xen-style C headers: one per release (`xen_4_19.h`), to be included one per
/// translation unit in place of hand-kept defines.
public struct CEmitter: Emitter {
  public init() {}

  public func emit(_ selection: ABIModelSelection) -> [GeneratedFile] {
    selection.releases.map { release in
      let header = CHeaderLowering(model: selection.model, release: release).lower()
      return GeneratedFile(path: header.path, contents: CHeaderRenderer.render(header))
    }
  }
}
