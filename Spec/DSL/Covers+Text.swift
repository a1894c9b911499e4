import ABIModel

extension BreakCoverage {
  /// The entry as a line of the DSL, for messages that say what to add to accept a break.
  public var dslText: String {
    func quoted(_ text: String) -> String { "\"\(text)\"" }
    func span(_ span: ReleaseSpan) -> String {
      guard let last = span.last else { return ".from(\(quoted(span.first)))" }
      return last == span.first ? ".only(\(quoted(last)))" : ".span(\(quoted(span.first)), \(quoted(last)))"
    }
    let becomesText: String =
      switch becomes {
      case .op(let name): ".op(\(quoted(name)))"
      case .rejected: ".rejected"
      case .refused: ".refused"
      case .freshCall: ".freshCall"
      case .resumedCall: ".resumedCall"
      }
    let subject: String =
      switch value {
      case .subOp: "subOp: \(quoted(subOp ?? "")), of: \(quoted(hypercall))"
      case .count: "countOf: \(quoted(hypercall))"
      case .countSentinel: "sentinelOf: \(quoted(hypercall))"
      case .writtenBack: "writtenBack: \(quoted(subOp ?? "")), of: \(quoted(hypercall))"
      case .continuationNumber: "continuationOf: \(quoted(subOp ?? "")), of: \(quoted(hypercall))"
      case .hypercallNumber: "numberOf: \(quoted(hypercall))"
      }
    let caseName: String =
      switch breakClass {
      case .alias: "alias"
      case .progressCorrupted: "progressCorrupted"
      case .continuationLost: "continuationLost"
      case .renumbered: "renumbered"
      case .removed: "removed"
      case .hypercallReuse: "hypercallReuse"
      case .interfaceRefused: "interfaceRefused"
      }
    var text =
      "Covers(.\(caseName), \(subject), becomes: \(becomesText), older: \(span(older)), newer: \(span(newer))"
    if !guestWidths.isEmpty { text += ", widths: [\(guestWidths.map(String.init).joined(separator: ", "))]" }
    if !architectures.isEmpty { text += ", on: [\(architectures.map(quoted).joined(separator: ", "))]" }
    return text + ")"
  }
}
