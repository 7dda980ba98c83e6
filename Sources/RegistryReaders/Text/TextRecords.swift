import RegistryModel

/// Turns the rows of the records table into records, the way IANA's page shows them: the
/// Assignee column is the `<assignee>` when it differs from Contact, labels become xrefs
/// (`Xref.reference(label:)`), wrapped text is joined.
struct TextRecords {
    let lines: TextLines
    let table: TextTable
    let input: InputFile

    private static let fields: [(String, RecordField)] = [
        ("Service Name", .name), ("Port Number", .number), ("Transport Protocol", .transportProtocol),
        ("Description", .description), ("Assignee", .assignee), ("Contact", .contact),
        ("Registration Date", .registrationDate), ("Modification Date", .modificationDate),
        ("Reference", .reference), ("Service Code", .serviceCode),
        ("Unauthorized Use Reported", .unauthorizedUse), ("Known Unauthorized Uses", .unauthorizedUse),
        ("Assignment Notes", .notes),
    ]

    /// The column of each field (nil when the page has no such column).
    private var columnOf: [RecordField: Int] = [:]

    init(lines: TextLines, table: TextTable, input: InputFile) {
        self.lines = lines
        self.table = table
        self.input = input
        for (name, field) in Self.fields {
            if let column = table.column(name) { columnOf[field] = column }
        }
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
        func cell(_ field: RecordField) -> TextCell? {
            guard let column = columnOf[field], !cells[column].isEmpty else { return nil }
            return cells[column]
        }
        func text(_ field: RecordField) -> String? { cell(field)?.joined(lines) }
        func rich(_ field: RecordField) -> RichText? {
            guard let column = columnOf[field], !cells[column].isEmpty else { return nil }
            return cells[column].richText(lines, wrapWidth: table.wrapWidth(column))
        }
        func labels(_ field: RecordField) -> [String] {
            guard let cell = cell(field) else { return [] }
            let (labels, stray) = bracketLabels(cell.joined(lines))
            if !stray.isEmpty {
                diagnostics.append(Diagnostic(
                    file: input.displayName, line: cell.firstLine + 1, column: cell.column,
                    message: "text outside [brackets] in a label column: \"\(stray)\"; kept as a text reference"))
            }
            return labels + (stray.isEmpty ? [] : [stray])
        }
        var record = Record()
        var locations = FieldLocations()
        locations[.record] = input.location(line: anchor + 1, column: 1)
        for (_, field) in Self.fields {
            if let cell = cell(field) { locations[field] = input.location(line: cell.firstLine + 1, column: cell.column) }
        }
        record.name = text(.name).map(Parsed.init)
        record.number = text(.number).map(Parsed.init)
        record.transportProtocol = text(.transportProtocol).map(Parsed.init)
        record.description = rich(.description) ?? RichText()
        let assigneeLocation = locations[.assignee]
        let contactLocation = locations[.contact]
        let contacts = labels(.contact).map { Xref.person(label: $0, location: contactLocation) }
        let assigneeLabels = labels(.assignee)
        if text(.assignee) != text(.contact) {
            record.assignees = assigneeLabels.map { Xref.person(label: $0, location: assigneeLocation) }
        }
        record.registrationDate = text(.registrationDate).map(Parsed.init)
        record.modificationDate = text(.modificationDate).map(Parsed.init)
        let referenceLocation = locations[.reference]
        record.xrefs = contacts + labels(.reference).map { Xref.reference(label: $0, location: referenceLocation) }
        record.serviceCode = text(.serviceCode).map(Parsed.init)
        record.unauthorizedUse = rich(.unauthorizedUse)
        record.notes = rich(.notes).map { [$0] } ?? []
        record.locations = locations
        return record
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
