import RegistryModel

/// Lays out a table the way IANA's text page does, so that `TextReader` reads it back: fixed
/// columns one blank apart, each as wide as its widest line (header words included), text
/// wrapped greedily, port and protocol centred.
///
/// Rows anchor on their **first** line: every cell starts on the line of the row's name and
/// port. IANA's page centres cells vertically instead (a long note starts above the name),
/// which leaves some rows ambiguous to a reader (two 3-line rows or a 4-line and a 2-line one);
/// anchoring on the first line makes every row boundary certain, so the page reads back as
/// written. The header keeps IANA's centring (its one-line names on the first line).
struct TextTableWriter {
    struct Column {
        /// The title's lines.
        var header: [String]
        var centred: Bool
        /// Text wraps at this width unless a single word is wider.
        var wrapAt: Int

        /// A column titled `title`, on one line or broken after its first word.
        init(title: String, breaksTitle: Bool = false, centred: Bool = false, wrapAt: Int = .max) {
            let words = title.split(separator: " ", maxSplits: 1).map(String.init)
            header = breaksTitle && words.count == 2 ? words : [title]
            self.centred = centred
            self.wrapAt = wrapAt
        }
    }

    let columns: [Column]
    /// Each row: each column's paragraphs (logical lines of words; an empty one is an empty line).
    private var rows: [[[[String]]]] = []

    init(_ columns: [Column]) { self.columns = columns }

    /// The widest a column grows (a URL in IANA's notes takes about 100): a longer word is cut
    /// to it, so that one hostile value cannot widen every line of the page.
    static let maxColumnWidth = 512

    /// Adds a row; returns how many of its words were cut to `maxColumnWidth`.
    mutating func add(_ row: [[[String]]]) -> Int {
        var row = row
        var cut = 0
        for column in row.indices {
            for paragraph in row[column].indices {
                // A word is never wider than its UTF-8 bytes: most are passed by their count.
                for word in row[column][paragraph].indices where row[column][paragraph][word].utf8.count > Self.maxColumnWidth
                    && displayWidth(row[column][paragraph][word]) > Self.maxColumnWidth {
                    let scalars = row[column][paragraph][word].unicodeScalars.prefix(Self.maxColumnWidth)
                    row[column][paragraph][word] = String(String.UnicodeScalarView(scalars))
                    cut += 1
                }
            }
        }
        rows.append(row)
        return cut
    }

    /// Appends the header and the rows, lines without trailing blanks.
    func write(into out: inout OutputBuffer) {
        var widths = columns.map { $0.header.map(displayWidth).max() ?? 0 }
        for row in rows {
            for (index, cell) in row.enumerated() {
                for paragraph in cell {
                    for word in paragraph { widths[index] = max(widths[index], displayWidth(word)) }
                }
            }
        }
        // The widest word sets the floor; wrapping sets the rest, then the column shrinks to its
        // widest line (wrapping again at that width gives the same lines).
        let wrapped: [[[WrappedLine]]] = rows.map { row in
            row.enumerated().map { index, cell in wrap(cell, width: max(widths[index], columns[index].wrapAt)) }
        }
        for index in columns.indices {
            let headerWidth = columns[index].header.map(displayWidth).max() ?? 0
            var widest = headerWidth
            for row in wrapped { for line in row[index] { widest = max(widest, line.width) } }
            widths[index] = widest
        }
        var starts: [Int] = []
        var position = 0
        for width in widths {
            starts.append(position)
            position += width + 1
        }
        let headerHeight = columns.map(\.header.count).max() ?? 0
        let header = columns.map { $0.header.map { WrappedLine(text: $0, width: displayWidth($0)) } }
        emit(header, height: headerHeight, header: true, widths: widths, starts: starts, into: &out)
        for row in wrapped {
            emit(row, height: row.map(\.count).max() ?? 1, header: false, widths: widths, starts: starts, into: &out)
        }
    }

    private func emit(
        _ cells: [[WrappedLine]], height: Int, header: Bool, widths: [Int], starts: [Int], into out: inout OutputBuffer
    ) {
        let height = max(height, 1)
        for lineIndex in 0..<height {
            var lineWidth = 0
            for (index, cell) in cells.enumerated() {
                let offset = header ? (height - cell.count) / 2 : 0
                guard lineIndex >= offset, lineIndex - offset < cell.count else { continue }
                let line = cell[lineIndex - offset]
                guard line.width > 0 else { continue }
                let textWidth = line.width
                var column = starts[index]
                if header || columns[index].centred { column += (widths[index] - textWidth) / 2 }
                for _ in lineWidth..<max(lineWidth, column) { out.append(byte: 0x20) }
                out.append(line.text)
                lineWidth = max(lineWidth, column) + textWidth
            }
            out.append(byte: 0x0A)
        }
    }
}

/// A line of a cell and its display width.
struct WrappedLine {
    var text: String
    var width: Int
}

/// Greedy wrapping of paragraphs of words at `width`; an empty paragraph stays an empty line.
func wrap(_ paragraphs: [[String]], width: Int) -> [WrappedLine] {
    var lines: [WrappedLine] = []
    for words in paragraphs {
        guard let first = words.first else {
            lines.append(WrappedLine(text: "", width: 0))
            continue
        }
        var line = WrappedLine(text: first, width: displayWidth(first))
        for word in words.dropFirst() {
            let wordWidth = displayWidth(word)
            if line.width + 1 + wordWidth <= width {
                line.text += " "
                line.text += word
                line.width += 1 + wordWidth
            } else {
                lines.append(line)
                line = WrappedLine(text: word, width: wordWidth)
            }
        }
        lines.append(line)
    }
    return lines
}

/// Columns a text takes on the page: one per Unicode scalar (counted on the UTF-8 bytes).
func displayWidth(_ text: String) -> Int {
    var count = 0
    for byte in text.utf8 where byte & 0xC0 != 0x80 { count += 1 }
    return count
}
