/// Text layouts must be UTF-8: decoding invalid bytes would replace them and lose data, so
/// the first invalid sequence is an error with its line and column.
func checkUTF8(_ input: InputFile) throws(ReadError) {
    let bytes = input.bytes
    guard let bad = firstInvalidUTF8(bytes) else { return }
    // Lines are counted only for the message: the scan itself skips ASCII eight bytes at a time.
    let (line, column) = input.lineAndColumn(ofByteAt: bad)
    throw ReadError(
        file: input.displayName, line: line, column: column,
        message: "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); convert the file to UTF-8")
}

/// Where the first byte that does not start a well-formed sequence stands, or nil.
private func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBytes { raw in
        var i = 0
        while i < raw.count {
            if i + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            if raw[i] < 0x80 {
                i += 1
                continue
            }
            let length = utf8SequenceLength(bytes, at: i)
            guard length > 0 else { return i }
            i += length
        }
        return nil
    }
}

/// The length of the well-formed UTF-8 sequence at `i` (RFC 3629), or 0.
private func utf8SequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
    let lead = bytes[i]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; high = 0x9F
    case 0xF0: length = 4; low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; high = 0x8F
    default: return 0
    }
    guard i + length <= bytes.count else { return 0 }
    for k in 1..<length {
        let byte = bytes[i + k]
        let (min, max) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
        guard byte >= min, byte <= max else { return 0 }
    }
    return length
}

/// The input as UTF-8 for the text layouts: UTF-16 with a byte-order mark is transcoded (a
/// spreadsheet's "Unicode text" export is still the registry), anything else must be valid
/// UTF-8 (a UTF-8 byte-order mark is fine; readers skip it).
func utf8Input(_ input: InputFile) throws(ReadError) -> InputFile {
    let bytes = input.bytes
    if let problem = Readers.encodingProblem(bytes) {
        throw ReadError(file: input.displayName, line: 1, column: 1, message: problem)
    }
    let bigEndian: Bool
    if bytes.starts(with: [0xFF, 0xFE]) {
        bigEndian = false
    } else if bytes.starts(with: [0xFE, 0xFF]) {
        bigEndian = true
    } else {
        try checkUTF8(input)
        return input
    }
    guard bytes.count % 2 == 0 else {
        throw ReadError(file: input.displayName, line: 1, column: 1, message: "UTF-16 input with an odd number of bytes: the file is cut short")
    }
    let units = stride(from: 2, to: bytes.count, by: 2).map { (i: Int) -> UInt16 in
        let (high, low) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
        return UInt16(high) << 8 | UInt16(low)
    }
    guard let text = String(validating: units, as: UTF16.self) else {
        throw ReadError(file: input.displayName, line: 1, column: 1, message: "invalid UTF-16 (an unpaired surrogate); convert the file to UTF-8")
    }
    var decoded = input
    decoded.bytes = Array(text.utf8)
    return decoded
}

/// The input of a text layout (CSV and the line-based ones): as `utf8Input`, and without a C0
/// control character other than TAB, LF and CR. XML 1.0 allows no other, so a record holding
/// one could be written but never read back (and a terminal would act on an ESC): the first is
/// an error with its line and column.
func textInput(_ input: InputFile) throws(ReadError) -> InputFile {
    let decoded = try utf8Input(input)
    guard let bad = firstControlCharacter(decoded.bytes) else { return decoded }
    let (line, column) = decoded.lineAndColumn(ofByteAt: bad)
    let code = String(decoded.bytes[bad], radix: 16, uppercase: true)
    throw ReadError(
        file: input.displayName, line: line, column: column,
        message: "control character U+\(String(repeating: "0", count: 4 - code.count) + code) in the text; XML allows none but TAB, LF and CR, so it could not be written back: remove it")
}

/// Where the first C0 control character other than TAB, LF and CR stands, or nil.
private func firstControlCharacter(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBytes { raw in
        var i = 0
        while i < raw.count {
            // Eight bytes at a time: a byte below 0x20 sets its high bit in the difference.
            if i + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            for k in i..<min(i + 8, raw.count) where raw[k] < 0x20 && raw[k] != 0x09 && raw[k] != 0x0A && raw[k] != 0x0D {
                return k
            }
            i += 8
        }
        return nil
    }
}

/// The input for the line-based layouts (the text page, the scraped pages): as `textInput`,
/// with every line end made a line feed, so a file saved with CR-only or mixed line ends reads
/// as the same lines. A line end is one line either way and a CR only ever ends a line, so
/// line and column numbers stay those of the original file.
func lineTextInput(_ input: InputFile) throws(ReadError) -> InputFile {
    var decoded = try textInput(input)
    decoded.bytes = lineFeedLineEnds(decoded.bytes)
    return decoded
}

/// `bytes` with each CR LF and each lone CR made one LF.
func lineFeedLineEnds(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(0x0D) else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var previous: UInt8 = 0
    for byte in bytes {
        if byte == 0x0D {
            out.append(0x0A)
        } else if !(byte == 0x0A && previous == 0x0D) {
            out.append(byte)
        }
        previous = byte
    }
    return out
}

extension Readers {
    /// Why the input is in an encoding ianaconv does not read, told from the pattern of NUL
    /// bytes in its first character (the way XML 1.0 appendix F tells encodings apart): UTF-32
    /// with or without a byte-order mark, UTF-16 without one. Nil for anything else. Without
    /// it, such a file gets a message about its layout, or about invalid UTF-8 far from the
    /// start.
    public static func encodingProblem(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4 else { return nil }
        let head = (bytes[0], bytes[1], bytes[2], bytes[3])
        let (encoding, marked): (String, Bool)
        switch head {
        case (0xFF, 0xFE, 0, 0): (encoding, marked) = ("UTF-32LE", true)
        case (0, 0, 0xFE, 0xFF): (encoding, marked) = ("UTF-32BE", true)
        case (0xFF, 0xFE, _, _), (0xFE, 0xFF, _, _): return nil  // UTF-16 with its mark: read
        case (1..., 0, 0, 0): (encoding, marked) = ("UTF-32LE", false)
        case (0, 0, 0, 1...): (encoding, marked) = ("UTF-32BE", false)
        case (1..., 0, 1..., 0): (encoding, marked) = ("UTF-16LE", false)
        case (0, 1..., 0, 1...): (encoding, marked) = ("UTF-16BE", false)
        default: return nil
        }
        let how = marked ? "is \(encoding) text (it starts with a byte-order mark)" : "looks like \(encoding) text without a byte-order mark"
        return "the input \(how); ianaconv reads UTF-8 (and UTF-16 with a byte-order mark): convert it with iconv -f \(encoding) -t UTF-8"
    }
}
