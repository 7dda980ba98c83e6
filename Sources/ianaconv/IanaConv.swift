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
        version: Version.text,
        subcommands: [Convert.self, Validate.self, DiffCommand.self, RulesCommand.self, Fmt.self, Lookup.self],
        defaultSubcommand: Convert.self
    )

    /// ArgumentParser exits 64 on usage errors; ianaconv's contract is 2 for every usage error.
    /// Bare `ianaconv` shows the help (exit 0) rather than asking for the default command's
    /// arguments.
    static func main() {
        if CommandLine.arguments.count == 1 {
            print(helpMessage())
            return
        }
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
                standardError.write("Run 'ianaconv help \(subcommandNamed())' for usage.\n")
            }
            Self.exit(withError: ExitCode(2))
        }
    }
}

extension IanaConv {
    /// The subcommand the command line runs: the first argument naming one, else the default.
    static func subcommandNamed() -> String {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        return CommandLine.arguments.dropFirst().first(where: names.contains) ?? "convert"
    }
}

/// A failure already explained on stderr: only its exit code is left to give.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
