import ArgumentParser
import RegistryConversion
import RegistryModel
import RegistryReaders
import RegistryValidation
import RegistryWriters

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",  // named here: deriving it from the type name costs start-up time
        abstract: "Convert the registry from one layout to another (the default command).",
        discussion: """
            Input layouts: \(Readers.names.joined(separator: ", ")) (FROM may also be 'auto': \
            detect from the content). Output layouts: \(Writers.names.joined(separator: ", ")). Several inputs of one layout are read as one registry, in order. \
            What the target layout cannot carry is listed on stderr (not with --quiet).

            Example: ianaconv xml csv < service-names-port-numbers.xml > registry.csv
            """
    )

    @Argument(help: "The input layout, or 'auto'.")
    var from: InputLayout

    @Argument(help: "The output layout.")
    var to: OutputLayout

    @Argument(help: "Input files; none or '-' reads standard input.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Output file (a regular file is replaced atomically, anything else written in place); none or '-' writes standard output.")
    var output: String?

    @Option(help: ArgumentHelp(
        "The CSV rule to write: IANA's in that era (\(CSVStyle.allValueStrings.joined(separator: ", "))).",
        discussion: "Default: the rule a CSV input was read in; else the one in force on the registry's <updated> date (before-2019 until 2019-01-01, 2019 until 2020-07-30, 2020 until 2025-04-06, then 2025); else today's (2025).",
        valueName: "era"))
    var csvStyle: CSVStyle?

    @Option(help: ArgumentHelp(
        "Take the registry's metadata, people and footnotes from this file (any layout that carries them, e.g. IANA's XML); the records come from the inputs.",
        discussion: "Regenerates a complete XML from an edited CSV: ianaconv csv xml edited.csv --metadata service-names-port-numbers.xml",
        valueName: "file"))
    var metadata: String?

    @Flag(help: "Fail (exit 1, no output) when the target layout cannot carry everything.")
    var failOnLoss = false

    @Flag(name: .customLong("validate"), help: "Run the validation rules first; on errors, write nothing (exit 1).")
    var validateFirst = false

    @OptionGroup var sizeLimit: InputSizeLimit
    @Flag(name: .shortAndLong, help: "No warnings (what the target cannot carry, what the reader worked around): errors only.")
    var quiet = false

    func run() throws {
        guard inputs.count <= RegistryInput.maximumCount else {
            throw CommandFailure(message: "ianaconv: error: too many input files (at most \(RegistryInput.maximumCount))")
        }
        announceStandardInput(inputs)
        let converted = try convert()
        let target = OutputTarget(output)
        // Labelled by the output file, or on standard output by what was converted.
        let label = target.path ?? "\((inputs.isEmpty ? ["-"] : inputs).map(RegistryInput.displayName).joined(separator: ", ")) → \(to.writer.name)"
        for message in converted.losses.messages(layout: to.writer.name.uppercased()) where failOnLoss || !quiet {
            let hint = failOnLoss ? "" : " (--fail-on-loss makes this an error)"
            standardError.write("\(label): \(failOnLoss ? "error" : "warning"): \(message)\(hint)\n")
        }
        if failOnLoss && !converted.losses.isEmpty {
            throw ExitCode(1)
        }
        try target.write(converted.chunks, inputs: inputs)
        finishProcess()
    }

    /// Reads and writes; with `--validate`, the whole registry is read and checked first.
    private func convert() throws -> ConvertedOutput {
        let metadata = try self.metadata.map { path throws(ReadError) in
            try RegistryInput(layout: .detected, notice: printNotice).readOne(path).registry
        }
        guard validateFirst else {
            return try Conversion.convert(
                inputs, reading: RegistryInput(layout: from, sizeLimit: sizeLimit.bytes.value, notice: notices(quiet: quiet)),
                to: to.writer, csvStyle: csvStyle, metadata: metadata)
        }
        let validation = ValidationRun()
        var registry = try RegistryInput(
            layout: from, validation: validation, sizeLimit: sizeLimit.bytes.value, notice: notices(quiet: quiet)
        ).read(inputs)
        if let metadata { registry = registry.withMetadata(of: metadata) }
        try stopOnErrors(validation.findings(for: registry), in: registry)
        return Conversion.render(registry, with: to.writer, csvStyle: csvStyle)
    }

    /// Errors are listed on stderr and stop the conversion; warnings are only counted.
    private func stopOnErrors(_ findings: [Finding], in registry: Registry) throws {
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

extension Convert: OperandList {
    var operands: [String] {
        get { inputs }
        set { inputs = newValue }
    }
}
