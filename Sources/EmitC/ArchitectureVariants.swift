import ABIModel

/// A table whose ops continue differently on different architectures has helpers per
/// architecture: each variant is the table as those architectures' guests see it, under the
/// preprocessor test for their guest ABIs, so a helper never claims a continuation on an
/// architecture that does not make it. A table that continues the same way everywhere is one
/// variant without a test.
struct ArchitectureVariant {
  /// `defined(__x86_64__) || defined(__i386__)`; `nil` for every architecture.
  var condition: String?
  /// `x86 (x86_64, x86_32)`, for the generated comment; `nil` for every architecture.
  var description: String?
  var table: HypercallTable

  static func variants(of table: HypercallTable, in model: ABIModel) -> [ArchitectureVariant] {
    guard table.multiplex.continuesPerArchitecture else {
      return [ArchitectureVariant(condition: nil, description: nil, table: table)]
    }
    // Architectures whose ops keep the same progress in the register share their helpers: a
    // continuation outside the register (`reexecute_unchanged` on x86 only) changes none.
    var groups: [(multiplex: Multiplex, reading: [RegisterReading], architectures: [String])] = []
    for architecture in model.architectures {
      let viewed = table.multiplex.viewed(on: architecture)
      let reading = viewed.subOps.map { RegisterReading(layout: $0.opRegisterLayout, bound: $0.continuation?.bound) }
      if let index = groups.firstIndex(where: { $0.reading == reading }) {
        groups[index].architectures.append(architecture)
      } else {
        groups.append((viewed, reading, [architecture]))
      }
    }
    if groups.count == 1 {
      var viewed = table
      viewed.multiplex = groups[0].multiplex
      return [ArchitectureVariant(condition: nil, description: nil, table: viewed)]
    }
    return groups.map { group in
      let abis = model.guestABIs.filter { group.architectures.contains($0.architecture) }.map(\.name)
      var viewed = table
      viewed.multiplex = group.multiplex
      if var nested = viewed.nested {
        nested.table = group.multiplex
        viewed.nested = nested
      }
      return ArchitectureVariant(
        condition: GuestABICondition.condition(for: abis),
        description: "\(group.architectures.joined(separator: ", ")) (\(abis.joined(separator: ", ")))", table: viewed)
    }
  }

  /// What the helpers read of an op: where its progress sits and how far it goes.
  struct RegisterReading: Hashable {
    var layout: OpRegisterLayout
    var bound: ProgressBound?
  }

  /// The variant's items under its test, with a comment saying whose they are.
  func guarded(_ items: [CItem]) -> [CItem] {
    guard let condition, let description else { return items }
    return [
      .blank,
      .comment(["The helpers below are \(description)'s: the ops continue differently on other architectures."]),
      .conditional(condition, items),
    ]
  }
}
