import Testing
import TestSupport
import RegistryLayoutKit
import RegistryModel
import RegistryReaders
import RegistryWriters

@Suite struct ServicesWriterTests {
    static let xml = xmlRegistry("""
        <record><name>x11</name><protocol>tcp</protocol><description>X Window System</description><number>6000-6002</number></record>
        <record><name>whoispp</name><protocol>tcp</protocol><description>whois++<br/><br/>
        IANA assigned this well-formed service name as a replacement for "whois++".</description><number>63</number></record>
        <record><name>whois++</name><protocol>tcp</protocol><description>whois++</description><number>63</number>
        <note>This entry is an alias to "whoispp".
        This entry is now historic.</note></record>
        <record><name>late</name><protocol>udp</protocol><number>6001</number></record>
        <record><name>late</name><protocol>udp</protocol><number>7</number></record>
        <record><protocol>tcp</protocol><description>Unassigned</description><number>8</number></record>
        <record><name>only-name</name><description>A name</description></record>
        <record><name>any-proto</name><description>No protocol</description><number>9</number></record>
        <record><name>Two words</name><protocol>tcp</protocol><number>10</number></record>
        """)

    @Test func oneLinePerServiceAndPortInPortOrderAliasesOnTheirReplacement() throws {
        let (registry, _) = try read(Self.xml, with: XMLReader.self)
        let (text, losses) = render(registry, with: ServicesWriter.self)
        #expect(text == """
            # Registry: T
            # services(5) written by ianaconv: one line per service and port (ranges expanded), in port order.
            # name port/protocol [aliases...] # description

            late            7/udp
            whoispp         63/tcp whois++  # whois++ IANA assigned this well-formed service name as a replacement for "whois++".
            x11             6000/tcp        # X Window System
            x11             6001/tcp        # X Window System
            late            6001/udp
            x11             6002/tcp        # X Window System

            """)
        #expect(losses.counts == [
            .recordsWithoutService: 1, .nameOnlyRecords: 1, .protocolLessRecords: 1, .unwritableRecords: 1,
            .expandedRanges: 1, .recordDetails: 1, .foldedDescriptions: 1, .metadataBeyondHeader: 1,
        ])
    }

    @Test func ourFileReadsBackAsItsLinesAndWritesItselfAgain() throws {
        let (registry, _) = try read(Self.xml, with: XMLReader.self)
        let (text, _) = render(registry, with: ServicesWriter.self)
        let (back, diagnostics) = try read(text, with: ServicesReader.self)
        #expect(diagnostics.isEmpty)
        #expect(back.title == "T")
        #expect(back.records.map { "\($0.name!.text) \($0.number!.text)/\($0.transportProtocol!.text)" } == [
            "late 7/udp", "whoispp 63/tcp", "whois++ 63/tcp", "x11 6000/tcp", "x11 6001/tcp", "late 6001/udp", "x11 6002/tcp",
        ])
        #expect(back.records[2].notes == [ServicesLine.aliasNote(to: "whoispp")])
        let (again, losses) = render(back, with: ServicesWriter.self)
        #expect(again == text)
        #expect(losses.isEmpty, "\(losses.counts)")
    }
}

@Suite struct ServicesReaderTests {
    @Test func aLineIsANamePortProtocolAliasesAndComment() throws {
        let (registry, diagnostics) = try read("# head\n\ndiscard\t\t9/tcp\t\tsink null\t# Discard  it \nbad\n", with: ServicesReader.self)
        #expect(registry.records.map { $0.name?.text } == ["discard", "sink", "null", "bad"])
        let discard = registry.records[0]
        #expect(discard.number == Parsed("9") && discard.transportProtocol == Parsed("tcp"))
        #expect(discard.description == "Discard  it")
        #expect(discard.locations[.name] == SourceLocation(line: 3, column: 1))
        #expect(discard.locations[.number] == SourceLocation(line: 3, column: 10))
        #expect(discard.locations[.transportProtocol] == SourceLocation(line: 3, column: 12))
        #expect(discard.locations[.description] == SourceLocation(line: 3, column: 29))
        #expect(registry.records[2].locations[.name] == SourceLocation(line: 3, column: 22))
        #expect(registry.records[2].notes == [ServicesLine.aliasNote(to: "discard")])
        #expect(diagnostics.map(\.line) == [4])
    }

    @Test func valuesAreKeptAsWrittenForTheRules() throws {
        let (registry, _) = try read("rtmp 1/ddp\nbig 70000/tcp\n", with: ServicesReader.self)
        #expect(registry.records[0].transportProtocol == .invalid("ddp"))
        #expect(registry.records[1].number == .invalid("70000"))
    }

    @Test func readsNetbasesFile() throws {
        let bytes = try Paths.bytes("Tests/Fixtures/services/netbase-6.4.services")
        #expect(Readers.detect(bytes) == ServicesReader.self)
        var diagnostics: [Diagnostic] = []
        let registry = try ServicesReader.read(InputFile(displayName: "netbase", bytes: bytes), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let services = registry.records.filter(\.notes.isEmpty)
        #expect(services.count == 318)
        #expect(registry.records.count - services.count == 86)  // aliases
        let ssh = try #require(registry.records.first { $0.name?.text == "ssh" })
        #expect(ssh.number == Parsed("22") && ssh.description == "SSH Remote Login Protocol")
        #expect(registry.records.contains { $0.transportProtocol == .invalid("ddp") })
    }

    @Test func readsIanaEtcsFormat() throws {
        let bytes = try Paths.bytes("Tests/Fixtures/services/iana-etc-style.services")
        #expect(Readers.detect(bytes) == ServicesReader.self)
        var diagnostics: [Diagnostic] = []
        let registry = try ServicesReader.read(InputFile(displayName: "iana-etc", bytes: bytes), diagnostics: &diagnostics)
        #expect(registry.records.map { $0.name?.text } == ["tcpmux", "tcpmux", "whois++", "x11", "postgresql", "sql-net"])
        #expect(registry.records.last?.description == nil)
    }

    @Test func isNotDetectedInOtherLayouts() throws {
        for file in ["Samples/registry.xml", "Samples/registry.csv", "Tests/Fixtures/detection/iana-2026-08-17-head.txt"] {
            #expect(Readers.detect(try Paths.bytes(file)) != ServicesReader.self, "\(file)")
        }
    }
}
