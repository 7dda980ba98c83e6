/// A unified diff (`diff -u` style, three lines of context) between two texts, from the
/// standard library's `CollectionDifference` over their lines.
enum UnifiedDiff {
    static func make(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
        let before = lines(old)
        let after = lines(new)
        let difference = after.difference(from: before)
        guard !difference.isEmpty else { return "" }

        // Walk both files in step, marking each line kept, removed or inserted.
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var edits: [(kind: Character, text: String, old: Int, new: Int)] = []
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            if i < before.count, removed.contains(i) {
                edits.append(("-", before[i], i, j))
                i += 1
            } else if j < after.count, inserted.contains(j) {
                edits.append(("+", after[j], i, j))
                j += 1
            } else {
                edits.append((" ", before[i], i, j))
                i += 1
                j += 1
            }
        }

        var out = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < edits.count {
            guard edits[index].kind != " " else { index += 1; continue }
            // A hunk: this change, the changes within 2×context lines of it, and context around.
            let start = max(0, index - context)
            var end = index
            var lastChange = index
            while end < edits.count, end - lastChange <= 2 * context {
                if edits[end].kind != " " { lastChange = end }
                end += 1
            }
            end = min(edits.count, lastChange + context + 1)
            let hunk = edits[start..<end]
            let oldCount = hunk.filter { $0.kind != "+" }.count
            let newCount = hunk.filter { $0.kind != "-" }.count
            let oldStart = hunk.first!.old + (oldCount == 0 ? 0 : 1)
            let newStart = hunk.first!.new + (newCount == 0 ? 0 : 1)
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for edit in hunk { out += "\(edit.kind)\(edit.text)\n" }
            index = end
        }
        return out
    }

    /// Lines without their line feed, split on bytes: a String would read CRLF as one
    /// character. A carriage return stays part of its line.
    private static func lines(_ bytes: [UInt8]) -> [String] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
