import ASCIIBytes

/// Splits the lines of a table body into rows. Every row has one anchor line (where its
/// one-line cells sit); the lines between two anchors belong to the row above (its lower half)
/// or the row below (its upper half). A row of height H has `(H - 1) / 2` lines above its anchor
/// and the rest below, so each row's lower half is its upper half or one more: a chain of
/// two-way choices, settled by dynamic programming over the rows. A choice is valid when every
/// cell of the row is centred on it. Geometry alone can be ambiguous (two 3-line rows read as
/// a 4-line and a 2-line one), so among valid choices the cheapest wins, its `Cost` compared
/// field by field in this order: first the fewest lines that no cell fills (a cell ending in
/// a line break), then the fewest twin rows that differ (a row with the name and port of the
/// row above, its tcp/udp twin, almost always has the same text), then the fewest wraps where
/// the next word would have fitted or empty lines inside a cell (both are `<br/>`s, which are
/// rare), then the fewest wrapped lines that start with a capital or with the row's service
/// name (more often a cell's first line), then the most wrapped lines that echo the row's
/// service name, then the fewest cells that are not a whole phrase (open parenthesis, ending
/// on "for", a word repeated across a wrap), then the most even row heights. Where only the
/// soft priors (from the capitals on) told two readings apart, the row is marked as a guess.
/// On IANA's 2026-08-17 page that leaves 1 pair of rows wrong (`egistix`/`eheap`, which
/// nothing on the page tells apart; 6 pairs without the name cues and the repeated words),
/// among the guesses.
struct RowGrouping {
    let occupancy: [UInt32]
    let anchorMask: UInt32
    let columnCount: Int
    /// For each line and column: the width of the cell's text and of its first word, and
    /// whether it starts with a capital letter.
    let widths: [(line: Int, firstWord: Int, capital: Bool)]
    let wrapWidths: [Int]
    /// The columns twin rows share (name and port).
    let twinMask: UInt32
    /// The page, and each line's cells in it: to compare twin rows.
    let bytes: [UInt8]
    let cells: [Range<Int>]

    struct Failure: Error {
        var line: Int
        var atEnd: Bool
    }

    struct Row {
        var lines: ClosedRange<Int>
        var anchor: Int
        var guessed = false
    }

    /// What a reading costs, field by field in the order of priority above: `<` compares the
    /// fields in turn and the first that differs decides, so no number of a later field's
    /// findings outweighs one of an earlier field's. The costs of the rows of a reading add up.
    struct Cost: Comparable {
        /// Lines of the row that no cell fills.
        var unfilledLines = 0
        /// 1 when the row is the twin of the row above but its text differs.
        var differingTwins = 0
        /// Wraps where the next word would have fitted, and empty lines inside a cell.
        var unforcedWraps = 0
        /// Wrapped lines that open like a cell's first line: a capital, or the row's own name.
        var openingContinuations = 0
        /// Wrapped lines' echoes of the row's service name: the more, the cheaper.
        var nameEchoes = 0
        /// Cells that are not a whole phrase.
        var brokenPhrases = 0
        /// The square of the row's height: the sum is least for the most even heights.
        var squaredHeights = 0

        /// The fields that are evidence, not a prior: readings equal in these were told apart
        /// by the soft priors only, and the choice is a guess worth a warning.
        var evidence: (Int, Int, Int) { (unfilledLines, differingTwins, unforcedWraps) }

        static func + (a: Cost, b: Cost) -> Cost {
            Cost(
                unfilledLines: a.unfilledLines + b.unfilledLines, differingTwins: a.differingTwins + b.differingTwins,
                unforcedWraps: a.unforcedWraps + b.unforcedWraps,
                openingContinuations: a.openingContinuations + b.openingContinuations,
                nameEchoes: a.nameEchoes + b.nameEchoes, brokenPhrases: a.brokenPhrases + b.brokenPhrases,
                squaredHeights: a.squaredHeights + b.squaredHeights)
        }

        static func < (a: Cost, b: Cost) -> Bool {
            if a.evidence != b.evidence { return a.evidence < b.evidence }
            // More echoes is cheaper: b's count stands where a's would.
            return (a.openingContinuations, b.nameEchoes, a.brokenPhrases, a.squaredHeights)
                < (b.openingContinuations, a.nameEchoes, b.brokenPhrases, b.squaredHeights)
        }
    }

    private struct State {
        var up: Int  // lines of this row above its anchor
        var down: Int
        var cost: Cost
        var next: Int  // lines of the next row above its anchor (-1 after the last row)
        /// Another reading reached the same point at nearly the same cost.
        var guessed = false
    }

    /// The lines with a one-line cell. The first column (a service name, a person's ID) is one
    /// line too, except on the 2013 page, where a legacy name with blanks wraps: a line with
    /// text in the first column only, next to another such line that it could not have shared
    /// (the wrap was forced), continues that name rather than starting a row.
    private var anchors: [Int] {
        occupancy.indices.filter { line in
            guard occupancy[line] & anchorMask != 0 else { return false }
            guard occupancy[line] == 1 else { return true }
            let continuesAbove = line > 0 && occupancy[line - 1] & 1 != 0 && isForcedWrap(line - 1, line)
            let continuesBelow = line + 1 < occupancy.count && occupancy[line + 1] & 1 != 0 && isForcedWrap(line, line + 1)
            return !(continuesAbove || continuesBelow)
        }
    }

    private func isForcedWrap(_ above: Int, _ below: Int) -> Bool {
        widths[above * columnCount].line + 1 + widths[below * columnCount].firstWord > wrapWidths[0]
    }

    /// The rows of a page whose rows anchor on their first line (ianaconv's own pages): nil
    /// unless every cell starts on its row's anchor line and some row is three lines or more
    /// (below that, both layouts are the same).
    func topAnchoredRows() -> Result<[Row], Failure>? {
        let anchors = self.anchors
        guard anchors.first == 0 else { return nil }
        var rows: [Row] = []
        var tall = false
        for (i, anchor) in anchors.enumerated() {
            let last = i + 1 < anchors.count ? anchors[i + 1] - 1 : occupancy.count - 1
            for line in anchor...last where occupancy[line] & ~occupancy[anchor] != 0 {
                return nil  // a cell that starts below the anchor line
            }
            tall = tall || last - anchor >= 2
            rows.append(Row(lines: anchor...last, anchor: anchor))
        }
        return tall ? .success(rows) : nil
    }

    func rows() -> Result<[Row], Failure> {
        let anchors = self.anchors
        guard let first = anchors.first else { return .failure(Failure(line: 0, atEnd: true)) }
        // choices[i]: for each `next` value reachable after row i, the best state.
        var choices: [[State]] = []
        choices.reserveCapacity(anchors.count)
        var frontier = [(up: first, cost: Cost())]
        for (i, anchor) in anchors.enumerated() {
            var reached: [State] = []
            for (up, cost) in frontier {
                for down in [up, up + 1] {
                    let next: Int
                    if i + 1 < anchors.count {
                        next = anchors[i + 1] - anchor - 1 - down
                        guard next >= 0 else { continue }
                    } else {
                        guard anchor + down == occupancy.count - 1 else { continue }
                        next = -1
                    }
                    guard var rowCost = self.cost(top: anchor - up, bottom: anchor + down) else { continue }
                    if i > 0, isTwin(anchors[i - 1], anchor),
                       let previous = choices[i - 1].first(where: { $0.next == up }),
                       !sameText((anchors[i - 1] - previous.up)...(anchors[i - 1] + previous.down), (anchor - up)...(anchor + down)) {
                        rowCost.differingTwins = 1
                    }
                    var state = State(up: up, down: down, cost: cost + rowCost, next: next)
                    if let known = reached.firstIndex(where: { $0.next == next }) {
                        let close = state.cost.evidence == reached[known].cost.evidence
                        if state.cost < reached[known].cost {
                            state.guessed = close
                            reached[known] = state
                        } else if close {
                            reached[known].guessed = true
                        }
                    } else {
                        reached.append(state)
                    }
                }
            }
            guard !reached.isEmpty else {
                return .failure(Failure(line: anchor, atEnd: i + 1 == anchors.count))
            }
            reached.sort { $0.next < $1.next }
            choices.append(reached)
            frontier = reached.map { ($0.next, $0.cost) }
        }
        var rows: [Row] = []
        rows.reserveCapacity(anchors.count)
        var wanted = -1
        for i in anchors.indices.reversed() {
            guard let state = choices[i].first(where: { $0.next == wanted }) else {
                return .failure(Failure(line: anchors[i], atEnd: false))
            }
            rows.append(Row(lines: (anchors[i] - state.up)...(anchors[i] + state.down), anchor: anchors[i], guessed: state.guessed))
            wanted = state.up
        }
        return .success(rows.reversed())
    }

    /// Words a wrapped phrase does not end on.
    private static let danglingWords: Set<[UInt8]> = Set(
        ["for", "of", "and", "or", "the", "a", "an", "to", "with", "over", "in", "on", "by", "from", "via"].map { Array($0.utf8) })

    /// A cell that spans lines reads as a whole phrase: its parentheses balance and it does not
    /// end on a preposition or article (what a wrong grouping leaves at a row's edge).
    private func isCompletePhrase(_ column: Int, _ lines: ClosedRange<Int>) -> Bool {
        var depth = 0
        var lastLine: Range<Int>?
        for line in lines {
            let cell = cells[line * columnCount + column]
            guard !cell.isEmpty else { continue }
            lastLine = cell
            for byte in bytes[cell] {
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") { depth -= 1 }
            }
        }
        guard depth == 0, let last = lastLine else { return false }
        let word = bytes[last].split(separator: 0x20).last.map(Array.init) ?? []
        return !Self.danglingWords.contains(word)
    }

    /// The line after `line` starts with the word `line` ends with ("Module Protocol" /
    /// "protocol for …"): text does not stutter across a wrap, two cells joined wrongly do.
    private func repeatsWord(_ column: Int, _ line: Int) -> Bool {
        let (upper, lower) = (cells[line * columnCount + column], cells[(line + 1) * columnCount + column])
        // The words found in place (cells are trimmed of blanks): this runs for every reading.
        let last = (bytes[upper].lastIndex(where: ASCII.isBlank).map { $0 + 1 } ?? upper.lowerBound)..<upper.upperBound
        let first = lower.lowerBound..<(bytes[lower].firstIndex(where: ASCII.isBlank) ?? lower.upperBound)
        return last.count > 1 && last.count == first.count && sameIgnoringCase(last.lowerBound, first.lowerBound, count: last.count)
    }

    /// Two rows with the same one-line cells on their anchor lines but the last column of them
    /// (the protocol: tcp and udp of one service).
    private func isTwin(_ a: Int, _ b: Int) -> Bool {
        var any = false
        for column in 0..<columnCount where twinMask & (1 << UInt32(column)) != 0 {
            let (x, y) = (cells[a * columnCount + column], cells[b * columnCount + column])
            if !x.isEmpty || !y.isEmpty { any = true }
            if bytes[x] != bytes[y] { return false }
        }
        return any
    }

    /// True when the non-anchor columns of the two rows hold the same text.
    private func sameText(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Bool {
        for column in 0..<columnCount where anchorMask & (1 << UInt32(column)) == 0 {
            let left = a.lazy.map { self.cells[$0 * self.columnCount + column] }.filter { !$0.isEmpty }
            let right = b.lazy.map { self.cells[$0 * self.columnCount + column] }.filter { !$0.isEmpty }
            guard left.count == right.count else { return false }
            for (x, y) in zip(left, right) where bytes[x] != bytes[y] { return false }
        }
        return true
    }

    /// nil when a cell is not centred in the row `top...bottom`; else the cost of the reading.
    private func cost(top: Int, bottom: Int) -> Cost? {
        let height = bottom - top + 1
        var tallest = 0
        var unforcedWraps = 0
        // Wrapped lines that look like a cell's first line: a capital, or the row's own name.
        var openingContinuations = 0
        var brokenPhrases = 0
        let nameLine = (top...bottom).first { !cells[$0 * columnCount].isEmpty }  // the anchor
        let name = nameLine.map { cells[$0 * columnCount] }
        for column in 0..<columnCount {
            let bit: UInt32 = 1 << UInt32(column)
            var first = -1
            var last = -1
            for line in top...bottom where occupancy[line] & bit != 0 {
                if first < 0 { first = line }
                last = line
            }
            guard first >= 0 else { continue }
            let cellHeight = last - first + 1
            guard first - top == (height - cellHeight) / 2 else { return nil }
            tallest = max(tallest, cellHeight)
            if cellHeight > 1 {
                if !isCompletePhrase(column, first...last) { brokenPhrases += 1 }
                for line in first..<last where occupancy[line] & bit == 0 { unforcedWraps += 1 }  // an empty line inside
                for line in first..<last where occupancy[line] & occupancy[line + 1] & bit != 0 {
                    let before = widths[line * columnCount + column].line
                    let word = widths[(line + 1) * columnCount + column].firstWord
                    if before + 1 + word <= wrapWidths[column] { unforcedWraps += 1 }
                    if widths[(line + 1) * columnCount + column].capital || opensWithName(column, line + 1, name) {
                        openingContinuations += 1
                    }
                    if repeatsWord(column, line) { brokenPhrases += 1 }
                }
            }
        }
        return Cost(
            unfilledLines: height - tallest, unforcedWraps: unforcedWraps, openingContinuations: openingContinuations,
            nameEchoes: nameEchoes(top: top, bottom: bottom, nameLine: nameLine), brokenPhrases: brokenPhrases,
            squaredHeights: height * height)
    }

    /// How much the row's wrapped lines spell its service name (`salutafugijms`: "Salutafugi
    /// Peer-To-Peer Java"), as four-letter pieces of the name found in them: IANA's
    /// descriptions often spell the name out, so a line that could close one row or open the
    /// next goes with the name it echoes. Lines on the anchor (`nameLine`, where the name is)
    /// count for every reading alike.
    private func nameEchoes(top: Int, bottom: Int, nameLine: Int?) -> Int {
        guard top < bottom, let nameLine else { return 0 }
        let name = cells[nameLine * columnCount]
        guard name.count >= 4 else { return 0 }
        var echoes = 0
        for line in top...bottom where line != nameLine {
            for column in 1..<columnCount where anchorMask & (1 << UInt32(column)) == 0 {
                let text = cells[line * columnCount + column]
                guard text.count >= 4 else { continue }
                for start in name.lowerBound...(name.upperBound - 4)
                where (start..<start + 4).allSatisfy({ Self.isAlphanumeric(ASCII.lowercased(bytes[$0])) })
                    && (text.lowerBound...(text.upperBound - 4)).contains(where: { sameIgnoringCase($0, start, count: 4) }) {
                    echoes += 1
                }
            }
        }
        return min(echoes, 15)
    }

    /// The cell's text starts with the row's service name as a whole word, in any case
    /// (`serendipd`: "serendiPd Shared Patches for"): where a description names its service,
    /// it does so on its first line, so a wrapped line that does is more likely a cell's start.
    /// Names shorter than four letters are common words ("see") and do not count.
    private func opensWithName(_ column: Int, _ line: Int, _ name: Range<Int>?) -> Bool {
        guard let name, name.count >= 4 else { return false }
        let text = cells[line * columnCount + column]
        guard text.count >= name.count, text.count == name.count || ASCII.isBlank(bytes[text.lowerBound + name.count]) else { return false }
        return sameIgnoringCase(name.lowerBound, text.lowerBound, count: name.count)
    }

    /// The `count` bytes of the page at `a` and at `b` are the same but for ASCII case.
    /// Compared in place, folded byte by byte: the priors ask this for every reading of every row.
    private func sameIgnoringCase(_ a: Int, _ b: Int, count: Int) -> Bool {
        for i in 0..<count where ASCII.lowercased(bytes[a + i]) != ASCII.lowercased(bytes[b + i]) { return false }
        return true
    }

    /// A lower-case ASCII letter or a digit.
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || ASCII.isDigit(byte)
    }
}
