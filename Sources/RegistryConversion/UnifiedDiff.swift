/// A unified diff (`diff -u` style, three lines of context) between two files, from the
/// standard library's `CollectionDifference` over their lines. Works on bytes: a line keeps its
/// carriage return (CRLF files show it, as `diff` does) and invalid UTF-8 is printed as it is.
enum UnifiedDiff {
    static func make(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> [UInt8] {
        let before = lines(old)
        let after = lines(new)
        // Lines are compared as small integers, one per distinct line.
        var ids: [ArraySlice<UInt8>: Int] = [:]
        func intern(_ line: ArraySlice<UInt8>) -> Int {
            if let id = ids[line] { return id }
            ids[line] = ids.count
            return ids.count - 1
        }
        let oldIDs = before.map(intern)
        let newIDs = after.map(intern)
        var removed = [Bool](repeating: false, count: before.count)
        var inserted = [Bool](repeating: false, count: after.count)
        LineMatching.mark(oldIDs, 0..<oldIDs.count, newIDs, 0..<newIDs.count, removed: &removed, inserted: &inserted)
        guard removed.contains(true) || inserted.contains(true) else { return [] }

        // Walk both files in step, marking each line kept, removed or inserted: the removals of
        // a changed block come before its insertions, as in `diff -u`.
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            if i < before.count, removed[i] {
                edits.append(Edit(kind: UInt8(ascii: "-"), line: before[i], old: i, new: j))
                i += 1
            } else if j < after.count, inserted[j] {
                edits.append(Edit(kind: UInt8(ascii: "+"), line: after[j], old: i, new: j))
                j += 1
            } else {
                edits.append(Edit(kind: UInt8(ascii: " "), line: before[i], old: i, new: j))
                i += 1
                j += 1
            }
        }

        var out: [UInt8] = []
        out.append(contentsOf: "--- \(oldName)\n+++ \(newName)\n".utf8)
        var index = 0
        while index < edits.count {
            guard edits[index].isChange else { index += 1; continue }
            // A hunk: this change, every change less than 2×context + 1 unchanged lines after
            // the last one (their contexts would touch), and the context around them.
            let start = max(0, index - context)
            var end = index
            var lastChange = index
            while end < edits.count, end - lastChange <= 2 * context + 1 {
                if edits[end].isChange { lastChange = end }
                end += 1
            }
            end = min(edits.count, lastChange + context + 1)
            let hunk = edits[start..<end]
            let oldCount = hunk.filter { $0.kind != UInt8(ascii: "+") }.count
            let newCount = hunk.filter { $0.kind != UInt8(ascii: "-") }.count
            let first = hunk[hunk.startIndex]
            out.append(contentsOf: "@@ -\(range(first.old, oldCount)) +\(range(first.new, newCount)) @@\n".utf8)
            for edit in hunk {
                out.append(edit.kind)
                out.append(contentsOf: edit.line)
                if edit.line.last != 0x0A { out.append(contentsOf: "\n\\ No newline at end of file\n".utf8) }
            }
            index = end
        }
        return out
    }

    private struct Edit {
        var kind: UInt8
        var line: ArraySlice<UInt8>
        var old: Int
        var new: Int

        var isChange: Bool { kind != UInt8(ascii: " ") }
    }

    /// `start,count` as `diff -u` writes it: 1-based, the line before for an empty range, and
    /// the count left out when it is 1.
    private static func range(_ offset: Int, _ count: Int) -> String {
        let start = count == 0 ? offset : offset + 1
        return count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// Lines with their line feed, so a last line without one differs from the same line with
    /// one (and is marked), as in `diff`.
    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(bytes[start...offset])
            start = offset + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }
}
