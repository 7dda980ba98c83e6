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
        var header: [String]
        var centred = false
        /// Text wraps at this width unless a single word is wider.
        var wrapAt = Int.max
    }

    let columns: [Column]
    /// Each row: each column's paragraphs (logical lines of words; an empty one is an empty line).
    private var rows: [[[[String]]]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [[[String]]]) { rows.append(row) }

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
        let wrapped: [[[String]]] = rows.map { row in
            row.enumerated().map { index, cell in wrap(cell, width: max(widths[index], columns[index].wrapAt)) }
        }
        for index in columns.indices {
            let headerWidth = columns[index].header.map(displayWidth).max() ?? 0
            var widest = headerWidth
            for row in wrapped { for line in row[index] { widest = max(widest, displayWidth(line)) } }
            widths[index] = widest
        }
        var starts: [Int] = []
        var position = 0
        for width in widths {
            starts.append(position)
            position += width + 1
        }
        let headerHeight = columns.map(\.header.count).max() ?? 0
        let header = columns.map { $0.header }
        emit(header, height: headerHeight, header: true, widths: widths, starts: starts, into: &out)
        for row in wrapped {
            emit(row, height: row.map(\.count).max() ?? 1, header: false, widths: widths, starts: starts, into: &out)
        }
    }

    private func emit(
        _ cells: [[String]], height: Int, header: Bool, widths: [Int], starts: [Int], into out: inout OutputBuffer
    ) {
        let height = max(height, 1)
        for lineIndex in 0..<height {
            var line = ""
            var lineWidth = 0
            for (index, cell) in cells.enumerated() {
                let offset = header ? (height - cell.count) / 2 : 0
                guard lineIndex >= offset, lineIndex - offset < cell.count else { continue }
                let text = cell[lineIndex - offset]
                guard !text.isEmpty else { continue }
                var column = starts[index]
                if header || columns[index].centred { column += (widths[index] - displayWidth(text)) / 2 }
                line += String(repeating: " ", count: max(0, column - lineWidth))
                line += text
                lineWidth = max(lineWidth, column) + displayWidth(text)
            }
            out.append(line)
            out.append(byte: 0x0A)
        }
    }
}

/// Greedy wrapping of paragraphs of words at `width`; an empty paragraph stays an empty line.
func wrap(_ paragraphs: [[String]], width: Int) -> [String] {
    var lines: [String] = []
    for words in paragraphs {
        guard let first = words.first else {
            lines.append("")
            continue
        }
        var line = first
        var lineWidth = displayWidth(first)
        for word in words.dropFirst() {
            let wordWidth = displayWidth(word)
            if lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
            } else {
                lines.append(line)
                line = word
                lineWidth = wordWidth
            }
        }
        lines.append(line)
    }
    return lines
}

/// Columns a text takes on the page: one per Unicode scalar.
func displayWidth(_ text: String) -> Int { text.unicodeScalars.count }
