import Glibc

/// No element with more than `limit` attributes reaches libxml2: its duplicate-attribute check
/// (2.9) compares every attribute of a start tag with every other, so one tag of 100,000
/// attributes took minutes. Registry elements carry at most three, so a scan of the bytes for
/// a crowded start tag comes first, and such a document is refused where that tag starts.
enum AttributeCrowding {
    /// Far above any registry element's, far below where libxml2's check costs anything.
    static let limit = 256

    static let message = "an element with more than \(limit) attributes; registry elements have at most three"

    /// Where the first start tag with more than `limit` attributes starts in `bytes`, or nil.
    static func firstCrowdedTag(in bytes: ArraySlice<UInt8>) -> Int? {
        mayHoldACrowdedTag(bytes) ? exactFirstCrowdedTag(in: bytes) : nil
    }

    /// A bound first, at the speed of `memchr`: an attribute value holds no `<`, so a start
    /// tag's attributes are at most the `=` between its `<` and the next (text, comments and
    /// CDATA can only add to them).
    private static func mayHoldACrowdedTag(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            func next(_ byte: UInt8, from: Int, to end: Int) -> Int? {
                guard from < end, let found = memchr(base + from, Int32(byte), end - from) else { return nil }
                return base.distance(to: UnsafeRawPointer(found))
            }
            var open = next(UInt8(ascii: "<"), from: 0, to: buffer.count)
            while let start = open {
                open = next(UInt8(ascii: "<"), from: start + 1, to: buffer.count)
                let end = open ?? buffer.count
                // An attribute takes at least four bytes (`a=""`): a shorter stretch holds too few.
                guard end - start > 4 * limit else { continue }
                var equals = 0
                var cursor = start
                while let found = next(UInt8(ascii: "="), from: cursor, to: end) {
                    equals += 1
                    if equals > limit { return true }
                    cursor = found + 1
                }
            }
            return false
        }
    }

    /// Attributes counted by their `=` outside quotes; comments, CDATA sections and processing
    /// instructions skipped.
    private static func exactFirstCrowdedTag(in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">")
            var i = 0
            while let open = buffer[i...].firstIndex(of: less) {
                let rest = UnsafeBufferPointer(rebasing: buffer[open...])
                if rest.count > 1, rest[1] == UInt8(ascii: "!") || rest[1] == UInt8(ascii: "?"), let skip = skipped(rest) {
                    i = open + skip
                    continue
                }
                var j = open + 1
                var quote: UInt8 = 0
                var count = 0
                while j < buffer.count {
                    let byte = buffer[j]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "=") {
                        count += 1
                        if count > limit { return bytes.startIndex + open }
                    } else if byte == greater || byte == less {
                        break
                    }
                    j += 1
                }
                i = j
            }
            return nil
        }
    }

    /// How far a comment, CDATA section, processing instruction or declaration at the start
    /// of `rest` reaches (its closing included), or nil when `rest` starts a tag.
    private static func skipped(_ rest: UnsafeBufferPointer<UInt8>) -> Int? {
        for (open, close) in closings where rest.starts(with: open) {
            guard let end = rest[open.count...].firstRange(of: close) else { return rest.count }
            return end.upperBound
        }
        return nil
    }

    private static let closings: [(open: [UInt8], close: [UInt8])] =
        [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"), ("<!", ">")].map { (Array($0.utf8), Array($1.utf8)) }

    /// Where the first crowded start tag of the document made of `pieces` starts (its line
    /// counted from `lineOffset` lines before the first piece), or nil.
    static func firstCrowdedTag(in pieces: [ArraySlice<UInt8>], lineOffset: Int = 0) -> (line: Int, column: Int)? {
        for (index, piece) in pieces.enumerated() {
            guard let offset = firstCrowdedTag(in: piece) else { continue }
            let before = piece[..<offset]
            let linesBefore = pieces[..<index].reduce(0) { $0 + $1.count { $0 == 0x0A } }
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? piece.startIndex
            return (lineOffset + linesBefore + before.count { $0 == 0x0A } + 1, offset - lineStart + 1)
        }
        return nil
    }
}
