import ASCIIBytes

/// The lines of a plain-text page as byte ranges (LF or CR LF ends, not included), with the
/// few questions the text reader asks of a line. Columns are display columns: one per Unicode
/// scalar, as the text browser that made IANA's 2026 page counts them (`FORTÉ` is five wide),
/// or one per byte, as the one that made the 2013 page did.
struct TextLines {
    let bytes: [UInt8]
    var countsBytes = false
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x0A {
                starts.append(start)
                ends.append(i > start && bytes[i - 1] == 0x0D ? i - 1 : i)
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count {
            starts.append(start)
            ends.append(bytes[bytes.count - 1] == 0x0D ? bytes.count - 1 : bytes.count)
        }
    }

    var count: Int { starts.count }

    /// The line without its leading and trailing blanks.
    func trimmed(_ line: Int) -> Range<Int> {
        ASCII.trimming(bytes[starts[line]..<ends[line]], where: ASCII.isBlank).indices
    }

    func isEmpty(_ line: Int) -> Bool { trimmed(line).isEmpty }

    /// Leading blanks of a line (0 for an empty line).
    func indent(_ line: Int) -> Int {
        let visible = trimmed(line)
        return visible.isEmpty ? 0 : visible.lowerBound - starts[line]
    }

    func text(_ line: Int) -> String { string(trimmed(line)) }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// For each display column, how many of the given lines have a visible character there.
    func occupiedColumns<S: Sequence<Int>>(_ lines: S) -> [Int] {
        var occupied: [Int] = []
        for line in lines {
            var column = 0
            for i in starts[line]..<ends[line] where !isContinuation(bytes[i]) {
                if !ASCII.isBlank(bytes[i]) {
                    if column >= occupied.count { occupied += Array(repeating: 0, count: column - occupied.count + 1) }
                    occupied[column] += 1
                }
                column += 1
            }
        }
        return occupied
    }

    /// The byte range of each column's text on a line, trimmed (empty when the cell is blank
    /// there). A column runs from its start to the next column's start. A word that runs over
    /// into the next column (the 2013 page lets a long `[Person]` overflow) stays whole, and
    /// the cells after it are shifted as far as it overflowed. One pass over the line.
    func cells(_ line: Int, columns: [Range<Int>]) -> [Range<Int>] {
        var result = Array(repeating: ends[line]..<ends[line], count: columns.count)
        var column = 0
        var shift = 0
        var i = starts[line]
        let end = ends[line]
        func advance() {
            i += 1
            while i < end, isContinuation(bytes[i]) { i += 1 }
            column += 1
        }
        for index in columns.indices {
            while i < end, column < columns[index].lowerBound + shift { advance() }
            let cellStart = i
            if index + 1 < columns.count {
                while i < end, column < columns[index + 1].lowerBound + shift { advance() }
                if i < end, column > 0, !ASCII.isBlank(bytes[i]) {
                    // Did the text before the boundary run into it? Then it overflows.
                    var previous = i - 1
                    while previous > cellStart, isContinuation(bytes[previous]) { previous -= 1 }
                    if previous >= cellStart, !ASCII.isBlank(bytes[previous]) {
                        while i < end, !ASCII.isBlank(bytes[i]) { advance() }
                        shift = column + 1 - columns[index + 1].lowerBound
                    }
                }
            } else {
                i = end
            }
            result[index] = ASCII.trimming(bytes[cellStart..<i], where: ASCII.isBlank).indices
        }
        return result
    }

    /// Display width of some bytes of a line.
    func width(_ range: Range<Int>) -> Int {
        var count = 0
        for i in range where !isContinuation(bytes[i]) { count += 1 }
        return count
    }
}

extension TextLines {
    /// A continuation byte of a UTF-8 sequence takes no column of its own (unless the page
    /// counts bytes).
    @inline(__always)
    fileprivate func isContinuation(_ byte: UInt8) -> Bool { !countsBytes && byte & 0xC0 == 0x80 }
}
