internal import CLibXML2
import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// The SAX2 callbacks' state: a stack of open elements and the registry being built.
struct XMLRegistryBuilder: ~Copyable {
    static let namespace = RegistryPage.namespace

    let part: InputPart
    var input: InputFile { part.input }
    var registry = Registry()
    var diagnostics: [Diagnostic] = []
    private var error: ReadError? {
        didSet { failed = error != nil }
    }
    /// `error != nil`, kept apart: every callback asks, and comparing the optional copies it.
    private var failed = false
    /// libxml2's parser and where it is in the input: kept apart, so that asking where costs no
    /// copy of the builder.
    private var position: XMLParserPosition
    /// libxml2 interns names, so once the IANA namespace URI has been seen its pointer is known.
    private var namespacePointer: UnsafePointer<xmlChar>?
    private var sawRegistry = false
    /// Element names by the address libxml2 interned them at (see `elementName`).
    private var knownNames = InlineArray<64, (UnsafePointer<xmlChar>?, ElementName?)>(repeating: (nil, nil))
    /// The current record's element order, kept only when it is not the usual one.
    private var elementOrder: [RecordElement] = []
    /// The single-valued elements seen so far in the registry and in the open record or person
    /// (`Frame.singleValueBit`).
    private var singleValuesSeen: UInt16 = 0

    private var frames: [Frame] = [.document]
    /// Character data of the innermost text-bearing element, as bytes.
    private var text = ByteBuffer()
    private var richTexts: [RichText] = []
    private var record = Record()
    private var person = Person(id: "")
    private var xref = Xref(type: .text)
    private var footnoteAnchor = ""
    private var noteTitle: String?
    private var elementStart = SourceLocation(line: 0, column: 0)

    /// Takes each finished record when set; otherwise records collect in `registry`.
    private let sink: RecordSink?

    init(part: InputPart, sink: RecordSink?) {
        self.part = part
        self.sink = sink
        position = XMLParserPosition(lineOffset: part.lineOffset, file: part.input.index)
        // IANA's XML spends about 260 bytes a record: reserve once instead of regrowing (and
        // copying) the record array; pages never touched cost nothing.
        if sink == nil { registry.records.reserveCapacity(part.range.count / 200) }
    }

    // MARK: parsing

    /// Runs libxml2's parser over the input. Static, and touching the builder only through the
    /// pointer between calls into libxml2, because the callbacks change it through that pointer.
    static func parse(_ builder: UnsafeMutablePointer<XMLRegistryBuilder>) throws(ReadError) {
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

        let input = builder.pointee.input
        if contentStart(input.bytes[...]).isEmpty {
            throw ReadError(file: input.displayName, line: 1, column: 1, message: "empty input: no XML to read")
        }
        // The pull parser, fed our buffer through an I/O callback: libxml2 then keeps a small
        // window of the input instead of a copy of the whole file (the push parser's chunk
        // bookkeeping cost a sixth of libxml2's time; a memory parser copies the file).
        ChunkSource.withSource(builder.pointee.part) { source in
            // libxml2 copies the handler; our I/O context needs no closing.
            guard let ctxt = xmlCreateIOParserCtxt(&handler, builder, ChunkSource.read, nil, source, XML_CHAR_ENCODING_NONE)
            else { return builder.pointee.fail("libxml2 could not create a parser") }
            defer { xmlFreeParserCtxt(ctxt) }
            builder.pointee.position.context = ctxt
            // No XML_PARSE_NOENT (no substitution) and no XML_PARSE_DTDLOAD: entities stay
            // unexpanded and no external subset is fetched; NONET forbids the network outright.
            xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
            if xmlParseDocument(ctxt) != 0 { builder.pointee.fail("the XML is not well formed") }
            builder.pointee.position.context = nil
        }
        if let error = builder.pointee.error { throw error }
        if !builder.pointee.sawRegistry {
            throw ReadError(file: input.displayName, line: 1, column: 1, message: "no <registry> element: this is not IANA's registry XML")
        }
    }

    /// Stops the parse with a message at the current position (the first error wins).
    mutating func fail(_ message: String, at location: SourceLocation? = nil) {
        guard !failed else { return }
        let where_ = location ?? position.current()
        error = ReadError(file: input.displayName, line: Int(where_.line), column: Int(where_.column), message: message)
        if let context = position.context { xmlStopParser(context) }
    }

    mutating func libxmlError(_ err: xmlError) {
        let message = err.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        let trimmed = String(message.reversed().drop { $0 == "\n" || $0 == " " }.reversed())
        if err.level == XML_ERR_WARNING {
            diagnostics.append(Diagnostic(file: input.displayName, line: position.inputLine(Int(err.line)), column: Int(err.int2), message: trimmed))
            return
        }
        guard !failed else { return }
        error = ReadError(file: input.displayName, line: position.inputLine(Int(err.line)), column: Int(err.int2), message: trimmed)
        // Some errors (namespace ones, say) let libxml2 go on calling back; stop it here so
        // the callbacks never run on a half-understood document.
        if let context = position.context { xmlStopParser(context) }
    }

    // MARK: elements

    mutating func startElement(
        _ localName: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, attributes: Attributes
    ) {
        guard !failed else { return }
        if let namespace, namespace != namespacePointer {
            guard String(cString: namespace) == Self.namespace else {
                return fail("element <\(String(cString: localName))> is in namespace \(String(cString: namespace)), not \(Self.namespace)")
            }
            namespacePointer = namespace
        }
        elementStart = position.current(inside: attributes.firstValueStart)
        let parent = frames[frames.count - 1]
        guard let name = elementName(localName), let frame = parent.child(name) else {
            return fail("unexpected element <\(String(cString: localName))> inside \(parent.description)")
        }
        if case .xref = frame {
            // The schema allows more xref attributes (section, page, …): all are kept.
        } else if let unexpected = attributes.firstName(notIn: frame.allowedAttributes) {
            return fail("unexpected attribute \(unexpected)=\"…\" on <\(name.rawValue)>")
        }
        if let bit = frame.singleValueBit {
            // The model has one place for it: reading on would silently lose one of the two.
            guard singleValuesSeen & bit == 0 else {
                return fail("a second <\(name.rawValue)> in \(parent.description), which holds one; one of them would be lost", at: elementStart)
            }
            singleValuesSeen |= bit
        }
        switch parent {
        case .rich, .paragraph: flushRichText()
        default: break
        }
        open(frame, attributes: attributes)
        frames.append(frame)
    }

    /// libxml2 interns element names, so each distinct name arrives at one address: a hash
    /// table of 64 slots (open addressing) remembers the name at each address seen. The
    /// registry has 22 names and the first unknown one ends the parse, so it never fills; if
    /// it did, names would still be matched, by their bytes.
    private mutating func elementName(_ localName: UnsafePointer<xmlChar>) -> ElementName? {
        var slot = Int(truncatingIfNeeded: (UInt(bitPattern: localName) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        for _ in 0..<knownNames.count {
            guard let known = knownNames[slot].0 else {
                let name = ElementName(localName)
                knownNames[slot] = (localName, name)
                return name
            }
            if known == localName { return knownNames[slot].1 }
            slot = (slot + 1) & (knownNames.count - 1)
        }
        return ElementName(localName)
    }

    private mutating func open(_ frame: Frame, attributes: Attributes) {
        func attribute(_ name: StaticString) -> String? { attributes.value(of: name) }
        switch frame {
        case .registry:
            sawRegistry = true
            registry.id = attribute("id")
            registry.sourceFiles = [input.displayName]
        case .record:
            singleValuesSeen &= Frame.registrySingleValueBits
            elementOrder.removeAll(keepingCapacity: true)
            record.locations[.record] = elementStart
            record.registrationDate = attributes.bytes(of: "date").map(Parsed.init(utf8:))
            record.modificationDate = attributes.bytes(of: "updated").map(Parsed.init(utf8:))
            if record.registrationDate != nil { record.locations[.registrationDate] = elementStart }
            if record.modificationDate != nil { record.locations[.modificationDate] = elementStart }
        case .person:
            guard let id = attribute("id") else { return fail("<person> has no id attribute") }
            singleValuesSeen &= Frame.registrySingleValueBits
            person = Person(id: id, location: elementStart)
        case .people:
            registry.people = registry.people ?? []
        case .assignee:
            noteRecordElement(.assignee, field: .assignee)
            record.assignees = record.assignees ?? []
        case .xref(let owner):
            guard let type = attributes.bytes(of: "type") else { return fail("<xref> has no type attribute") }
            xref = Xref(
                type: XrefType(utf8: type), data: attribute("data"),
                attributes: attributes.extras(besides: ["type", "data"]),
                location: elementStart)
            if owner == .recordXref { noteRecordElement(.xref, field: nil) }
            text.removeAll()
        case .rich(let target):
            switch target {
            case .description: noteRecordElement(.description, field: .description)
            case .unauthorized: noteRecordElement(.unauthorized, field: .unauthorizedUse)
            case .recordNote: noteRecordElement(.note, field: record.notes.isEmpty ? .notes : nil)
            case .registryNote: noteTitle = attribute("title")
            case .footnote: footnoteAnchor = attribute("anchor") ?? ""
            case .expert: break
            }
            richTexts.removeAll(keepingCapacity: true)  // one array for every rich element
            richTexts.append(RichText())
            text.removeAll()
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
            text.removeAll()
        case .document:
            break
        }
    }

    private mutating func noteRecordElement(_ element: RecordElement, field: RecordField?) {
        elementOrder.append(element)
        if let field { record.locations[field] = elementStart }
    }

    mutating func endElement() {
        // After a failure libxml2 may still close elements whose start we refused.
        guard !failed, frames.count > 1 else { return }
        let frame = frames.removeLast()
        switch frame {
        case .record:
            if !elementOrder.isInUsualRank { record.elementOrder = elementOrder }
            if let sink {
                sink(record)
                record.removeAll()  // the sink is done with it: the next record reuses its box
            } else {
                var finished = Record()
                swap(&finished, &record)  // moves the record out without copying its fields
                registry.records.append(finished)
            }
        case .person:
            registry.people!.append(person)
        case .leaf(let leaf):
            closeLeaf(leaf)
            text.removeAll()
        case .xref(let owner):
            xref.text = text.isEmpty ? nil : takeText()
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

    /// Stores the leaf's text; values that parse (numbers, dates, protocols) are parsed from
    /// the text's bytes, without a String unless they are invalid.
    private mutating func closeLeaf(_ leaf: Leaf) {
        let bytes = text.bytes
        switch leaf {
        case .title: registry.title = text.string
        case .category: registry.category = text.string
        case .registryUpdated: registry.updated = Parsed(utf8: bytes)
        case .name: record.name = Parsed(utf8: bytes)
        case .transportProtocol: record.transportProtocol = Parsed(utf8: bytes)
        case .number: record.number = Parsed(utf8: bytes)
        case .serviceCode: record.serviceCode = Parsed(utf8: bytes)
        case .personName: person.name = text.string
        case .organization: person.organization = text.string
        case .uri: person.uris.append(text.string)
        case .personUpdated: person.updated = Parsed(utf8: bytes)
        }
    }

    private mutating func closeRich(_ target: RichTarget, _ value: RichText) {
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

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !failed else { return }
        switch frames[frames.count - 1] {
        case .leaf, .xref, .rich, .paragraph:
            text.append(bytes)
        case .lineBreak:
            fail("<br/> must be empty")
        case .document, .registry, .record, .assignee, .people, .person:
            // White space between elements carries nothing; anything else would be lost.
            if let first = bytes.firstIndex(where: { !ASCII.isWhiteSpace($0) }) {
                fail("unexpected text inside \(frames[frames.count - 1].description)", at: position.text(bytes, from: first))
            }
        }
    }

    private mutating func takeText() -> String {
        defer { text.removeAll() }
        return text.string
    }

    /// Moves pending character data into the rich text being built, before markup or its end.
    private mutating func flushRichText() {
        guard !text.isEmpty else { return }
        richTexts[richTexts.count - 1].append(text: takeText())
    }

    mutating func rejectDoctype() {
        fail("<!DOCTYPE> is not accepted: registry XML has none, and a DTD could pull in external or expanding entities")
    }

    mutating func comment(_ text: UnsafePointer<xmlChar>?) {
        let at = position.comment(text)
        diagnostics.append(Diagnostic(
            file: input.displayName, line: at.line, column: at.column,
            message: "XML comment ignored: the model has no place for comments"))
    }
}

/// A part handed to libxml2 in the pieces it asks for: its prefix, its range of the input, its
/// suffix.
private struct ChunkSource {
    var segments: [UnsafeBufferPointer<UInt8>]
    var offset = 0

    /// Runs `body` with the part's bytes pinned in memory.
    static func withSource(_ part: InputPart, _ body: (UnsafeMutablePointer<ChunkSource>) -> Void) {
        part.prefix.withUnsafeBufferPointer { prefix in
            part.input.bytes.withUnsafeBufferPointer { bytes in
                part.suffix.withUnsafeBufferPointer { suffix in
                    let range = UnsafeBufferPointer(rebasing: bytes[part.range])
                    var source = ChunkSource(segments: [prefix, range, suffix].filter { !$0.isEmpty })
                    withUnsafeMutablePointer(to: &source, body)
                }
            }
        }
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
