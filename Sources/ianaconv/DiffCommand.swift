import ArgumentParser
import RegistryModel
import RegistryConversion
import RegistryDiff

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

    @Option(help: "The layout of both files, or 'auto' to detect each.")
    var from: InputLayout = .detected

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Flag(help: "Compare text as read, white space included (when both layouts keep text alike).")
    var exact = false

    @OptionGroup var sizeLimit: InputSizeLimit

    func validate() throws {
        guard old != "-" || new != "-" else { throw ValidationError("only one of OLD and NEW can be '-'") }
    }

    func run() throws {
        announceStandardInput([old, new])
        let input = RegistryInput(layout: from, sizeLimit: sizeLimit.bytes.value, notice: printNotice)
        let (oldSource, oldRegistry) = try input.readOne(old)
        let (newSource, newRegistry) = try input.readOne(new)
        let scope = DiffScope(
            old: .of(layout: oldSource.reader.name), new: .of(layout: newSource.reader.name), exact: exact)
        let changes = RegistryChanges(from: oldRegistry, to: newRegistry, scope: scope)
        let output: [UInt8] = switch format {
        // The changelog quotes the data: nothing in it may control the terminal it is read on.
        case .text: Array(VisibleText.escaped(ChangelogText.render(changes), keepingLineFeeds: true).utf8)
        case .markdown: Array(VisibleText.escaped(ChangelogMarkdown.render(changes), keepingLineFeeds: true).utf8)
        case .json: ChangelogJSON.render(changes)
        }
        try OutputTarget(nil).write(output, inputs: [])
        // The process ends with the registries alive: freeing them took a tenth of the run.
        withExtendedLifetime((oldRegistry, newRegistry)) { finishProcess(code: changes.isEmpty ? 0 : 1) }
    }
}
