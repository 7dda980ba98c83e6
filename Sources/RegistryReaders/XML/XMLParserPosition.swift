internal import CLibXML2
import RegistryModel

/// Where libxml2's parser stands in the input, as the SAX2 callbacks ask: lines and columns of
/// the file, however the file was cut into parts.
struct XMLParserPosition {
    var context: xmlParserCtxtPtr?
    /// Lines before the part (see `InputPart`).
    let lineOffset: Int
    let file: UInt16

    init(lineOffset: Int, file: UInt16) {
        self.lineOffset = lineOffset
        self.file = file
    }

    /// Where the current element's start tag begins. libxml2 calls back with its cursor at the
    /// tag's end, so walk back to the `<`, counting lines if the tag was wrapped. `inside`, a
    /// place in the tag after its `<` (its first attribute's value), shortens the walk when it
    /// lies in libxml2's window of the input.
    func current(inside: UnsafePointer<xmlChar>? = nil) -> SourceLocation {
        guard let ctxt = context else { return location(line: 0, column: 0) }
        let line = Int(xmlSAX2GetLineNumber(ctxt))
        let column = Int(xmlSAX2GetColumnNumber(ctxt))
        guard let state = ctxt.pointee.input?.pointee, let base = state.base, let end = state.cur, end > base else {
            return location(line: line, column: column)
        }
        var cursor = end
        if let inside, inside > base, inside < end { cursor = inside }
        // Most tags sit on one line: find the `<`; no line break was crossed if it is nearer
        // than the column.
        let limit = cursor - base > 65536 ? cursor - 65536 : base
        while cursor > limit, cursor.pointee != UInt8(ascii: "<") { cursor -= 1 }
        if end - cursor < column { return location(line: line, column: column - (end - cursor)) }
        return walkBack(from: end, to: cursor, base: base, line: line)
    }

    /// The line and column of `target`, counted back from `end` (libxml2's cursor, on `line`).
    private func walkBack(
        from end: UnsafePointer<xmlChar>, to target: UnsafePointer<xmlChar>, base: UnsafePointer<xmlChar>, line: Int
    ) -> SourceLocation {
        var line = line
        var cursor = end
        while cursor > target {
            cursor -= 1
            if cursor.pointee == UInt8(ascii: "\n") { line -= 1 }
        }
        var lineStart = target
        while lineStart > base, (lineStart - 1).pointee != UInt8(ascii: "\n") { lineStart -= 1 }
        return location(line: line, column: target - lineStart + 1)
    }

    /// Where a comment that just ended begins: its `<!--` while that is in the parser's window
    /// of the input; otherwise only its line, counted back through the comment's text.
    func comment(_ text: UnsafePointer<xmlChar>?) -> (line: Int, column: Int?) {
        guard let ctxt = context, let state = ctxt.pointee.input?.pointee, let base = state.base, let end = state.cur else {
            return (0, nil)
        }
        let line = Int(xmlSAX2GetLineNumber(ctxt))
        var cursor = end - 4
        while cursor >= base {
            if cursor[0] == UInt8(ascii: "<"), cursor[1] == UInt8(ascii: "!"), cursor[2] == UInt8(ascii: "-"), cursor[3] == UInt8(ascii: "-") {
                let at = walkBack(from: end, to: cursor, base: base, line: line)
                return (Int(at.line), Int(at.column))
            }
            cursor -= 1
        }
        var breaks = 0
        if var byte = text {
            while byte.pointee != 0 {
                if byte.pointee == UInt8(ascii: "\n") { breaks += 1 }
                byte += 1
            }
        }
        return (inputLine(line - breaks), nil)
    }

    /// Where byte `offset` of the text libxml2 just handed to `characters` stands. Plain text
    /// arrives as a slice of libxml2's window of the input, its line and column already moved
    /// to the text's end; text it had to copy out (non-ASCII, references) arrives with the
    /// cursor at its end, and is counted back as if read verbatim.
    func text(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> SourceLocation {
        guard let ctxt = context, let state = ctxt.pointee.input?.pointee, let base = state.base, let end = state.end,
            let cursor = state.cur, let text = bytes.baseAddress
        else { return current() }
        let line = Int(xmlSAX2GetLineNumber(ctxt))
        if text >= base, text < end {
            return walkBack(from: text + bytes.count, to: text + offset, base: base, line: line)
        }
        let back = bytes.count - offset
        guard cursor - base >= back else { return current() }
        return walkBack(from: cursor, to: cursor - back, base: base, line: line)
    }

    /// A place in the input from libxml2's line (counted in the part) and column.
    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: UInt32(clamping: inputLine(line)), column: UInt32(clamping: column))
    }

    /// The input's line for a line libxml2 counted in the part (0, unknown, stays 0).
    func inputLine(_ line: Int) -> Int {
        line == 0 ? 0 : line + lineOffset
    }
}
