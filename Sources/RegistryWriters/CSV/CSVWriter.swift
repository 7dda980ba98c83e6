import RegistryLayoutKit
import RegistryModel

/// Writes IANA's CSV: a header and one row per record, 12 columns, CRLF, RFC 4180 quoting,
/// rich text flattened as IANA's own CSV did in the registry's era (see `CSVFlattening`).
public enum CSVWriter: RecordStreamWriter {
    public static let name = "csv"
    public static let aliases: [String] = []

    /// The header row; column 11 has its older title before 2019.
    public static func writeHead(of registry: Registry, into out: inout OutputBuffer) {
        let style = registry.csvStyleToWrite
        var row = CSVRowWriter(style: style)
        for column in RegistryColumn.allCases {
            row.field(column == .unauthorizedUse && style == .before2019 ? RegistryColumn.olderUnauthorizedUseTitle : column.title)
        }
        row.end(into: &out)
    }

    /// Rows in the rule the registry was read in, or the one in force on its date.
    public static func makeStream(for registry: Registry) -> any RecordStream & ~Copyable {
        CSVRowWriter(style: registry.csvStyleToWrite)
    }

    /// CSV has no place for the registry's metadata, people or footnotes.
    public static func finish(_ registry: Registry, into out: inout OutputBuffer, losses: inout LossReport) {
        losses.noteRegistryBesidesRecords(registry)
    }
}

/// Writes one row at a time into the output. Every field is flattened straight into the row's
/// buffer and quoted there only when it holds a comma, a quote or a line end (rare), so the
/// output takes one append per row. Non-copyable: it owns its buffers.
public struct CSVRowWriter: RecordStream, ~Copyable {
    private var row = ByteBuffer(capacity: 4096)
    private var quoting = ByteBuffer(capacity: 1024)
    private var flattening: CSVFlattening
    private var fieldStart = 0
    private var fieldCount = 0

    public init(style: CSVStyle) {
        flattening = CSVFlattening(style: style)
    }

    public mutating func write(_ record: Record, into out: inout OutputBuffer, losses: inout LossReport) {
        self.record(record, losses: &losses)
        end(into: &out)
    }

    private mutating func record(_ record: Record, losses: inout LossReport) {
        record.forEachCell { _, cell in
            switch cell {
            case .text(let text): field(text ?? "")
            case .richText(let text): rich(text, losses: &losses)
            case .notes(let notes): self.notes(notes, losses: &losses)
            case .xrefs(let xrefs, let kind): labels(xrefs, only: kind)
            }
        }
        losses.noteColumnLosses(record, xrefsAs: .label)
    }

    mutating func field(_ text: String) {
        startField()
        row.append(text)
        commitField()
    }

    /// The `[label]`s of the xrefs of `kind` (all when nil).
    private mutating func labels(_ xrefs: [Xref], only kind: XrefKind?) {
        startField()
        flattening.flatten(labels: xrefs, only: kind, into: &row)
        commitField()
    }

    private mutating func rich(_ text: RichText?, losses: inout LossReport) {
        startField()
        if let text, !flattening.flatten(text, into: &row) { losses.note(.textMarkup) }
        commitField()
    }

    /// Several notes share one column, run together as IANA's CSV does.
    private mutating func notes(_ notes: [RichText], losses: inout LossReport) {
        startField()
        for note in notes where !flattening.flatten(note, into: &row) { losses.note(.textMarkup) }
        if notes.count > 1 { losses.note(.textMarkup) }
        commitField()
    }

    @inline(__always)
    private mutating func startField() {
        if fieldCount > 0 { row.append(UInt8(ascii: ",")) }
        fieldCount += 1
        fieldStart = row.count
    }

    /// Quotes the field just written when it holds a comma, a quote or a line end (RFC 4180),
    /// its quotes doubled.
    private mutating func commitField() {
        let bytes = UnsafeBufferPointer(rebasing: row.bytes[fieldStart...])
        guard bytes.contains(where: Self.needsQuotes) else { return }
        quoting.removeAll()
        quoting.append(bytes)
        row.truncate(to: fieldStart)
        row.append(UInt8(ascii: "\""))
        for byte in quoting.bytes {
            if byte == UInt8(ascii: "\"") { row.append(byte) }
            row.append(byte)
        }
        row.append(UInt8(ascii: "\""))
    }

    /// Whether `byte` makes a field need quotes. As a bit mask of the four bytes (all below
    /// 64): the check runs on every byte of the output.
    @inline(__always)
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        let mask: UInt64 = 1 << 0x0A | 1 << 0x0D | 1 << UInt8(ascii: ",") | 1 << UInt8(ascii: "\"")
        return byte < 64 && mask >> byte & 1 != 0
    }

    fileprivate mutating func end(into out: inout OutputBuffer) {
        row.append(0x0D)
        row.append(0x0A)
        out.append(contentsOf: UnsafeRawBufferPointer(row.bytes))
        row.removeAll()
        fieldCount = 0
    }
}
