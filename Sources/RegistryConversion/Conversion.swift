import RegistryModel
import RegistryReaders
import RegistryWriters

/// A conversion's output: chunks to write one after the other as one file (the outputs of a
/// split read's parts are not copied into one), and what the target layout could not carry.
public struct ConvertedOutput: Sendable {
    public var chunks: [[UInt8]]
    public var losses: LossReport
}

/// Reads inputs in one layout and writes them in another.
public enum Conversion {
    /// Reads the inputs as one registry and writes it. Records stream from reader to writer
    /// when the writer can take them one by one.
    public static func convert(
        _ paths: [String], reading input: RegistryInput, to writer: any RegistryWriter.Type
    ) throws(ReadError) -> ConvertedOutput {
        if let streaming = writer as? any RecordStreamWriter.Type {
            return try stream(paths, reading: input, to: streaming)
        }
        return render(try input.read(paths), with: writer)
    }

    /// Writes a registry already read (and checked, say).
    public static func render(_ registry: Registry, with writer: any RegistryWriter.Type) -> ConvertedOutput {
        let (bytes, losses) = writer.render(registry)
        return ConvertedOutput(chunks: [bytes], losses: losses)
    }

    /// Records go from reader to writer one by one and are dropped once written. A large
    /// input whose reader can cut it is read and written in parts on every core; the parts'
    /// outputs are written one after the other, not copied into one.
    static func stream<Writer: RecordStreamWriter>(
        _ paths: [String], reading input: RegistryInput, to writer: Writer.Type, threads: Int = InParallel.cores
    ) throws(ReadError) -> ConvertedOutput {
        var out = OutputBuffer(capacity: RegistryInput.sizeHint(paths))
        var chunks: [[UInt8]] = []
        var losses = LossReport()
        writer.writeHead(into: &out)
        var stream = writer.makeStream()
        let sink: RecordSink = { record in stream.write(record, into: &out, losses: &losses) }
        let registry: Registry
        if paths.count <= 1 {
            let source = try input.open(paths.first ?? "-", index: 0)
            if let parts = PartedRead.run(source, threads: threads, { part, reader in WrittenPart(part, reader: reader, writer: writer) }),
                let joined = Registry.joining(parts: parts.map(\.registry)) {
                chunks.append(out.bytes)
                out = OutputBuffer(capacity: 4096)
                var recordsWritten = false
                for part in parts {
                    part.diagnostics.forEach(input.notice)
                    if !part.out.bytes.isEmpty {
                        if recordsWritten, !writer.runSeparator.isEmpty { chunks.append(writer.runSeparator) }
                        recordsWritten = true
                    }
                    chunks.append(part.out.bytes)
                    losses.add(part.losses)
                }
                registry = joined
            } else {
                registry = try input.parse(source, records: sink)
            }
        } else {
            registry = try input.read(paths, records: sink)
        }
        writer.finish(registry, into: &out, losses: &losses)
        return ConvertedOutput(chunks: chunks + [out.bytes], losses: losses)
    }
}
