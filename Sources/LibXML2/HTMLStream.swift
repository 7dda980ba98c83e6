internal import CLibXML2

/// libxml2's HTML parser over a page in memory, through the client's SAX callbacks: no tree,
/// and pages that are not well-formed XML read as a browser would read them. The parser never
/// loads a DTD or an external entity; it repairs what it finds wrong and says so in warnings
/// and errors, which never stop it.
///
/// As with `XMLStream`, the callbacks are the client's C functions, handed the stream's
/// session; `ParserClient.client(in:)` turns it into the client's state.
public enum HTMLStream {
    /// An element's name (lower case, interned: each distinct name keeps one address) and its
    /// attributes, a NULL-terminated list of names and values (a value may be NULL).
    public typealias StartElement = @convention(c) (
        _ session: UnsafeMutableRawPointer?, _ name: UnsafePointer<UInt8>?,
        _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) -> Void
    public typealias EndElement = @convention(c) (_ session: UnsafeMutableRawPointer?, _ name: UnsafePointer<UInt8>?) -> Void

    public struct Callbacks: Sendable {
        public var startElement: StartElement
        public var endElement: EndElement
        /// Text, the white space the parser deems ignorable included (in a cell it is content);
        /// script and style contents are not text and never arrive.
        public var characters: XMLStream.Characters

        public init(startElement: StartElement, endElement: EndElement, characters: XMLStream.Characters) {
            self.startElement = startElement
            self.endElement = endElement
            self.characters = characters
        }
    }

    /// Parses the UTF-8 page `bytes` to its end through `callbacks`: nil once done, else why
    /// it was not parsed (a start tag crowded with attributes, or libxml2 had no memory left).
    public static func parse<Client: ParserClient & ~Copyable>(
        _ bytes: [UInt8], client: UnsafeMutablePointer<Client>, callbacks: Callbacks
    ) -> ParserMessage? where Client.Parser == HTMLStreamParser {
        if let crowded = AttributeCrowding.firstCrowdedTag(in: [bytes[...]]) {
            return ParserMessage(error: AttributeCrowding.message, at: crowded)
        }
        var session = StreamSession(client: client)
        let parsed = bytes.withUnsafeBytes { page in
            let start = page.baseAddress?.assumingMemoryBound(to: CChar.self)
            guard let ctxt = Library.make({ htmlCreateMemoryParserCtxt(start, Int32(clamping: page.count)) }),
                let sax = ctxt.pointee.sax
            else { return false }
            defer { htmlFreeParserCtxt(ctxt) }
            var handler = xmlSAXHandler(characters: callbacks.characters, errors: reportError)
            handler.startElement = callbacks.startElement
            handler.endElement = callbacks.endElement
            handler.cdataBlock = { _, _, _ in }  // script and style contents
            sax.pointee = handler
            withUnsafeMutablePointer(to: &session) { session in
                ctxt.pointee.userData = UnsafeMutableRawPointer(session)
                client.pointee.parser = HTMLStreamParser(context: ctxt)
                defer { client.pointee.parser = HTMLStreamParser() }
                htmlCtxtUseOptions(ctxt, ParseOptions.html)
                xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)
                _ = htmlParseDocument(ctxt)
            }
            return true
        }
        return parsed ? nil : ParserMessage(error: "libxml2 could not create an HTML parser")
    }

    private static let reportError: xmlStructuredErrorFunc = { session, error in
        guard let session, let error else { return }
        session.assumingMemoryBound(to: StreamSession.self).pointee.report(ParserMessage(error.pointee))
    }
}

/// The parser of a running `HTMLStream.parse`, as its callbacks see it.
public struct HTMLStreamParser {
    /// libxml2's context, untyped so that its C type stays in this module.
    private let context: UnsafeMutableRawPointer?

    /// An idle parser: no parse running.
    public init() {
        context = nil
    }

    init(context: htmlParserCtxtPtr) {
        self.context = UnsafeMutableRawPointer(context)
    }

    /// How far the parser has read into the page, in bytes: at a start tag's `>` when it
    /// reports the tag; nil while no parse runs.
    public var offset: Int? {
        guard let ctxt = context?.assumingMemoryBound(to: htmlParserCtxt.self), let state = ctxt.pointee.input?.pointee,
            let base = state.base, let cur = state.cur
        else { return nil }
        return Int(state.consumed) + (cur - base)
    }
}
