import XenDispatch

/// Decodes, encodes and dispatches a few values with the generated code, printing one line per
/// answer; only what Embedded Swift has (no existentials, no metatypes, `print` of one string).
@main
struct Consumer {
  static func main() {
    // 3.3 writes increase_reservation resumed at extent 1 as 0x10; 3.4 reads set_pod_target.
    switch Xen_3_4.MemoryOp.decode(0x10, guestWidth: 64) {
    case .subOp(let op, let progress): print(op.cName + " at " + String(progress))
    case .rejected(let reason): print("rejected " + String(reason.returnValue))
    }
    switch Xen_3_3.MemoryOp.decode(0x10, guestWidth: 64) {
    case .subOp(let op, let progress): print(op.cName + " at " + String(progress))
    case .rejected(let reason): print("rejected " + String(reason.returnValue))
    }
    // High bits on an op that keeps no progress there: -ENOSYS from 4.5 on.
    switch Xen_4_20.MemoryOp.decode(0x1_0002, guestWidth: 64) {
    case .subOp(let op, let progress): print(op.cName + " at " + String(progress))
    case .rejected(let reason): print("rejected " + String(reason.returnValue))
    }
    var value: UInt64 = 0
    let encoded = Xen_4_20.MemoryOp.populatePhysmap.encode(progress: 3, guestWidth: 32, into: &value)
    print("encode " + String(encoded) + " " + String(value, radix: 16))
    let refused = Xen_4_20.MemoryOp.maximumRamPage.encode(progress: 3, guestWidth: 32, into: &value)
    print("encode " + String(refused) + " " + String(value, radix: 16))
    let result = Xen_4_20.MemoryOp.dispatch(HypercallArguments(0x6, 0, 0), guestWidth: 64) { _, _ in
      .preempted(progress: 2)
    }
    switch result {
    case .preempted(let op, _, let continuation):
      print(op.cName + " continues as " + String(continuation[0], radix: 16))
    default: print("no continuation")
    }
  }
}
