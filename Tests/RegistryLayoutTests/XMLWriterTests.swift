import Testing
import TestSupport
import RegistryModel
import RegistryReaders
import RegistryWriters

@Suite struct XMLWriterTests {
    @Test func writesTheRegistrysPrologOrTodaysAndTheCSVRuleWhenTheDateDoesNotImplyIt() {
        var registry = Registry(id: "r")
        let todays = String(decoding: XMLWriter.render(registry).bytes, as: UTF8.self)
        #expect(todays.contains("<?xml-stylesheet type=\"text/xsl\" href=\"r.xsl\"?>\n<?xml-model href=\"r.rng\" schematypens=\"http://relaxng.org/ns/structure/1.0\" ?>\n<registry"))
        registry.prolog = XMLProlog(beforeRoot: [.comment(" c ")], afterRoot: [.processingInstruction(target: "p", data: "")])
        registry.csvStyle = .from2019
        #expect(String(decoding: XMLWriter.render(registry).bytes, as: UTF8.self)
            == "<?xml version='1.0' encoding='UTF-8'?>\n<!-- c -->\n<?ianaconv-csv-style 2019?>\n<registry xmlns=\"http://www.iana.org/assignments\" id=\"r\">\n</registry>\n<?p?>\n")
        registry.csvStyle = .from2025
        #expect(!String(decoding: XMLWriter.render(registry).bytes, as: UTF8.self).contains("ianaconv-csv-style"), "implied: no date, today's rule")
    }

    @Test func writesIANAsStructure() {
        var record = Record(name: Parsed("echo"), number: Parsed("7"), transportProtocol: Parsed("tcp"), description: "Echo & <more>")
        record.registrationDate = Parsed("2011-08-01")
        record.xrefs = [Xref.person(label: "Jon_Postel")]
        let registry = Registry(id: "service-names-port-numbers", title: "T", records: [record], people: [Person(id: "Jon_Postel", name: "Jon \"P\"")])
        let (xml, losses) = render(registry, with: XMLWriter.self)
        #expect(losses.isEmpty)
        #expect(xml == """
            <?xml version='1.0' encoding='UTF-8'?>
            <?xml-stylesheet type="text/xsl" href="service-names-port-numbers.xsl"?>
            <?xml-model href="service-names-port-numbers.rng" schematypens="http://relaxng.org/ns/structure/1.0" ?>
            <registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">
              <title>T</title>
              <record date="2011-08-01">
                <name>echo</name>
                <protocol>tcp</protocol>
                <xref type="person" data="Jon_Postel"/>
                <description>Echo &amp; &lt;more&gt;</description>
                <number>7</number>
              </record>
              <people>
                <person id="Jon_Postel">
                  <name>Jon "P"</name>
                </person>
              </people>
            </registry>

            """)
    }

    @Test func escapesWhatTheParserWouldOtherwiseChange() throws {
        var record = Record(description: "carriage\rreturn")
        record.xrefs = [Xref(type: .uri, data: "a\"b\tc")]
        let (xml, _) = render(Registry(records: [record]), with: XMLWriter.self)
        #expect(xml.contains("carriage&#13;return"))
        #expect(xml.contains("data=\"a&quot;b&#9;c\""))
        let (back, _) = try read(xml, with: XMLReader.self)
        #expect(back.records == [record])
    }

    @Test func theSampleRoundTripsThroughTheModel() throws {
        let sample = try Paths.bytes("Samples/registry.xml")
        var diagnostics: [Diagnostic] = []
        let registry = try XMLReader.read(InputFile(displayName: "sample", bytes: sample), diagnostics: &diagnostics)
        #expect(registry.records.count == 27)
        let (written, _) = XMLWriter.render(registry)
        let again = try XMLReader.read(InputFile(displayName: "again", bytes: written), diagnostics: &diagnostics)
        #expect(again == registry.withoutLocations(), "XML carries the whole model")
        #expect(XMLWriter.render(again).bytes == written, "the second pass is byte-identical")
    }
}

extension Registry {
    /// Models compare without locations already; source file names differ between passes.
    func withoutLocations() -> Registry {
        var copy = self
        copy.sourceFiles = ["again"]
        return copy
    }
}
