/// Which lines of two files to keep, for `UnifiedDiff`: the common head and tail are kept; in
/// between, lines that occur exactly once in each file are matched in order (patience diff)
/// and the gaps between them matched the same way; a gap with no such line goes to the
/// standard library's Myers difference. Myers alone takes minutes on two whole registry pages
/// that differ on every other line; this takes well under a second.
enum LineMatching {
    static func mark(
        _ old: [Int], _ oldRange: Range<Int>, _ new: [Int], _ newRange: Range<Int>,
        removed: inout [Bool], inserted: inout [Bool]
    ) {
        var a = oldRange
        var b = newRange
        while !a.isEmpty, !b.isEmpty, old[a.lowerBound] == new[b.lowerBound] {
            a = (a.lowerBound + 1)..<a.upperBound
            b = (b.lowerBound + 1)..<b.upperBound
        }
        while !a.isEmpty, !b.isEmpty, old[a.upperBound - 1] == new[b.upperBound - 1] {
            a = a.lowerBound..<(a.upperBound - 1)
            b = b.lowerBound..<(b.upperBound - 1)
        }
        if a.isEmpty || b.isEmpty {
            for i in a { removed[i] = true }
            for j in b { inserted[j] = true }
            return
        }
        let anchors = uniqueCommonLines(old, a, new, b)
        guard !anchors.isEmpty else {
            // Myers costs (lines × differences): past a few million steps the block is shown as
            // replaced whole, correct if not minimal (GNU diff gives up the same way).
            guard a.count * b.count <= 4_000_000 else {
                for i in a { removed[i] = true }
                for j in b { inserted[j] = true }
                return
            }
            for change in new[b].difference(from: old[a]) {
                switch change {
                case .remove(let offset, _, _): removed[a.lowerBound + offset] = true
                case .insert(let offset, _, _): inserted[b.lowerBound + offset] = true
                }
            }
            return
        }
        var i = a.lowerBound
        var j = b.lowerBound
        for (x, y) in anchors + [(a.upperBound, b.upperBound)] {
            mark(old, i..<x, new, j..<y, removed: &removed, inserted: &inserted)
            i = x + 1
            j = y + 1
        }
    }

    /// Pairs (old index, new index) of the lines that occur once in each range, the longest
    /// run of them in the same order in both (patience sorting).
    private static func uniqueCommonLines(_ old: [Int], _ a: Range<Int>, _ new: [Int], _ b: Range<Int>) -> [(Int, Int)] {
        var count: [Int: (old: Int, oldIndex: Int)] = [:]
        for i in a { count[old[i], default: (0, i)].old += 1 }
        var pairs: [(Int, Int)] = []
        var newCount: [Int: Int] = [:]
        for j in b { newCount[new[j], default: 0] += 1 }
        for j in b {
            if let entry = count[new[j]], entry.old == 1, newCount[new[j]] == 1 {
                pairs.append((entry.oldIndex, j))
            }
        }
        // pairs are in new order; the longest increasing run of old indexes.
        var tails: [Int] = []  // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (k, pair) in pairs.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[tails[mid]].0 < pair.0 { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[k] = tails[low - 1] }
            if low == tails.count { tails.append(k) } else { tails[low] = k }
        }
        var run: [(Int, Int)] = []
        var k = tails.last ?? -1
        while k >= 0 {
            run.append(pairs[k])
            k = previous[k]
        }
        return run.reversed()
    }
}
