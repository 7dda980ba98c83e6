internal import CLibXML2

/// The parser of a running `XMLStream.parse`, as its callbacks see it: where it stands in the
/// input (lines and columns of the input, however it was cut into pieces), and a way to stop it.
/// An idle parser (no parse running) knows no place: its lines and columns are 0.
public struct XMLStreamParser {
    /// libxml2's context, untyped so that its C type stays in this module.
    private let context: UnsafeMutableRawPointer?
    /// Lines before the first piece, added to libxml2's line numbers.
    let lineOffset: Int

    public init() {
        context = nil
        lineOffset = 0
    }

    init(context: xmlParserCtxtPtr, lineOffset: Int) {
        self.context = UnsafeMutableRawPointer(context)
        self.lineOffset = lineOffset
    }

    private var ctxt: xmlParserCtxtPtr? { context?.assumingMemoryBound(to: xmlParserCtxt.self) }

    /// Stops the parse: libxml2 calls back no more.
    public func stop() {
        if let ctxt { xmlStopParser(ctxt) }
    }

    /// Where the current element's start tag begins. libxml2 calls back with its cursor at the
    /// tag's end, so walk back to the `<`, counting lines if the tag was wrapped. `inside`, a
    /// place in the tag after its `<` (its first attribute's value), shortens the walk when it
    /// lies in libxml2's window of the input.
    public func current(inside: UnsafePointer<UInt8>? = nil) -> (line: Int, column: Int) {
        guard let ctxt else { return (0, 0) }
        let line = Int(xmlSAX2GetLineNumber(ctxt))
        let column = Int(xmlSAX2GetColumnNumber(ctxt))
        guard let state = ctxt.pointee.input?.pointee, let base = state.base, let end = state.cur, end > base else {
            return (inputLine(line), column)
        }
        var cursor = end
        if let inside, inside > base, inside < end { cursor = inside }
        // Most tags sit on one line: find the `<`; no line break was crossed if it is nearer
        // than the column.
        let limit = cursor - base > 65536 ? cursor - 65536 : base
        while cursor > limit, cursor.pointee != UInt8(ascii: "<") { cursor -= 1 }
        if end - cursor < column { return (inputLine(line), column - (end - cursor)) }
        return walkBack(from: end, to: cursor, base: base, line: line)
    }

    /// The line and column of `target`, counted back from `end` (libxml2's cursor, on `line`).
    private func walkBack(
        from end: UnsafePointer<UInt8>, to target: UnsafePointer<UInt8>, base: UnsafePointer<UInt8>, line: Int
    ) -> (line: Int, column: Int) {
        var line = line
        var cursor = end
        while cursor > target {
            cursor -= 1
            if cursor.pointee == UInt8(ascii: "\n") { line -= 1 }
        }
        var lineStart = target
        while lineStart > base, (lineStart - 1).pointee != UInt8(ascii: "\n") { lineStart -= 1 }
        return (inputLine(line), target - lineStart + 1)
    }

    /// Where a comment that just ended begins: its `<!--` while that is in the parser's window
    /// of the input; otherwise only its line, counted back through the comment's text.
    public func comment(_ text: UnsafePointer<UInt8>?) -> (line: Int, column: Int?) {
        guard let ctxt, let state = ctxt.pointee.input?.pointee, let base = state.base, let end = state.cur else {
            return (0, nil)
        }
        let line = Int(xmlSAX2GetLineNumber(ctxt))
        var cursor = end - 4
        while cursor >= base {
            if cursor[0] == UInt8(ascii: "<"), cursor[1] == UInt8(ascii: "!"), cursor[2] == UInt8(ascii: "-"), cursor[3] == UInt8(ascii: "-") {
                let at = walkBack(from: end, to: cursor, base: base, line: line)
                return (at.line, at.column)
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
    public func text(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> (line: Int, column: Int) {
        guard let ctxt, let state = ctxt.pointee.input?.pointee, let base = state.base, let end = state.end,
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

    /// The input's line for a line libxml2 counted from the first piece (0, unknown, stays 0).
    private func inputLine(_ line: Int) -> Int {
        line == 0 ? 0 : line + lineOffset
    }
}
