import ArgumentParser
import RegistryModel
import RegistryReaders

/// Reads the command's inputs into one registry, printing what the readers noticed.
enum RegistryInput {
    /// With a `sink`, each record goes there as soon as it is read and the registry returned
    /// holds everything else.
    static func read(_ paths: [String], layout: String, records sink: RecordSink? = nil) throws -> Registry {
        let paths = paths.isEmpty ? ["-"] : paths
        guard paths.count <= Int(UInt16.max) else {
            throw CommandFailure(message: "ianaconv: error: too many input files (at most \(UInt16.max))")
        }
        var registry = Registry()
        for (index, path) in paths.enumerated() {
            let (input, reader) = try open(path, index: UInt16(index), layout: layout)
            let part = try parse(input, with: reader, records: sink)
            if index == 0 { registry = part } else { registry.append(part) }
        }
        registry.sourceFiles = paths.map(displayName)
        return registry
    }

    /// Loads one input and picks its reader (named, or detected from the content for 'auto').
    static func open(_ path: String, index: UInt16, layout: String) throws -> (InputFile, any RegistryReader.Type) {
        let input = try load(path, index: index)
        return (input, try chooseReader(for: input, layout: layout))
    }

    /// Reads one file on its own (layout named, or detected for 'auto'): its bytes, the reader
    /// that took it and the registry. What `validate` and `fmt` do per file.
    static func readOne(_ path: String, layout: String) throws -> (input: InputFile, reader: any RegistryReader.Type, registry: Registry) {
        let (input, reader) = try open(path, index: 0, layout: layout)
        return (input, reader, try parse(input, with: reader))
    }

    /// Reads one loaded input, printing what the reader noticed.
    static func parse(
        _ input: InputFile, with reader: any RegistryReader.Type, records sink: RecordSink? = nil
    ) throws -> Registry {
        var diagnostics: [Diagnostic] = []
        do {
            let registry: Registry
            if let sink {
                registry = try reader.read(input, diagnostics: &diagnostics, records: sink)
            } else {
                registry = try reader.read(input, diagnostics: &diagnostics)
            }
            diagnostics.forEach { standardError.write("\($0)\n") }
            return registry
        } catch {
            diagnostics.forEach { standardError.write("\($0)\n") }
            throw CommandFailure(message: error.description)
        }
    }

    /// The inputs' total size in bytes (files only; standard input counts as 1 MB): room to
    /// reserve for the output, so its buffer is not regrown and copied.
    static func sizeHint(_ paths: [String]) -> Int {
        paths.reduce(0) { total, path in total + (FileIO.size(of: path) ?? 1 << 20) }
    }

    static func displayName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }

    private static func load(_ path: String, index: UInt16) throws -> InputFile {
        do {
            let bytes = path == "-" ? try FileIO.readStandardInput() : try FileIO.readFile(path)
            return InputFile(displayName: displayName(path), bytes: bytes, index: index)
        } catch {
            throw CommandFailure(message: "\(displayName(path)): error: cannot read: \(error.reason)")
        }
    }

    private static func chooseReader(for input: InputFile, layout: String) throws -> any RegistryReader.Type {
        if layout.lowercased() != "auto" { return Readers.reader(named: layout)! }
        guard let reader = Readers.detect(input.bytes) else {
            throw CommandFailure(
                message: "\(input.displayName):1:1: error: cannot tell the layout from the content; name it instead of 'auto' (\(Readers.names.joined(separator: ", ")))")
        }
        return reader
    }
}

/// Where the output goes: standard output, or a file replaced atomically.
struct OutputTarget {
    let path: String?

    init(_ option: String?) {
        path = option == "-" ? nil : option
    }

    var displayName: String { path ?? "<stdout>" }

    func write(_ bytes: [UInt8], inputs: [String]) throws {
        try write([bytes], inputs: inputs)
    }

    /// Writes the chunks one after the other, as one file.
    func write(_ chunks: [[UInt8]], inputs: [String]) throws {
        do {
            guard let path else { return try FileIO.writeStandardOutput(chunks) }
            if try inputs.contains(where: { try FileIO.sameFile($0, path) }) {
                throw CommandFailure(message: "\(path): error: the output would replace an input; write elsewhere (or use 'ianaconv fmt' to rewrite in place)")
            }
            try FileIO.writeAtomically(chunks, to: path)
        } catch let error as FileIO.Error {
            throw CommandFailure(message: "\(displayName): error: cannot write: \(error.reason)")
        }
    }
}
