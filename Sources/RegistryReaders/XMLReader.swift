import CLibXML2
import RegistryModel

/// Reads IANA's registry XML with libxml2's SAX2 push parser: the file streams through the
/// callbacks in chunks and no DOM is built.
///
/// Safety: no network (`XML_PARSE_NONET`), no entity substitution, no DTD loading, and any
/// `<!DOCTYPE>` stops the parse, so neither external entities nor entity expansion can happen.
public enum XMLReader: RegistryReader {
    public static let name = "xml"
    public static let aliases: [String] = []

    public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
        let start = contentStart(head)
        return start.starts(with: Array("<?xml".utf8)) && !looksLikeHTML(head)
            || start.starts(with: Array("<registry".utf8))
    }

    public static func read(_ input: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Registry {
        let builder = XMLRegistryBuilder(input: input)
        try builder.parse()
        diagnostics += builder.diagnostics
        return builder.registry
    }

    /// An XHTML page also starts with `<?xml`; it is the HTML layout's.
    private static func looksLikeHTML(_ head: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        return text.contains("<html") || text.contains("<!doctype html")
    }
}

/// The SAX2 callbacks' state: a stack of open elements and the registry being built.
final class XMLRegistryBuilder {
    static let namespace = "http://www.iana.org/assignments"

    let input: InputFile
    var registry = Registry()
    var diagnostics: [Diagnostic] = []
    private var error: ReadError?
    private var context: xmlParserCtxtPtr?

    private var frames: [Frame] = [.document]
    /// Character data of the innermost text-bearing element, as bytes.
    private var text: [UInt8] = []
    private var richTexts: [RichText] = []
    private var record = Record()
    private var person = Person(id: "")
    private var xref = Xref(type: .text)
    private var footnoteAnchor = ""
    private var noteTitle: String?
    private var elementStart = SourceLocation(line: 0, column: 0)

    init(input: InputFile) {
        self.input = input
    }

    // MARK: parsing

    func parse() throws(ReadError) {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = xmlStartElement
        handler.endElementNs = xmlEndElement
        handler.characters = xmlCharacters
        handler.cdataBlock = xmlCharacters
        // The same callback for "ignorable" white space: inside rich text it is content.
        handler.ignorableWhitespace = xmlCharacters
        handler.internalSubset = xmlInternalSubset
        handler.comment = xmlComment
        handler.serror = xmlStructuredError

        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&handler, me, nil, 0, input.displayName) else {
            throw ReadError(file: input.displayName, message: "libxml2 could not create a parser")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        context = ctxt
        // No XML_PARSE_NOENT (no substitution) and no XML_PARSE_DTDLOAD: entities stay unexpanded
        // and no external subset is fetched; NONET forbids the network outright.
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))

        let chunkSize = 1 << 18
        input.bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            repeat {
                let count = min(chunkSize, bytes.count - offset)
                let chunk = UnsafeRawPointer(bytes.baseAddress! + offset).assumingMemoryBound(to: CChar.self)
                let last: Int32 = offset + count == bytes.count ? 1 : 0
                if xmlParseChunk(ctxt, count == 0 ? nil : chunk, Int32(count), last) != 0 && error == nil {
                    fail("the XML is not well formed")
                }
                offset += count
            } while offset < bytes.count && error == nil
        }
        if let error { throw error }
        if registry.id == nil && registry.records.isEmpty && registry.title == nil {
            throw ReadError(file: input.displayName, line: 1, column: 1, message: "no <registry> element: this is not IANA's registry XML")
        }
    }

    /// Stops the parse with a message at the current position (the first error wins).
    fileprivate func fail(_ message: String, at location: SourceLocation? = nil) {
        guard error == nil else { return }
        let where_ = location ?? currentLocation()
        error = ReadError(file: input.displayName, line: Int(where_.line), column: Int(where_.column), message: message)
        if let context { xmlStopParser(context) }
    }

    fileprivate func libxmlError(_ err: xmlError) {
        let message = err.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        let trimmed = String(message.reversed().drop { $0 == "\n" || $0 == " " }.reversed())
        if err.level == XML_ERR_WARNING {
            diagnostics.append(Diagnostic(file: input.displayName, line: Int(err.line), column: Int(err.int2), message: trimmed))
            return
        }
        guard error == nil else { return }
        error = ReadError(file: input.displayName, line: Int(err.line), column: Int(err.int2), message: trimmed)
    }

    /// Where the current element's start tag begins. libxml2 calls back with its cursor at the
    /// tag's end, so walk back to the `<`, counting lines if the tag was wrapped.
    private func currentLocation() -> SourceLocation {
        guard let ctxt = context, let inputPointer = ctxt.pointee.input else {
            return input.location(line: 0, column: 0)
        }
        let state = inputPointer.pointee
        var line = Int(xmlSAX2GetLineNumber(ctxt))
        var column = Int(xmlSAX2GetColumnNumber(ctxt))
        guard let base = state.base, var cursor = state.cur, cursor > base else {
            return input.location(line: line, column: column)
        }
        let limit = max(base, cursor - 65536)
        var wrapped = false
        while cursor > limit, cursor.pointee != UInt8(ascii: "<") {
            cursor -= 1
            if cursor.pointee == UInt8(ascii: "\n") {
                line -= 1
                wrapped = true
            }
            if !wrapped { column -= 1 }
        }
        if wrapped {
            var lineStart = cursor
            while lineStart > base, (lineStart - 1).pointee != UInt8(ascii: "\n") { lineStart -= 1 }
            column = cursor - lineStart + 1
        }
        return input.location(line: line, column: max(column, 1))
    }

    // MARK: elements

    fileprivate func startElement(_ localName: String, namespace: String?, attributes: [(String, String)]) {
        guard namespace == nil || namespace == Self.namespace else {
            return fail("element <\(localName)> is in namespace \(namespace!), not \(Self.namespace)")
        }
        elementStart = currentLocation()
        let parent = frames[frames.count - 1]
        guard let frame = child(localName, of: parent) else {
            return fail("unexpected element <\(localName)> inside \(parent.description)")
        }
        for (name, _) in attributes where !frame.allowedAttributes.contains(name) {
            if case .xref = frame { break }  // the schema allows more xref attributes; all kept
            return fail("unexpected attribute \(name)=\"…\" on <\(localName)>")
        }
        if case .rich = parent { flushRichText() }
        if case .paragraph = parent { flushRichText() }
        open(frame, attributes: attributes)
        frames.append(frame)
    }

    /// The frame for element `name` inside `parent`, or nil when it may not appear there.
    private func child(_ name: String, of parent: Frame) -> Frame? {
        switch (parent, name) {
        case (.document, "registry"): .registry
        case (.registry, "title"): .leaf(.title)
        case (.registry, "category"): .leaf(.category)
        case (.registry, "updated"): .leaf(.registryUpdated)
        case (.registry, "xref"): .xref(.registryReference)
        case (.registry, "expert"): .rich(.expert)
        case (.registry, "note"): .rich(.registryNote)
        case (.registry, "record"): .record
        case (.registry, "footnote"): .rich(.footnote)
        case (.registry, "people"): .people
        case (.record, "name"): .leaf(.name)
        case (.record, "protocol"): .leaf(.transportProtocol)
        case (.record, "number"): .leaf(.number)
        case (.record, "sc"): .leaf(.serviceCode)
        case (.record, "description"): .rich(.description)
        case (.record, "unauthorized"): .rich(.unauthorized)
        case (.record, "note"): .rich(.recordNote)
        case (.record, "assignee"): .assignee
        case (.record, "xref"): .xref(.recordXref)
        case (.assignee, "xref"): .xref(.assignee)
        case (.people, "person"): .person
        case (.person, "name"): .leaf(.personName)
        case (.person, "org"): .leaf(.organization)
        case (.person, "uri"): .leaf(.uri)
        case (.person, "updated"): .leaf(.personUpdated)
        case (.rich, "br"), (.paragraph, "br"): .lineBreak
        case (.rich, "xref"), (.paragraph, "xref"): .xref(.inline)
        case (.rich, "paragraph"), (.paragraph, "paragraph"): .paragraph
        default: nil
        }
    }

    private func open(_ frame: Frame, attributes: [(String, String)]) {
        func attribute(_ name: String) -> String? { attributes.first { $0.0 == name }?.1 }
        switch frame {
        case .registry:
            registry.id = attribute("id")
            registry.sourceFiles = [input.displayName]
        case .record:
            record = Record()
            record.locations[.record] = elementStart
            record.registrationDate = attribute("date").map(Parsed.init)
            record.modificationDate = attribute("updated").map(Parsed.init)
            if record.registrationDate != nil { record.locations[.registrationDate] = elementStart }
            if record.modificationDate != nil { record.locations[.modificationDate] = elementStart }
        case .person:
            guard let id = attribute("id") else { return fail("<person> has no id attribute") }
            person = Person(id: id, location: elementStart)
        case .people:
            registry.people = registry.people ?? []
        case .assignee:
            noteRecordElement(.assignee, field: .assignee)
            record.assignees = record.assignees ?? []
        case .xref(let owner):
            guard let type = attribute("type") else { return fail("<xref> has no type attribute") }
            xref = Xref(
                type: XrefType(type), data: attribute("data"),
                attributes: attributes.filter { $0.0 != "type" && $0.0 != "data" }.map { XrefAttribute(name: $0.0, value: $0.1) },
                location: elementStart)
            if owner == .recordXref { noteRecordElement(.xref, field: nil) }
            text.removeAll(keepingCapacity: true)
        case .rich(let target):
            switch target {
            case .description: noteRecordElement(.description, field: .description)
            case .unauthorized: noteRecordElement(.unauthorized, field: .unauthorizedUse)
            case .recordNote: noteRecordElement(.note, field: record.notes.isEmpty ? .notes : nil)
            case .registryNote: noteTitle = attribute("title")
            case .footnote: footnoteAnchor = attribute("anchor") ?? ""
            case .expert: break
            }
            richTexts = [RichText()]
            text.removeAll(keepingCapacity: true)
        case .paragraph:
            richTexts.append(RichText())
        case .lineBreak:
            richTexts[richTexts.count - 1].content.append(.lineBreak)
        case .leaf(let leaf):
            switch leaf {
            case .name: noteRecordElement(.name, field: .name)
            case .transportProtocol: noteRecordElement(.transportProtocol, field: .transportProtocol)
            case .number: noteRecordElement(.number, field: .number)
            case .serviceCode: noteRecordElement(.serviceCode, field: .serviceCode)
            default: break
            }
            text.removeAll(keepingCapacity: true)
        case .document:
            break
        }
    }

    private func noteRecordElement(_ element: RecordElement, field: RecordField?) {
        record.elementOrder.append(element)
        if let field { record.locations[field] = elementStart }
    }

    fileprivate func endElement() {
        let frame = frames.removeLast()
        switch frame {
        case .record:
            registry.records.append(record)
        case .person:
            registry.people!.append(person)
        case .leaf(let leaf):
            closeLeaf(leaf, takeText())
        case .xref(let owner):
            let content = takeText()
            xref.text = content.isEmpty ? nil : content
            switch owner {
            case .registryReference: registry.references.append(xref)
            case .recordXref: record.xrefs.append(xref)
            case .assignee: record.assignees!.append(xref)
            case .inline: richTexts[richTexts.count - 1].content.append(.xref(xref))
            }
        case .paragraph:
            flushRichText()
            let inner = richTexts.removeLast()
            richTexts[richTexts.count - 1].content.append(.paragraph(inner))
        case .rich(let target):
            flushRichText()
            closeRich(target, richTexts.removeLast())
        case .document, .registry, .people, .assignee, .lineBreak:
            break
        }
    }

    private func closeLeaf(_ leaf: Leaf, _ value: String) {
        switch leaf {
        case .title: registry.title = value
        case .category: registry.category = value
        case .registryUpdated: registry.updated = Parsed(value)
        case .name: record.name = Parsed(value)
        case .transportProtocol: record.transportProtocol = Parsed(value)
        case .number: record.number = Parsed(value)
        case .serviceCode: record.serviceCode = Parsed(value)
        case .personName: person.name = value
        case .organization: person.organization = value
        case .uri: person.uris.append(value)
        case .personUpdated: person.updated = Parsed(value)
        }
    }

    private func closeRich(_ target: RichTarget, _ value: RichText) {
        switch target {
        case .description: record.description = value
        case .unauthorized: record.unauthorizedUse = value
        case .recordNote: record.notes.append(value)
        case .expert: registry.experts.append(value)
        case .registryNote: registry.notes.append(RegistryNote(title: noteTitle, text: value))
        case .footnote:
            registry.footnotes.append(Footnote(anchor: footnoteAnchor, text: value, location: elementStart))
        }
    }

    // MARK: character data

    fileprivate func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch frames[frames.count - 1] {
        case .leaf, .xref, .rich, .paragraph:
            text.append(contentsOf: bytes)
        case .lineBreak:
            fail("<br/> must be empty")
        case .document, .registry, .record, .assignee, .people, .person:
            // White space between elements carries nothing; anything else would be lost.
            if bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) {
                fail("unexpected text inside \(frames[frames.count - 1].description)")
            }
        }
    }

    private func takeText() -> String {
        defer { text.removeAll(keepingCapacity: true) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Moves pending character data into the rich text being built, before markup or its end.
    private func flushRichText() {
        guard !text.isEmpty else { return }
        richTexts[richTexts.count - 1].append(text: takeText())
    }

    fileprivate func rejectDoctype() {
        fail("<!DOCTYPE> is not accepted: registry XML has none, and a DTD could pull in external or expanding entities")
    }

    fileprivate func comment() {
        let at = currentLocation()
        diagnostics.append(Diagnostic(
            file: input.displayName, line: Int(at.line), column: Int(at.column),
            message: "XML comment ignored: the model has no place for comments"))
    }
}

// MARK: - frames

extension XMLRegistryBuilder {
    enum Frame: Equatable {
        case document, registry, record, assignee, people, person, paragraph, lineBreak
        case leaf(Leaf)
        case rich(RichTarget)
        case xref(XrefOwner)

        var allowedAttributes: Set<String> {
            switch self {
            case .registry: ["id"]
            case .record: ["date", "updated"]
            case .person: ["id"]
            case .rich(.registryNote): ["title"]
            case .rich(.footnote): ["anchor"]
            default: []
            }
        }

        var description: String {
            switch self {
            case .document: "the document"
            case .registry: "<registry>"
            case .record: "<record>"
            case .assignee: "<assignee>"
            case .people: "<people>"
            case .person: "<person>"
            case .paragraph: "<paragraph>"
            case .lineBreak: "<br>"
            case .leaf(let leaf): "<\(leaf.elementName)>"
            case .rich(let target): "<\(target.elementName)>"
            case .xref: "<xref>"
            }
        }
    }

    /// Elements holding plain text only.
    enum Leaf {
        case title, category, registryUpdated, name, transportProtocol, number, serviceCode
        case personName, organization, uri, personUpdated

        var elementName: String {
            switch self {
            case .title: "title"
            case .category: "category"
            case .registryUpdated, .personUpdated: "updated"
            case .name, .personName: "name"
            case .transportProtocol: "protocol"
            case .number: "number"
            case .serviceCode: "sc"
            case .organization: "org"
            case .uri: "uri"
            }
        }
    }

    /// Elements holding rich text.
    enum RichTarget {
        case description, unauthorized, recordNote, expert, registryNote, footnote

        var elementName: String {
            switch self {
            case .description: "description"
            case .unauthorized: "unauthorized"
            case .recordNote, .registryNote: "note"
            case .expert: "expert"
            case .footnote: "footnote"
            }
        }
    }

    enum XrefOwner {
        case registryReference, recordXref, assignee, inline
    }
}

// MARK: - C callbacks

private func builder(_ ctx: UnsafeMutableRawPointer?) -> XMLRegistryBuilder {
    Unmanaged<XMLRegistryBuilder>.fromOpaque(ctx!).takeUnretainedValue()
}

private let xmlStartElement: startElementNsSAX2Func = {
    ctx, localName, _, uri, _, _, attributeCount, _, attributes in
    var pairs: [(String, String)] = []
    if let attributes, attributeCount > 0 {
        pairs.reserveCapacity(Int(attributeCount))
        // Five pointers per attribute: local name, prefix, URI, value start, value end.
        for i in 0..<Int(attributeCount) {
            let name = String(cString: attributes[5 * i]!)
            let start = attributes[5 * i + 3]!
            let end = attributes[5 * i + 4]!
            let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            pairs.append((name, value))
        }
    }
    builder(ctx).startElement(
        String(cString: localName!), namespace: uri.map { String(cString: $0) }, attributes: pairs)
}

private let xmlEndElement: endElementNsSAX2Func = { ctx, _, _, _ in
    builder(ctx).endElement()
}

private let xmlCharacters: charactersSAXFunc = { ctx, bytes, count in
    guard let bytes, count > 0 else { return }
    builder(ctx).characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
}

private let xmlInternalSubset: internalSubsetSAXFunc = { ctx, _, _, _ in
    builder(ctx).rejectDoctype()
}

private let xmlComment: commentSAXFunc = { ctx, _ in
    builder(ctx).comment()
}

private let xmlStructuredError: xmlStructuredErrorFunc = { ctx, error in
    guard let ctx, let error else { return }
    builder(ctx).libxmlError(error.pointee)
}
