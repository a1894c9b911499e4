import ArgumentParser
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Abigen {
  /// Parses the command line, runs the command and exits, with every output through
  /// `StandardStreams`: a write that fails is one line on standard error and exit 1 (a lost
  /// line on standard error is exit 1 too), never a crash.
  public static func runMain(_ arguments: [String]? = nil) -> Never {
    StandardStreams.prepare()
    var status: Int32
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      status = ExitStatus.success.rawValue
    } catch let failure as StandardStreams.WriteFailure {
      printError(failure.description)
      status = ExitStatus.refutedOrInvalid.rawValue
    } catch {
      status = exitCode(for: error).rawValue
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if status == ExitStatus.success.rawValue {
          // Help and version requests.
          do {
            try StandardStreams.out(message.hasSuffix("\n") ? message : message + "\n")
          } catch {
            printError(error.description)
            status = ExitStatus.refutedOrInvalid.rawValue
          }
        } else {
          printError(message)
        }
      }
    }
    if status == ExitStatus.success.rawValue && StandardStreams.errorStreamFailed {
      status = ExitStatus.refutedOrInvalid.rawValue
    }
    terminate(status)
  }
}

private func terminate(_ status: Int32) -> Never {
  exit(status)
}
