import ABIDSL
import ABIModel

/// Xen's hypercall ABI history, from 3.0.0 to master, transcribed from the facts read at each
/// release tag of the Xen repository (mirror master c447b7308b13).
public enum Xen {
  /// The checkout this spec was compiled from (the directory holding `Spec/`): where its lock
  /// (`Spec/Xen/releases.lock.json`) and its sources are, wherever abigen is run from.
  public static let sourceRoot: String = {
    var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)  // Spec/Xen/Xen.swift
    return components.joined(separator: "/")
  }()

  /// The bundled default spec.
  public static var spec: ABISpec {
    ABISpec("xen") {
      Guest("x86_64", width: 64, architecture: "x86")
      Guest("x86_32", width: 32, architecture: "x86")
      Guest("arm64", width: 64, architecture: "arm")
      Guest("arm32", width: 32, architecture: "arm")
      releases
      hypercallNumbers
      memoryOp
      hvmOp
      grantTableOp
      eventChannelOp
      dmOp
      mmuUpdate
      multicall
      schedOp
      consoleIO
      vmAssist
      physdevOp
      vcpuOp
      xenVersion
      callbackOp
      nmiOp
      setSegmentBase
      kexecOp
      xenoprofOp
      xsmOp
      acmOp
      tmemOp
      argoOp
      hypfsOp
      xenpmuOp
      mca
      platformOp
      dom0Op
      sysctl
      domctl
      headers
      Migration(.anyOlderToAnyNewer, mustSurvive: [.guestVisible])
      acceptedBreaks
    }
  }
}
