import Testing
import XenDispatch

/// Records every sub-op `Xen_3_3`'s generated dispatcher runs.
struct MemoryOp33: Xen_3_3.MemoryOpHandler {
  var calls: [(op: String, progress: UInt64)] = []
  /// Extents done per call before preempting.
  var slice: UInt64 = 1
  /// Extents the guest asked for.
  var extents: UInt64 = 3

  mutating func record(_ op: String, _ call: SubOpCall) -> HandlerOutcome {
    calls.append((op, call.progress))
    return .completed(returnValue: 0)
  }

  /// Does `slice` extents from where the call resumes, preempting until all are done.
  mutating func extentsWork(_ op: String, _ call: SubOpCall) -> HandlerOutcome {
    calls.append((op, call.progress))
    let done = min(call.progress + slice, extents)
    return done < extents ? .preempted(progress: done) : .completed(returnValue: Int64(done))
  }

  mutating func increaseReservation(_ call: inout SubOpCall) -> HandlerOutcome {
    extentsWork("increaseReservation", call)
  }
  mutating func decreaseReservation(_ call: inout SubOpCall) -> HandlerOutcome {
    record("decreaseReservation", call)
  }
  mutating func maximumRamPage(_ call: inout SubOpCall) -> HandlerOutcome {
    record("maximumRamPage", call)
  }
  mutating func currentReservation(_ call: inout SubOpCall) -> HandlerOutcome {
    record("currentReservation", call)
  }
  mutating func maximumReservation(_ call: inout SubOpCall) -> HandlerOutcome {
    record("maximumReservation", call)
  }
  mutating func machphysMfnList(_ call: inout SubOpCall) -> HandlerOutcome {
    record("machphysMfnList", call)
  }
  mutating func populatePhysmap(_ call: inout SubOpCall) -> HandlerOutcome {
    record("populatePhysmap", call)
  }
  mutating func addToPhysmap(_ call: inout SubOpCall) -> HandlerOutcome {
    record("addToPhysmap", call)
  }
  mutating func translateGpfnList(_ call: inout SubOpCall) -> HandlerOutcome {
    record("translateGpfnList", call)
  }
  mutating func memoryMap(_ call: inout SubOpCall) -> HandlerOutcome { record("memoryMap", call) }
  mutating func machineMemoryMap(_ call: inout SubOpCall) -> HandlerOutcome {
    record("machineMemoryMap", call)
  }
  mutating func exchange(_ call: inout SubOpCall) -> HandlerOutcome { record("exchange", call) }
  mutating func machphysMapping(_ call: inout SubOpCall) -> HandlerOutcome {
    record("machphysMapping", call)
  }
  mutating func setMemoryMap(_ call: inout SubOpCall) -> HandlerOutcome {
    record("setMemoryMap", call)
  }
  mutating func maximumGpfn(_ call: inout SubOpCall) -> HandlerOutcome {
    record("maximumGpfn", call)
  }
}

/// Records every sub-op `Xen_3_4`'s generated dispatcher runs.
struct MemoryOp34: Xen_3_4.MemoryOpHandler {
  var calls: [(op: String, progress: UInt64)] = []
  /// Extents done per call before preempting.
  var slice: UInt64 = 1
  /// Extents the guest asked for.
  var extents: UInt64 = 3

  mutating func record(_ op: String, _ call: SubOpCall) -> HandlerOutcome {
    calls.append((op, call.progress))
    return .completed(returnValue: 0)
  }

  /// Does `slice` extents from where the call resumes, preempting until all are done.
  mutating func extentsWork(_ op: String, _ call: SubOpCall) -> HandlerOutcome {
    calls.append((op, call.progress))
    let done = min(call.progress + slice, extents)
    return done < extents ? .preempted(progress: done) : .completed(returnValue: Int64(done))
  }

  mutating func increaseReservation(_ call: inout SubOpCall) -> HandlerOutcome {
    extentsWork("increaseReservation", call)
  }
  mutating func decreaseReservation(_ call: inout SubOpCall) -> HandlerOutcome {
    record("decreaseReservation", call)
  }
  mutating func maximumRamPage(_ call: inout SubOpCall) -> HandlerOutcome {
    record("maximumRamPage", call)
  }
  mutating func currentReservation(_ call: inout SubOpCall) -> HandlerOutcome {
    record("currentReservation", call)
  }
  mutating func maximumReservation(_ call: inout SubOpCall) -> HandlerOutcome {
    record("maximumReservation", call)
  }
  mutating func machphysMfnList(_ call: inout SubOpCall) -> HandlerOutcome {
    record("machphysMfnList", call)
  }
  mutating func populatePhysmap(_ call: inout SubOpCall) -> HandlerOutcome {
    record("populatePhysmap", call)
  }
  mutating func addToPhysmap(_ call: inout SubOpCall) -> HandlerOutcome {
    record("addToPhysmap", call)
  }
  mutating func memoryMap(_ call: inout SubOpCall) -> HandlerOutcome { record("memoryMap", call) }
  mutating func machineMemoryMap(_ call: inout SubOpCall) -> HandlerOutcome {
    record("machineMemoryMap", call)
  }
  mutating func exchange(_ call: inout SubOpCall) -> HandlerOutcome { record("exchange", call) }
  mutating func machphysMapping(_ call: inout SubOpCall) -> HandlerOutcome {
    record("machphysMapping", call)
  }
  mutating func setMemoryMap(_ call: inout SubOpCall) -> HandlerOutcome {
    record("setMemoryMap", call)
  }
  mutating func maximumGpfn(_ call: inout SubOpCall) -> HandlerOutcome {
    record("maximumGpfn", call)
  }
  mutating func setPodTarget(_ call: inout SubOpCall) -> HandlerOutcome {
    record("setPodTarget", call)
  }
  mutating func getPodTarget(_ call: inout SubOpCall) -> HandlerOutcome {
    record("getPodTarget", call)
  }
}
