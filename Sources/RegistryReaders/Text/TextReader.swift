import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// Reads IANA's plain-text page (`.txt`, the HTML page dumped by a text browser): the title,
/// the metadata blocks, the records table, the people table ("Contact Information", "People"
/// on older pages) and the footnotes. Both IANA layouts read: 2026 (site banner, labels at the
/// margin, 12 columns) and 2013 (no banner, indented labels, three header lines, "Known
/// Unauthorized Uses"). Tables are read by `TextTable`: columns from the blanks in the data,
/// rows around their anchor line. What the page cannot show (xref types and targets, exact
/// line breaks) comes back as the CSV reader brings it back: from the `[LABEL]` text.
public enum TextReader: RegistryReader {
    public static let name = "txt"
    public static let aliases = ["text", "plain"]

    static let recordColumns = Set(RegistryColumn.allTitles)
    static let peopleColumns = Set(PeopleColumn.titles)
    /// Titles of the page's sections after the records, IANA's footer included.
    static let sectionTitles: Set<String> = [
        PageSection.people, PageSection.olderPeople, PageSection.footnote, PageSection.footnotes, PageSection.footer,
    ]

    /// IANA's page, not a copy of it with the blanks collapsed (the seeds): the site banner
    /// followed by its navigation bullets, the title centred, or the table header with its
    /// columns apart.
    public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
        let lines = TextLines(Array(head))
        for index in 0..<lines.count {
            let text = lines.text(index)
            if text == RegistryPage.banner, index + 1 < lines.count,
               lines.text(index + 1).utf8.starts(with: [0xE2, 0x80, 0xA2]) { return true }  // "•"
            if text == RegistryPage.defaultTitle, lines.indent(index) >= 4 { return true }
            if text.hasPrefix(RegistryColumn.name.title + "  "), text.contains(RegistryColumn.number.title) { return true }
        }
        return false
    }

    public static func read(_ input: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Registry {
        let input = TabStops.expanded(try lineTextInput(input), &diagnostics)
        var lines = TextLines(input.bytes)
        guard let header = headerBlock(lines, words: words(of: recordColumns), from: 0) else {
            throw ReadError(
                file: input.displayName, line: 1, column: 1,
                message: "no records table: expected a header line naming Service Name, Port Number, Transport Protocol, … (is this IANA's .txt page?)")
        }
        var registry = Registry(sourceFiles: [input.displayName])
        TextMetadata.read(lines, before: header.lowerBound, into: &registry)
        let recordsEnd = nextSection(lines, from: header.upperBound)
        func recordsTable(_ lines: TextLines) throws(ReadError) -> TextTable {
            try TextTable(
                lines, header: header, end: recordsEnd, knownNames: recordColumns,
                anchorNames: Set(RegistryColumn.oneLine.map(\.title)),
                input: input, what: "records table")
        }
        let table: TextTable
        do {
            table = try recordsTable(lines)
        } catch {
            // Older pages were laid out by a browser that counted bytes, not characters.
            lines.countsBytes = true
            guard let byBytes = try? recordsTable(lines) else { throw error }
            table = byBytes
        }
        if recordsEnd == lines.count { try checkWholeLastLine(input, lines) }
        var records = TextRecords(lines: lines, table: table, input: input)
        registry.records = records.read(&diagnostics)
        var section = recordsEnd
        while section < lines.count {
            let title = lines.text(section)
            let end = nextSection(lines, from: section + 1)
            switch title {
            case PageSection.people, PageSection.olderPeople:
                registry.people = try readPeople(lines, section + 1..<end, input, &diagnostics)
            case PageSection.footnote, PageSection.footnotes:
                registry.footnotes = readFootnotes(lines, section + 1..<end, input)
            default:
                break  // the site's footer
            }
            section = end
        }
        return registry
    }

    /// A page that stops inside its records table in the middle of a line was cut short. (One
    /// that stops after a whole row may be whole: this writer's pages end there when the
    /// registry has no people and no footnotes.)
    private static func checkWholeLastLine(_ input: InputFile, _ lines: TextLines) throws(ReadError) {
        guard let last = input.bytes.last, last != 0x0A, lines.count > 0 else { return }
        throw ReadError(
            file: input.displayName, line: lines.count, column: lines.ends[lines.count - 1] - lines.starts[lines.count - 1] + 1,
            message: "the page ends in the middle of a line of the records table; it looks truncated (get the whole page)")
    }

    /// The contiguous lines around the first line of three or more header words, all made of
    /// header words.
    static func headerBlock(_ lines: TextLines, words: Set<String>, from start: Int) -> Range<Int>? {
        func isHeader(_ line: Int) -> Bool {
            let tokens = lines.text(line).split(separator: " ")
            return !tokens.isEmpty && tokens.allSatisfy { words.contains(String($0)) }
        }
        guard let seed = (start..<lines.count).first(where: { isHeader($0) && lines.text($0).split(separator: " ").count >= 3 })
        else { return nil }
        var low = seed
        var high = seed + 1
        while low > start, isHeader(low - 1) { low -= 1 }
        while high < lines.count, isHeader(high) { high += 1 }
        return low..<high
    }

    static func words(of names: Set<String>) -> Set<String> {
        Set(names.flatMap { $0.split(separator: " ").map(String.init) })
    }

    /// The line of the next section title (after an empty line), or the end of the page.
    static func nextSection(_ lines: TextLines, from start: Int) -> Int {
        var line = max(start, 1)
        while line < lines.count {
            if lines.isEmpty(line - 1), sectionTitles.contains(lines.text(line)) { return line }
            line += 1
        }
        return lines.count
    }

    private static func readPeople(
        _ lines: TextLines, _ range: Range<Int>, _ input: InputFile, _ diagnostics: inout [Diagnostic]
    ) throws(ReadError) -> [Person] {
        guard let header = headerBlock(lines, words: words(of: peopleColumns), from: range.lowerBound),
              header.upperBound <= range.upperBound
        else {
            throw ReadError(
                file: input.displayName, line: range.lowerBound + 1, column: 1,
                message: "the people table has no header (\(PeopleColumn.titles.joined(separator: ", ")))")
        }
        let table = try TextTable(
            lines, header: header, end: range.upperBound, knownNames: peopleColumns,
            anchorNames: [PeopleColumn.id.title, PeopleColumn.lastUpdated.title], input: input, what: "people table")
        return table.rows.map { row in
            let cells = TextRecords.cells(lines, table, row.lines)
            func cell(_ column: PeopleColumn) -> TextCell? { table.column(column.title).map { cells[$0] }.flatMap { $0.isEmpty ? nil : $0 } }
            let idCell = cell(.id)
            var id = idCell?.joined(lines) ?? ""
            if id.hasPrefix("["), id.hasSuffix("]") {
                id = String(id.dropFirst().dropLast())
            } else {
                diagnostics.append(Diagnostic(
                    file: input.displayName, line: row.anchor + 1,
                    message: "a person's ID is not in brackets: \"\(id)\"; taken as written"))
            }
            return Person(
                id: id, name: cell(.name)?.joined(lines), organization: cell(.organization)?.joined(lines),
                uris: cell(.contactURI)?.lines.filter { !$0.isEmpty }.map { lines.string($0) } ?? [],
                updated: cell(.lastUpdated).map { Parsed($0.joined(lines)) },
                location: input.location(line: (idCell?.firstLine ?? row.anchor) + 1, column: idCell?.column ?? 1))
        }
    }

    /// `[N] text` with its continuation lines indented under the text.
    private static func readFootnotes(_ lines: TextLines, _ range: Range<Int>, _ input: InputFile) -> [Footnote] {
        var footnotes: [Footnote] = []
        var texts: [[String]] = []
        var hang = 0
        for line in range {
            let visible = lines.trimmed(line)
            let bytes = lines.bytes[visible]
            if bytes.first == UInt8(ascii: "["), let close = bytes.firstIndex(of: UInt8(ascii: "]")),
               close > visible.lowerBound + 1,
               ASCII.isDigits(bytes[(visible.lowerBound + 1)..<close]) {
                var textStart = close + 1
                while textStart < visible.upperBound, ASCII.isBlank(lines.bytes[textStart]) { textStart += 1 }
                hang = textStart - lines.starts[line]
                footnotes.append(Footnote(
                    anchor: lines.string((visible.lowerBound + 1)..<close), text: RichText(),
                    location: input.location(line: line + 1, column: visible.lowerBound - lines.starts[line] + 1)))
                texts.append([lines.string(textStart..<visible.upperBound)])
            } else if !texts.isEmpty {
                let start = min(lines.starts[line] + hang, visible.lowerBound)
                texts[texts.count - 1].append(visible.isEmpty ? "" : lines.string(start..<visible.upperBound))
            }
        }
        for index in footnotes.indices {
            var paragraph = texts[index]
            while paragraph.last == "" { paragraph.removeLast() }
            footnotes[index].text = RichText(stringLiteral: paragraph.joined(separator: "\n"))
        }
        return footnotes
    }
}
