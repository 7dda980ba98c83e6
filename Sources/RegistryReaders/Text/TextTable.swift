import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// A table of a plain-text page, as a text browser lays out an HTML table:
///
/// - columns are fixed-width and separated by blanks, so a column boundary is a run of display
///   columns that is blank on every line of the table (header included). The header words are
///   centred and only *name* the columns found that way; where blanks happen to split one
///   column (a narrow `Port Number`), the pieces are merged until their header is a known name;
/// - each cell is centred vertically in its row: a cell of height h in a row of height H starts
///   `(H - h) / 2` lines down. So the one-line cells (the anchors: name, port, protocol, dates)
///   all sit on one line, and every other cell covers that line too; a tall note starts above it.
struct TextTable {
    /// The header name of each column, and the display columns it spans.
    var names: [String]
    var columns: [Range<Int>]
    /// Line indices (0-based) of each row, of the line its one-line cells sit on, and whether
    /// the boundary with the row above was a guess (the page allows two groupings there).
    var rows: [(lines: ClosedRange<Int>, anchor: Int, guessed: Bool)]
    private var wrapWidths: [Int]
    /// Each body line's cells (byte ranges), row-major from `bodyStart`: read once, used by
    /// the grouping and by the readers of the rows.
    private var cellRanges: [Range<Int>]
    private var bodyStart: Int

    /// The text of a column on a line of the table's body.
    func cell(line: Int, column: Int) -> Range<Int> { cellRanges[(line - bodyStart) * columns.count + column] }

    func column(_ name: String) -> Int? { names.firstIndex(of: name) }

    /// How wide text may run in a column: to the next column less one blank, or for the last
    /// column as wide as it is.
    func wrapWidth(_ index: Int) -> Int { wrapWidths[index] }

    /// Reads the table whose header block is `header` and whose rows run from the line after
    /// it up to `end` (exclusive; empty lines at the end are not part of it).
    /// `knownNames` are the header names that may appear; a row's anchors are the lines where
    /// a column of `anchorNames` has text.
    init(
        _ lines: TextLines, header: Range<Int>, end: Int, knownNames: Set<String>, anchorNames: Set<String>,
        input: InputFile, what: String
    ) throws(ReadError) {
        var bodyEnd = end
        while bodyEnd > header.upperBound, lines.isEmpty(bodyEnd - 1) { bodyEnd -= 1 }
        let body = header.upperBound..<bodyEnd
        guard !body.isEmpty else {
            throw ReadError(
                file: input.displayName, line: header.upperBound, column: 1,
                message: "the \(what) has a header but no rows; the page looks truncated")
        }
        let counts = lines.occupiedColumns(body)
        let inHeader = lines.occupiedColumns(header)
        func isUsed(_ column: Int, allowing stray: Int) -> Bool {
            (column < inHeader.count && inHeader[column] > 0) || (column < counts.count && counts[column] > stray)
        }
        let width = max(counts.count, inHeader.count)
        let pieces = TextTable.runs(width) { isUsed($0, allowing: 0) }
        (names, columns) = try TextTable.name(pieces, lines, header: header, knownNames: knownNames, input: input, what: what) { piece in
            // Blanks in all but a few lines (a word that overflowed its column) still part columns.
            TextTable.runs(width) { piece.contains($0) && isUsed($0, allowing: max(1, body.count / 1000)) }
        }
        guard Set(names).count == names.count else {
            throw ReadError(
                file: input.displayName, line: header.lowerBound + 1, column: 1,
                message: "the \(what) names a column twice (\(names.joined(separator: ", "))); is the header edited?")
        }
        var anchorMask: UInt32 = 0
        for (index, name) in names.enumerated() where anchorNames.contains(name) { anchorMask |= 1 << UInt32(index) }
        let protocolMask: UInt32 = names.firstIndex(of: RegistryColumn.transportProtocol.title).map { 1 << UInt32($0) } ?? 0
        var occupancy: [UInt32] = []
        var widths: [(line: Int, firstWord: Int, capital: Bool)] = []
        var cells: [Range<Int>] = []
        occupancy.reserveCapacity(body.count)
        cells.reserveCapacity(body.count * columns.count)
        widths.reserveCapacity(body.count * columns.count)
        for line in body {
            var mask: UInt32 = 0
            for (index, cell) in lines.cells(line, columns: columns).enumerated() {
                cells.append(cell)
                if !cell.isEmpty { mask |= 1 << UInt32(index) }
                let word = cell.lowerBound..<(lines.bytes[cell].firstIndex(where: ASCII.isBlank) ?? cell.upperBound)
                let capital = !cell.isEmpty && lines.bytes[cell.lowerBound] >= UInt8(ascii: "A") && lines.bytes[cell.lowerBound] <= UInt8(ascii: "Z")
                widths.append((lines.width(cell), lines.width(word), capital))
            }
            occupancy.append(mask)
        }
        cellRanges = cells
        bodyStart = body.lowerBound
        let columns = self.columns
        let wrapWidths = columns.indices.map { index in
            index + 1 < columns.count ? columns[index + 1].lowerBound - columns[index].lowerBound - 1 : columns[index].count
        }
        self.wrapWidths = wrapWidths
        let grouping = RowGrouping(
            occupancy: occupancy, anchorMask: anchorMask, columnCount: columns.count,
            widths: widths, wrapWidths: wrapWidths, twinMask: anchorMask & ~protocolMask, bytes: lines.bytes, cells: cells)
        switch grouping.topAnchoredRows() ?? grouping.rows() {
        case .success(let rows):
            self.rows = rows.map {
                (($0.lines.lowerBound + body.lowerBound)...($0.lines.upperBound + body.lowerBound), $0.anchor + body.lowerBound, $0.guessed)
            }
        case .failure(let failure):
            throw ReadError(
                file: input.displayName, line: body.lowerBound + failure.line + 1, column: 1,
                message: failure.atEnd
                    ? "the \(what) ends inside a row: the cells around this line have no lines below to balance the ones above; the page looks truncated"
                    : "cannot group the lines around here into rows of the \(what) (each cell must be centred on its row's one-line cells); the page looks edited or cut")
        }
    }

    /// The maximal runs of columns below `width` where `used` holds.
    private static func runs(_ width: Int, _ used: (Int) -> Bool) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for column in 0...width {
            let isUsed = column < width && used(column)
            if isUsed, start == nil { start = column }
            if !isUsed, let from = start {
                runs.append(from..<column)
                start = nil
            }
        }
        return runs
    }

    /// Names the pieces by the header text above them, merging neighbours that one header
    /// name spans. A piece under several names is split by `split`; a piece with no header is
    /// the tail of the column on its left (text that reaches past a blank all rows share).
    private static func name(
        _ found: [Range<Int>], _ lines: TextLines, header: Range<Int>, knownNames: Set<String>,
        input: InputFile, what: String, split: (Range<Int>) -> [Range<Int>]
    ) throws(ReadError) -> ([String], [Range<Int>]) {
        func headerText(_ range: Range<Int>) -> String {
            header.map { lines.string(lines.cells($0, columns: [range, range.upperBound..<range.upperBound])[0]) }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        var pieces: [Range<Int>] = []
        for piece in found {
            let text = headerText(piece)
            let parts = knownNames.contains(text) || knownNames.contains(where: { $0.hasPrefix(text) }) ? [piece] : split(piece)
            for part in parts {
                if headerText(part).isEmpty, let previous = pieces.popLast() {
                    pieces.append(previous.lowerBound..<part.upperBound)
                } else {
                    pieces.append(part)
                }
            }
        }
        var names: [String] = []
        var columns: [Range<Int>] = []
        var index = 0
        while index < pieces.count {
            var last = index
            var range = pieces[index]
            var text = headerText(range)
            while !knownNames.contains(text), last + 1 < pieces.count {
                last += 1
                range = pieces[index].lowerBound..<pieces[last].upperBound
                text = headerText(range)
            }
            guard knownNames.contains(text) else {
                throw ReadError(
                    file: input.displayName, line: header.lowerBound + 1, column: pieces[index].lowerBound + 1,
                    message: "the \(what) has a column headed \"\(headerText(pieces[index]))\", which is not one of: \(knownNames.sorted().joined(separator: ", "))")
            }
            names.append(text)
            columns.append(range)
            index = last + 1
        }
        return (names, columns)
    }
}
