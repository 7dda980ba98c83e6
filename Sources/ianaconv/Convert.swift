import ArgumentParser
import RegistryModel
import RegistryReaders
import RegistryValidation
import RegistryWriters

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert the registry from one layout to another (the default command).",
        discussion: """
            Input layouts: \(Readers.names.joined(separator: ", ")) (FROM may also be 'auto': \
            detect from the content). Output layouts: \(Writers.names.joined(separator: ", ")). Several inputs of one layout are read as one registry, in order. \
            What the target layout cannot carry is listed on stderr.

            Example: ianaconv xml csv < service-names-port-numbers.xml > registry.csv
            """
    )

    @Argument(help: "The input layout, or 'auto'.")
    var from: String

    @Argument(help: "The output layout.")
    var to: String

    @Argument(help: "Input files; none or '-' reads standard input.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Output file, written atomically; none or '-' writes standard output.")
    var output: String?

    @Flag(help: "Fail (exit 1, no output) when the target layout cannot carry everything.")
    var failOnLoss = false

    @Flag(name: .customLong("validate"), help: "Run the validation rules first; on errors, write nothing (exit 1).")
    var validateFirst = false

    func validate() throws {
        guard from.lowercased() == "auto" || Readers.reader(named: from) != nil else {
            throw ValidationError("unknown input layout '\(from)'; use one of: auto, \(Readers.names.joined(separator: ", "))")
        }
        guard Writers.writer(named: to) != nil else {
            throw ValidationError("unknown output layout '\(to)'; use one of: \(Writers.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let registry = try RegistryInput.read(inputs, layout: from)
        if validateFirst { try stopOnErrors(registry) }
        let writer = Writers.writer(named: to)!
        let (bytes, losses) = writer.render(registry)
        let target = OutputTarget(output)
        for message in losses.messages(layout: writer.name.uppercased()) {
            let hint = failOnLoss ? "" : " (--fail-on-loss makes this an error)"
            standardError.write("\(target.displayName): \(failOnLoss ? "error" : "warning"): \(message)\(hint)\n")
        }
        if failOnLoss && !losses.isEmpty {
            throw ExitCode(1)
        }
        try target.write(bytes, inputs: inputs)
        finishProcess()
    }

    /// The rules on the registry as read (the schema check is validate's): errors are listed
    /// on stderr and stop the conversion; warnings are only counted.
    private func stopOnErrors(_ registry: Registry) throws {
        let findings = Validator.validate(ValidationInput(registry: registry))
        let errors = findings.filter { $0.severity == .error }
        for error in errors {
            let file = error.location.map { Int($0.file) }.flatMap { registry.sourceFiles.indices.contains($0) ? registry.sourceFiles[$0] : nil }
            standardError.write(TextReporter.line(error, path: file ?? registry.sourceFiles.first ?? "<stdin>") + "\n")
        }
        let warnings = findings.filter { $0.severity == .warning }.count
        guard !errors.isEmpty else { return }
        standardError.write("ianaconv: error: \(errors.count) validation error\(errors.count == 1 ? "" : "s") (and \(warnings) warnings: see 'ianaconv validate'); nothing written\n")
        throw ExitCode(1)
    }
}
