// Hand-written Codable where the synthesized form would be unreadable in the interchange
// format (docs/spec-format.md).

extension SourceLocation {
  /// Encoded as `"Spec/Xen/MemoryOp.swift:42"`.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    if let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]) {
      self.init(file: String(text[..<colon]), line: line)
    } else {
      self.init(file: text, line: 0)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension ProgressBound {
  private enum CodingKeys: String, CodingKey {
    case kind, type, shift, value
  }

  private enum Kind: String, Codable {
    case typeMaximum = "type-maximum"
    case constant
    case registerCapacity = "register-capacity"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(Kind.self, forKey: .kind) {
    case .typeMaximum:
      self = .typeMaximum(
        try container.decode(ArgumentType.self, forKey: .type),
        shiftedRightBy: try container.decode(Int.self, forKey: .shift))
    case .constant:
      self = .constant(try container.decode(UInt64.self, forKey: .value))
    case .registerCapacity:
      self = .registerCapacity
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .typeMaximum(let type, let shift):
      try container.encode(Kind.typeMaximum, forKey: .kind)
      try container.encode(type, forKey: .type)
      try container.encode(shift, forKey: .shift)
    case .constant(let value):
      try container.encode(Kind.constant, forKey: .kind)
      try container.encode(value, forKey: .value)
    case .registerCapacity:
      try container.encode(Kind.registerCapacity, forKey: .kind)
    }
  }
}

extension Release {
  private enum CodingKeys: String, CodingKey {
    case name, status, source, hypercalls, interfaceVersion, aliases, line, location
  }

  /// `interfaceVersion` and `aliases` may be absent (documents written before they existed);
  /// they are written only when present.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      name: try container.decode(String.self, forKey: .name),
      status: try container.decode(Status.self, forKey: .status),
      source: try container.decodeIfPresent(String.self, forKey: .source),
      hypercalls: try container.decode([Hypercall].self, forKey: .hypercalls),
      interfaceVersion: try container.decodeIfPresent(InterfaceVersion.self, forKey: .interfaceVersion),
      aliases: try container.decodeIfPresent([MacroAlias].self, forKey: .aliases) ?? [],
      line: try container.decodeIfPresent(String.self, forKey: .line),
      location: try container.decode(SourceLocation.self, forKey: .location))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(status, forKey: .status)
    try container.encodeIfPresent(source, forKey: .source)
    try container.encode(hypercalls, forKey: .hypercalls)
    try container.encodeIfPresent(interfaceVersion, forKey: .interfaceVersion)
    if !aliases.isEmpty { try container.encode(aliases, forKey: .aliases) }
    try container.encodeIfPresent(line, forKey: .line)
    try container.encode(location, forKey: .location)
  }
}
