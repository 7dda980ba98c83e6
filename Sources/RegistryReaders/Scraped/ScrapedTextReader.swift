import RegistryLayoutKit
import ASCIIBytes
import RegistryModel

/// Reads IANA's plain-text page after every run of spaces was collapsed to one (the seed
/// `002_…`): the banner and title, the metadata blocks (`Last Updated`, `Expert(s)`,
/// `Reference`, `Note`, `Request an Assignment`, …) as lines under their heading, one record per
/// line under the one-line column header, and the "Contact Information" table. Column
/// boundaries are gone, so each record is recovered word by word by the content classes of the
/// columns (`ScrapedRow`); every guess is reported with its line. Read-only.
public enum ScrapedTextReader: RegistryReader {
    public static let name = "scraped-txt"
    public static let aliases = ["collapsed"]

    /// How the collapsed header lines start: the first titles one blank apart.
    static let recordsHeader = RegistryColumn.titles.prefix(3).joined(separator: " ")
    static let peopleHeader = PeopleColumn.titles.prefix(3).joined(separator: " ")
    static let headings: Set<String> = [
        MetadataLabel.lastUpdated, MetadataLabel.experts, MetadataLabel.reference, MetadataLabel.note,
        "Request an Assignment", MetadataLabel.availableFormats,
    ]

    /// The collapsed page has its column header on one line, single-spaced, and its metadata
    /// values flush left (`Last Updated` then the date). IANA's own page centres the header
    /// words over two lines and indents the values.
    public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
        let lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).map { $0.last == 0x0D ? $0.dropLast() : $0 }
        if lines.contains(where: { $0.starts(with: recordsHeader.utf8) }) { return true }
        for (index, line) in lines.enumerated().dropLast() where line.elementsEqual(MetadataLabel.lastUpdated.utf8) {
            if CellContent(ScrapedPage.string(lines[index + 1])).isDateShaped { return true }
        }
        return false
    }

    public static func read(_ input: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Registry {
        let input = try lineTextInput(input)
        let lines = ScrapedPage.lines(input)
        var registry = Registry(sourceFiles: [input.displayName])
        var section = ScrapedPage.Section.metadata
        var sawRecordsTable = false
        var heading: (key: String, line: Int)?
        var value: [String] = []
        func finishBlock() {
            guard let current = heading else { return }
            while value.first?.allSatisfy({ $0 == " " }) == true { value.removeFirst() }
            while value.last?.allSatisfy({ $0 == " " }) == true { value.removeLast() }
            if value.isEmpty {
                diagnostics.append(Diagnostic(file: input.displayName, line: current.line, message: "\"\(current.key)\" without a value; skipped"))
            } else {
                ScrapedPage.applyMetadata(key: current.key, value: value.joined(separator: "\n"), at: current.line + 1, to: &registry, input, &diagnostics)
            }
            heading = nil
            value = []
        }
        for (number, line) in lines {
            let trimmed = ScrapedPage.string(ScrapedPage.trimmed(line))
            if line.starts(with: recordsHeader.utf8) {
                finishBlock()
                section = .records
                sawRecordsTable = true
            } else if trimmed == PageSection.people {
                finishBlock()
                section = .people
                registry.people = registry.people ?? []
            } else if section == .people, line.starts(with: peopleHeader.utf8) {
                continue
            } else if section == .metadata {
                if headings.contains(trimmed) {
                    finishBlock()
                    heading = (trimmed, number)
                } else if heading != nil {
                    value.append(ScrapedPage.string(line))
                } else if trimmed.isEmpty || trimmed == RegistryPage.banner {
                    continue  // the site's banner: not registry data
                } else if registry.title == nil {
                    registry.title = trimmed
                } else {
                    diagnostics.append(Diagnostic(file: input.displayName, line: number, message: "line not read: before the metadata and not the title"))
                }
            } else if trimmed.isEmpty {
                continue
            } else {
                let row = words(Array(line), line: number, input)
                if section == .records {
                    registry.records.append(try row.record(input, diagnostics: &diagnostics))
                } else {
                    var notes = Notes(input: input, line: number)
                    if let person = person(from: row, &notes) { registry.people!.append(person) }
                    diagnostics += notes.diagnostics
                }
            }
        }
        finishBlock()
        guard sawRecordsTable else { throw ScrapedPage.noRecordsTable(input, "the collapsed page has its column header on one line, starting \"\(recordsHeader)\"") }
        return registry
    }

    /// The line's words, split at spaces, except inside `[…]` (a label may hold spaces).
    static func words(_ bytes: [UInt8], line: Int, _ input: InputFile) -> ScrapedRow {
        var pieces: [ScrapedRow.Piece] = []
        let lastClose = bytes.lastIndex(of: UInt8(ascii: "]")) ?? -1
        var index = 0
        while index < bytes.count {
            guard !ASCII.isWhiteSpace(bytes[index]) else { index += 1; continue }
            let start = index
            var depth = 0
            while index < bytes.count, depth > 0 || !ASCII.isWhiteSpace(bytes[index]) {
                if bytes[index] == UInt8(ascii: "[") {
                    // Only a label closed on this line may hold spaces.
                    if depth > 0 || index < lastClose { depth += 1 }
                } else if bytes[index] == UInt8(ascii: "]"), depth > 0 {
                    depth -= 1
                }
                index += 1
            }
            pieces.append(.init(range: start..<index, location: input.location(line: line, column: start + 1)))
        }
        return ScrapedRow(bytes: bytes, pieces: pieces, line: line, filled: nil, piecesAreWords: true)
    }

    /// A people row: `[id]`, the name and/or organization as words, URIs, the last-updated date.
    private static func person(from row: ScrapedRow, _ notes: inout Notes) -> Person? {
        guard let split = ScrapedPage.peopleRow(row, &notes) else { return nil }
        let texts = nameAndOrganization(id: split.id, words: split.texts, row, &notes)
        return ScrapedPage.person(id: split.id, texts: texts, uris: split.uris, updated: split.updated, at: split.location, &notes)
    }

    /// The name and organization columns ran together. IANA derives an id from the name (or
    /// the organization when there is no name): when the words start with the id's words and go
    /// on, the rest is the organization (`[IETF_Chair] IETF Chair IETF`).
    private static func nameAndOrganization(id: String, words: [Int], _ row: ScrapedRow, _ notes: inout Notes) -> [TableCell] {
        guard let first = words.first, let last = words.last else { return [] }
        func cell(_ from: Int, _ to: Int) -> TableCell {
            TableCell(text: row.text(from, to - from + 1), location: row.pieces[from].location)
        }
        func key(_ text: Substring) -> String { text.lowercased().filter { $0 != "." && $0 != "," } }
        var idWords = id.split(separator: "_").map(key)
        if idWords.count > 1, idWords.last!.allSatisfy(\.isNumber) { idWords.removeLast() }  // Ron_Minnich_2
        let shown = words.map { key(Substring(row.text($0, 1))) }
        if shown.count > idWords.count, Array(shown.prefix(idWords.count)) == idWords {
            let split = words[idWords.count]
            notes.add("[\(id)]: name and organization ran together; read \"\(cell(first, split - 1).text)\" as the name (it matches the id) and \"\(cell(split, last).text)\" as the organization")
            return [cell(first, split - 1), cell(split, last)]
        }
        if shown != idWords, shown.count > 1 {
            notes.add("[\(id)]: cannot tell where a name ends and an organization begins in \"\(cell(first, last).text)\"; read as one")
        }
        return [cell(first, last)]
    }
}
