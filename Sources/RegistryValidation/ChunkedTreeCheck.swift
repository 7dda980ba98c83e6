internal import LibXML2

/// The tree check of a registry in chunks of records. libxml2's tree validator takes time by
/// the square of the invalid records among one element's children (352 s for ten times IANA's
/// registry without descriptions), so the records are checked `chunkSize` at a time, each
/// chunk as a document of its own: the registry's head, the chunk's records, and either
/// `</registry>` or, for the last chunk, the rest of the file. Each chunk's complaints are
/// moved to their lines in the whole file; the head's are taken from the first chunk only.
enum ChunkedTreeCheck {
    static let chunkSize = 500

    /// The schema's complaints, in document order; nil when a chunk does not parse (a record
    /// tag inside a comment, say), so that the whole document is checked instead.
    static func violations(
        _ bytes: [UInt8], schema: RelaxNGSchema, chunkSize: Int = chunkSize, complaints: ([ParserMessage]) -> [RawViolation]
    ) -> [RawViolation]? {
        let starts = recordStarts(bytes)
        guard starts.count > chunkSize, let first = starts.first else { return nil }
        let head = bytes[..<first]
        let headLines = head.count { $0 == 0x0A }
        let closing = Array("</registry>\n".utf8)
        var collected: [RawViolation] = []
        var linesBefore = headLines  // line feeds before the chunk's first byte
        for chunkStart in stride(from: 0, to: starts.count, by: chunkSize) {
            let from = starts[chunkStart]
            let isLast = chunkStart + chunkSize >= starts.count
            let to = isLast ? bytes.count : starts[chunkStart + chunkSize]
            let chunk = bytes[from..<to]
            let chunkLines = chunk.count { $0 == 0x0A }
            guard let messages = schema.treeCheck(Array(head) + chunk + (isLast ? [] : closing)) else { return nil }
            for var violation in complaints(messages) {
                if violation.line <= headLines {
                    guard chunkStart == 0 else { continue }
                } else {
                    // Past the chunk's lines is the `</registry>` added to close it.
                    guard isLast || violation.line <= headLines + chunkLines else { continue }
                    violation.line += linesBefore - headLines
                }
                collected.append(violation)
            }
            linesBefore += chunkLines
        }
        return collected
    }

    /// Where each `<record` start tag begins, in order.
    private static func recordStarts(_ bytes: [UInt8]) -> [Int] {
        let tag = Array("<record".utf8)
        var starts: [Int] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open + 1
            if opensStartTag(tag, at: open, in: bytes) { starts.append(open) }
        }
        return starts
    }
}
