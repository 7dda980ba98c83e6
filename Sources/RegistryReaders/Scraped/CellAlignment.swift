/// Matches a row's cells, in order, to the table's columns, in order, when the scrape dropped
/// the empty cells (or every boundary): of all the order-keeping readings, the most plausible.
/// A small dynamic programme over (cells read, columns passed, columns filled).
struct CellAlignment {
    /// Cells `first..<first + count` read as one cell of `column`.
    struct Span: Equatable {
        var column: Int
        var first: Int
        var count: Int
        var score: Int
    }

    /// - pieces: how many cells (or words) the row shows.
    /// - filled: how many columns the row fills, when the scrape says so; nil when unknown.
    /// - columnCost: subtracted per filled column, so that a reading with fewer, fuller cells
    ///   wins when nothing else decides.
    /// - maxSpan: how many pieces one cell of a column may take (1 for the strict classes).
    /// - score: the plausibility of pieces `first..<first + count` as one cell of `column`,
    ///   nil when impossible.
    static func best(
        pieces: Int, columns: Int, filled: Int?, columnCost: Int,
        maxSpan: (_ column: Int) -> Int,
        score: (_ column: Int, _ first: Int, _ count: Int) -> Int?
    ) -> [Span]? {
        let counts = filled == nil ? 1 : columns + 1  // the third dimension only when it is known
        let impossible = Int.min / 4
        let size = (pieces + 1) * (columns + 1) * counts
        var best = [Int](repeating: impossible, count: size)
        var from = [Span?](repeating: nil, count: size)  // the span that reached a state (nil: a skipped column)
        func index(_ piece: Int, _ column: Int, _ used: Int) -> Int { (piece * (columns + 1) + column) * counts + used }
        best[index(0, 0, 0)] = 0
        for column in 0..<columns {
            for piece in 0...pieces {
                for used in 0..<counts {
                    let here = best[index(piece, column, used)]
                    guard here > impossible else { continue }
                    let skip = index(piece, column + 1, used)
                    if here > best[skip] {
                        best[skip] = here
                        from[skip] = nil
                    }
                    let longest = min(maxSpan(column), pieces - piece)
                    guard longest >= 1, filled == nil || used + 1 < counts else { continue }
                    for count in 1...longest {
                        guard let value = score(column, piece, count) else { continue }
                        let next = index(piece + count, column + 1, filled == nil ? 0 : used + 1)
                        let total = here + value - columnCost
                        if total > best[next] {
                            best[next] = total
                            from[next] = Span(column: column, first: piece, count: count, score: value)
                        }
                    }
                }
            }
        }
        let end = index(pieces, columns, filled.map { min($0, columns) } ?? 0)
        guard best[end] > impossible else { return nil }
        var spans: [Span] = []
        var (piece, column, used) = (pieces, columns, filled ?? 0)
        while column > 0 {
            if let span = from[index(piece, column, filled == nil ? 0 : used)] {
                spans.append(span)
                piece = span.first
                if filled != nil { used -= 1 }
            }
            column -= 1
        }
        return spans.reversed()
    }
}
