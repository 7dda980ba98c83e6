internal import CLibXML2

/// libxml2's SAX2 parser over bytes in memory: the document streams through the client's
/// callbacks and no tree is built. The stream brings what every parse needs: libxml2's set-up,
/// the safe options, the DOCTYPE refusal, and libxml2's messages, located in the input.
///
/// The callbacks are the client's own C functions, which libxml2 calls directly: the registry
/// makes some 400,000 of them, and a Swift layer between would add a call to each. The pointer
/// each callback is handed is the stream's session (the DOCTYPE refusal and the messages need
/// it too); `ParserClient.client(in:)` turns it into the client's state for one load.
public enum XMLStream {
    /// `startElementNs`: the element's local name, prefix and namespace URI (libxml2 interns
    /// names, so each distinct name keeps one address), its namespace declarations, and its
    /// attributes (see `XMLAttributes`).
    public typealias StartElement = @convention(c) (
        _ session: UnsafeMutableRawPointer?, _ localName: UnsafePointer<UInt8>?, _ prefix: UnsafePointer<UInt8>?,
        _ namespace: UnsafePointer<UInt8>?, _ namespaceCount: Int32,
        _ namespaces: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, _ attributeCount: Int32, _ defaultedCount: Int32,
        _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) -> Void
    public typealias EndElement = @convention(c) (
        _ session: UnsafeMutableRawPointer?, _ localName: UnsafePointer<UInt8>?, _ prefix: UnsafePointer<UInt8>?,
        _ namespace: UnsafePointer<UInt8>?
    ) -> Void
    /// Text, in pieces of libxml2's choosing, valid during the call only.
    public typealias Characters = @convention(c) (
        _ session: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<UInt8>?, _ count: Int32
    ) -> Void
    /// A comment's text, NUL-terminated.
    public typealias Comment = @convention(c) (_ session: UnsafeMutableRawPointer?, _ text: UnsafePointer<UInt8>?) -> Void
    /// A processing instruction's target and data (nil when it has none), NUL-terminated.
    public typealias ProcessingInstruction = @convention(c) (
        _ session: UnsafeMutableRawPointer?, _ target: UnsafePointer<UInt8>?, _ data: UnsafePointer<UInt8>?
    ) -> Void

    public struct Callbacks: Sendable {
        public var startElement: StartElement
        public var endElement: EndElement
        /// Character data, CDATA sections and the white space libxml2 deems ignorable alike:
        /// without a DTD it cannot know which white space is.
        public var characters: Characters
        public var comment: Comment
        public var processingInstruction: ProcessingInstruction

        public init(
            startElement: StartElement, endElement: EndElement, characters: Characters, comment: Comment,
            processingInstruction: ProcessingInstruction
        ) {
            self.startElement = startElement
            self.endElement = endElement
            self.characters = characters
            self.comment = comment
            self.processingInstruction = processingInstruction
        }
    }

    /// Parses the document made of `pieces`, in order, through `callbacks`, until it ends, an
    /// error stops it or the client does (`XMLStreamParser.stop`). Its lines are counted from
    /// `lineOffset` lines before the first piece. Every error ends in a message to the client.
    public static func parse<Client: ParserClient & ~Copyable>(
        _ pieces: [ArraySlice<UInt8>], lineOffset: Int = 0, client: UnsafeMutablePointer<Client>, callbacks: Callbacks
    ) where Client.Parser == XMLStreamParser {
        var handler = xmlSAXHandler(characters: callbacks.characters, errors: reportError)
        handler.startElementNs = callbacks.startElement
        handler.endElementNs = callbacks.endElement
        handler.cdataBlock = callbacks.characters
        handler.comment = callbacks.comment
        handler.processingInstruction = callbacks.processingInstruction
        handler.internalSubset = DoctypeRefusal.xmlStream
        var session = StreamSession(client: client)
        if let crowded = AttributeCrowding.firstCrowdedTag(in: pieces, lineOffset: lineOffset) {
            return session.fail(AttributeCrowding.message, at: crowded)
        }
        // The pull parser, fed the pieces through an I/O callback: libxml2 then keeps a small
        // window of the input instead of a copy of it (the push parser's chunk bookkeeping
        // cost a sixth of libxml2's time; a memory parser copies the whole input).
        ChunkSource.withSource(pieces) { source in
            withUnsafeMutablePointer(to: &session) { session in
                // libxml2 copies the handler; our I/O context needs no closing.
                guard let ctxt = Library.make({
                    xmlCreateIOParserCtxt(&handler, session, ChunkSource.read, nil, source, XML_CHAR_ENCODING_NONE)
                }) else { return session.pointee.fail("libxml2 could not create a parser", at: nil) }
                defer { xmlFreeParserCtxt(ctxt) }
                session.pointee.parser = XMLStreamParser(context: ctxt, lineOffset: lineOffset)
                client.pointee.parser = session.pointee.parser
                defer { client.pointee.parser = XMLStreamParser() }
                xmlCtxtUseOptions(ctxt, ParseOptions.xmlStream)
                // A failed parse has said why, unless the client stopped it.
                if xmlParseDocument(ctxt) != 0, !session.pointee.reportedError,
                    ctxt.pointee.errNo != Int32(XML_ERR_USER_STOP.rawValue) {
                    session.pointee.fail("the XML is not well formed", at: session.pointee.parser.current())
                }
            }
        }
    }

    private static let reportError: xmlStructuredErrorFunc = { session, error in
        guard let session, let error else { return }
        let stream = session.assumingMemoryBound(to: StreamSession.self)
        let message = ParserMessage(error.pointee, lineOffset: stream.pointee.parser.lineOffset)
        stream.pointee.report(message)
        // Some errors (namespace ones, say) let libxml2 go on calling back: stopping here keeps
        // the callbacks from ever running on a half-understood document.
        if message.severity == .error { stream.pointee.parser.stop() }
    }
}

extension xmlSAXHandler {
    /// A stream's callbacks: text goes to `characters`, white space libxml2 deems ignorable
    /// too, and messages to `errors`, with the parser's user data (the stream's session).
    init(characters: XMLStream.Characters, errors: xmlStructuredErrorFunc) {
        self.init()
        initialized = UInt32(XML_SAX2_MAGIC)  // so that messages go to `serror`
        self.characters = characters
        ignorableWhitespace = characters
        serror = errors
    }
}

/// A document handed to libxml2 in the pieces it asks for.
private struct ChunkSource {
    var segments: [UnsafeBufferPointer<UInt8>]
    var offset = 0

    /// Runs `body` with the pieces pinned in memory.
    static func withSource(_ pieces: [ArraySlice<UInt8>], _ body: (UnsafeMutablePointer<ChunkSource>) -> Void) {
        func pin(_ rest: ArraySlice<ArraySlice<UInt8>>, _ pinned: [UnsafeBufferPointer<UInt8>]) {
            guard let piece = rest.first else {
                var source = ChunkSource(segments: pinned.filter { !$0.isEmpty })
                return withUnsafeMutablePointer(to: &source, body)
            }
            piece.withUnsafeBufferPointer { pin(rest.dropFirst(), pinned + [$0]) }
        }
        pin(pieces[...], [])
    }

    static let read: xmlInputReadCallback = { context, buffer, length in
        let source = context!.assumingMemoryBound(to: ChunkSource.self)
        guard let buffer else { return -1 }
        var written = 0
        while written < Int(length), let segment = source.pointee.segments.first {
            let count = min(Int(length) - written, segment.count - source.pointee.offset)
            (buffer + written).withMemoryRebound(to: UInt8.self, capacity: count) { target in
                target.update(from: segment.baseAddress! + source.pointee.offset, count: count)
            }
            written += count
            source.pointee.offset += count
            if source.pointee.offset == segment.count {
                source.pointee.segments.removeFirst()
                source.pointee.offset = 0
            }
        }
        return Int32(written)
    }
}
