import Obligations
import XenDispatch

/// What one release's generated code makes of an op argument value, in the terms of the
/// checker's `DecodedReading`: the sub-op it runs (`nil` for -ENOSYS) and the progress.
struct GeneratedReading: Hashable, Sendable, CustomStringConvertible {
  var subOp: String?
  var progress: UInt64

  init(subOp: String?, progress: UInt64) {
    self.subOp = subOp
    self.progress = progress
  }

  init(_ reading: DecodedReading) {
    self.init(subOp: reading.subOp, progress: reading.progress)
  }

  var description: String {
    guard let subOp else { return "-ENOSYS" }
    return progress == 0 ? subOp : "\(subOp) resuming at \(progress)"
  }
}

extension MigrationSimulator {
  /// `value` in the op argument of `hypercall` on `release`, through its generated decoder and
  /// through its generated dispatcher (what the handler it reaches is given).
  static func replay(
    _ value: UInt64, hypercall name: String, on release: String, guestWidth: Int, architecture: String? = nil
  ) throws(Failure) -> (decoded: GeneratedReading, dispatched: GeneratedReading) {
    let type = try hypercall(name, in: release)
    return replay(type, value, guestWidth: guestWidth, architecture: architecture)
  }

  static func replay<Op: MultiplexedSubOp>(
    _ type: Op.Type, _ value: UInt64, guestWidth: Int, architecture: String? = nil
  ) -> (decoded: GeneratedReading, dispatched: GeneratedReading) {
    let decoded: GeneratedReading
    switch Op.decode(value, guestWidth: guestWidth, architecture: architecture) {
    case .rejected: decoded = GeneratedReading(subOp: nil, progress: 0)
    case .subOp(let op, let progress): decoded = GeneratedReading(subOp: op.cName, progress: progress)
    }
    var arguments = HypercallArguments()
    arguments[Op.layout.argumentIndex] = value
    var reached: GeneratedReading?
    let result = Op.dispatch(arguments, guestWidth: guestWidth, architecture: architecture) { op, call in
      reached = GeneratedReading(subOp: op.cName, progress: call.progress)
      return .completed(returnValue: 0)
    }
    // The handler always completes, so the call either never reached one or ended in it.
    switch result {
    case .rejected where reached == nil:
      return (decoded, GeneratedReading(subOp: nil, progress: 0))
    case .completed(let op, _) where reached?.subOp == op.cName:
      return (decoded, reached!)
    default:
      return (decoded, GeneratedReading(subOp: "inconsistent dispatch: \(result)", progress: 0))
    }
  }
}
