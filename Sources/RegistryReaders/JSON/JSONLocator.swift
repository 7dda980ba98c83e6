import ASCIIBytes

/// Positions in a JSON text, for messages and record locations. FoundationEssentials'
/// JSONDecoder does the parsing, but on Linux it reports no position for a syntax error (only
/// "The given data was not valid JSON.") and only a coding path for the others. This walks the
/// bytes as RFC 8259 spells them, without building any value, to find where a coding path
/// leads, where each record starts, or where the text stops being JSON.
struct JSONLocator {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int

    /// Where the walk stopped because the text is not JSON there, and what it expected.
    struct Stop: Error {
        var offset: Int
        var expected: String
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        self.bytes = bytes
        position = start
    }

    /// The first place where the text is not one JSON value (white space around it allowed).
    mutating func firstSyntaxError() -> Stop? {
        do {
            skipSpace()
            try value()
            skipSpace()
            if position < bytes.count { return Stop(offset: position, expected: "the end of the text after the value") }
            return nil
        } catch {
            return error
        }
    }

    /// The offset of the value a decoder's coding path names (keys and array indexes), or of
    /// the last value on the way that the path could still be followed to.
    mutating func offset(of path: [any CodingKey]) -> Int {
        skipSpace()
        var reached = position
        for step in path {
            do {
                if let index = step.intValue { try element(index) } else { try member(step.stringValue) }
            } catch {
                return reached
            }
            skipSpace()
            reached = position
        }
        return reached
    }

    /// Where each element of the top-level object's `records` array starts, in order.
    mutating func recordOffsets() throws(Stop) -> [Int] {
        var offsets: [Int] = []
        skipSpace()
        try member("records")
        try expect(UInt8(ascii: "["), "an array of records")
        try items(closing: UInt8(ascii: "]")) { (locator: inout JSONLocator) throws(Stop) in
            offsets.append(locator.position)
            try locator.value()
        }
        return offsets
    }

    // MARK: Following a path

    /// Moves into the object at the position to the value of `key`.
    private mutating func member(_ key: String) throws(Stop) {
        try expect(UInt8(ascii: "{"), "an object")
        let wanted = Array(key.utf8)
        while true {
            skipSpace()
            let keyStart = position + 1
            try string()
            let found = bytes[keyStart..<(position - 1)].elementsEqual(wanted)
            skipSpace()
            try expect(UInt8(ascii: ":"), "':' after a key")
            skipSpace()
            if found { return }
            try value()
            skipSpace()
            if byte == UInt8(ascii: "}") { throw Stop(offset: position, expected: "the key '\(key)'") }
            try expect(UInt8(ascii: ","), "',' or '}'")
        }
    }

    /// Moves into the array at the position to its element `index`.
    private mutating func element(_ index: Int) throws(Stop) {
        try expect(UInt8(ascii: "["), "an array")
        for _ in 0..<index {
            skipSpace()
            try value()
            skipSpace()
            try expect(UInt8(ascii: ","), "',' between elements")
        }
        skipSpace()
    }

    // MARK: Skipping values

    private var byte: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while let byte, ASCII.isWhiteSpace(byte) { position += 1 }
    }

    private mutating func expect(_ wanted: UInt8, _ what: String) throws(Stop) {
        guard byte == wanted else { throw Stop(offset: position, expected: what) }
        position += 1
    }

    private mutating func value() throws(Stop) {
        switch byte {
        case UInt8(ascii: "{"):
            position += 1
            try items(closing: UInt8(ascii: "}")) { (locator: inout JSONLocator) throws(Stop) in
                try locator.string()
                locator.skipSpace()
                try locator.expect(UInt8(ascii: ":"), "':' after a key")
                locator.skipSpace()
                try locator.value()
            }
        case UInt8(ascii: "["):
            position += 1
            try items(closing: UInt8(ascii: "]")) { (locator: inout JSONLocator) throws(Stop) in try locator.value() }
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    /// The members or elements after an opening bracket, up to and past `closing`.
    private mutating func items(closing: UInt8, _ item: (inout JSONLocator) throws(Stop) -> Void) throws(Stop) {
        skipSpace()
        if byte == closing {
            position += 1
            return
        }
        while true {
            skipSpace()
            try item(&self)
            skipSpace()
            if byte == closing {
                position += 1
                return
            }
            try expect(UInt8(ascii: ","), "',' or '\(Character(Unicode.Scalar(closing)))'")
        }
    }

    private mutating func string() throws(Stop) {
        try expect(UInt8(ascii: "\""), "a string")
        while let byte {
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return
            case UInt8(ascii: "\\"):
                position += 1
                switch self.byte {
                case UInt8(ascii: "u"):
                    position += 1
                    for _ in 0..<4 {
                        guard let digit = self.byte, digit.isHexDigit else { throw Stop(offset: position, expected: "4 hex digits after \\u") }
                        position += 1
                    }
                case .some(let escaped) where Array(#""\/bfnrt"#.utf8).contains(escaped): position += 1
                default: throw Stop(offset: position, expected: #"an escape (\", \\, \/, \b, \f, \n, \r, \t or \uXXXX)"#)
                }
            case 0..<0x20: throw Stop(offset: position, expected: "a control character escaped (\\n, \\t, \\u00XX)")
            default: position += 1
            }
        }
        throw Stop(offset: position, expected: "'\"' closing the string")
    }

    private mutating func literal(_ word: StaticString) throws(Stop) {
        let spelled = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard position + spelled.count <= bytes.count, bytes[position..<(position + spelled.count)].elementsEqual(spelled) else {
            throw Stop(offset: position, expected: "a value")
        }
        position += spelled.count
    }

    /// `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`
    private mutating func number() throws(Stop) {
        let start = position
        if byte == UInt8(ascii: "-") { position += 1 }
        guard let first = byte, first.isDigit else { throw Stop(offset: start, expected: "a value") }
        position += 1
        if first != UInt8(ascii: "0") { digits() }
        if byte == UInt8(ascii: ".") {
            position += 1
            guard byte?.isDigit == true else { throw Stop(offset: position, expected: "a digit after '.'") }
            digits()
        }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            position += 1
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { position += 1 }
            guard byte?.isDigit == true else { throw Stop(offset: position, expected: "a digit in the exponent") }
            digits()
        }
    }

    private mutating func digits() {
        while byte?.isDigit == true { position += 1 }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { ASCII.isDigit(self) }
    fileprivate var isHexDigit: Bool { isDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self | 0x20) }
}
