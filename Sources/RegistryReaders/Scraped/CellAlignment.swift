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
    /// - sameScoreUntil: for a span of `count` pieces, the first longer count whose score may
    ///   differ (the score is the same for all counts between). A run of words is scored by
    ///   its opening words, so its score changes at few counts: spans of equal score are
    ///   weighed together, and a row of n words costs about n log n, not n².
    static func best(
        pieces: Int, columns: Int, filled: Int?, columnCost: Int,
        maxSpan: (_ column: Int) -> Int,
        score: (_ column: Int, _ first: Int, _ count: Int) -> Int?,
        sameScoreUntil: (_ column: Int, _ first: Int, _ count: Int) -> Int = { _, _, count in count + 1 }
    ) -> [Span]? {
        let counts = filled == nil ? 1 : columns + 1  // the third dimension only when it is known
        let impossible = Int.min / 4
        let size = (pieces + 1) * (columns + 1) * counts
        var best = [Int](repeating: impossible, count: size)
        var from = [Span?](repeating: nil, count: size)  // the span that reached a state (nil: a skipped column)
        func index(_ piece: Int, _ column: Int, _ used: Int) -> Int { (piece * (columns + 1) + column) * counts + used }
        best[index(0, 0, 0)] = 0
        for column in 0..<columns {
            // Spans of equal score from one state reach a run of states: each run waits in
            // `starting` until the sweep reaches its first state, then in `open` while it lasts.
            // A state takes the best total among the runs over it, the earliest span on a tie,
            // and a skipped column only when strictly better: as if spans were tried one by
            // one in order.
            var starting = [[Reach]](repeating: [], count: (pieces + 1) * counts)
            var open = [ReachHeap](repeating: ReachHeap(), count: counts)
            for piece in 0...pieces {
                for used in 0..<counts {
                    let target = index(piece, column + 1, used)
                    for reach in starting[piece * counts + used] { open[used].insert(reach) }
                    if let reach = open[used].best(at: piece) {
                        best[target] = reach.total
                        from[target] = Span(column: column, first: reach.first, count: piece - reach.first, score: reach.score)
                    }
                }
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
                    let next = filled == nil ? 0 : used + 1
                    var count = 1
                    while count <= longest {
                        let until = min(max(sameScoreUntil(column, piece, count), count + 1), longest + 1)
                        if let value = score(column, piece, count) {
                            starting[(piece + count) * counts + next].append(
                                Reach(total: here + value - columnCost, first: piece, last: piece + until - 1, score: value))
                        }
                        count = until
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

    /// Spans from piece `first`, all of score `score`, reaching the states up to `last`.
    private struct Reach {
        var total: Int
        var first: Int
        var last: Int
        var score: Int

        /// Ahead in the heap: the better total, then the earlier span.
        func isAhead(of other: Reach) -> Bool { total != other.total ? total > other.total : first < other.first }
    }

    /// The open runs, best first (a binary heap); runs that ended leave when they reach the top.
    private struct ReachHeap {
        private var items: [Reach] = []

        mutating func insert(_ reach: Reach) {
            items.append(reach)
            var child = items.count - 1
            while child > 0, items[child].isAhead(of: items[(child - 1) / 2]) {
                items.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        }

        /// The best run over state `piece`; runs that end before it are dropped.
        mutating func best(at piece: Int) -> Reach? {
            while let top = items.first, top.last < piece { removeTop() }
            return items.first
        }

        private mutating func removeTop() {
            items.swapAt(0, items.count - 1)
            items.removeLast()
            var parent = 0
            while true {
                var ahead = parent
                for child in (2 * parent + 1)...(2 * parent + 2) where child < items.count && items[child].isAhead(of: items[ahead]) {
                    ahead = child
                }
                guard ahead != parent else { return }
                items.swapAt(parent, ahead)
                parent = ahead
            }
        }
    }
}
