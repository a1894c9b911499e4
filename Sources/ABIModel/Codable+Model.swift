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
