import RegistryModel
import RegistryReaders
import RegistryValidation

/// Reads inputs into the model: loads each file (or standard input), picks its reader and
/// reads it, handing on what the reader noticed once each input is read.
public struct RegistryInput {
    public let layout: InputLayout
    /// Started on each input as soon as its bytes are loaded, to run while the reader reads.
    public let validation: ValidationRun?
    /// Where what the readers noticed and worked around goes, input by input, in order.
    public let notice: (Diagnostic) -> Void
    /// The most bytes one input may hold.
    public let sizeLimit: Int

    public init(
        layout: InputLayout, validation: ValidationRun? = nil, sizeLimit: Int = FileIO.defaultInputLimit,
        notice: @escaping (Diagnostic) -> Void
    ) {
        self.layout = layout
        self.validation = validation
        self.sizeLimit = sizeLimit
        self.notice = notice
    }

    /// The most inputs one registry is read from: `SourceLocation.file` numbers them.
    public static let maximumCount = Int(UInt16.max)

    /// Several inputs read as one registry, in order; none reads standard input. With a
    /// `sink`, each record goes there as soon as it is read and the registry returned holds
    /// everything else.
    public func read(_ paths: [String], records sink: RecordSink? = nil) throws(ReadError) -> Registry {
        let paths = paths.isEmpty ? ["-"] : paths
        precondition(paths.count <= Self.maximumCount, "more inputs than source locations can number")
        var registry = Registry()
        for (index, path) in paths.enumerated() {
            let part = try parse(try open(path, index: UInt16(index)), records: sink)
            if index == 0 { registry = part } else { registry.append(part) }
        }
        registry.sourceFiles = paths.map(Self.displayName)
        return registry
    }

    /// One input read on its own: its bytes, the reader that took them and the registry.
    public func readOne(_ path: String) throws(ReadError) -> (source: SourceInput, registry: Registry) {
        let source = try open(path, index: 0)
        return (source, try parse(source))
    }

    /// One input already loaded, read on its own.
    public func read(_ input: InputFile) throws(ReadError) -> (source: SourceInput, registry: Registry) {
        let source = try open(input)
        return (source, try parse(source))
    }

    /// Loads one input and picks its reader (named, or detected from the content).
    public func open(_ path: String, index: UInt16) throws(ReadError) -> SourceInput {
        try open(try Self.load(path, index: index, limit: sizeLimit))
    }

    /// Picks the reader of an input already loaded (named, or detected from the content).
    public func open(_ input: InputFile) throws(ReadError) -> SourceInput {
        let source = SourceInput(input, reader: try reader(for: input))
        validation?.start(source)
        return source
    }

    /// Reads one loaded input, handing on what the reader noticed.
    public func parse(_ source: SourceInput, records sink: RecordSink? = nil) throws(ReadError) -> Registry {
        var diagnostics: [Diagnostic] = []
        defer { diagnostics.forEach(notice) }
        if let sink {
            return try source.reader.read(source.input, diagnostics: &diagnostics, records: sink)
        }
        return try source.reader.read(source.input, diagnostics: &diagnostics)
    }

    /// The inputs' total size in bytes (files only; standard input counts as 1 MB): room to
    /// reserve for the output, so its buffer is not regrown and copied.
    public static func sizeHint(_ paths: [String]) -> Int {
        paths.reduce(0) { total, path in total + (FileIO.size(of: path) ?? 1 << 20) }
    }

    /// How messages name an input.
    public static func displayName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }

    static func load(_ path: String, index: UInt16, limit: Int = FileIO.defaultInputLimit) throws(ReadError) -> InputFile {
        do {
            let bytes = path == "-" ? try FileIO.readStandardInput(limit: limit) : try FileIO.readFile(path, limit: limit)
            return InputFile(displayName: displayName(path), bytes: bytes, index: index)
        } catch {
            throw ReadError(file: displayName(path), message: "cannot read: \(error.reason)")
        }
    }

    private func reader(for input: InputFile) throws(ReadError) -> any RegistryReader.Type {
        // Before any reader: in another encoding every layout would look wrong.
        if let problem = Readers.encodingProblem(input.bytes) {
            throw ReadError(file: input.displayName, line: 1, column: 1, message: problem)
        }
        switch layout {
        case .named(let reader):
            return reader
        case .detected:
            guard let reader = Readers.detect(input.bytes) else {
                throw ReadError(
                    file: input.displayName, line: 1, column: 1,
                    message: "cannot tell the layout from the content; name it instead of 'auto' (\(Readers.names.joined(separator: ", ")))")
            }
            return reader
        }
    }
}
