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
    /// `csvStyle` overrides the CSV rule the registry was read in or dated to; the metadata,
    /// people and footnotes of `metadata`, when given, replace the inputs'.
    public static func convert(
        _ paths: [String], reading input: RegistryInput, to writer: any RegistryWriter.Type, csvStyle: CSVStyle? = nil,
        metadata: Registry? = nil
    ) throws(ReadError) -> ConvertedOutput {
        if let metadata {
            return render(try input.read(paths).withMetadata(of: metadata), with: writer, csvStyle: csvStyle)
        }
        if let streaming = writer as? any RecordStreamWriter.Type {
            return try stream(paths, reading: input, to: streaming, csvStyle: csvStyle)
        }
        return render(try input.read(paths), with: writer, csvStyle: csvStyle)
    }

    /// Writes a registry already read (and checked, say).
    public static func render(_ registry: Registry, with writer: any RegistryWriter.Type, csvStyle: CSVStyle? = nil) -> ConvertedOutput {
        var registry = registry
        registry.csvStyle = csvStyle ?? registry.csvStyle
        let (bytes, losses) = writer.render(registry)
        return ConvertedOutput(chunks: [bytes], losses: losses)
    }

    /// Records go from reader to writer one by one and are dropped once written: from one
    /// input whose reader can read its metadata first (XML), which the writer's head may need.
    /// A large input whose reader can cut it is read and written in parts on every core; the
    /// parts' outputs are written one after the other, not copied into one.
    static func stream<Writer: RecordStreamWriter>(
        _ paths: [String], reading input: RegistryInput, to writer: Writer.Type, csvStyle: CSVStyle? = nil,
        threads: Int = InParallel.cores
    ) throws(ReadError) -> ConvertedOutput {
        guard paths.count <= 1 else { return render(try input.read(paths), with: writer, csvStyle: csvStyle) }
        let source = try input.open(paths.first ?? "-", index: 0)
        guard let splittable = source.reader as? any SplittableRegistryReader.Type, var metadata = splittable.head(of: source.input) else {
            return render(try input.parse(source), with: writer, csvStyle: csvStyle)
        }
        metadata.csvStyle = csvStyle ?? metadata.csvStyle
        let head = metadata
        var out = OutputBuffer(capacity: RegistryInput.sizeHint(paths))
        var chunks: [[UInt8]] = []
        var losses = LossReport()
        writer.writeHead(of: head, into: &out)
        var stream = writer.makeStream(for: head)
        let sink: RecordSink = { record in stream.write(record, into: &out, losses: &losses) }
        var registry: Registry
        if let parts = PartedRead.run(source, threads: threads, { part, reader in WrittenPart(part, reader: reader, writer: writer, head: head) }),
            let joined = Registry.joining(parts: parts.map(\.registry)) {
            chunks.append(out.bytes)
            out = OutputBuffer(capacity: 4096)
            var recordsWritten = false
            for part in parts {
                part.diagnostics.forEach(input.notice)
                // The records of parts written apart are joined with the writer's separator.
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
        registry.csvStyle = head.csvStyle
        writer.finish(registry, into: &out, losses: &losses)
        losses.note(.unkeptMarkup, count: registry.unkeptMarkup.count)
        return ConvertedOutput(chunks: chunks + [out.bytes], losses: losses)
    }
}
