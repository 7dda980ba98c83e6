import ArgumentParser
import RegistryConversion
import RegistryLookup
import RegistryModel

struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",  // named here: deriving it from the type name costs start-up time
        abstract: "Show what the registry says of ports, ranges and service names.",
        discussion: """
            A QUERY is a port (5432), a port on one protocol (4250/tcp), a range (6000-6010) or \
            a service name (any case; legacy names too; ssh/tcp for one protocol). The answer lists the records that hold \
            it (a port inside a range finds the range; a record without a protocol holds its \
            ports on every protocol), the Reserved and Unassigned entries over it, and the RFC \
            6335 range a port lies in (System, User, or Dynamic and/or Private). Without \
            --registry, the registry built into ianaconv answers (IANA's of \(builtInRegistryDate)).

            Exit codes: 0 every query found an assigned record; 1 some query found none; 2 \
            usage error or unreadable registry.
            """
    )

    /// The built-in registry's date, for --version's text too.
    static let builtInRegistryDate = BuiltInRows.updated
    static let builtInRegistryLine = "built-in registry: IANA, updated \(builtInRegistryDate)"

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Ports, port/protocol, ranges N-M or service names.")
    var queries: [String]

    @Option(help: "A registry file in any layout ('-' reads standard input) instead of the built-in one.")
    var registry: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        if queries.isEmpty { throw ValidationError("give at least one query: a port, port/protocol, a range N-M or a service name") }
    }

    func run() throws {
        let parsed: [LookupQuery]
        do {
            parsed = try queries.map { query throws(LookupError) in try LookupQuery(parsing: query) }
        } catch {
            throw ValidationError(error.description)
        }
        let report = try answers(to: parsed)
        let output = format == .json ? report.json : Array(report.text.utf8)
        try OutputTarget(nil).write(output, inputs: [])
        finishProcess(code: report.allFound ? 0 : 1)
    }

    private func answers(to queries: [LookupQuery]) throws -> LookupReport {
        guard let registry else {
            let lookup = RegistryLookup(records: try BuiltInRows.records(for: queries))
            return LookupReport(source: "built-in", updated: BuiltInRows.updated, answers: queries.map(lookup.answer))
        }
        let read = try RegistryInput(layout: .detected, notice: printNotice).read([registry])
        let lookup = RegistryLookup(records: read.records)
        return LookupReport(source: RegistryInput.displayName(registry), updated: read.updated?.text, answers: queries.map(lookup.answer))
    }
}
