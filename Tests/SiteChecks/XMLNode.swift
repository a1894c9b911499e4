import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A page parsed as XML with Foundation's `XMLParser`: a strict, non-validating parser, so a
/// page that is not well-formed (an unclosed or misnested tag, a bare `&` or `<`, a character
/// XML cannot hold) fails to parse.
public final class XMLNode {
  public let name: String
  public let attributes: [String: String]
  public internal(set) var children: [XMLNode] = []
  public internal(set) var text = ""
  public internal(set) weak var parent: XMLNode?

  init(name: String, attributes: [String: String], parent: XMLNode?) {
    self.name = name
    self.attributes = attributes
    self.parent = parent
  }

  /// This node and every node under it, in document order.
  public var all: [XMLNode] { [self] + children.flatMap(\.all) }

  /// The text of this node and every node under it.
  public var allText: String { text + children.map(\.allText).joined() }

  public func first(id: String) -> XMLNode? { all.first { $0.attributes["id"] == id } }

  /// The nearest enclosing node with this name (or this node).
  public func ancestor(named name: String) -> XMLNode? {
    var node: XMLNode? = self
    while let current = node, current.name != name { node = current.parent }
    return node
  }

  public struct ParseError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
  }

  public static func parse(_ text: String) throws -> XMLNode {
    let parser = XMLParser(data: Data(text.utf8))
    let builder = Builder()
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
      throw ParseError(
        description: "line \(parser.lineNumber), column \(parser.columnNumber): "
          + "\(parser.parserError.map { "\($0)" } ?? "no root element")")
    }
    return root
  }

  final class Builder: NSObject, XMLParserDelegate {
    var root: XMLNode?
    var current: XMLNode?

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      let node = XMLNode(name: name, attributes: attributes, parent: current)
      if let current { current.children.append(node) } else { root = node }
      current = node
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      current = current?.parent
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      current?.text += string
    }
  }
}
