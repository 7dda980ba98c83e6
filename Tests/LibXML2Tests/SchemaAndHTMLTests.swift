import LibXML2
import Testing

@Suite struct RelaxNGSchemaTests {
    static let schema = RelaxNGSchema("""
        <element name="r" xmlns="http://relaxng.org/ns/structure/1.0">
          <zeroOrMore><element name="a"><text/></element></zeroOrMore>
        </element>
        """)!

    @Test func aValidDocumentHasNoComplaints() {
        let valid = Array("<r><a>x</a><a/></r>".utf8)
        #expect(Self.schema.streamingCheck(valid) == [])
        #expect(Self.schema.treeCheck(valid) == [])
    }

    @Test func complaintsNameTheElementAndItsLine() throws {
        let invalid = Array("<r>\n<a/>\n<b/>\n</r>".utf8)
        for messages in [Self.schema.streamingCheck(invalid), Self.schema.treeCheck(invalid)] {
            let complaint = try #require(messages?.first { $0.isSchemaViolation })
            #expect(complaint.element == "b")
            #expect(complaint.line == 3)
        }
    }

    @Test func aDocumentWithADoctypeIsNeverHandedToLibxml2() {
        let doctype = Array("<?xml version='1.0'?>\n<!-- x -->\n<!DOCTYPE r [<!ENTITY e 'a'>]><r><a>&e;</a></r>".utf8)
        #expect(Self.schema.streamingCheck(doctype) == nil)
        #expect(Self.schema.treeCheck(doctype) == nil)
    }

    @Test func aDocumentThatIsNotWellFormedGetsNoStreamedVerdict() {
        #expect(Self.schema.streamingCheck(Array("<r><a></r>".utf8)) == nil)
    }

    @Test func aSchemaThatDoesNotCompileIsNil() {
        #expect(RelaxNGSchema("<element xmlns='http://relaxng.org/ns/structure/1.0'/>") == nil)
    }
}

@Suite struct HTMLStreamTests {
    @Test func elementsAndTextArriveWithTheParsersOffsetAndRepairsAsMessages() {
        let callbacks = HTMLStream.Callbacks(
            startElement: { session, name, _ in
                let page = Recording<HTMLStreamParser>.client(in: session)
                page.pointee.events.append("\(String(cString: name!))@\(page.pointee.parser.offset ?? -1)")
            },
            endElement: { _, _ in },
            characters: { session, bytes, count in
                let text = String(decoding: UnsafeBufferPointer(start: bytes, count: Int(count)), as: UTF8.self)
                Recording<HTMLStreamParser>.client(in: session).pointee.events.append(text)
            })
        let html = Array("<html><body><table><tr><td>a</b></td></tr></table><script>x</script></body></html>".utf8)
        let read = Recording.of(HTMLStreamParser()) { #expect(HTMLStream.parse(html, client: $0, callbacks: callbacks) == nil) }
        #expect(read.events == ["html@5", "body@11", "table@18", "tr@22", "td@26", "a", "script@57"], "no script text")
        #expect(read.messages.contains { $0.text.contains("b") && $0.line == 1 })
        #expect(read.parser.offset == nil)
    }
}
