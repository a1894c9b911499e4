import ArgumentParser

/// The `abigen` command: keeps a hypercall ABI as a formal model, proves it compatible across
/// releases, and emits the code that implements it.
public struct Abigen: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "abigen",
    abstract: "Keep a hypercall ABI as a formal model, prove it compatible, generate its code.",
    discussion: ToolInfo.exitCodes,
    version: ToolInfo.versionText,
    subcommands: [
      Check.self, Diff.self, Dump.self, Emit.self, ReleaseCommand.self, HeadroomCommand.self, Doc.self,
    ]
  )

  public init() {}
}
