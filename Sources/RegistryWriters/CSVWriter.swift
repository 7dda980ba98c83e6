import RegistryModel

/// Writes IANA's CSV: a header and one row per record, 12 columns, CRLF, RFC 4180 quoting,
/// rich text flattened as IANA's own CSV does (see `CSVFlattening`).
public enum CSVWriter: RecordStreamWriter {
    public static let name = "csv"
    public static let aliases: [String] = []

    public static let header = [
        "Service Name", "Port Number", "Transport Protocol", "Description", "Assignee", "Contact",
        "Registration Date", "Modification Date", "Reference", "Service Code",
        "Unauthorized Use Reported", "Assignment Notes",
    ]

    public static func writeHead(into out: inout OutputBuffer) {
        var row = CSVRowWriter()
        for column in header { row.field(column, into: &out) }
        row.end(into: &out)
    }

    public static func makeStream() -> CSVRowWriter { CSVRowWriter() }

    /// CSV has no place for the registry's metadata, people or footnotes.
    public static func finish(_ registry: Registry, into out: inout OutputBuffer, losses: inout LossReport) {
        let metadata = [registry.id, registry.title, registry.category, registry.updated?.text].compactMap { $0 }.count
            + registry.references.count + registry.experts.count + registry.notes.count
        losses.note(.metadata, count: metadata)
        losses.note(.people, count: registry.people?.count ?? 0)
        losses.note(.footnotes, count: registry.footnotes.count)
    }
}

/// Writes one row at a time into the output; each field is flattened into a scratch buffer
/// first, to know whether it needs quotes.
public struct CSVRowWriter: RecordStream, @unchecked Sendable {  // its scratch buffer is its own
    private let field = ByteBuffer(capacity: 4096)
    private var flattening = CSVFlattening()
    private var fieldCount = 0

    public mutating func write(_ record: Record, into out: inout OutputBuffer, losses: inout LossReport) {
        self.record(record, into: &out, losses: &losses)
        end(into: &out)
    }

    private mutating func record(_ record: Record, into out: inout OutputBuffer, losses: inout LossReport) {
        field(record.name?.text ?? "", into: &out)
        field(record.number?.text ?? "", into: &out)
        field(record.transportProtocol?.text ?? "", into: &out)
        rich(record.description, into: &out, losses: &losses)
        if let assignees = record.assignees {
            labels(assignees, where: { _ in true }, into: &out)
        } else {
            labels(record.xrefs, where: isPerson, into: &out)
        }
        labels(record.xrefs, where: isPerson, into: &out)
        field(record.registrationDate?.text ?? "", into: &out)
        field(record.modificationDate?.text ?? "", into: &out)
        labels(record.xrefs, where: { !isPerson($0) }, into: &out)
        field(record.serviceCode?.text ?? "", into: &out)
        rich(record.unauthorizedUse, into: &out, losses: &losses)
        notes(record.notes, into: &out, losses: &losses)
        losses.noteLabelledColumns(record)
    }

    mutating func field(_ text: String, into out: inout OutputBuffer) {
        field.append(text)
        commitField(into: &out)
    }

    private mutating func labels(_ xrefs: [Xref], where include: (Xref) -> Bool, into out: inout OutputBuffer) {
        flattening.flatten(labels: xrefs, where: include, into: field)
        commitField(into: &out)
    }

    private mutating func rich(_ text: RichText?, into out: inout OutputBuffer, losses: inout LossReport) {
        if let text, !flattening.flatten(text, into: field) { losses.note(.textMarkup) }
        commitField(into: &out)
    }

    /// Several notes share one column, run together as IANA's CSV does.
    private mutating func notes(_ notes: [RichText], into out: inout OutputBuffer, losses: inout LossReport) {
        for note in notes where !flattening.flatten(note, into: field) { losses.note(.textMarkup) }
        if notes.count > 1 { losses.note(.textMarkup) }
        commitField(into: &out)
    }

    /// Moves the scratch field into the output, quoted when it holds a comma, a quote or a
    /// line end (RFC 4180), quotes doubled.
    private mutating func commitField(into out: inout OutputBuffer) {
        if fieldCount > 0 { out.append(byte: UInt8(ascii: ",")) }
        fieldCount += 1
        do {
            let bytes = field.bytes
            let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else {
                out.append(contentsOf: UnsafeRawBufferPointer(bytes))
                field.removeAll()
                return
            }
            out.append(byte: UInt8(ascii: "\""))
            var start = 0
            while let quote = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) {
                out.append(contentsOf: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...quote])))
                out.append(byte: UInt8(ascii: "\""))
                start = quote + 1
            }
            out.append(contentsOf: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
            out.append(byte: UInt8(ascii: "\""))
        }
        field.removeAll()
    }

    fileprivate mutating func end(into out: inout OutputBuffer) {
        out.append("\r\n")
        fieldCount = 0
    }
}
