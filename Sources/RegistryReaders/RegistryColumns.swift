import RegistryModel

/// The 12 columns IANA's flat layouts show a record in (the CSV, and the records table of the
/// HTML and text pages and of their scrapes), and how one row of them becomes a record. Shared
/// so every flat layout maps the columns back exactly as the CSV does.
enum RegistryColumn: Int, CaseIterable, Sendable {
    case name, number, transportProtocol, description, assignee, contact
    case registrationDate, modificationDate, reference, serviceCode, unauthorizedUse, notes

    /// IANA's column headers, in order.
    static let titles = [
        "Service Name", "Port Number", "Transport Protocol", "Description", "Assignee", "Contact",
        "Registration Date", "Modification Date", "Reference", "Service Code",
        "Unauthorized Use Reported", "Assignment Notes",
    ]

    var title: String { RegistryColumn.titles[rawValue] }

    var field: RecordField {
        switch self {
        case .name: .name
        case .number: .number
        case .transportProtocol: .transportProtocol
        case .description: .description
        case .assignee: .assignee
        case .contact: .contact
        case .registrationDate: .registrationDate
        case .modificationDate: .modificationDate
        case .reference: .reference
        case .serviceCode: .serviceCode
        case .unauthorizedUse: .unauthorizedUse
        case .notes: .notes
        }
    }
}

/// One cell of a flat table and where it starts. An empty cell that the layout did not show
/// has a location on line 0 ("not recorded").
struct TableCell {
    var text: String
    var location: SourceLocation

    static let missing = TableCell(text: "", location: SourceLocation(line: 0, column: 0))
}

enum RegistryColumns {
    /// A record from one cell per column. Bracketed labels become xrefs again (`[Person]` →
    /// person, `[RFC…]` → rfc, …); a row whose Assignee equals its Contact had no `<assignee>`.
    static func record(from row: [TableCell], _ input: InputFile) throws(ReadError) -> Record {
        func text(_ column: RegistryColumn) -> String? {
            row[column.rawValue].text.isEmpty ? nil : row[column.rawValue].text
        }
        func cell(_ column: RegistryColumn) -> TableCell { row[column.rawValue] }
        var record = Record()
        record.name = text(.name).map(Parsed.init)
        record.number = text(.number).map(Parsed.init)
        record.transportProtocol = text(.transportProtocol).map(Parsed.init)
        record.description = RichText(stringLiteral: cell(.description).text)
        let contacts = try labels(cell(.contact), input).map { Xref.person(label: $0, location: cell(.contact).location) }
        if cell(.assignee).text != cell(.contact).text {
            record.assignees = try labels(cell(.assignee), input).map {
                Xref.person(label: $0, location: cell(.assignee).location)
            }
        }
        record.registrationDate = text(.registrationDate).map(Parsed.init)
        record.modificationDate = text(.modificationDate).map(Parsed.init)
        let references = try labels(cell(.reference), input).map {
            Xref.reference(label: $0, location: cell(.reference).location)
        }
        record.xrefs = contacts + references
        record.serviceCode = text(.serviceCode).map(Parsed.init)
        record.unauthorizedUse = text(.unauthorizedUse).map { RichText(stringLiteral: $0) }
        record.notes = text(.notes).map { [RichText(stringLiteral: $0)] } ?? []
        var locations = FieldLocations()
        locations[.record] = row[0].location.line == 0 ? row.first { $0.location.line != 0 }?.location : row[0].location
        for column in RegistryColumn.allCases { locations[column.field] = cell(column).location }
        record.locations = locations
        return record
    }

    /// `[a][b]` → `["a", "b"]`. Brackets may nest inside a label (`[see [1]]`).
    static func labels(_ cell: TableCell, _ input: InputFile) throws(ReadError) -> [String] {
        let scan = BracketScan(cell.text)
        guard !scan.hasTextOutside, !scan.isUnclosed else {
            throw ReadError(
                file: input.displayName, line: Int(cell.location.line), column: Int(cell.location.column),
                message: scan.hasTextOutside
                    ? "expected [label] references, found text outside brackets: \"\(cell.text)\""
                    : "unclosed [ in \"\(cell.text)\"")
        }
        return scan.labels
    }
}

/// A text read as a run of `[label]`s: the labels, and whether anything was outside brackets
/// or left unclosed.
struct BracketScan {
    var labels: [String] = []
    var hasTextOutside = false
    var isUnclosed = false

    init(_ text: String) {
        var depth = 0
        var start = text.utf8.startIndex
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            if depth == 0 {
                guard byte == UInt8(ascii: "[") else {
                    hasTextOutside = true
                    return
                }
                start = text.utf8.index(after: index)
                depth = 1
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { labels.append(String(text[start..<index])) }
            }
        }
        isUnclosed = depth != 0
    }

    /// True for a non-empty text made only of closed `[label]`s.
    var isLabelsOnly: Bool { !labels.isEmpty && !hasTextOutside && !isUnclosed }
}
