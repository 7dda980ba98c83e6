import ArgumentParser
import RegistryDiff
import RegistryModel
import RegistryReaders

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two releases of the registry, record by record.",
        discussion: """
            Records are matched by service name, port or range and protocol as written; a \
            record is added, removed, or changed when another field differs (text after \
            white-space normalisation unless --exact). Metadata, people and footnotes are \
            compared too. Files of different layouts are compared on what both carry, and the \
            output says what was not compared.

            Exit codes, as diff(1): 0 no differences; 1 differences; 2 usage error or \
            unreadable input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: "The older release; '-' reads standard input.")
    var old: String

    @Argument(help: "The newer release; '-' reads standard input.")
    var new: String

    @Option(help: "The layout of both files (\(Readers.names.joined(separator: ", "))), or 'auto' to detect each.")
    var from = "auto"

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Flag(help: "Compare text as read, white space included (when both layouts keep text alike).")
    var exact = false

    func validate() throws {
        guard from.lowercased() == "auto" || Readers.reader(named: from) != nil else {
            throw ValidationError("unknown input layout '\(from)'; use one of: auto, \(Readers.names.joined(separator: ", "))")
        }
        guard old != "-" || new != "-" else { throw ValidationError("only one of OLD and NEW can be '-'") }
    }

    func run() throws {
        let (_, oldReader, oldRegistry) = try RegistryInput.readOne(old, layout: from)
        let (_, newReader, newRegistry) = try RegistryInput.readOne(new, layout: from)
        let scope = DiffScope(
            old: .of(layout: oldReader.name), new: .of(layout: newReader.name), exact: exact)
        let changes = RegistryChanges(from: oldRegistry, to: newRegistry, scope: scope)
        let output: [UInt8] = switch format {
        case .text: Array(ChangelogText.render(changes).utf8)
        case .markdown: Array(ChangelogMarkdown.render(changes).utf8)
        case .json: ChangelogJSON.render(changes)
        }
        try OutputTarget(nil).write(output, inputs: [])
        // The process ends with the registries alive: freeing them took a tenth of the run.
        withExtendedLifetime((oldRegistry, newRegistry)) { finishProcess(code: changes.isEmpty ? 0 : 1) }
    }
}
