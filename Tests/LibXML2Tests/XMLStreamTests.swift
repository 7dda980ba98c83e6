import LibXML2
import Testing

private typealias Recorder = Recording<XMLStreamParser>

extension Recording<XMLStreamParser> {
    static func parse(_ xml: String, lineOffset: Int = 0, callbacks: XMLStream.Callbacks = placesAndText) -> Recording {
        of(XMLStreamParser()) { XMLStream.parse([Array(xml.utf8)[...]], lineOffset: lineOffset, client: $0, callbacks: callbacks) }
    }

    /// Each start tag with where it starts, end tags, text, and where comments start.
    static let placesAndText = XMLStream.Callbacks(
        startElement: { session, name, _, _, _, _, count, _, attributes in
            let recorder = Recorder.client(in: session)
            let at = recorder.pointee.parser.current(inside: XMLAttributes(attributes, count: count).firstValueStart)
            recorder.pointee.events.append("<\(String(cString: name!))> \(at.line):\(at.column)")
        },
        endElement: { session, name, _, _ in
            Recorder.client(in: session).pointee.events.append("</\(String(cString: name!))>")
        },
        characters: { session, bytes, count in
            let text = String(decoding: UnsafeBufferPointer(start: bytes, count: Int(count)), as: UTF8.self)
            Recorder.client(in: session).pointee.events.append(text)
        },
        comment: { session, text in
            let recorder = Recorder.client(in: session)
            let at = recorder.pointee.parser.comment(text)
            recorder.pointee.events.append("<!--> \(at.line):\(at.column ?? 0)")
        },
        processingInstruction: { session, target, data in
            Recorder.client(in: session).pointee.events.append("<?\(String(cString: target!)) \(data.map { String(cString: $0) } ?? "")?>")
        }
    )
}

@Suite struct XMLStreamTests {
    @Test func processingInstructionsReachTheirCallbackWithTargetAndData() {
        let read = Recorder.parse("<?a b=\"1\" ?><r><?c?></r>")
        #expect(read.events == ["<?a b=\"1\" ?>", "<r> 1:13", "<?c ?>", "</r>"])
    }

    @Test func aDoctypeStopsTheParseBeforeAnyDeclarationIsRead() {
        let read = Recorder.parse("""
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
            <r>&secret;</r>
            """)
        #expect(read.events.isEmpty)
        #expect(read.messages.count == 1)
        #expect(read.messages.first?.severity == .error)
        #expect(read.messages.first?.text.hasPrefix("<!DOCTYPE> is not accepted") == true)
        #expect(read.messages.first.map { "\($0.line ?? 0):\($0.column ?? 0)" } == "2:1")
    }

    @Test func anUndeclaredEntityIsALocatedErrorAndTheParseStops() {
        let read = Recorder.parse("<r>\n  <a>x &nbsp; y</a>\n  <b/>\n</r>")
        #expect(read.events == ["<r> 1:1", "\n  ", "<a> 2:3", "x "])
        let error = read.messages.first { $0.severity == .error }
        #expect(error?.text.contains("nbsp") == true)
        #expect(error?.text.last?.isWhitespace == false, "libxml2's line break is trimmed")
        #expect(error?.line == 2)
        #expect(error?.column != nil)
    }

    @Test func linesCountFromTheOffsetGiven() {
        let read = Recorder.parse("<r>\n<a\n   b='1'/>\n<!-- c -->\n<a></b></r>", lineOffset: 100)
        #expect(read.events.contains("<a> 102:1"), "a wrapped start tag is found at its <")
        #expect(read.events.contains("<!--> 104:1"))
        #expect(read.messages.first { $0.severity == .error }?.line == 105)
    }

    @Test func aWarningLetsTheParseGoOn() {
        let read = Recorder.parse("<?xml version=\"1.1\"?><r/>")
        #expect(read.messages.first?.severity == .warning)
        #expect(read.events == ["<r> 1:22", "</r>"])
    }

    @Test func theParserIsIdleOutsideAParse() {
        let read = Recorder.parse("<r/>")
        #expect(read.parser.current() == (0, 0))
    }

    @Test func attributesAreReadInPlace() {
        let callbacks = XMLStream.Callbacks(
            startElement: { session, _, _, _, _, _, count, _, list in
                let attributes = XMLAttributes(list, count: count)
                let recorder = Recorder.client(in: session)
                recorder.pointee.events.append(attributes.value(of: "a") ?? "-")
                recorder.pointee.events.append(attributes.firstName(notIn: ["a"]) ?? "-")
                recorder.pointee.events += attributes.all(except: ["a"]).map { "\($0.name)=\($0.value)" }
            },
            endElement: { _, _, _, _ in }, characters: { _, _, _ in }, comment: { _, _ in }, processingInstruction: { _, _, _ in })
        #expect(Recorder.parse("<r a='1 2' b='3' c=''/>", callbacks: callbacks).events == ["1 2", "b", "b=3", "c="])
        #expect(Recorder.parse("<r a='&amp;&lt;' b='&#38;#38;'/>", callbacks: callbacks).events == ["&<", "b", "b=&#38;"])
    }
}

/// A start tag crowded with attributes never reaches libxml2, whose duplicate check is
/// quadratic in them; comments, CDATA and attribute values are not counted.
@Suite struct AttributeCrowdingTests {
    static func tag(_ count: Int) -> String { "<record " + (0..<count).map { "a\($0)='='" }.joined(separator: " ") + "/>" }

    @Test func aCrowdedTagIsRefusedWhereItStarts() {
        let read = Recording<XMLStreamParser>.parse("<r>\n  \(Self.tag(257))</r>", lineOffset: 10)
        #expect(read.events.isEmpty, "libxml2 never saw the document")
        #expect(read.messages.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.text)" } == ["12:3 an element with more than 256 attributes; registry elements have at most three"])
    }

    @Test func theLimitAndWhatIsNoAttributeAreAllowed() {
        let equals = String(repeating: "a=b ", count: 300)
        let read = Recording<XMLStreamParser>.parse("<r><!-- \(equals) --><![CDATA[\(equals)]]><?pi \(equals)?>\(Self.tag(256))</r>")
        #expect(read.messages.isEmpty, "\(read.messages)")
        #expect(read.events.contains { $0.hasPrefix("<record>") })
    }

    @Test func theHTMLStreamAndTheSchemaRefuseItToo() {
        let page = Array("<html><body>\n\(Self.tag(300))</body></html>".utf8)
        let refusal = Recording.of(HTMLStreamParser()) { recording in
            let callbacks = HTMLStream.Callbacks(startElement: { _, _, _ in }, endElement: { _, _ in }, characters: { _, _, _ in })
            recording.pointee.events.append(HTMLStream.parse(page, client: recording, callbacks: callbacks).map { "\($0.line ?? 0):\($0.column ?? 0)" } ?? "parsed")
        }
        #expect(refusal.events == ["2:1"])
        let schema = RelaxNGSchema("<element name='r' xmlns='http://relaxng.org/ns/structure/1.0'><empty/></element>")!
        let document = Array("<r>\(Self.tag(300))</r>".utf8)
        #expect(schema.streamingCheck(document) == nil && schema.treeCheck(document) == nil)
    }
}
