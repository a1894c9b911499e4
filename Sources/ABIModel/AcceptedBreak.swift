/// A known, deliberate incompatibility, recorded as data so the checker reports it without
/// failing. It covers exactly the breaks it lists, and nothing more: a value that breaks in a
/// way no entry names (another op it becomes, another older or newer release outside the
/// spans, another class) fails like any other break.
public struct AcceptedBreak: Hashable, Sendable, Codable {
  /// A short stable id (`memop-shift-4-to-6`).
  public var id: String
  /// The breaks it accepts.
  public var covers: [BreakCoverage]
  /// Why it was accepted.
  public var reason: String
  /// Where it is documented (commit).
  public var source: String
  public var location: SourceLocation

  public init(
    id: String, covers: [BreakCoverage], reason: String, source: String, location: SourceLocation = .unknown
  ) {
    self.id = id
    self.covers = covers
    self.reason = reason
    self.source = source
    self.location = location
  }
}

/// One way a value breaks, over a set of migrations: the value's hypercall and what the older
/// release writes it for, the class of break, and what the newer release makes of it.
///
/// Names are those of the releases they are about: `hypercall` and `subOp` as the older
/// releases (`older`) name them, `becomes` as the newer releases (`newer`) name it. Names are
/// matched by lineage, so a rename inside a span does not escape the entry.
public struct BreakCoverage: Hashable, Sendable, Codable {
  public enum Value: String, Hashable, Sendable, Codable, CaseIterable {
    /// An op-register value: a fresh call of `subOp`, or one of its continuations.
    case subOp = "sub-op"
    /// The count argument of a hypercall with a resumed-call flag.
    case count
    /// A count argument's sentinel continuation (the flag alone, its handles NULL, a return code
    /// in another argument): its own value, so an entry for the count does not cover it.
    case countSentinel = "count-sentinel"
    /// A `__HYPERVISOR_*` number, named by the hypercall the older release gives it.
    case hypercallNumber = "hypercall-number"
    /// The hypercall number a sub-op's continuation is re-issued as (`hypercall_rewrite`), named
    /// by the sub-op (`subOp` of `hypercall`); `becomes` names the hypercall the newer release
    /// dispatches it to.
    case continuationNumber = "continuation-number"
    /// An op-register value written back into guest memory by a batching hypercall
    /// (`multicall_entry.args[]`), as the newer release reads it from there rather than from
    /// the register: named by its sub-op like `subOp`.
    case writtenBack = "written-back"
  }

  public var breakClass: BreakClass
  /// The hypercall the value is passed to (for `hypercallNumber`, the one the number names in
  /// the older releases).
  public var hypercall: String
  public var value: Value
  /// For `subOp`: the op the older release writes the value for.
  public var subOp: String?
  /// What the newer release makes of the value.
  public var becomes: BreakOutcome
  /// The releases whose values it covers.
  public var older: ReleaseSpan
  /// The releases it covers them in.
  public var newer: ReleaseSpan
  /// Guest register widths it covers; empty for every width.
  public var guestWidths: [Int]
  /// Architectures (`GuestABI.architecture`) it covers; empty for every architecture.
  public var architectures: [String]
  public var location: SourceLocation

  public init(
    _ breakClass: BreakClass, hypercall: String, value: Value, subOp: String? = nil, becomes: BreakOutcome,
    older: ReleaseSpan, newer: ReleaseSpan, guestWidths: [Int] = [], architectures: [String] = [],
    location: SourceLocation = .unknown
  ) {
    self.breakClass = breakClass
    self.hypercall = hypercall
    self.value = value
    self.subOp = subOp
    self.becomes = becomes
    self.older = older
    self.newer = newer
    self.guestWidths = guestWidths
    self.architectures = architectures
    self.location = location
  }

  private enum CodingKeys: String, CodingKey {
    case breakClass = "class"
    case hypercall, value, subOp, becomes, older, newer, guestWidths, architectures, location
  }

  /// `architectures` is written only when the entry names some.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    breakClass = try container.decode(BreakClass.self, forKey: .breakClass)
    hypercall = try container.decode(String.self, forKey: .hypercall)
    value = try container.decode(Value.self, forKey: .value)
    subOp = try container.decodeIfPresent(String.self, forKey: .subOp)
    becomes = try container.decode(BreakOutcome.self, forKey: .becomes)
    older = try container.decode(ReleaseSpan.self, forKey: .older)
    newer = try container.decode(ReleaseSpan.self, forKey: .newer)
    guestWidths = try container.decode([Int].self, forKey: .guestWidths)
    architectures = try container.decodeIfPresent([String].self, forKey: .architectures) ?? []
    location = try container.decode(SourceLocation.self, forKey: .location)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(breakClass, forKey: .breakClass)
    try container.encode(hypercall, forKey: .hypercall)
    try container.encode(value, forKey: .value)
    try container.encodeIfPresent(subOp, forKey: .subOp)
    try container.encode(becomes, forKey: .becomes)
    try container.encode(older, forKey: .older)
    try container.encode(newer, forKey: .newer)
    try container.encode(guestWidths, forKey: .guestWidths)
    if !architectures.isEmpty { try container.encode(architectures, forKey: .architectures) }
    try container.encode(location, forKey: .location)
  }
}

/// What a newer release makes of a value an older release wrote.
public enum BreakOutcome: Hashable, Sendable, Codable, CustomStringConvertible {
  /// It runs this op (a sub-op, or for a hypercall number the hypercall), by its name in the
  /// newer release.
  case op(String)
  /// -ENOSYS: no op, or bits the newer release refuses.
  case rejected
  /// It reads the same op and progress but refuses the progress as beyond its bound.
  case refused
  /// A count read as a fresh call.
  case freshCall
  /// A count read as a resumed call.
  case resumedCall

  /// The spellings in the interchange format and the DSL's reports; an op name is itself.
  public static let reservedSpellings: [String: BreakOutcome] = [
    "-ENOSYS": .rejected, "refused": .refused, "fresh call": .freshCall, "resumed call": .resumedCall,
  ]

  public var description: String {
    switch self {
    case .op(let name): return name
    case .rejected: return "-ENOSYS"
    case .refused: return "refused"
    case .freshCall: return "fresh call"
    case .resumedCall: return "resumed call"
    }
  }

  public init(spelling: String) {
    self = Self.reservedSpellings[spelling] ?? .op(spelling)
  }

  public init(from decoder: any Decoder) throws {
    self.init(spelling: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// Consecutive releases of the history, by name: `first` through `last`, or through the
/// newest release when `last` is `nil` (a break that every later release keeps the same way).
public struct ReleaseSpan: Hashable, Sendable, Codable, CustomStringConvertible {
  public var first: String
  public var last: String?

  public init(first: String, last: String?) {
    self.first = first
    self.last = last
  }

  /// `first` through `last`.
  public static func span(_ first: String, _ last: String) -> ReleaseSpan { ReleaseSpan(first: first, last: last) }
  /// One release.
  public static func only(_ release: String) -> ReleaseSpan { ReleaseSpan(first: release, last: release) }
  /// `first` and every later release.
  public static func from(_ first: String) -> ReleaseSpan { ReleaseSpan(first: first, last: nil) }

  /// `3.0.2..3.3`, `3.4..` (open), `4.2`.
  public var description: String {
    guard let last else { return "\(first).." }
    return last == first ? first : "\(first)..\(last)"
  }
}

extension ABIModel {
  /// The positions `span` covers in the history, or `nil` when it names an unknown release or
  /// runs backwards.
  public func indices(of span: ReleaseSpan) -> ClosedRange<Int>? {
    guard let first = releaseIndex(named: span.first) else { return nil }
    let last = span.last.map { releaseIndex(named: $0) } ?? releases.count - 1
    guard let last, first <= last else { return nil }
    return first...last
  }
}
