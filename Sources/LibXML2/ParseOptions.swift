internal import CLibXML2

/// The options of every parse, in one place. None lets libxml2 reach the network (NONET),
/// substitute entities (NOENT) or load or apply a DTD (DTDLOAD, DTDATTR, DTDVALID): an entity
/// reference stays a reference, and with the DOCTYPE refused (`DoctypeRefusal`) no entity is
/// ever declared.
enum ParseOptions {
    /// The SAX2 stream: CDATA sections arrive as text.
    static let xmlStream = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// The schema check's passes: line numbers past 65535 kept (BIG_LINES), small text nodes
    /// (COMPACT), and no white-space-only text nodes (NOBLANKS): the schema accepts them
    /// anywhere text may be, and the tree is half the size without them.
    static let schemaCheck = xmlStream
        | Int32(XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOBLANKS.rawValue)

    /// The HTML parser (which never loads a DTD): no network, nothing printed (its repairs
    /// arrive as messages), and the page's own charset ignored, as the page was checked to be
    /// UTF-8 before. RECOVER ends a `script` or `style` only at its own end tag, as a browser
    /// does (without it, at any `</` and a letter: a `</table>` in a script ended the table).
    static let html = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_RECOVER.rawValue)
}
