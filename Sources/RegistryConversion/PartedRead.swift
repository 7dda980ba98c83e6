import RegistryModel
import RegistryReaders
import RegistryValidation
import RegistryWriters

/// Reads one large input in parts, a thread each, when its reader can cut it at record
/// boundaries (XML): the parse, the building of the model and, for a conversion, the writing
/// of each part's records then run on every core.
enum PartedRead {
    /// Each part's result, in order; nil when the input is not cut (too small, or its reader
    /// cannot cut it) or a part did not read. The caller then reads the input whole, which
    /// also reports any error exactly as a whole read does.
    static func run<Part: Sendable>(
        _ source: SourceInput, threads: Int,
        _ readPart: @escaping @Sendable (InputPart, any SplittableRegistryReader.Type) -> Part?
    ) -> [Part]? {
        guard threads > 1, let splittable = source.reader as? any SplittableRegistryReader.Type else { return nil }
        let parts = splittable.parts(of: source.input, count: threads)
        guard parts.count > 1 else { return nil }
        let read = InParallel.map(parts, threads: parts.count) { part in readPart(part, splittable) }
        let all = read.compactMap { $0 }
        return all.count == read.count ? all : nil
    }
}

/// One part of an input, read and written on its own thread: its registry without the records
/// (they are written as they are read), what the reader noticed, the output and its losses.
struct WrittenPart: Sendable {
    var registry: Registry
    var diagnostics: [Diagnostic]
    var out: OutputBuffer
    var losses: LossReport

    /// `head` is the whole input's metadata, which the writer's rows may depend on.
    init?<Writer: RecordStreamWriter>(_ part: InputPart, reader: any SplittableRegistryReader.Type, writer: Writer.Type, head: Registry) {
        var out = OutputBuffer(capacity: part.range.count)
        var losses = LossReport()
        var stream = writer.makeStream(for: head)
        var diagnostics: [Diagnostic] = []
        guard let registry = try? reader.read(part, diagnostics: &diagnostics, records: { record in
            stream.write(record, into: &out, losses: &losses)
        }) else { return nil }
        (self.registry, self.diagnostics, self.out, self.losses) = (registry, diagnostics, out, losses)
    }
}
