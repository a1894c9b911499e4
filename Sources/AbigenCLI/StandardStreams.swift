import ABIModel
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and error written with `write(2)`, so that a full disk, a closed stream or a
/// reader that went away is an error abigen reports (one line, exit 1) rather than a crash
/// (`FileHandle.write` traps) or a silent loss (`print` buffers and drops errors).
enum StandardStreams {
  /// A write to standard output that did not complete.
  struct WriteFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { "error: cannot write to standard output (\(reason))" }
  }

  /// Whether a message to standard error was lost: the exit status must not say all is well.
  nonisolated(unsafe) static var errorStreamFailed = false
  /// Standard output or error was closed when abigen started (a `/dev/null` holds the number,
  /// so no file abigen opens later becomes "standard output").
  nonisolated(unsafe) static var closedAtStart: Set<Int32> = []

  /// Run first: broken pipes and oversized files become errors of `write(2)`, not signals; a
  /// closed standard stream is remembered and its descriptor held.
  static func prepare() {
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
    for descriptor: Int32 in [0, 1, 2] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      closedAtStart.insert(descriptor)
      let null = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
      if null >= 0 && null != descriptor {
        dup2(null, descriptor)
        close(null)
      }
    }
  }

  /// Writes all of `bytes` to `descriptor`, or says why not.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
    if closedAtStart.contains(descriptor) { return "the stream is closed" }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBufferPointer { buffer in
        systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return String(cString: strerror(errno))
      }
      offset += written
    }
    return nil
  }

  /// Text for a terminal or a pipe: every control character the program did not put there is
  /// escaped (`DisplayText.terminal`).
  static func out(_ text: String) throws(WriteFailure) {
    if let reason = writeAll(Array(DisplayText.terminal(text).utf8), to: 1) { throw WriteFailure(reason: reason) }
  }

  /// Machine output (JSON, SARIF), byte for byte.
  static func out(_ data: Data) throws(WriteFailure) {
    if let reason = writeAll(Array(data), to: 1) { throw WriteFailure(reason: reason) }
  }

  /// A line on standard error; a failure is remembered for the exit status.
  static func err(_ line: String) {
    if writeAll(Array((DisplayText.terminal(line) + "\n").utf8), to: 2) != nil { errorStreamFailed = true }
  }
}

/// Writes a line to standard error.
func printError(_ text: String) {
  StandardStreams.err(text)
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
