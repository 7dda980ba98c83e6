import RegistryLayoutKit
import RegistryModel

/// Turns the rows of the records table into records, the way IANA's page shows them: the
/// Assignee column is the `<assignee>` when it differs from Contact, labels become xrefs
/// (`Xref.reference(label:)`), wrapped text is joined.
struct TextRecords {
    let lines: TextLines
    let table: TextTable
    let input: InputFile

    /// The registry column of each of the table's columns (its header names one).
    private let columns: [RegistryColumn?]

    init(lines: TextLines, table: TextTable, input: InputFile) {
        self.lines = lines
        self.table = table
        self.input = input
        columns = table.names.map(RegistryColumn.init(title:))
    }

    mutating func read(_ diagnostics: inout [Diagnostic]) -> [Record] {
        var records: [Record] = []
        records.reserveCapacity(table.rows.count)
        for row in table.rows {
            let record = record(row.lines, anchor: row.anchor, &diagnostics)
            if row.guessed, let previous = records.last {
                diagnostics.append(Diagnostic(
                    file: input.displayName, line: row.anchor + 1,
                    message: "the rows of \(Self.label(previous)) and \(Self.label(record)) can be grouped two ways on this page (a wrapped line could belong to either); took the likelier, check their text against the XML"))
            }
            records.append(record)
        }
        return records
    }

    /// `'name' port/protocol`, for messages.
    private static func label(_ record: Record) -> String {
        "'\(record.name?.text ?? "")' \(record.number?.text ?? "")/\(record.transportProtocol?.text ?? "")"
    }

    /// Each column's cell in the rows `rowLines`.
    static func cells(_ lines: TextLines, _ table: TextTable, _ rowLines: ClosedRange<Int>) -> [TextCell] {
        table.columns.indices.map { column in
            TextCell(rowLines: rowLines, ranges: rowLines.map { table.cell(line: $0, column: column) }, lineStarts: lines.starts)
        }
    }

    private func record(_ rowLines: ClosedRange<Int>, anchor: Int, _ diagnostics: inout [Diagnostic]) -> Record {
        let cells = Self.cells(lines, table, rowLines)
        func labels(_ cell: TextCell) -> [String] {
            let (labels, stray) = bracketLabels(cell.joined(lines))
            if !stray.isEmpty {
                diagnostics.append(Diagnostic(
                    file: input.displayName, line: cell.firstLine + 1, column: cell.column,
                    message: "text outside [brackets] in a label column: \"\(stray)\"; kept as a text reference"))
            }
            return labels + (stray.isEmpty ? [] : [stray])
        }
        var row = RecordRow(location: input.location(line: anchor + 1, column: 1))
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            guard let column = columns[index] else { continue }
            let location = input.location(line: cell.firstLine + 1, column: cell.column)
            switch column.content {
            case .value: row.set(column, text: cell.joined(lines), at: location)
            case .richText: row.set(column, richText: cell.richText(lines, wrapWidth: table.wrapWidth(index)), at: location)
            case .notes: row.set(notes: [cell.richText(lines, wrapWidth: table.wrapWidth(index))], at: location)
            case .people: row.set(column, xrefs: labels(cell).map { Xref.person(label: $0, location: location) }, at: location)
            case .references: row.set(column, xrefs: labels(cell).map { Xref.reference(label: $0, location: location) }, at: location)
            }
        }
        return row.record()
    }
}

/// `[a][b] [c]` → `["a", "b", "c"]`; brackets may nest inside a label (`[see [1]]`). Text
/// outside brackets (and an unclosed label) comes back as `stray`, never dropped.
func bracketLabels(_ text: String) -> (labels: [String], stray: String) {
    var labels: [String] = []
    var stray: [UInt8] = []
    var label: [UInt8] = []
    var depth = 0
    for byte in text.utf8 {
        if depth == 0 {
            if byte == UInt8(ascii: "[") {
                depth = 1
                label.removeAll()
            } else if !(byte == 0x20 && (stray.isEmpty || stray.last == 0x20)) {
                stray.append(byte)
            }
            continue
        }
        if byte == UInt8(ascii: "[") { depth += 1 }
        if byte == UInt8(ascii: "]") {
            depth -= 1
            if depth == 0 {
                labels.append(String(decoding: label, as: UTF8.self))
                continue
            }
        }
        label.append(byte)
    }
    if depth > 0 { stray += [UInt8(ascii: "[")] + label }
    while stray.last == 0x20 { stray.removeLast() }
    return (labels, String(decoding: stray, as: UTF8.self))
}
