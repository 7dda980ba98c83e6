internal import CLibXML2
import RegistryModel

/// The SAX2 callbacks' state: a stack of open elements and the registry being built.
struct XMLRegistryBuilder {
    static let namespace = "http://www.iana.org/assignments"

    let input: InputFile
    var registry = Registry()
    var diagnostics: [Diagnostic] = []
    private var error: ReadError?
    private var context: xmlParserCtxtPtr?
    /// libxml2 interns names, so once the IANA namespace URI has been seen its pointer is known.
    private var namespacePointer: UnsafePointer<xmlChar>?
    private var sawRegistry = false
    private var knownNames: [(UnsafePointer<xmlChar>, ElementName)] = []
    /// The current record's element order, kept only when it is not the usual one.
    private var elementOrder: [RecordElement] = []

    private var frames: [Frame] = [.document]
    /// Character data of the innermost text-bearing element, as bytes.
    private let text = ByteBuffer()
    private var richTexts: [RichText] = []
    private var record = Record()
    private var person = Person(id: "")
    private var xref = Xref(type: .text)
    private var footnoteAnchor = ""
    private var noteTitle: String?
    private var elementStart = SourceLocation(line: 0, column: 0)

    init(input: InputFile) {
        self.input = input
        // IANA's XML spends about 260 bytes a record: reserve once instead of regrowing (and
        // copying) the record array; pages never touched cost nothing.
        registry.records.reserveCapacity(input.bytes.count / 200)
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
        // The pull parser over the whole buffer: the file is in memory already, and the push
        // parser's chunk bookkeeping cost about a sixth of libxml2's time.
        let created = input.bytes.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { xmlCreateMemoryParserCtxt($0.baseAddress, Int32(clamping: $0.count)) }
        }
        guard let ctxt = created, input.bytes.count < Int32.max else {
            if let created { xmlFreeParserCtxt(created) }
            throw ReadError(file: input.displayName, message: "libxml2 could not create a parser (a file over 2 GB?)")
        }
        let defaultHandler = ctxt.pointee.sax
        defer {
            ctxt.pointee.sax = defaultHandler  // ours is on the stack: libxml2 must not free it
            xmlFreeParserCtxt(ctxt)
        }
        withUnsafeMutablePointer(to: &handler) { handler in
            ctxt.pointee.sax = handler
            ctxt.pointee.userData = UnsafeMutableRawPointer(builder)
            builder.pointee.context = ctxt
            // No XML_PARSE_NOENT (no substitution) and no XML_PARSE_DTDLOAD: entities stay
            // unexpanded and no external subset is fetched; NONET forbids the network outright.
            xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
            if xmlParseDocument(ctxt) != 0 { builder.pointee.fail("the XML is not well formed") }
        }
        if let error = builder.pointee.error { throw error }
        if !builder.pointee.sawRegistry {
            throw ReadError(file: input.displayName, line: 1, column: 1, message: "no <registry> element: this is not IANA's registry XML")
        }
    }

    /// Stops the parse with a message at the current position (the first error wins).
    mutating func fail(_ message: String, at location: SourceLocation? = nil) {
        guard error == nil else { return }
        let where_ = location ?? currentLocation()
        error = ReadError(file: input.displayName, line: Int(where_.line), column: Int(where_.column), message: message)
        if let context { xmlStopParser(context) }
    }

    mutating func libxmlError(_ err: xmlError) {
        let message = err.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        let trimmed = String(message.reversed().drop { $0 == "\n" || $0 == " " }.reversed())
        if err.level == XML_ERR_WARNING {
            diagnostics.append(Diagnostic(file: input.displayName, line: Int(err.line), column: Int(err.int2), message: trimmed))
            return
        }
        guard error == nil else { return }
        error = ReadError(file: input.displayName, line: Int(err.line), column: Int(err.int2), message: trimmed)
        // Some errors (namespace ones, say) let libxml2 go on calling back; stop it here so
        // the callbacks never run on a half-understood document.
        if let context { xmlStopParser(context) }
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

    mutating func startElement(
        _ localName: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, attributes: Attributes
    ) {
        guard error == nil else { return }
        if let namespace, namespace != namespacePointer {
            guard String(cString: namespace) == Self.namespace else {
                return fail("element <\(String(cString: localName))> is in namespace \(String(cString: namespace)), not \(Self.namespace)")
            }
            namespacePointer = namespace
        }
        elementStart = currentLocation()
        let parent = frames[frames.count - 1]
        guard let name = elementName(localName), let frame = parent.child(name) else {
            return fail("unexpected element <\(String(cString: localName))> inside \(parent.description)")
        }
        if case .xref = frame {
            // The schema allows more xref attributes (section, page, …): all are kept.
        } else if let unexpected = attributes.firstName(notIn: frame.allowedAttributes) {
            return fail("unexpected attribute \(unexpected)=\"…\" on <\(name.rawValue)>")
        }
        switch parent {
        case .rich, .paragraph: flushRichText()
        default: break
        }
        open(frame, attributes: attributes)
        frames.append(frame)
    }

    /// libxml2 interns element names, so each distinct name arrives at one address: remember
    /// the addresses seen and compare names by pointer.
    private mutating func elementName(_ localName: UnsafePointer<xmlChar>) -> ElementName? {
        for (pointer, name) in knownNames where pointer == localName { return name }
        guard let name = ElementName(localName) else { return nil }
        knownNames.append((localName, name))
        return name
    }

    private mutating func open(_ frame: Frame, attributes: Attributes) {
        func attribute(_ name: StaticString) -> String? { attributes.value(of: name) }
        switch frame {
        case .registry:
            sawRegistry = true
            registry.id = attribute("id")
            registry.sourceFiles = [input.displayName]
        case .record:
            elementOrder.removeAll(keepingCapacity: true)
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
            richTexts = [RichText()]
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
        guard error == nil, frames.count > 1 else { return }
        let frame = frames.removeLast()
        switch frame {
        case .record:
            var finished = Record()
            swap(&finished, &record)  // moves the record out without copying its fields
            if !elementOrder.isInUsualRank { finished.elementOrder = elementOrder }
            registry.records.append(finished)
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

    private mutating func closeLeaf(_ leaf: Leaf, _ value: String) {
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
        guard error == nil else { return }
        switch frames[frames.count - 1] {
        case .leaf, .xref, .rich, .paragraph:
            text.append(bytes)
        case .lineBreak:
            fail("<br/> must be empty")
        case .document, .registry, .record, .assignee, .people, .person:
            // White space between elements carries nothing; anything else would be lost.
            if bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) {
                fail("unexpected text inside \(frames[frames.count - 1].description)")
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

    mutating func comment() {
        let at = currentLocation()
        diagnostics.append(Diagnostic(
            file: input.displayName, line: Int(at.line), column: Int(at.column),
            message: "XML comment ignored: the model has no place for comments"))
    }
}
