import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a spec or lock: a regular file, or standard input for `-`, never more than a limit.
/// A FIFO would block forever and `/dev/zero` would never end, so anything else is refused
/// before a byte is read.
enum InputFile {
  /// 256 MiB: the bundled Xen spec's JSON dump, every point release included, is about 37 MiB.
  static let sizeLimit = 256 << 20

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The bytes of `path` (`-` is standard input); `what` names the file in messages (`spec file`).
  static func read(_ path: String, what: String, limit: Int = sizeLimit, standardInput: Bool = true) throws(Failure)
    -> Data
  {
    let name = path == "-" ? "<stdin>" : path
    func fail(_ reason: String) -> Failure { Failure(description: "\(name): error: \(what) \(reason)") }
    let descriptor: Int32
    if path == "-" || (standardInput && path == "/dev/stdin") {
      if StandardStreams.closedAtStart.contains(0) { throw fail("cannot be read (standard input is closed)") }
      descriptor = 0
    } else {
      // O_NONBLOCK: opening a FIFO with no writer must not wait.
      descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
      if descriptor < 0 {
        throw fail(errno == ENOENT ? "does not exist" : "cannot be read (\(String(cString: strerror(errno))))")
      }
      var status = stat()
      guard fstat(descriptor, &status) == 0 else {
        close(descriptor)
        throw fail("cannot be read (\(String(cString: strerror(errno))))")
      }
      guard status.st_mode & S_IFMT == S_IFREG else {
        close(descriptor)
        throw fail(
          "is not a regular file (it is \(kind(status.st_mode))); give a file"
            + (standardInput ? ", or - for standard input" : ""))
      }
      guard status.st_size <= limit else {
        close(descriptor)
        throw fail("is larger than \(limit >> 20) MiB")
      }
      // Back to blocking reads for a regular file.
      _ = fcntl(descriptor, F_SETFL, 0)
    }
    defer { if descriptor != 0 { close(descriptor) } }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw fail("cannot be read (\(String(cString: strerror(errno))))")
      }
      if count == 0 { break }
      data.append(contentsOf: buffer[0..<count])
      if data.count > limit { throw fail("is larger than \(limit >> 20) MiB") }
    }
    return data
  }

  static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: return "a directory"
    case S_IFIFO: return "a FIFO"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    default: return "not a regular file"
    }
  }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
