import EmitCore
import Foundation

/// `abigen emit --check`: regenerates into a temporary directory with the same writer `emit`
/// uses, then compares that tree with the checked-in one, file by file and byte for byte.
enum GeneratedTreeCheck {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  struct StaleFile: Equatable {
    enum Kind: Equatable {
      /// The generator writes it with other bytes.
      case differs
      /// The generator writes it; the tree lacks it.
      case missing
      /// The tree has it; the generator no longer writes it.
      case notGenerated
    }

    /// The file in the checked tree (`Generated/C/xen_4_19.h`).
    var path: String
    var kind: Kind
    var reason: String
  }

  struct Result {
    /// Files the generator writes.
    var fileCount: Int
    var stale: [StaleFile]
  }

  static func compare(_ files: [GeneratedFile], with directory: String) throws(Failure) -> Result {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("abigen-check-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    do {
      try GeneratedFileWriter.write(files, to: scratch)
    } catch {
      throw Failure(description: "error: cannot regenerate into a temporary directory: \(error.description)")
    }
    let fresh = regularFiles(under: scratch.path)
    let existing = regularFiles(under: directory)
    var stale: [StaleFile] = []
    for name in fresh.union(existing).sorted() {
      let path = (directory as NSString).appendingPathComponent(name)
      guard fresh.contains(name) else {
        stale.append(StaleFile(path: path, kind: .notGenerated, reason: "the spec no longer generates this file"))
        continue
      }
      guard existing.contains(name) else {
        stale.append(StaleFile(path: path, kind: .missing, reason: "missing; the spec generates it"))
        continue
      }
      let want = FileManager.default.contents(atPath: scratch.appendingPathComponent(name).path) ?? Data()
      let have = FileManager.default.contents(atPath: path) ?? Data()
      if want != have {
        stale.append(
          StaleFile(
            path: path, kind: .differs,
            reason: "differs from what the spec generates (first at line \(firstDifferingLine(have, want)))"))
      }
    }
    return Result(fileCount: fresh.count, stale: stale)
  }

  /// Relative paths of the regular files under `directory`, hidden ones included; none when it
  /// does not exist.
  static func regularFiles(under directory: String) -> Set<String> {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
    var names: Set<String> = []
    while let name = enumerator.nextObject() as? String {
      // An emit in progress (or killed) stages there; the next emit removes what it left.
      if name.hasPrefix(GeneratedFileWriter.stagingPrefix) {
        enumerator.skipDescendants()
        continue
      }
      if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { names.insert(name) }
    }
    return names
  }

  /// 1-based number of the first line that differs.
  static func firstDifferingLine(_ a: Data, _ b: Data) -> Int {
    let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<min(left.count, right.count) where left[index] != right[index] { return index + 1 }
    return min(left.count, right.count) + 1
  }
}
