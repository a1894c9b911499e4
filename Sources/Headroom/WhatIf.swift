import ABIModel

/// A hypothetical edit of one multiplexed hypercall in one release, for `abigen headroom
/// --what-if`: `hvm_op.mask=12` (the op mask's width in bits) or `memory_op.shift=8` (the shift
/// of its shifted continuations). The edit applies to the release and to every later release
/// that still has the value the release had (they inherited it), so the checker judges the
/// design as if it had been made in that release, against every older release, without the
/// spec being edited.
public struct WhatIf: Hashable, Sendable, CustomStringConvertible {
  public enum Change: Hashable, Sendable {
    /// The op mask's width in bits.
    case maskBits(Int)
    /// The shift of every shifted continuation (and of a bound written as the type's maximum
    /// shifted right by the old shift, as `UINT_MAX >> MEMOP_EXTENT_SHIFT` is).
    case shift(Int)
  }

  public var hypercall: String
  public var change: Change

  public init(hypercall: String, change: Change) {
    self.hypercall = hypercall
    self.change = change
  }

  /// `HYPERCALL.mask=BITS` or `HYPERCALL.shift=N`; `nil` for anything else.
  public init?(_ text: String) {
    guard let dot = text.lastIndex(of: "."), let equals = text.firstIndex(of: "="), dot < equals else { return nil }
    let name = String(text[..<dot])
    let field = text[text.index(after: dot)..<equals]
    guard !name.isEmpty, let value = Int(text[text.index(after: equals)...]), (0...64).contains(value) else {
      return nil
    }
    switch field {
    case "mask": self.init(hypercall: name, change: .maskBits(value))
    case "shift": self.init(hypercall: name, change: .shift(value))
    default: return nil
    }
  }

  public var description: String {
    switch change {
    case .maskBits(let bits): return "\(hypercall).mask=\(bits)"
    case .shift(let shift): return "\(hypercall).shift=\(shift)"
    }
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// What the edit did: the model and the releases it changed (the first is `release`).
  public struct Applied: Sendable {
    public var model: ABIModel
    public var releases: [String]
  }

  /// `model` with the edit made in release `index` and carried into every later release that
  /// kept the value.
  public func apply(to model: ABIModel, release index: Int) throws(Failure) -> Applied {
    let release = model.releases[index]
    guard let hypercall = release.hypercall(named: self.hypercall) else {
      throw Failure(
        description:
          "\(release.name) has no hypercall '\(self.hypercall)' (known: \(release.hypercalls.map(\.name).joined(separator: ", ")))"
      )
    }
    guard hypercall.multiplex != nil else {
      throw Failure(description: "\(release.name): \(self.hypercall) has no sub-op table, so no op mask or shift")
    }
    var edited = model
    var changed: [String] = []
    let original = Self.value(of: change, in: hypercall.multiplex!)
    if case .shift = change, original == nil {
      throw Failure(description: "\(release.name): \(self.hypercall) has no shifted continuation to move")
    }
    for position in index..<model.releases.count {
      let later = model.releases[position]
      guard let h = later.hypercalls.firstIndex(where: { $0.lineage == hypercall.lineage }),
        let multiplex = later.hypercalls[h].multiplex, Self.value(of: change, in: multiplex) == original
      else {
        if position == index { continue }
        break
      }
      edited.releases[position].hypercalls[h].multiplex = apply(to: multiplex, original: original)
      changed.append(later.name)
    }
    return Applied(model: edited, releases: changed)
  }

  /// The value the edit replaces: the mask bits, or the shift of the first shifted continuation.
  static func value(of change: Change, in multiplex: Multiplex) -> Int? {
    switch change {
    case .maskBits: return multiplex.opMask.bits
    case .shift:
      return multiplex.subOps.lazy.flatMap(\.continuations).compactMap { continuation -> Int? in
        guard case .shifted(let shift) = continuation.opRegisterLayout else { return nil }
        return shift
      }.first
    }
  }

  func apply(to multiplex: Multiplex, original: Int?) -> Multiplex {
    var edited = multiplex
    switch change {
    case .maskBits(let bits):
      edited.opMask.bits = bits
    case .shift(let shift):
      // Every architecture's encoding that shifts by the original shift moves with it.
      for index in edited.subOps.indices {
        for position in edited.subOps[index].continuations.indices {
          var continuation = edited.subOps[index].continuations[position]
          guard case .shifted(let old) = continuation.opRegisterLayout, old == original else { continue }
          continuation.shift = shift
          if case .typeMaximum(let type, let by) = continuation.bound, by == old {
            continuation.bound = .typeMaximum(type, shiftedRightBy: shift)
          }
          edited.subOps[index].continuations[position] = continuation
        }
      }
    }
    return edited
  }
}
