import Testing
import RegistryModel
import RegistryReaders
import RegistryWriters

@Suite struct TextWriterTests {
    static func sample() -> Registry {
        var echo = Record(name: Parsed("echo"), number: Parsed("7"), transportProtocol: Parsed("tcp"), description: "Echo")
        echo.xrefs = [Xref.person(label: "Jon_Postel"), Xref(type: .rfc, data: "rfc862")]
        echo.registrationDate = Parsed("2011-08-01")
        var printer = Record(name: Parsed("printer"), description: "Spooler (PDL Datastream) for printers on the local network")
        printer.assignees = [Xref.person(label: "IESG")]
        printer.xrefs = [Xref.person(label: "IETF_Chair")]
        printer.notes = ["Defined TXT keys: rp"]
        let range = Record(number: Parsed("10-19"), description: "Unassigned")
        return Registry(
            title: "Service Name and Transport Protocol Port Number Registry", updated: Parsed("2026-08-17"),
            references: [Xref(type: .rfc, data: "rfc6335")], experts: ["TCP/UDP: Joe Touch\nSCTP: Michael Tuexen"],
            notes: [RegistryNote(text: "Service names are assigned first come, first served.")],
            records: [echo, printer, range],
            footnotes: [Footnote(anchor: "1", text: "Only for experiments;\nnever as defaults.")],
            people: [Person(id: "Jon_Postel", name: "Jon Postel", uris: ["mailto:postel&isi.edu"], updated: Parsed("2002-01"))])
    }

    @Test func writesAPageInIANAsStyleWithRowsAnchoredOnTheirFirstLine() {
        let (text, losses) = render(Self.sample(), with: TextWriter.self)
        #expect(losses.isEmpty, "\(losses.messages(layout: "TXT"))")
        let expected = """
                                                           Service Name and Transport Protocol Port Number Registry


            """ + textPageMetadata + """
             Service names are assigned first come, first served.

            Service Name Port Number Transport         Description            Assignee     Contact    Registration Modification Reference Service Unauthorized   Assignment Notes
                                     Protocol                                                             Date         Date                Code   Use Reported
            echo              7         tcp    Echo                         [Jon_Postel] [Jon_Postel] 2011-08-01                [RFC862]
            printer                            Spooler (PDL Datastream) for [IESG]       [IETF_Chair]                                                          Defined TXT keys: rp
                                               printers on the local
                                               network
                            10-19              Unassigned

                                                                             Contact Information

                 ID         Name    Organization      Contact URI       Last
                                                                       Updated
            [Jon_Postel] Jon Postel              mailto:postel&isi.edu 2002-01

                                                                                   Footnote

            [1] Only for experiments;
                never as defaults.


            """
        #expect(text == expected)
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") }, "no line ends in a blank")
    }

    @Test func readsBackAsWrittenAndWritesTheSameBytesAgain() throws {
        let (text, _) = render(Self.sample(), with: TextWriter.self)
        let (registry, diagnostics) = try read(text, with: TextReader.self)
        #expect(diagnostics.isEmpty)
        let original = Self.sample()
        #expect(registry.records == original.records, "every field, xref types from the labels included")
        #expect(registry.people == original.people)
        #expect(registry.footnotes == original.footnotes)
        #expect(registry.experts == original.experts && registry.notes == original.notes && registry.updated == original.updated)
        #expect(render(registry, with: TextWriter.self).0 == text, "byte-identical on the second pass")
    }

    @Test func tallRowsStayApartWhenReadBack() throws {
        // Two 3-line rows: read with IANA's centring they could also be a 4-line and a 2-line
        // row; anchored on their first line they cannot.
        let tall = RichText(stringLiteral: "Computer Supported Telecomunication Applications")
        let records = [
            Record(name: Parsed("tserver"), number: Parsed("450"), transportProtocol: Parsed("tcp"), description: tall),
            Record(name: Parsed("tserver"), number: Parsed("450"), transportProtocol: Parsed("udp"), description: tall),
            Record(name: Parsed("x"), number: Parsed("451"), transportProtocol: Parsed("tcp"), description: "Short"),
        ]
        let (text, _) = render(Registry(records: records), with: TextWriter.self)
        #expect(try read(text, with: TextReader.self).0.records == records)
    }

    @Test func reportsWhatThePageCannotCarry() {
        var registry = Self.sample()
        registry.id = "service-names-port-numbers"
        registry.records[0].xrefs.append(Xref(type: .uri, data: "https://example.com/spec", text: "Spec"))
        registry.records[1].description = RichText([.text("Spooler"), .lineBreak, .text("see "), .xref(Xref(type: .rfc, data: "rfc1179"))])
        let (text, losses) = render(registry, with: TextWriter.self)
        #expect(text.contains("[Spec]"))
        #expect(losses.counts[.registryIdentity] == 1)
        #expect(losses.counts[.xrefTargets] == 2, "the URI's target, and the inline RFC that becomes text")
        #expect(losses.counts[.reflowedText] == 1)
        #expect(losses.messages(layout: "TXT").allSatisfy { $0.hasPrefix("TXT cannot carry") })
    }

    @Test func isDeterministic() {
        #expect(render(Self.sample(), with: TextWriter.self).0 == render(Self.sample(), with: TextWriter.self).0)
        #expect(Writers.writer(named: "txt") == TextWriter.self && Writers.writer(named: "plain") == TextWriter.self)
    }
}
