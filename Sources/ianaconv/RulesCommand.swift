import ArgumentParser
import RegistryValidation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the validation rules (markdown: the text of docs/rules.md)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "text (one line a rule) or markdown (full documentation with examples).")
    var format: Format = .text

    func run() throws {
        let document = format == .text ? RulesDocument.text() : RulesDocument.markdown()
        try OutputTarget(nil).write(Array(document.utf8), inputs: [])
        finishProcess()
    }
}
