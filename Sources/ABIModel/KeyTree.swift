/// The keys of a JSON document as a tree: every object key and array element is a node named by
/// its parent and its key or index. Two documents' keys compare node by node, without a path
/// string per key (which was most of the time of loading a long history); a path is spelled only
/// for a message.
struct KeyTree {
  /// How a node hangs from its parent: an object key (an id into `keys`) or an array index.
  enum Step: Hashable {
    case key(Int32)
    case index(Int32)
  }

  struct Edge: Hashable {
    var parent: Int32
    var step: Step
  }

  /// The document itself.
  static let root: Int32 = 0

  private(set) var keys: [String] = []
  private var keyIDs: [String: Int32] = [:]
  /// Every node, in the order it was added (document order for a scanned input); the root's
  /// entry is a placeholder.
  private(set) var nodes: [Edge] = [Edge(parent: -1, step: .index(-1))]
  /// The node at each edge; kept only by a tree that is looked up (`indexed`).
  private var children: [Edge: Int32] = [:]
  private let indexed: Bool

  /// `indexed`: the tree answers `node(at:)`; a tree that is only walked skips the index.
  init(indexed: Bool) { self.indexed = indexed }

  func keyID(_ key: String) -> Int32? { keyIDs[key] }

  mutating func step(key: String) -> Step {
    if let id = keyIDs[key] { return .key(id) }
    let id = Int32(keys.count)
    keys.append(key)
    keyIDs[key] = id
    return .key(id)
  }

  /// The child of `parent` at `step`, added when it is new.
  mutating func child(of parent: Int32, _ step: Step) -> Int32 {
    let edge = Edge(parent: parent, step: step)
    if indexed, let known = children[edge] { return known }
    let node = Int32(nodes.count)
    nodes.append(edge)
    if indexed { children[edge] = node }
    return node
  }

  func node(at edge: Edge) -> Int32? { children[edge] }

  /// `releases[3].hypercalls[0].name`: every key escaped and shortened; empty for the root.
  func path(of node: Int32) -> String {
    var steps: [Step] = []
    var current = node
    while current > Self.root {
      steps.append(nodes[Int(current)].step)
      current = nodes[Int(current)].parent
    }
    return steps.reversed().reduce(into: "") { text, step in
      switch step {
      case .index(let index): text += "[\(index)]"
      case .key(let id):
        let component = DisplayText.escaped(DisplayText.shortened(keys[Int(id)], limit: 40))
        text += text.isEmpty ? component : "." + component
      }
    }
  }

  /// The first object key of `self` (a scanned input, walked in document order) that `known`
  /// does not have at the same place, as its path.
  func firstKey(notIn known: KeyTree) -> String? {
    let translated = keys.map { known.keyID($0) }
    var image = [Int32](repeating: -1, count: nodes.count)
    image[0] = Self.root
    for node in 1..<nodes.count {
      let edge = nodes[node]
      let parent = image[Int(edge.parent)]
      switch edge.step {
      case .key(let id):
        guard parent >= 0, let knownID = translated[Int(id)],
          let match = known.node(at: Edge(parent: parent, step: .key(knownID)))
        else { return path(of: Int32(node)) }
        image[node] = match
      case .index:
        // An element the other document lacks is not itself a key; its keys are reported.
        if parent >= 0 { image[node] = known.node(at: Edge(parent: parent, step: edge.step)) ?? -1 }
      }
    }
    return nil
  }
}

/// Records the keys an `Encodable` writes, as `JSONEncoder` would write them, into a `KeyTree`:
/// what a model's re-encode would contain, without writing (or reading back) any JSON.
final class KeyTreeRecorder {
  var tree = KeyTree(indexed: true)

  static func keys(of value: some Encodable) throws -> KeyTree {
    let recorder = KeyTreeRecorder()
    try value.encode(to: RecordingEncoder(recorder: recorder, node: KeyTree.root, codingPath: []))
    return recorder.tree
  }

  func child(of parent: Int32, key: some CodingKey) -> Int32 {
    tree.child(of: parent, tree.step(key: key.stringValue))
  }

  func child(of parent: Int32, index: Int) -> Int32 {
    tree.child(of: parent, .index(Int32(index)))
  }
}

private struct RecordingEncoder: Encoder {
  let recorder: KeyTreeRecorder
  let node: Int32
  var codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(RecordingKeyedContainer<Key>(recorder: recorder, node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    RecordingUnkeyedContainer(recorder: recorder, node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    RecordingSingleValue(recorder: recorder, node: node, codingPath: codingPath)
  }
}

/// JSONEncoder's key for `superEncoder()`.
private struct SuperKey: CodingKey {
  var stringValue: String { "super" }
  var intValue: Int? { nil }
  init() {}
  init?(stringValue: String) { nil }
  init?(intValue: Int) { nil }
}

private struct RecordingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let recorder: KeyTreeRecorder
  let node: Int32
  var codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws { _ = recorder.child(of: node, key: key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { _ = recorder.child(of: node, key: key) }
  mutating func encode(_ value: String, forKey key: Key) throws { _ = recorder.child(of: node, key: key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { _ = recorder.child(of: node, key: key) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { _ = recorder.child(of: node, key: key) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    let child = recorder.child(of: node, key: key)
    try value.encode(to: RecordingEncoder(recorder: recorder, node: child, codingPath: codingPath + [key]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    KeyedEncodingContainer(
      RecordingKeyedContainer<NestedKey>(
        recorder: recorder, node: recorder.child(of: node, key: key), codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    RecordingUnkeyedContainer(
      recorder: recorder, node: recorder.child(of: node, key: key), codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    RecordingEncoder(recorder: recorder, node: recorder.child(of: node, key: SuperKey()), codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    RecordingEncoder(recorder: recorder, node: recorder.child(of: node, key: key), codingPath: codingPath + [key])
  }
}

private struct RecordingUnkeyedContainer: UnkeyedEncodingContainer {
  let recorder: KeyTreeRecorder
  let node: Int32
  var codingPath: [any CodingKey]
  var count = 0

  init(recorder: KeyTreeRecorder, node: Int32, codingPath: [any CodingKey]) {
    self.recorder = recorder
    self.node = node
    self.codingPath = codingPath
  }

  private mutating func next() -> Int32 {
    defer { count += 1 }
    return recorder.child(of: node, index: count)
  }

  mutating func encodeNil() throws { _ = next() }
  mutating func encode(_ value: Bool) throws { _ = next() }
  mutating func encode(_ value: String) throws { _ = next() }
  mutating func encode(_ value: Int) throws { _ = next() }
  mutating func encode(_ value: UInt64) throws { _ = next() }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let child = next()
    try value.encode(to: RecordingEncoder(recorder: recorder, node: child, codingPath: codingPath))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
    NestedKey
  > {
    KeyedEncodingContainer(RecordingKeyedContainer<NestedKey>(recorder: recorder, node: next(), codingPath: codingPath))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    RecordingUnkeyedContainer(recorder: recorder, node: next(), codingPath: codingPath)
  }

  mutating func superEncoder() -> any Encoder {
    RecordingEncoder(recorder: recorder, node: next(), codingPath: codingPath)
  }
}

private struct RecordingSingleValue: SingleValueEncodingContainer {
  let recorder: KeyTreeRecorder
  let node: Int32
  var codingPath: [any CodingKey]

  mutating func encodeNil() throws {}
  mutating func encode(_ value: Bool) throws {}
  mutating func encode(_ value: String) throws {}
  mutating func encode(_ value: Double) throws {}
  mutating func encode(_ value: Float) throws {}
  mutating func encode(_ value: Int) throws {}
  mutating func encode(_ value: Int8) throws {}
  mutating func encode(_ value: Int16) throws {}
  mutating func encode(_ value: Int32) throws {}
  mutating func encode(_ value: Int64) throws {}
  mutating func encode(_ value: UInt) throws {}
  mutating func encode(_ value: UInt8) throws {}
  mutating func encode(_ value: UInt16) throws {}
  mutating func encode(_ value: UInt32) throws {}
  mutating func encode(_ value: UInt64) throws {}

  mutating func encode<T: Encodable>(_ value: T) throws {
    try value.encode(to: RecordingEncoder(recorder: recorder, node: node, codingPath: codingPath))
  }
}
