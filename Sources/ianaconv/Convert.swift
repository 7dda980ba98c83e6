import ArgumentParser
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
        let writer = Writers.writer(named: to)!
        let (chunks, losses) = try convert(to: writer)
        let target = OutputTarget(output)
        for message in losses.messages(layout: writer.name.uppercased()) {
            let hint = failOnLoss ? "" : " (--fail-on-loss makes this an error)"
            standardError.write("\(target.displayName): \(failOnLoss ? "error" : "warning"): \(message)\(hint)\n")
        }
        if failOnLoss && !losses.isEmpty {
            throw ExitCode(1)
        }
        try target.write(chunks, inputs: inputs)
        finishProcess()
    }

    /// Reads and writes. Records stream from reader to writer when the writer can take them one
    /// by one and nothing needs the whole registry first (`--validate` does).
    private func convert(to writer: any RegistryWriter.Type) throws -> (chunks: [[UInt8]], losses: LossReport) {
        if !validateFirst, let streaming = writer as? any RecordStreamWriter.Type {
            return try stream(to: streaming)
        }
        let registry = try RegistryInput.read(inputs, layout: from)
        if validateFirst { try stopOnErrors(registry) }
        let (bytes, losses) = writer.render(registry)
        return ([bytes], losses)
    }

    /// Records go from reader to writer one by one and are dropped once written. A large
    /// input whose reader can cut it is read and written in parts on every core; the parts'
    /// outputs are written one after the other, not copied into one.
    private func stream<Writer: RecordStreamWriter>(to writer: Writer.Type) throws -> (chunks: [[UInt8]], losses: LossReport) {
        var out = OutputBuffer(capacity: RegistryInput.sizeHint(inputs))
        var chunks: [[UInt8]] = []
        var losses = LossReport()
        writer.writeHead(into: &out)
        var stream = writer.makeStream()
        let sink: RecordSink = { record in stream.write(record, into: &out, losses: &losses) }
        let registry: Registry
        if inputs.count <= 1 {
            let (input, reader) = try RegistryInput.open(inputs.first ?? "-", index: 0, layout: from)
            if let parts = PartedRead.run(input, with: reader, { part, reader in WrittenPart(part, reader: reader, writer: writer) }),
                let joined = Registry.joining(parts: parts.map(\.registry)) {
                chunks.append(out.bytes)
                out = OutputBuffer(capacity: 4096)
                for part in parts {
                    part.diagnostics.forEach { standardError.write("\($0)\n") }
                    chunks.append(part.out.bytes)
                    losses.add(part.losses)
                }
                registry = joined
            } else {
                registry = try RegistryInput.parse(input, with: reader, records: sink)
            }
        } else {
            registry = try RegistryInput.read(inputs, layout: from, records: sink)
        }
        writer.finish(registry, into: &out, losses: &losses)
        return (chunks + [out.bytes], losses)
    }

    /// The rules on the registry as read (the schema check is validate's): errors are listed
    /// on stderr and stop the conversion; warnings are only counted.
    private func stopOnErrors(_ registry: Registry) throws {
        let findings = Validator.validateOnEveryCore(ValidationInput(registry: registry))
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
