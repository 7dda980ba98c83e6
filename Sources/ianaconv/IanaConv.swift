import ArgumentParser
import RegistryReaders

@main
struct IanaConv: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ianaconv",
        abstract: "Read, write, convert and validate IANA's Service Name and Transport Protocol Port Number Registry.",
        discussion: """
            Exit codes: 0 success; 1 findings at the failing severity (or losses with \
            --fail-on-loss); 2 usage error, unreadable input or write failure.
            """,
        version: "0.1.0",
        subcommands: [Convert.self, Validate.self, DiffCommand.self, RulesCommand.self, Fmt.self, Lookup.self],
        defaultSubcommand: Convert.self
    )

    /// ArgumentParser exits 64 on usage errors; ianaconv's contract is 2 for every usage error.
    static func main() {
        do {
            let (arguments, runs) = OperandRuns.compact(Array(CommandLine.arguments.dropFirst()))
            var command = OperandRuns.expand(try parseAsRoot(arguments), runs)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }  // --help, --version: printed there
            if let exit = error as? ExitCode { Self.exit(withError: exit) }
            if let failure = error as? CommandFailure {
                standardError.write("\(failure.message)\n")
            } else if let unreadable = error as? ReadError {
                standardError.write("\(unreadable)\n")
            } else {
                standardError.write("ianaconv: error: \(message(for: error))\n")
                standardError.write("Run 'ianaconv --help' for usage.\n")
            }
            Self.exit(withError: ExitCode(2))
        }
    }
}

/// A failure already explained on stderr: only its exit code is left to give.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
