import Foundation

/// The few git commands abigen runs: reading a file as a branch has it, for
/// `diff --against-ref`, and the remote that names the project, for SARIF.
enum Git {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// `git -C directory arguments...`: its standard output, or its first line of complaint.
  static func run(_ arguments: [String], in directory: String) throws(Failure) -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", directory] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw Failure(description: "cannot run git (\(error.localizedDescription))")
    }
    // git's complaints are a line or two, well under a pipe's buffer: reading the output to
    // its end first cannot block.
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let line = complaint.split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
      throw Failure(description: "git \(arguments.joined(separator: " ")): \(line)")
    }
    return data
  }

  /// The file at `path` (relative to the repository's top) as commit-ish `ref` has it.
  static func show(_ ref: String, path: String, in directory: String) throws(Failure) -> Data {
    try run(["show", "\(ref):\(path)"], in: directory)
  }

  /// The top of the work tree holding `directory`.
  static func topLevel(of directory: String) throws(Failure) -> String {
    let text = String(decoding: try run(["rev-parse", "--show-toplevel"], in: directory), as: UTF8.self)
    return text.trimmingCharacters(in: .newlines)
  }

  /// The `origin` remote as a web address (`git@host:owner/repo.git` -> `https://host/owner/repo`),
  /// without any user name; `nil` for a remote that is a local path, or none.
  static func webAddress(ofOriginIn directory: String) -> String? {
    guard let data = try? run(["config", "--get", "remote.origin.url"], in: directory) else { return nil }
    var url = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if url.hasSuffix(".git") { url.removeLast(4) }
    if url.hasPrefix("git@"), let colon = url.firstIndex(of: ":") {
      let host = url[url.index(url.startIndex, offsetBy: 4)..<colon]
      return "https://\(host)/\(url[url.index(after: colon)...])"
    }
    guard var components = URLComponents(string: url), components.scheme == "https" || components.scheme == "http",
      components.host != nil
    else { return nil }
    components.user = nil
    components.password = nil
    return components.string
  }
}
