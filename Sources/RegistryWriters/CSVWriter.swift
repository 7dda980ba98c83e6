import RegistryModel

/// Writes IANA's CSV: a header and one row per record, 12 columns, CRLF, RFC 4180 quoting,
/// rich text flattened as IANA's own CSV does (see `CSVFlattening`).
public enum CSVWriter: RegistryWriter {
    public static let name = "csv"
    public static let aliases: [String] = []

    public static let header = [
        "Service Name", "Port Number", "Transport Protocol", "Description", "Assignee", "Contact",
        "Registration Date", "Modification Date", "Reference", "Service Code",
        "Unauthorized Use Reported", "Assignment Notes",
    ]

    public static func write(_ registry: Registry, to out: inout OutputBuffer, losses: inout LossReport) {
        noteRegistryLosses(registry, &losses)
        var row = CSVRowWriter()
        for column in header { row.field(column) }
        row.end(into: &out)
        for record in registry.records {
            row.record(record, losses: &losses)
            row.end(into: &out)
        }
    }

    private static func noteRegistryLosses(_ registry: Registry, _ losses: inout LossReport) {
        let metadata = [registry.id, registry.title, registry.category, registry.updated?.text].compactMap { $0 }.count
            + registry.references.count + registry.experts.count + registry.notes.count
        losses.note(.metadata, count: metadata)
        losses.note(.people, count: registry.people?.count ?? 0)
        losses.note(.footnotes, count: registry.footnotes.count)
    }
}

/// Builds one row at a time; each field is flattened into a scratch buffer, then quoted.
private struct CSVRowWriter {
    private var field = OutputBuffer(capacity: 4096)
    private var row = OutputBuffer(capacity: 8192)
    private var flattening = CSVFlattening()
    private var fieldCount = 0

    mutating func record(_ record: Record, losses: inout LossReport) {
        field(record.name?.text ?? "")
        field(record.number?.text ?? "")
        field(record.transportProtocol?.text ?? "")
        rich(record.description, losses: &losses)
        let contacts = record.contacts
        labels(record.effectiveAssignees)
        labels(contacts)
        field(record.registrationDate?.text ?? "")
        field(record.modificationDate?.text ?? "")
        let references = record.references
        labels(references)
        field(record.serviceCode?.text ?? "")
        rich(record.unauthorizedUse, losses: &losses)
        notes(record.notes, losses: &losses)

        let xrefs = (record.assignees ?? []) + record.xrefs
        losses.note(.xrefTargets, count: xrefs.count { !$0.survivesAsLabel })
        if let assignees = record.assignees, assignees.map(\.label) == contacts.map(\.label) {
            losses.note(.assigneeElement)
        }
        if record.orderedElements != record.usualElementOrder || record.xrefs != contacts + references {
            losses.note(.elementOrder)
        }
    }

    mutating func field(_ text: String) {
        self.field.append(text)
        commitField()
    }

    private mutating func labels(_ xrefs: [Xref]) {
        flattening.flatten(labels: xrefs, into: &field)
        commitField()
    }

    private mutating func rich(_ text: RichText?, losses: inout LossReport) {
        if let text, !flattening.flatten(text, into: &field) { losses.note(.textMarkup) }
        commitField()
    }

    /// Several notes share one column, run together as IANA's CSV does.
    private mutating func notes(_ notes: [RichText], losses: inout LossReport) {
        for note in notes where !flattening.flatten(note, into: &field) { losses.note(.textMarkup) }
        if notes.count > 1 { losses.note(.textMarkup) }
        commitField()
    }

    /// Moves the scratch field into the row, quoted when it holds a comma, a quote or a line end.
    private mutating func commitField() {
        if fieldCount > 0 { row.append(byte: UInt8(ascii: ",")) }
        fieldCount += 1
        let bytes = field.bytes
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if needsQuotes {
            row.append(byte: UInt8(ascii: "\""))
            for byte in bytes {
                row.append(byte: byte)
                if byte == UInt8(ascii: "\"") { row.append(byte: byte) }
            }
            row.append(byte: UInt8(ascii: "\""))
        } else {
            row.append(contentsOf: bytes)
        }
        field.removeAll()
    }

    mutating func end(into out: inout OutputBuffer) {
        row.append("\r\n")
        out.append(contentsOf: row.bytes)
        row.removeAll()
        fieldCount = 0
    }
}
