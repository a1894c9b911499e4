import EmitCore
import Foundation

/// What every site must be: each page well-formed XML, ids unique on their page, every link
/// inside the site resolving to a page and an id, nothing fetched (no `src`, no external link,
/// no script), and every drawing labelled for screen readers.
public enum SiteChecks {
  /// Every problem found, one line each; empty for a good site.
  public static func problems(_ files: [GeneratedFile]) -> [String] {
    var problems: [String] = []
    var trees: [String: XMLNode] = [:]
    for file in files {
      do {
        trees[file.path] = try XMLNode.parse(file.contents)
      } catch {
        problems.append("\(file.path): not well-formed: \(error)")
      }
    }
    var ids: [String: Set<String>] = [:]
    for (path, tree) in trees {
      var seen: Set<String> = []
      for node in tree.all {
        if let id = node.attributes["id"], !seen.insert(id).inserted {
          problems.append("\(path): id '\(id)' twice")
        }
      }
      ids[path] = seen
    }
    for (path, tree) in trees.sorted(by: { $0.key < $1.key }) {
      for node in tree.all {
        if ["script", "iframe", "object", "embed", "img", "link", "foreignObject"].contains(node.name) {
          problems.append("\(path): <\(node.name)> element")
        }
        for (key, value) in node.attributes {
          if key == "src" || key.hasPrefix("on") { problems.append("\(path): attribute \(key)=\"\(value)\"") }
        }
        if let href = node.attributes["href"] {
          if let problem = resolve(href, from: path, ids: ids) { problems.append("\(path): \(problem)") }
        }
        if node.name == "svg" {
          let labels = (node.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
          let titled = node.children.contains { $0.name == "title" && !$0.allText.isEmpty }
          if node.attributes["role"] != "img" || labels.isEmpty || !titled {
            problems.append("\(path): <svg id=\(node.attributes["id"] ?? "?")> without role, title or labels")
          }
          for label in labels where !(ids[path]?.contains(label) ?? false) {
            problems.append("\(path): aria-labelledby names a missing id '\(label)'")
          }
        }
      }
    }
    return problems
  }

  static func resolve(_ href: String, from page: String, ids: [String: Set<String>]) -> String? {
    if href.contains("://") || href.hasPrefix("//") || href.hasPrefix("data:") || href.hasPrefix("javascript:") {
      return "link out of the site: \(href)"
    }
    let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let target = parts[0].isEmpty ? page : parts[0]
    guard let targetIDs = ids[target] else { return "link to a missing page: \(href)" }
    if parts.count == 2 {
      // A fragment is percent-decoded before it is matched.
      let fragment = parts[1].removingPercentEncoding ?? parts[1]
      if !targetIDs.contains(fragment) { return "link to a missing anchor: \(href)" }
    }
    return nil
  }
}
