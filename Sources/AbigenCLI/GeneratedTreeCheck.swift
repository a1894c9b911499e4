import ABIModel
import EmitCore
import Foundation

/// `abigen emit --check`: compares what the generator writes with the checked-in tree, file by
/// file and byte for byte. The bytes are the ones `emit` writes (a file's contents as UTF-8), held
/// in memory: regenerating into a temporary tree cost thousands of file creations per check.
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
    var fresh: [String: Data] = [:]
    for file in files {
      guard fresh.updateValue(Data(file.contents.utf8), forKey: file.path) == nil else {
        throw Failure(description: "error: the generator writes \(DisplayText.escaped(file.path)) twice")
      }
    }
    let existing = regularFiles(under: directory)
    var stale: [StaleFile] = []
    for name in existing.union(fresh.keys).sorted() {
      let path = (directory as NSString).appendingPathComponent(name)
      guard let want = fresh[name] else {
        stale.append(StaleFile(path: path, kind: .notGenerated, reason: "the spec no longer generates this file"))
        continue
      }
      guard existing.contains(name) else {
        stale.append(StaleFile(path: path, kind: .missing, reason: "missing; the spec generates it"))
        continue
      }
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
