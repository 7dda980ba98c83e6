import RegistryLayoutKit
import ASCIIBytes
import RegistryModel

/// Reads the registry's web page as scraped into Markdown-like text (the seeds `000_…`,
/// `001_…`): the title, the metadata as `- key` / `- value` items (or `-` then the value's
/// lines), the records as `|`-separated rows under a `---|---` line, and the "Contact
/// Information" table. The scrape dropped every empty cell and ended each row with one `|` per
/// dropped cell, so a row's cells are matched to the 12 columns by content (`ScrapedRow`), and
/// every guess is reported with its line. Read-only: ianaconv does not write this layout.
public enum ScrapedMarkdownReader: RegistryReader {
    public static let name = "scraped-md"
    public static let aliases = ["md", "markdown"]

    /// How the header rows start: the first two titles, each followed by ` |`.
    static let recordsHeader = RegistryColumn.titles.prefix(2).map { $0 + " |" }.joined(separator: " ")
    static let peopleHeader = PeopleColumn.titles.prefix(2).map { $0 + " |" }.joined(separator: " ")

    public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
        var lines = head.split(separator: 0x0A, omittingEmptySubsequences: false)
        if head.last != 0x0A, lines.count > 1 { lines.removeLast() }  // maybe cut mid-line
        return lines.contains { $0.starts(with: "- Last Updated".utf8) || $0.starts(with: recordsHeader.utf8) }
    }

    public static func read(_ input: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Registry {
        let input = try lineTextInput(input)
        let lines = ScrapedPage.lines(input)
        var registry = Registry(sourceFiles: [input.displayName])
        var index = 0
        var section = ScrapedPage.Section.metadata
        var sawRecordsTable = false
        func text(_ i: Int) -> ArraySlice<UInt8> { lines[i].bytes }
        while index < lines.count {
            let line = text(index)
            let number = lines[index].number
            let trimmed = ScrapedPage.trimmed(line)
            if trimmed.isEmpty {
                index += 1
            } else if line.starts(with: recordsHeader.utf8) {
                section = .records
                sawRecordsTable = true
                index += skipRule(after: index, lines)
            } else if trimmed.elementsEqual(PageSection.people.utf8) {
                section = .people
                registry.people = registry.people ?? []
                index += 1
            } else if section == .people, line.starts(with: peopleHeader.utf8) {
                index += skipRule(after: index, lines)
            } else if section == .metadata, line.first == UInt8(ascii: "-") {
                index = readItem(at: index, lines, into: &registry, input, &diagnostics)
            } else if section == .metadata, registry.title == nil, registry.experts.isEmpty, registry.updated == nil {
                registry.title = ScrapedPage.string(trimmed)
                index += 1
            } else if section != .metadata {
                var rowText = Array(line)
                var next = index + 1
                while next < lines.count, text(next).first == UInt8(ascii: "|") {  // a row broken over lines
                    rowText += [0x0A] + text(next)
                    next += 1
                }
                var notes = Notes(input: input, line: number)
                let row = splitRow(rowText, line: number, input, &notes)
                diagnostics += notes.diagnostics
                if row.pieces.isEmpty {
                    diagnostics.append(Diagnostic(file: input.displayName, line: number, message: "row without cells; skipped"))
                } else if section == .records {
                    registry.records.append(try row.record(input, diagnostics: &diagnostics))
                } else if let person = person(from: row, input, &diagnostics) {
                    registry.people!.append(person)
                }
                index = next
            } else {
                diagnostics.append(Diagnostic(file: input.displayName, line: number, message: "line not read: not a metadata item, a table row or the title"))
                index += 1
            }
        }
        guard sawRecordsTable else { throw ScrapedPage.noRecordsTable(input, "the Markdown-like page has a line starting \"\(recordsHeader)\"") }
        return registry
    }

    /// Lines a table header takes: itself, and the `---|---` rule under it.
    private static func skipRule(after header: Int, _ lines: [(number: Int, bytes: ArraySlice<UInt8>)]) -> Int {
        header + 1 < lines.count && lines[header + 1].bytes.starts(with: "---".utf8) ? 2 : 1
    }

    /// `- key` then `- value`, or `- key`, `-` and the value on the lines up to the next item or
    /// table. Returns the index after the item.
    private static func readItem(at start: Int, _ lines: [(number: Int, bytes: ArraySlice<UInt8>)], into registry: inout Registry,
                                 _ input: InputFile, _ diagnostics: inout [Diagnostic]) -> Int {
        let key = ScrapedPage.string(ScrapedPage.trimmed(lines[start].bytes.dropFirst()))
        var index = start + 1
        var value: [String] = []
        if index < lines.count, lines[index].bytes.starts(with: "- ".utf8) {
            value = [ScrapedPage.string(ScrapedPage.trimmed(lines[index].bytes.dropFirst(2)))]
            index += 1
        } else if index < lines.count, ScrapedPage.trimmed(lines[index].bytes).elementsEqual("-".utf8) {
            index += 1
            while index < lines.count, lines[index].bytes.first != UInt8(ascii: "-"),
                  !lines[index].bytes.starts(with: recordsHeader.utf8) {
                value.append(ScrapedPage.string(lines[index].bytes))
                index += 1
            }
        }
        if key.isEmpty || value.isEmpty {
            diagnostics.append(Diagnostic(file: input.displayName, line: lines[start].number, message: "metadata item \"\(key)\" without a value; skipped"))
            return index
        }
        let text = value.joined(separator: "\n")
        ScrapedPage.applyMetadata(key: key, value: text, at: lines[start + 1].number, to: &registry, input, &diagnostics)
        return index
    }

    /// A row's non-empty cells, and how many columns it fills: the count of the `|` markers
    /// of dropped cells that end it tells how many cells were empty.
    static func splitRow(_ bytes: [UInt8], line: Int, _ input: InputFile, _ notes: inout Notes) -> ScrapedRow {
        var pieces: [ScrapedRow.Piece] = []
        var empty = 0
        var lineNumber = line
        var lineStart = 0
        var start = 0
        for index in 0...bytes.count {
            guard index == bytes.count || bytes[index] == UInt8(ascii: "|") else {
                if bytes[index] == 0x0A { lineNumber += 1; lineStart = index + 1 }
                continue
            }
            let cell = ASCII.trimming(bytes[start..<index]).indices
            let (low, high) = (cell.lowerBound, cell.upperBound)
            if low < high {
                let column = low - lineStart + 1
                pieces.append(.init(range: low..<high, location: input.location(line: lineNumber, column: column)))
            } else {
                empty += 1
            }
            start = index + 1
        }
        // The text after the last `|` is no cell: the row ends with a separator.
        let markers = max(0, empty - 1)
        let columns = RegistryColumn.allCases.count
        let filled: Int? = markers > 0 || pieces.count >= columns ? max(0, columns - markers) : nil
        return ScrapedRow(bytes: bytes, pieces: pieces, line: line, filled: filled, piecesAreWords: false)
    }

    /// A "Contact Information" row: `[id]`, then name and/or organization, URI, last updated,
    /// empty cells dropped.
    private static func person(from row: ScrapedRow, _ input: InputFile, _ diagnostics: inout [Diagnostic]) -> Person? {
        var notes = Notes(input: input, line: row.line)
        defer { diagnostics += notes.diagnostics }
        guard let split = ScrapedPage.peopleRow(row, &notes) else { return nil }
        let texts = split.texts.map { TableCell(text: row.text($0, 1), location: row.pieces[$0].location) }
        return ScrapedPage.person(id: split.id, texts: texts, uris: split.uris, updated: split.updated, at: split.location, &notes)
    }
}
