import EmitCore
import Foundation

/// A temporary directory holding generated headers and one translation unit per header that
/// includes it (twice, so the include guard is exercised too).
struct HeaderWorkspace {
  var directory: URL
  var units: [URL]

  init(_ files: [GeneratedFile], label: String) throws {
    directory = try TemporaryDirectory.make(label)
    units = []
    for file in files {
      try Data(file.contents.utf8).write(to: directory.appendingPathComponent(file.path))
      let base = String(file.path.dropLast(2))
      let unit = directory.appendingPathComponent("unit_\(base).c")
      try Data("#include \"\(file.path)\"\n#include \"\(file.path)\"\n".utf8).write(to: unit)
      units.append(unit)
    }
  }

  func remove() {
    try? FileManager.default.removeItem(at: directory)
  }
}
