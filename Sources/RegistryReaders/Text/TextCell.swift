import ASCIIBytes
import RegistryModel

/// The text of one table cell: its lines (byte ranges, trimmed), without the empty lines that
/// centre it in its row, and where it starts.
struct TextCell {
    var lines: [Range<Int>]
    /// 0-based line index and byte column of the first line, when the cell has text.
    var firstLine: Int
    var column: Int

    init(rowLines: ClosedRange<Int>, ranges: [Range<Int>], lineStarts: [Int]) {
        var first = 0
        var last = ranges.count - 1
        while first <= last, ranges[first].isEmpty { first += 1 }
        while last >= first, ranges[last].isEmpty { last -= 1 }
        lines = first <= last ? Array(ranges[first...last]) : []
        let firstLine = rowLines.lowerBound + min(first, ranges.count - 1)
        self.firstLine = firstLine
        column = lines.first.map { $0.lowerBound - lineStarts[firstLine] + 1 } ?? 1
    }

    var isEmpty: Bool { lines.isEmpty }

    /// The lines joined with single spaces, as wrapped text reads (names, labels, URIs).
    func joined(_ text: TextLines) -> String {
        lines.filter { !$0.isEmpty }.map { text.string($0) }.joined(separator: " ")
    }

    /// The cell as rich text. A wrap becomes a space, unless the next line's first word would
    /// have fitted on the line before: the browser wraps only when a word does not fit, so
    /// that break was a `<br/>`. Each empty line inside the cell is one more line break.
    func richText(_ text: TextLines, wrapWidth: Int) -> RichText {
        var rich = RichText()
        var previous: Range<Int>?
        var pendingBreaks = 0
        for line in lines {
            guard !line.isEmpty else {
                pendingBreaks += 1
                continue
            }
            if let before = previous {
                if pendingBreaks > 0 || fits(before, then: line, text, wrapWidth) {
                    for _ in 0...pendingBreaks { rich.content.append(.lineBreak) }
                } else {
                    rich.append(text: " ")
                }
            }
            pendingBreaks = 0
            rich.append(text: text.string(line))
            previous = line
        }
        return rich
    }

    private func fits(_ before: Range<Int>, then line: Range<Int>, _ text: TextLines, _ width: Int) -> Bool {
        let word = line.lowerBound..<(text.bytes[line].firstIndex(where: ASCII.isBlank) ?? line.upperBound)
        return text.width(before) + 1 + text.width(word) <= width
    }
}
