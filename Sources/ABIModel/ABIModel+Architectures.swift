/// Architectures: a continuation the hypervisor creates only in one architecture's code exists
/// only for that architecture's guest ABIs. Every reader that decodes registers (the reference
/// decoder, the checker, the emitters' helpers) reads one architecture's view of the model, in
/// which every op has at most the one encoding that applies there.
extension ABIModel {
  /// The distinct architectures of the guest ABIs, in the order the ABIs are declared.
  public var architectures: [String] {
    var seen: [String] = []
    for abi in guestABIs where !seen.contains(abi.architecture) { seen.append(abi.architecture) }
    return seen
  }

  /// The guest ABI of this name, if the model declares it.
  public func guestABI(named name: String) -> GuestABI? {
    guestABIs.first { $0.name == name }
  }

  /// The guest ABIs of an architecture, in declaration order.
  public func guestABIs(on architecture: String) -> [GuestABI] {
    guestABIs.filter { $0.architecture == architecture }
  }

  /// Whether some op of some release continues differently on different architectures.
  public var continuesPerArchitecture: Bool {
    releases.contains { $0.continuesPerArchitecture }
  }

  /// The model as guests of `architecture` see it: every op keeps only the continuation that
  /// applies there (for every architecture). Positions of releases, hypercalls and ops are those
  /// of the model.
  public func viewed(on architecture: String) -> ABIModel {
    var copy = self
    copy.releases = releases.map { $0.viewed(on: architecture) }
    return copy
  }
}

extension Release {
  public var continuesPerArchitecture: Bool {
    hypercalls.contains { hypercall in hypercall.tables.contains { $0.multiplex.continuesPerArchitecture } }
  }

  public func viewed(on architecture: String) -> Release {
    guard continuesPerArchitecture else { return self }
    var copy = self
    copy.hypercalls = hypercalls.map { $0.viewed(on: architecture) }
    return copy
  }
}

extension Hypercall {
  public func viewed(on architecture: String) -> Hypercall {
    var copy = self
    copy.multiplex = multiplex?.viewed(on: architecture)
    copy.nestedTables = nestedTables.map { nested in
      var table = nested
      table.table = nested.table.viewed(on: architecture)
      return table
    }
    return copy
  }
}

extension Multiplex {
  /// Whether some op of the table continues differently on different architectures.
  public var continuesPerArchitecture: Bool {
    subOps.contains { $0.continuesPerArchitecture }
  }

  public func viewed(on architecture: String) -> Multiplex {
    guard continuesPerArchitecture else { return self }
    var copy = self
    copy.subOps = subOps.map { $0.viewed(on: architecture) }
    return copy
  }
}
