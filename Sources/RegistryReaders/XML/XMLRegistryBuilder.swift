internal import LibXML2
import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// The SAX2 callbacks' state: a stack of open elements and the registry being built.
struct XMLRegistryBuilder: ParserClient, ~Copyable {
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
    /// libxml2's parser, which says where it is in the input: kept apart, so that asking where
    /// costs no copy of the builder.
    var parser = XMLStreamParser()
    /// libxml2 interns names, so once the IANA namespace URI has been seen its pointer is known.
    private var namespacePointer: UnsafePointer<UInt8>?
    private var sawRegistry = false
    /// Element names by the address libxml2 interned them at (see `elementName`).
    private var knownNames = InlineArray<64, (UnsafePointer<UInt8>?, ElementName?)>(repeating: (nil, nil))
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
        // IANA's XML spends about 260 bytes a record: reserve once instead of regrowing (and
        // copying) the record array; pages never touched cost nothing.
        if sink == nil { registry.records.reserveCapacity(part.range.count / 200) }
        // An XML file's prolog is its own, even empty: written back as it was.
        registry.prolog = XMLProlog()
    }

    // MARK: parsing

    /// Runs libxml2's parser over the input. Static, and touching the builder only through the
    /// pointer between calls into libxml2, because the callbacks change it through that pointer.
    static func parse(_ builder: UnsafeMutablePointer<XMLRegistryBuilder>) throws(ReadError) {
        let part = builder.pointee.part
        if contentStart(part.input.bytes[...]).isEmpty {
            throw ReadError(file: part.input.displayName, line: 1, column: 1, message: "empty input: no XML to read")
        }
        XMLStream.parse(
            [part.prefix[...], part.input.bytes[part.range], part.suffix[...]], lineOffset: part.lineOffset,
            client: builder, callbacks: xmlCallbacks)
        if let error = builder.pointee.error { throw error }
        if !builder.pointee.sawRegistry {
            throw ReadError(file: part.input.displayName, line: 1, column: 1, message: "no <registry> element: this is not IANA's registry XML")
        }
    }

    /// Stops the parse with a message at the current position (the first error wins).
    mutating func fail(_ message: String, at location: SourceLocation? = nil) {
        guard !failed else { return }
        let where_ = location ?? self.location(parser.current())
        error = ReadError(file: input.displayName, line: Int(where_.line), column: Int(where_.column), message: message)
        parser.stop()
    }

    /// libxml2's warnings become diagnostics; its errors (the stream stops after one) and the
    /// stream's own fail the read.
    mutating func parserSaid(_ message: ParserMessage) {
        switch message.severity {
        case .warning:
            diagnostics.append(Diagnostic(file: input.displayName, line: message.line, column: message.column, message: message.text))
        case .error:
            guard !failed else { return }
            error = ReadError(file: input.displayName, line: message.line, column: message.column, message: message.text)
        }
    }

    /// A place the parser reported, in this input.
    private func location(_ at: (line: Int, column: Int)) -> SourceLocation {
        input.location(line: at.line, column: at.column)
    }

    // MARK: elements

    mutating func startElement(
        _ localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, attributes: XMLAttributes
    ) {
        guard !failed else { return }
        if let namespace, namespace != namespacePointer {
            guard String(cString: namespace) == Self.namespace else {
                return fail("element <\(String(cString: localName))> is in namespace \(String(cString: namespace)), not \(Self.namespace)")
            }
            namespacePointer = namespace
        }
        elementStart = location(parser.current(inside: attributes.firstValueStart))
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
    private mutating func elementName(_ localName: UnsafePointer<UInt8>) -> ElementName? {
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

    private mutating func open(_ frame: Frame, attributes: XMLAttributes) {
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
            record.registrationDate = attributes.withBytes(of: "date") { Parsed(utf8: $0) }
            record.modificationDate = attributes.withBytes(of: "updated") { Parsed(utf8: $0) }
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
            guard let type = attributes.withBytes(of: "type", XrefType.init(utf8:)) else {
                return fail("<xref> has no type attribute")
            }
            xref = Xref(
                type: type, data: attribute("data"),
                attributes: attributes.all(except: ["type", "data"]).map { XrefAttribute(name: $0.name, value: $0.value) },
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
        let bytes = text.bytes.span
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
                fail("unexpected text inside \(frames[frames.count - 1].description)", at: location(parser.text(bytes, from: first)))
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

    /// A comment outside the root element joins the prolog; inside, the model has no place
    /// for it.
    mutating func comment(_ text: UnsafePointer<UInt8>?) {
        let misc = XMLMisc.comment(text.map { String(cString: $0) } ?? "")
        guard !outsideRoot(misc) else { return }
        let at = parser.comment(text)
        registry.unkeptMarkup.append(input.location(line: at.line, column: at.column ?? 0))
        diagnostics.append(Diagnostic(
            file: input.displayName, line: at.line, column: at.column,
            message: "XML comment ignored: the model has no place for comments inside the registry"))
    }

    /// A processing instruction outside the root element joins the prolog, except ianaconv's
    /// own, which records the CSV rule of a registry read from CSV; inside, the model has no
    /// place for it.
    mutating func processingInstruction(_ target: UnsafePointer<UInt8>?, data: UnsafePointer<UInt8>?) {
        let (target, data) = (target.map { String(cString: $0) } ?? "", data.map { String(cString: $0) } ?? "")
        if frames.count == 1, target == XMLMisc.csvStyleTarget, let style = CSVStyle(rawValue: data) {
            registry.csvStyle = style
            return
        }
        guard !outsideRoot(.processingInstruction(target: target, data: data)) else { return }
        let at = location(parser.current(inside: nil))
        registry.unkeptMarkup.append(at)
        diagnostics.append(Diagnostic(
            file: input.displayName, line: Int(at.line), column: Int(at.column),
            message: "XML processing instruction <?\(target)?> ignored: the model has no place for it inside the registry"))
    }

    /// Adds `misc` to the prolog when it stands outside the root element.
    private mutating func outsideRoot(_ misc: XMLMisc) -> Bool {
        guard frames.count == 1 else { return false }
        var prolog = registry.prolog ?? XMLProlog()
        if sawRegistry { prolog.afterRoot.append(misc) } else { prolog.beforeRoot.append(misc) }
        registry.prolog = prolog
        return true
    }
}
