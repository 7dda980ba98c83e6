import RegistryLayoutKit
import RegistryModel

/// One cell of a flat table and where it starts. An empty cell that the layout did not show
/// has a location on line 0 ("not recorded").
struct TableCell {
    var text: String
    var location: SourceLocation

    static let missing = TableCell(text: "", location: SourceLocation(line: 0, column: 0))
}

enum RegistryColumns {
    /// A record from one cell per column (`RegistryColumn` order), the cells as text: bracketed
    /// labels become xrefs again (`[Person]` → person, `[RFC…]` → rfc, …).
    static func record(from cells: [TableCell], _ input: InputFile) throws(ReadError) -> Record {
        func people(_ cell: TableCell) throws(ReadError) -> [Xref] {
            try labels(cell, input).map { Xref.person(label: $0, location: cell.location) }
        }
        // Most rows repeat the Contact cell as the Assignee (no <assignee>): read it once.
        let contactCell = cells[RegistryColumn.contact.rawValue]
        let contacts = try people(contactCell)
        var row = RecordRow()
        for column in RegistryColumn.allCases {
            let cell = cells[column.rawValue]
            switch column.content {
            case .value: row.set(column, text: cell.text, at: cell.location)
            case .richText: row.set(column, richText: RichText(stringLiteral: cell.text), at: cell.location)
            case .notes: row.set(notes: cell.text.isEmpty ? [] : [RichText(stringLiteral: cell.text)], at: cell.location)
            case .people:
                row.set(column, xrefs: column == .contact || cell.text == contactCell.text ? contacts : try people(cell), at: cell.location)
            case .references:
                row.set(column, xrefs: try labels(cell, input).map { Xref.reference(label: $0, location: cell.location) }, at: cell.location)
            }
        }
        return row.record()
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
