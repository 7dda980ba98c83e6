import Testing
import RegistryModel
import RegistryReaders

@Suite struct XMLReaderTests {
    @Test func readsEveryFieldOfARecord() throws {
        let xml = xmlRegistry("""
              <record date="2013-05-28" updated="2024-01-02">
                <name>zigbee-ip</name>
                <protocol>dccp</protocol>
                <assignee><xref type="person" data="ZigBee"/></assignee>
                <xref type="person" data="Leslie_Mulder"/>
                <xref type="rfc" data="rfc6335"/>
                <xref type="draft" data="draft-x-05" section="4.3">draft-x-05, Section 4.3</xref>
                <description>ZigBee <br/>IP</description>
                <number>17756</number>
                <sc>1145656131</sc>
                <unauthorized>Known UNAUTHORIZED USE</unauthorized>
                <note>First</note>
                <note><paragraph>A</paragraph><paragraph>B <xref type="note" data="1"/></paragraph></note>
              </record>

            """, people: """
                <person id="ZigBee">
                  <org>ZigBee Alliance</org>
                  <uri>mailto:a&amp;b.org</uri>
                  <uri>mailto:c&amp;d.org</uri>
                  <updated>2013-05-28</updated>
                </person>

            """)
        let (registry, diagnostics) = try read(xml, with: XMLReader.self)
        #expect(diagnostics.isEmpty)
        #expect(registry.id == "service-names-port-numbers")
        #expect(registry.title == "T")
        let record = try #require(registry.records.first)
        #expect(record.name?.text == "zigbee-ip")
        #expect(record.transportProtocol == .valid(.dccp))
        #expect(record.number?.value == PortRange(port: 17756))
        #expect(record.serviceCode?.value?.value == 1_145_656_131)
        #expect(record.registrationDate?.text == "2013-05-28")
        #expect(record.modificationDate?.text == "2024-01-02")
        #expect(record.assignees?.map(\.data) == ["ZigBee"])
        #expect(record.contacts.map(\.data) == ["Leslie_Mulder"])
        #expect(record.references.map(\.type) == [.rfc, .draft])
        #expect(record.references[1].attributes == [XrefAttribute(name: "section", value: "4.3")])
        #expect(record.references[1].text == "draft-x-05, Section 4.3")
        #expect(record.description == RichText([.text("ZigBee "), .lineBreak, .text("IP")]))
        #expect(record.unauthorizedUse?.plainText == "Known UNAUTHORIZED USE")
        #expect(record.notes.count == 2)
        #expect(record.notes[1] == RichText([.paragraph("A"), .paragraph(RichText([.text("B "), .xref(Xref(type: .note, data: "1"))]))]))
        #expect(record.isInUsualOrder)
        let person = try #require(registry.people?.first)
        #expect(person.organization == "ZigBee Alliance")
        #expect(person.uris == ["mailto:a&b.org", "mailto:c&d.org"])
    }

    @Test func remembersWhereEachFieldWasRead() throws {
        let xml = xmlRegistry("""
              <record>
                <name>echo</name>
                <protocol>tcp</protocol>
                <xref type="person" data="Jon_Postel"/>
                <description>Echo</description>
                <number>7</number>
              </record>

            """)
        let (registry, _) = try read(xml, with: XMLReader.self)
        let record = try #require(registry.records.first)
        #expect(record.locations[.record] == SourceLocation(line: 4, column: 3))
        #expect(record.locations[.name] == SourceLocation(line: 5, column: 5))
        #expect(record.locations[.number] == SourceLocation(line: 9, column: 5))
        #expect(record.xrefs.first?.location == SourceLocation(line: 7, column: 5))
    }

    @Test func keepsAnUnusualElementOrder() throws {
        let xml = xmlRegistry("""
              <record>
                <description>Reserved</description>
                <protocol>tcp</protocol>
                <number>0</number>
              </record>

            """)
        let (registry, _) = try read(xml, with: XMLReader.self)
        #expect(registry.records[0].elementOrder == [.description, .transportProtocol, .number])
    }

    @Test func keepsWhatDoesNotParseVerbatim() throws {
        let xml = xmlRegistry("""
              <record date="2011-13-01"><name>x</name><protocol>TCP</protocol><description>d</description><number>080</number></record>

            """)
        let record = try #require(try read(xml, with: XMLReader.self).0.records.first)
        #expect(record.registrationDate == .invalid("2011-13-01"))
        #expect(record.transportProtocol == .invalid("TCP"))
        #expect(record.number == .invalid("080"))
    }

    /// libxml2 hands a `&` in an attribute value over as `&#38;`: it is read as the `&` it is.
    @Test func readsAnAmpersandInAnAttributeAsItself() throws {
        let xml = xmlRegistry("""
              <record date="2011-01-0&amp;"><description>d</description><xref type="uri" data="http://x/?a=1&amp;b=2" q="&#38;"/></record>

            """)
        let record = try #require(try read(xml, with: XMLReader.self).0.records.first)
        #expect(record.registrationDate == .invalid("2011-01-0&"))
        #expect(record.xrefs.first?.data == "http://x/?a=1&b=2")
        #expect(record.xrefs.first?.attributes == [XrefAttribute(name: "q", value: "&")])
    }

    @Test func keepsWhiteSpaceInsideText() throws {
        let xml = xmlRegistry("  <record><description>  a\n\tb </description></record>\n")
        #expect(try read(xml, with: XMLReader.self).0.records[0].description?.plainText == "  a\n\tb ")
    }

    @Test func warnsAboutCommentsItCannotKeep() throws {
        let xml = xmlRegistry("  <!-- curated by hand -->\n  <record><description>d</description></record>\n")
        let (registry, diagnostics) = try read(xml, with: XMLReader.self)
        #expect(registry.records.count == 1)
        #expect(diagnostics.map(\.line) == [4])
        #expect(diagnostics.first?.message.contains("comment") == true)
        #expect(registry.unkeptMarkup.map(\.line) == [4], "recorded, so that writing it is a loss")
    }

    @Test func keepsCommentsAndInstructionsAroundTheRootInOrder() throws {
        let xml = "<?xml version='1.0'?>\n<?oxygen RNGSchema=\"x.rng\" type=\"xml\"?>\n<!-- c -->\n<registry xmlns=\"http://www.iana.org/assignments\"/>\n<?after?>\n"
        let (registry, diagnostics) = try read(xml, with: XMLReader.self)
        #expect(diagnostics.isEmpty)
        #expect(registry.prolog == XMLProlog(
            beforeRoot: [.processingInstruction(target: "oxygen", data: "RNGSchema=\"x.rng\" type=\"xml\""), .comment(" c ")],
            afterRoot: [.processingInstruction(target: "after", data: "")]))
        #expect(registry.unkeptMarkup.isEmpty)
    }

    @Test func readsTheCSVRuleRecordedForARegistryReadFromCSV() throws {
        let xml = "<?ianaconv-csv-style 2019?>\n<registry xmlns=\"http://www.iana.org/assignments\"/>\n"
        let (registry, _) = try read(xml, with: XMLReader.self)
        #expect(registry.csvStyle == .from2019)
        #expect(registry.prolog == XMLProlog(), "taken out of the prolog: the writer writes it from the model")
    }

    @Test func aProcessingInstructionInsideTheRegistryIsALoss() throws {
        let (registry, diagnostics) = try read(xmlRegistry("  <?pi data?>\n  <record><description>d</description></record>\n"), with: XMLReader.self)
        #expect(registry.unkeptMarkup.count == 1)
        #expect(diagnostics.first?.message.contains("<?pi?>") == true)
    }

    @Test(arguments: [
        ("<registry xmlns=\"http://www.iana.org/assignments\"><record><nam>x</nam></record></registry>", "unexpected element <nam>"),
        ("<registry xmlns=\"http://www.iana.org/assignments\"><record>stray</record></registry>", "unexpected text"),
        ("<registry xmlns=\"http://www.iana.org/assignments\"><record colour=\"red\"/></registry>", "unexpected attribute colour"),
        ("<registry xmlns=\"urn:other\"/>", "namespace"),
        ("<registry xmlns=\"http://www.iana.org/assignments\"><record>", "1:"),
        ("<html/>", "unexpected element <html>"),
        ("<registry xmlns=\"http://www.iana.org/assignments\"><people><person/></people></registry>", "no id"),
    ])
    func rejectsWhatItCannotReadFaithfully(_ xml: String, _ expected: String) {
        let error = readError(Array(xml.utf8), with: XMLReader.self)
        #expect(error != nil)
        #expect(error?.description.contains(expected) == true, "\(error?.description ?? "no error")")
        #expect(error?.line != nil)
    }

    /// Stray text is reported where it starts, whether libxml2 hands it over from its window of
    /// the input (plain ASCII) or copied out (non-ASCII, an entity reference).
    @Test(arguments: [
        ("  <record>\n    <name>a</name>   stray\n  </record>", "3:22", "<record>"),
        ("  <record>\n    <name>a</name>\n    café here\n  </record>", "4:5", "<record>"),
        ("  <record>\n\n   x &amp; y\n  </record>", "4:4", "<record>"),
        ("  <people>  <person id=\"a\">z</person></people>", "2:28", "<person>"),
    ])
    func locatesStrayTextWhereItStarts(_ body: String, _ place: String, _ parent: String) throws {
        try expectRefusal("\n" + body + "\n", at: place, saying: "unexpected text inside \(parent)")
    }

    /// The model has one place for each of these, so a second would be lost: refused where it
    /// stands (the schema leaves "at most once" to the reader; see Schemas/).
    @Test(arguments: [
        ("<record><name>a</name><protocol>tcp</protocol>\n<name>b</name><description/></record>", "2:1", "<name> in <record>"),
        ("<record><description/><number>1</number>\n  <number>2</number></record>", "2:3", "<number> in <record>"),
        ("<record><description>a</description>\n<description>b</description></record>", "2:1", "<description> in <record>"),
        ("<record><description/><sc>1</sc><sc>2</sc></record>", "1:83", "<sc> in <record>"),
        ("<record><description/><unauthorized/><unauthorized/></record>", "1:88", "<unauthorized> in <record>"),
        ("<record><description/><assignee><xref type=\"person\" data=\"a\"/></assignee>\n<assignee/></record>", "2:1", "<assignee> in <record>"),
        ("<people><person id=\"a\"><org>x</org><uri>u</uri><uri>v</uri>\n<org>y</org></person></people>", "2:1", "<org> in <person>"),
        ("<title>a</title>\n<title>b</title>", "2:1", "<title> in <registry>"),
    ])
    func refusesASecondSingleValuedElementWhereItStands(_ body: String, _ place: String, _ what: String) throws {
        try expectRefusal(body, at: place, saying: "a second \(what)")
    }

    /// Reading `body` inside `<registry>` fails at `place` (line:column) with `message`.
    private func expectRefusal(_ body: String, at place: String, saying message: String) throws {
        let xml = "<registry xmlns=\"http://www.iana.org/assignments\">" + body + "</registry>"
        let error = try #require(readError(Array(xml.utf8), with: XMLReader.self))
        #expect(error.description.hasPrefix("bad:\(place): error: \(message)"), "\(error.description)")
    }

    @Test func eachRecordAndPersonMayHoldItsOwnSingleValuedElements() throws {
        let xml = xmlRegistry("""
              <record><name>a</name><description>x</description></record>
              <record><name>b</name><description>y</description></record>
              <people><person id="p"><name>P</name></person><person id="q"><name>Q</name></person></people>

            """)
        let (registry, _) = try read(xml, with: XMLReader.self)
        #expect(registry.records.map { $0.name?.text } == ["a", "b"])
        #expect(registry.people?.map(\.name) == ["P", "Q"])
    }

    @Test func reportsMalformedXMLWithItsPosition() throws {
        let error = try #require(readError(Array("<registry xmlns=\"http://www.iana.org/assignments\">\n  <title>x</titl>\n</registry>".utf8), with: XMLReader.self))
        #expect(error.line == 2)
        #expect(error.description.hasPrefix("bad:2:"))
        #expect(error.description.contains(": error: "))
    }

    @Test func emptyInputIsAnError() {
        #expect(readError([], with: XMLReader.self)?.message.contains("empty") == true)
        #expect(readError(Array("  \n".utf8), with: XMLReader.self) != nil)
    }

    @Test func detectsXMLButNotXHTML() {
        #expect(XMLReader.recognizes(Array("\u{FEFF}<?xml version='1.0'?><registry".utf8)[...]))
        #expect(XMLReader.recognizes(Array("  <registry xmlns=".utf8)[...]))
        #expect(!XMLReader.recognizes(Array("<?xml version='1.0'?><!DOCTYPE html><html>".utf8)[...]))
        #expect(!XMLReader.recognizes(Array("Service Name,Port Number".utf8)[...]))
    }
}
