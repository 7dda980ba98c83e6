internal import CLibXML2
import RegistryModel

/// Applies the project's RELAX NG schema (Schemas/service-names-port-numbers.rng, embedded
/// in the binary as `registrySchema`) to registry XML with libxml2's validator.
///
/// The document is parsed as safely as the reader parses it: no network, no entity
/// substitution, no DTD loading. Errors arrive through per-context structured handlers, so
/// libxml2 never prints on its own.
enum SchemaCheck {
    struct Violation {
        var line: Int
        var column: Int
        var message: String
    }

    /// The schema's complaints about `bytes`, in document order; empty when the document is
    /// valid or is not well-formed XML (the reader reports that).
    static func violations(in bytes: [UInt8], treeLimit: Int = treeLimit) -> [Violation] {
        guard let schema = compiledSchema.schema, !bytes.isEmpty, !hasDoctype(bytes) else { return [] }
        // libxml2's streaming reader validates as it reads, one compiled content model per
        // element and no tree, so a valid registry (the usual case) is passed fast and small.
        guard let streamed = streamingViolations(bytes, schema) else { return [] }
        guard !streamed.isEmpty else { return [] }
        // But past an element out of place the streaming validator loses its place (it pops a
        // content model it never pushed) and reports everything after as wrong, so an invalid
        // document is checked again as a tree, where each element is checked on its own. A
        // tree takes about ten times the file's size: a larger file gets what the stream said
        // up to its first element out of place, which is still sure.
        var collected = bytes.count <= treeLimit ? treeViolations(bytes, schema) : streamed.upToFirstLostPlace

        let lines = LineIndex(bytes)
        // libxml2 follows a specific complaint with generic ones about the enclosing element;
        // keep the generic ones only when nothing else was said.
        let generic = ["failed to validate content", "failed to validate attributes", "has extra content"]
        let specific = collected.filter { raw in !generic.contains { raw.message.contains($0) } }
        if !specific.isEmpty { collected = specific }
        return collected.map { raw in
            Violation(line: raw.line, column: lines.column(ofTag: raw.element, onLine: raw.line), message: raw.message)
        }
    }

    /// The largest file checked again as a tree: eight times IANA's registry.
    static let treeLimit = 32 << 20

    /// Parser options for both passes: no network, no entity substitution, no DTD loading.
    /// NOBLANKS drops white-space-only text nodes: the schema accepts them anywhere text may
    /// be, and the tree is half the size without them.
    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue
        | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOBLANKS.rawValue)

    /// The streaming validator's complaints (only the first is sure to be right), or nil when
    /// the document is not well formed: what a schema says of a document cut short would only
    /// mislead.
    private static func streamingViolations(_ bytes: [UInt8], _ schema: xmlRelaxNGPtr) -> [RawViolation]? {
        var collected: [RawViolation] = []
        let finished = withDocument(bytes) { start, count -> Bool in
            guard let reader = xmlReaderForMemory(start, count, "registry.xml", nil, options) else { return false }
            defer { xmlFreeTextReader(reader) }
            return withUnsafeMutablePointer(to: &collected) { pointer in
                xmlTextReaderSetStructuredErrorHandler(reader, collectError, pointer)
                guard xmlTextReaderRelaxNGSetSchema(reader, schema) == 0 else { return false }
                var status: Int32 = 1
                while status == 1 { status = xmlTextReaderRead(reader) }
                return status == 0
            }
        }
        guard finished else { return nil }
        collected.removeAll { $0.isWellFormednessError }
        return collected
    }

    /// The tree validator's complaints about a document already known to be well formed.
    private static func treeViolations(_ bytes: [UInt8], _ schema: xmlRelaxNGPtr) -> [RawViolation] {
        var collected: [RawViolation] = []
        withDocument(bytes) { start, count in
            guard let parser = xmlNewParserCtxt() else { return }
            defer { xmlFreeParserCtxt(parser) }
            parser.pointee.sax.pointee.serror = ignoreError  // the streaming pass saw it parse
            guard let document = xmlCtxtReadMemory(parser, start, count, "registry.xml", nil, options) else { return }
            defer { xmlFreeDoc(document) }
            guard let validator = xmlRelaxNGNewValidCtxt(schema) else { return }
            defer { xmlRelaxNGFreeValidCtxt(validator) }
            withUnsafeMutablePointer(to: &collected) { pointer in
                xmlRelaxNGSetValidStructuredErrors(validator, collectError, pointer)
                _ = xmlRelaxNGValidateDoc(validator, document)
            }
        }
        return collected.filter { !$0.isWellFormednessError }
    }

    private static func withDocument<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>, Int32) -> T) -> T {
        bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(clamping: buffer.count))
        }
    }

    /// A `<!DOCTYPE` in the prolog: the registry reader refuses such a document (a DTD could
    /// declare expanding entities), so it is not handed to libxml2 a second time either.
    private static func hasDoctype(_ bytes: [UInt8]) -> Bool {
        let doctype = Array("<!DOCTYPE".utf8)
        let root = Array("<registry".utf8)
        var offset = 0
        while offset + doctype.count <= bytes.count {
            if bytes[offset] == UInt8(ascii: "<") {
                if bytes[offset...].starts(with: doctype) { return true }
                if bytes[offset...].starts(with: root) { return false }
            }
            offset += 1
        }
        return false
    }

    /// The schema, compiled once per process.
    fileprivate static let compiledSchema = CompiledSchema()

    fileprivate final class CompiledSchema: @unchecked Sendable {
        let schema: xmlRelaxNGPtr?

        init() {
            var text = registrySchema
            schema = text.withUTF8 { bytes in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { start -> xmlRelaxNGPtr? in
                    guard let parser = xmlRelaxNGNewMemParserCtxt(start, Int32(bytes.count)) else { return nil }
                    defer { xmlRelaxNGFreeParserCtxt(parser) }
                    xmlRelaxNGSetParserStructuredErrors(parser, ignoreError, nil)
                    return xmlRelaxNGParse(parser)
                }
            }
        }
    }
}

extension [RawViolation] {
    /// The complaints up to the first that leaves the streaming validator out of step.
    fileprivate var upToFirstLostPlace: [RawViolation] {
        let lost = ["Did not expect", "Expecting an element", "ends without an element"]
        guard let first = firstIndex(where: { raw in lost.contains { raw.message.contains($0) } })
        else { return self }
        return Array(self[...first])
    }
}

/// What the structured handler hands over, before columns are worked out.
private struct RawViolation {
    var line: Int
    var element: String
    var message: String
    /// A parser error rather than a schema one: the registry reader reports those.
    var isWellFormednessError: Bool
}

private let ignoreError: xmlStructuredErrorFunc = { _, _ in }

private let collectError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let list = context.assumingMemoryBound(to: [RawViolation].self)
    let node = error.pointee.node?.assumingMemoryBound(to: xmlNode.self)
    let nodeLine = node.map { Int(xmlGetLineNo($0)) } ?? 0
    let line = nodeLine > 0 ? nodeLine : Int(error.pointee.line)
    let element = node.flatMap { $0.pointee.name.map { String(cString: $0) } } ?? ""
    var message = error.pointee.message.map { String(cString: $0) } ?? "does not match the schema"
    while message.last == "\n" || message.last == " " { message.removeLast() }
    if message == "Expecting an element , got nothing" {
        // libxml2 leaves the name out (a TODO in its source); the schema requires two.
        message = "<\(element)> ends without an element the schema requires (a <record> needs a <description>, an <assignee> an <xref>)"
    }
    let fromSchema = error.pointee.domain == Int32(XML_FROM_RELAXNGV.rawValue)
    list.pointee.append(RawViolation(line: max(line, 1), element: element, message: message, isWellFormednessError: !fromSchema))
}

/// Line starts of a document, to turn libxml2's line numbers into line and column.
private struct LineIndex {
    let bytes: [UInt8]
    var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
    }

    /// The column of `<element` on `line` (the element libxml2 complains about), else 1.
    func column(ofTag element: String, onLine line: Int) -> Int {
        guard line >= 1, line <= starts.count, !element.isEmpty else { return 1 }
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] : bytes.count
        let tag = Array(("<" + element).utf8)
        var offset = start
        while offset + tag.count < end {
            if bytes[offset..<(offset + tag.count)].elementsEqual(tag) {
                let next = bytes[offset + tag.count]
                if next == 0x20 || next == 0x3E || next == 0x2F || next == 0x09 || next == 0x0A || next == 0x0D {
                    return offset - start + 1
                }
            }
            offset += 1
        }
        return 1
    }
}

extension Validator {
    /// Sets libxml2 up and compiles the schema on the calling thread, so the schema check may
    /// then run on another thread beside the reader (libxml2's one-time set-up is not
    /// thread-safe).
    public static func prepareSchema() {
        xmlInitParser()
        _ = SchemaCheck.isReady
    }
}

extension SchemaCheck {
    static var isReady: Bool { compiledSchema.schema != nil }
}
