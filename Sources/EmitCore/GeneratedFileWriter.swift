import Foundation

/// Writes generated files atomically (a temporary file renamed into place) and only when the
/// bytes differ, so an unchanged tree keeps its timestamps and no reader sees half a file.
public enum GeneratedFileWriter {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// What happened to each file.
  public enum Outcome: Equatable, Sendable {
    case written
    case unchanged
  }

  /// Writes every file under `directory`, creating it if needed. Fails before writing anything
  /// when the directory cannot be created or written to.
  @discardableResult
  public static func write(_ files: [GeneratedFile], to directory: URL) throws(Failure) -> [String: Outcome] {
    let manager = FileManager.default
    do {
      try manager.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw Failure(description: "\(directory.path): error: cannot create the output directory")
    }
    guard manager.isWritableFile(atPath: directory.path) else {
      throw Failure(description: "\(directory.path): error: the output directory is not writable")
    }
    var outcomes: [String: Outcome] = [:]
    for file in files {
      let target = directory.appendingPathComponent(file.path)
      let bytes = Data(file.contents.utf8)
      if let existing = try? Data(contentsOf: target), existing == bytes {
        outcomes[file.path] = .unchanged
        continue
      }
      let temporary = target.deletingLastPathComponent()
        .appendingPathComponent(".\(target.lastPathComponent).abigen-\(UUID().uuidString).tmp")
      do {
        try manager.createDirectory(
          at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: temporary)
        // rename(2) replaces the target atomically; FileManager.replaceItemAt on Linux removes
        // the target first and can fail half way.
        guard rename(temporary.path, target.path) == 0 else {
          throw Failure(description: "\(target.path): error: cannot replace (\(String(cString: strerror(errno))))")
        }
      } catch let failure as Failure {
        try? manager.removeItem(at: temporary)
        throw failure
      } catch {
        try? manager.removeItem(at: temporary)
        throw Failure(description: "\(target.path): error: cannot write (\(error.localizedDescription))")
      }
      outcomes[file.path] = .written
    }
    return outcomes
  }
}
