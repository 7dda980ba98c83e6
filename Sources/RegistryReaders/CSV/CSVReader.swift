import RegistryLayoutKit
import RegistryModel

/// Reads IANA's CSV (RFC 4180): a header row naming the 12 columns (either name of column 11;
/// quoted or not, as spreadsheets save it), then one record per row, its lines ended by CRLF
/// or LF. Bracketed labels become xrefs again (`[Person]` → person, `[RFC…]` → rfc, …); a row
/// whose Assignee equals its Contact had no `<assignee>` element. The registry records the
/// era whose rule wrote the file (`CSVStyleEvidence`), so it is written back in that rule.
public enum CSVReader: RegistryReader {
    public static let name = "csv"
    public static let aliases: [String] = []

    static let columns = RegistryColumn.titles
    /// The first titles of the header row, bare or quoted, which tell IANA's CSV from other
    /// input.
    private static let firstTitles = [false, true].map { quoted in
        let title = { (column: RegistryColumn) in quoted ? "\"\(column.title)\"" : column.title }
        return (Array((title(.name) + ",").utf8), Array((title(.name) + "," + title(.number)).utf8))
    }

    public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
        // UTF-16 input reaches here already decoded (`Readers.detect`).
        firstTitles.contains { contentStart(head).starts(with: $0.1) }
    }

    public static func read(_ input: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Registry {
        let input = try textInput(input)
        // Refuse a foreign file before parsing a possibly huge first "row" of it.
        if !input.bytes.isEmpty, !firstTitles.contains(where: { contentStart(input.bytes.prefix(64)).starts(with: $0.0) }) {
            throw ReadError(
                file: input.displayName, line: 1, column: 1,
                message: "the header row is not IANA's 12 columns: it does not start with \"\(RegistryColumn.name.title)\"")
        }
        var parser = CSVParser(input: input)
        guard let header = try parser.nextRow() else {
            throw ReadError(file: input.displayName, line: 1, column: 1, message: "empty input: a CSV registry starts with a header row")
        }
        try checkHeader(header, input)
        var registry = Registry(sourceFiles: [input.displayName])
        var evidence = CSVStyleEvidence(header: header.map(\.text))
        while let row = try parser.nextRow() {
            guard row.count == columns.count else {
                let at = row.first?.location ?? input.location(line: 0, column: 0)
                throw ReadError(
                    file: input.displayName, line: Int(at.line), column: Int(at.column),
                    message: "row has \(row.count) fields, expected \(columns.count) (check the quoting of the row)")
            }
            evidence.look(at: row)
            registry.records.append(try RegistryColumns.record(from: row, input))
        }
        registry.csvStyle = evidence.style
        if evidence.style == .from2020 { CSVStyleEvidence.restoreLoneBreaks(in: &registry.records) }
        return registry
    }

    private static func checkHeader(_ header: [TableCell], _ input: InputFile) throws(ReadError) {
        let names = header.map(\.text)
        var expected = columns
        let older = RegistryColumn.olderUnauthorizedUseTitle
        if names.count == columns.count, names[RegistryColumn.unauthorizedUse.rawValue] == older {
            expected[RegistryColumn.unauthorizedUse.rawValue] = older
        }
        guard names == expected else { throw headerError(header, expected: expected, input) }
    }

    /// Names the first column that differs, found against expected.
    private static func headerError(_ header: [TableCell], expected: [String], _ input: InputFile) -> ReadError {
        let names = header.map(\.text)
        let column = names.indices.first { $0 >= expected.count || names[$0] != expected[$0] } ?? names.count
        let at = column < header.count ? header[column].location : input.location(line: 1, column: 1)
        let found = column < names.count ? "\"\(names[column])\"" : "nothing (the row ends)"
        let wanted = column < expected.count ? "\"\(expected[column])\"" : "the end of the row"
        return ReadError(
            file: input.displayName, line: Int(at.line), column: Int(at.column),
            message: "the header row is not IANA's 12 columns: column \(column + 1) is \(found), expected \(wanted)")
    }
}

/// RFC 4180 on bytes: quoted fields may hold commas, doubled quotes and line breaks. Accepts
/// CRLF, LF or CR line ends and tracks the line and column where each field starts.
struct CSVParser {
    private let input: InputFile
    private var position: Int
    private var line = 1
    private var lineStart: Int

    init(input: InputFile) {
        self.input = input
        let bom = input.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        position = bom
        lineStart = bom
    }

    mutating func nextRow() throws(ReadError) -> [TableCell]? {
        let bytes = input.bytes
        guard position < bytes.count else { return nil }
        var row: [TableCell] = []
        var field: [UInt8] = []
        while true {
            let location = input.location(line: line, column: position - lineStart + 1)
            field.removeAll(keepingCapacity: true)
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                try readQuoted(into: &field, from: location)
            } else {
                while position < bytes.count, !isFieldEnd(bytes[position]) {
                    if bytes[position] == UInt8(ascii: "\"") {
                        throw error("a quote inside an unquoted field (quote the whole field and double the quote)")
                    }
                    field.append(bytes[position])
                    position += 1
                }
            }
            row.append(TableCell(text: String(decoding: field, as: UTF8.self), location: location))
            guard position < bytes.count else { return row }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case 0x0D, 0x0A:
                consumeLineEnd()
                return row
            default:
                throw error("text after a closing quote (expected a comma or the end of the line)")
            }
        }
    }

    private mutating func readQuoted(into field: inout [UInt8], from start: SourceLocation) throws(ReadError) {
        let bytes = input.bytes
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
                    field.append(byte)
                    position += 2
                    continue
                }
                position += 1
                return
            }
            if byte == 0x0D || byte == 0x0A {
                // Keep the line end as written; count the line.
                field.append(byte)
                if byte == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A {
                    field.append(0x0A)
                    position += 1
                }
                position += 1
                line += 1
                lineStart = position
                continue
            }
            field.append(byte)
            position += 1
        }
        throw ReadError(
            file: input.displayName, line: Int(start.line), column: Int(start.column),
            message: "quoted field never closed (unterminated quote)")
    }

    private func isFieldEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == 0x0D || byte == 0x0A
    }

    private mutating func consumeLineEnd() {
        if input.bytes[position] == 0x0D, position + 1 < input.bytes.count, input.bytes[position + 1] == 0x0A {
            position += 1
        }
        position += 1
        line += 1
        lineStart = position
    }

    private func error(_ message: String) -> ReadError {
        ReadError(file: input.displayName, line: line, column: position - lineStart + 1, message: message)
    }
}
