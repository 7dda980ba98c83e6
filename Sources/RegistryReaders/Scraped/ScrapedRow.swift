import RegistryLayoutKit
import RegistryModel

/// One records-table row of a scraped page: its text and the pieces the scrape left, in order.
/// In the Markdown-like scrape a piece is a non-empty cell (the empty ones were dropped); in the
/// collapsed text a piece is a word (every column boundary was lost). Either way the pieces are
/// matched to the 12 columns by their content (`CellContent`) with the columns' order as a
/// constraint (`CellAlignment`); every guess becomes a warning with the row's line.
struct ScrapedRow {
    struct Piece {
        /// UTF-8 offsets into `text`.
        var range: Range<Int>
        var location: SourceLocation
    }

    var bytes: [UInt8]
    var pieces: [Piece]
    var line: Int
    /// How many columns the row fills, when the scrape says so (the Markdown scrape ends a row
    /// with one `|` per dropped cell).
    var filled: Int?
    /// True when pieces are words: free text spans many pieces freely; false when pieces are
    /// cells: joining two of them means a `|` stood inside a cell, which is rare.
    var piecesAreWords: Bool

    /// The text from the first piece to the last one, separators included.
    func text(_ first: Int, _ count: Int) -> String {
        String(decoding: bytes[pieces[first].range.lowerBound..<pieces[first + count - 1].range.upperBound], as: UTF8.self)
    }

    func record(_ input: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Record {
        var notes = Notes(input: input, line: line)
        var cells = [TableCell](repeating: .missing, count: RegistryColumn.allCases.count)
        if let spans = align(&notes) {
            for span in spans {
                cells[span.column] = TableCell(text: text(span.first, span.count), location: pieces[span.first].location)
            }
            describeGuesses(spans, &notes)
        } else if let first = pieces.first {
            // No reading fits the columns' order: keep the whole row, as its description.
            cells[RegistryColumn.description.rawValue] = TableCell(text: text(0, pieces.count), location: first.location)
            notes.add("no reading of this row fits the 12 columns in order; kept whole as the Description")
        }
        nameTheProtocolOfAnUnnamedRow(&cells, &notes)
        placeLoneDate(&cells, &notes)
        diagnostics += notes.diagnostics
        return try RegistryColumns.record(from: cells, input)
    }

    private func align(_ notes: inout Notes) -> [CellAlignment.Span]? {
        let columns = RegistryColumn.allCases
        // No column takes more than `maxMergedCells` cells: a longer row has no reading, and
        // weighing its readings would take some 8 KB a cell (a row of 100,000 took 815 MB).
        guard piecesAreWords || pieces.count <= columns.count * SpanContents.maxMergedCells else { return nil }
        let dccpRow = pieces.indices.contains { text($0, 1) == "dccp" }
        var contents = SpanContents(self)
        func solve(_ filled: Int?) -> [CellAlignment.Span]? {
            // Known filled columns bound how many pieces one cell can take.
            var longest = filled.map { max(1, pieces.count - $0 + 1) } ?? pieces.count
            if !piecesAreWords { longest = min(longest, SpanContents.maxMergedCells) }
            return CellAlignment.best(
                pieces: pieces.count, columns: columns.count, filled: filled, columnCost: 30,
                maxSpan: { CellContent.isFreeText(columns[$0]) ? longest : 1 },
                score: { column, first, count in
                    guard var value = contents.content(first, count).plausibility(as: columns[column], dccpRow: dccpRow)
                    else { return nil }
                    if piecesAreWords {
                        // Where two free texts meet, the words that open the later one decide.
                        value += contents.openingBonus(first, columns[column])
                    } else {
                        value -= 50 * (count - 1)  // a `|` inside a cell
                    }
                    return value
                },
                sameScoreUntil: { _, first, count in contents.sameContentUntil(first, count) })
        }
        if let filled, let spans = solve(filled) { return spans }
        if let filled {
            notes.add("the row's \(pieces.count) cells and \(12 - filled) empty-cell markers do not make 12 columns; cells matched by content only")
        }
        return solve(nil)
    }

    private func describeGuesses(_ spans: [CellAlignment.Span], _ notes: inout Notes) {
        if !piecesAreWords, filled == nil {
            notes.add("the row ends without the '|' markers of its empty cells (the page may be cut here); cells matched by content only")
        }
        for (index, span) in spans.enumerated() {
            let column = RegistryColumn(rawValue: span.column)!
            if !piecesAreWords, span.count > 1 {
                notes.add("\(pieces.count) cells for \(filled ?? spans.count) columns: a cell holds '|'; read \"\(abbreviated(text(span.first, span.count)))\" as one \(column.title) cell")
            } else if span.score < 0 {
                notes.add("read \"\(abbreviated(text(span.first, span.count)))\" as the \(column.title), though it does not look like one")
            }
            if piecesAreWords, index > 0, CellContent.isFreeText(column),
               let previous = RegistryColumn(rawValue: spans[index - 1].column), CellContent.isFreeText(previous) {
                notes.add("where the \(previous.title) ends and the \(column.title) begins is a guess: \"…\(abbreviated(text(spans[index - 1].first, spans[index - 1].count), tail: true))\" | \"\(abbreviated(text(span.first, span.count)))…\"")
            }
        }
    }

    /// Every record has a name or a number, so a row with neither whose protocol cell is set
    /// shows a legacy service named after a protocol (`tcp`, `udp`: name-only rows of 2026-08-17).
    private func nameTheProtocolOfAnUnnamedRow(_ cells: inout [TableCell], _ notes: inout Notes) {
        let name = RegistryColumn.name.rawValue
        let transport = RegistryColumn.transportProtocol.rawValue
        guard cells[name].text.isEmpty, cells[RegistryColumn.number.rawValue].text.isEmpty, !cells[transport].text.isEmpty
        else { return }
        cells[name] = cells[transport]
        cells[transport] = .missing
        notes.add("a row with neither name nor port: read \"\(cells[name].text)\" as the service name, not the protocol")
    }

    /// A row showing one date does not say which date it is. In IANA's registry (2026-08-17) a
    /// record with people and no reference shows its registration date alone (4,377 against
    /// 179), one with a reference and no people its modification date (39 against 2); with both
    /// or neither the odds are close, and the guess is reported.
    private func placeLoneDate(_ cells: inout [TableCell], _ notes: inout Notes) {
        let registration = RegistryColumn.registrationDate.rawValue
        let modification = RegistryColumn.modificationDate.rawValue
        guard cells[registration].text.isEmpty != cells[modification].text.isEmpty else { return }
        let date = cells[registration].text.isEmpty ? cells[modification] : cells[registration]
        let hasPeople = !cells[RegistryColumn.assignee.rawValue].text.isEmpty || !cells[RegistryColumn.contact.rawValue].text.isEmpty
        let hasReference = !cells[RegistryColumn.reference.rawValue].text.isEmpty
        let target = hasPeople ? registration : modification
        cells[registration] = .missing
        cells[modification] = .missing
        cells[target] = date
        if hasPeople == hasReference {
            let shows = hasPeople ? "people and a reference" : "neither people nor a reference"
            notes.add("one date, \(date.text), on a row with \(shows): read as the \(RegistryColumn(rawValue: target)!.title) (a guess)")
        }
    }

    private func abbreviated(_ text: String, tail: Bool = false) -> String {
        let limit = 40
        guard text.count > limit else { return text }
        return tail ? "…" + text.suffix(limit) : text.prefix(limit) + "…"
    }
}

/// The content of each span of a row that its alignment weighs, built once each and in memory
/// linear in the row: single pieces in full; runs of words (collapsed text) only by what decides
/// their score, the words that open them and whether they mention unauthorized use; runs of
/// cells (a `|` inside a cell) in full, up to `maxMergedCells`.
struct SpanContents {
    /// More `|` than this inside one cell is not a note but a broken row.
    static let maxMergedCells = 64

    private let row: ScrapedRow
    private var singles: [CellContent?]
    private var merged: [Int: CellContent] = [:]
    /// Per piece, in collapsed text: its opening words, and the bonus they give a note or an
    /// unauthorized-use text that starts there.
    private var openings: [CellContent] = []
    private var noteBonus: [Int] = []
    private var unauthorizedUseBonus: [Int] = []
    /// Per piece: where the first unauthorized-use word at or after its start ends.
    private var keywordEnd: [Int] = []

    init(_ row: ScrapedRow) {
        self.row = row
        singles = Array(repeating: nil, count: row.pieces.count)
        guard row.piecesAreWords else { return }
        let matches = CellContent.unauthorizedUseWords(in: row.bytes[...]).sorted { $0.lowerBound < $1.lowerBound }
        var suffixEnd = Array(repeating: Int.max, count: matches.count + 1)
        for index in matches.indices.reversed() { suffixEnd[index] = min(matches[index].upperBound, suffixEnd[index + 1]) }
        var next = 0
        for (index, piece) in row.pieces.enumerated() {
            while next < matches.count, matches[next].lowerBound < piece.range.lowerBound { next += 1 }
            keywordEnd.append(suffixEnd[next])
            let words = row.text(index, min(4, row.pieces.count - index))
            openings.append(CellContent(openingWords: words, mentionsUnauthorizedUse: false))
            noteBonus.append(CellContent.openingBonus(words, as: .notes))
            unauthorizedUseBonus.append(CellContent.openingBonus(words, as: .unauthorizedUse))
        }
    }

    mutating func content(_ first: Int, _ count: Int) -> CellContent {
        if count == 1 {
            if let known = singles[first] { return known }
            let made = CellContent(row.text(first, 1))
            singles[first] = made
            return made
        }
        if row.piecesAreWords {
            var run = openings[first]
            run.mentionsUnauthorizedUse = row.pieces[first + count - 1].range.upperBound >= keywordEnd[first]
            return run
        }
        let key = first * (SpanContents.maxMergedCells + 1) + count
        if let known = merged[key] { return known }
        let made = CellContent(row.text(first, count))
        merged[key] = made
        return made
    }

    /// For the span of `count` pieces from `first`, the first longer count whose content may
    /// differ: a run of words is its opening words and whether it reaches an unauthorized-use
    /// word, so its content changes at most once after its second word.
    func sameContentUntil(_ first: Int, _ count: Int) -> Int {
        guard row.piecesAreWords, count > 1 else { return count + 1 }
        let pieces = row.pieces
        guard pieces[first + count - 1].range.upperBound < keywordEnd[first] else { return .max }
        // The first piece after the span's last that ends at or past the word (ends ascend).
        var (low, high) = (first + count, pieces.count)
        while low < high {
            let middle = (low + high) / 2
            if pieces[middle].range.upperBound >= keywordEnd[first] { high = middle } else { low = middle + 1 }
        }
        return low == pieces.count ? .max : low - first + 1
    }

    func openingBonus(_ first: Int, _ column: RegistryColumn) -> Int {
        switch column {
        case .notes: noteBonus[first]
        case .unauthorizedUse: unauthorizedUseBonus[first]
        default: 0
        }
    }
}

/// The warnings of one row, all at the row's line.
struct Notes {
    let input: InputFile
    let line: Int
    var diagnostics: [Diagnostic] = []

    mutating func add(_ message: String) {
        diagnostics.append(Diagnostic(file: input.displayName, line: line, message: message))
    }
}
