import RegistryModel

/// Reads IANA's registry XML with libxml2's SAX2 parser: the file streams through the
/// callbacks and no DOM is built.
///
/// Safety (`XMLStream`'s): no network, no entity substitution, no DTD loading, and any
/// `<!DOCTYPE>` stops the parse, so neither external entities nor entity expansion can happen.
public enum XMLReader: SplittableRegistryReader {
    public static let name = "xml"
    public static let aliases: [String] = []

    public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
        let start = contentStart(head)
        // An XHTML page also starts with `<?xml`; it is the HTML layout's.
        return start.starts(with: Array("<?xml".utf8)) && !HTMLReader.recognizes(head)
            || start.starts(with: Array("<registry".utf8))
    }

    public static func read(_ input: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Registry {
        try read(InputPart(whole: input), diagnostics: &diagnostics, records: nil)
    }

    public static func read(
        _ input: InputFile, diagnostics: inout [Diagnostic], records sink: RecordSink
    ) throws(ReadError) -> Registry {
        try withoutActuallyEscaping(sink) { sink throws(ReadError) in
            try read(InputPart(whole: input), diagnostics: &diagnostics, records: sink)
        }
    }

    public static func read(
        _ part: InputPart, diagnostics: inout [Diagnostic], records sink: RecordSink?
    ) throws(ReadError) -> Registry {
        // The callbacks reach the builder through a raw pointer to a struct: no class, so no
        // reference counting or dynamic exclusivity checks on the hot path.
        let builder = UnsafeMutablePointer<XMLRegistryBuilder>.allocate(capacity: 1)
        builder.initialize(to: XMLRegistryBuilder(part: part, sink: sink))
        defer {
            builder.deinitialize(count: 1)
            builder.deallocate()
        }
        try XMLRegistryBuilder.parse(builder)
        diagnostics += builder.pointee.diagnostics
        return builder.pointee.registry
    }
}
