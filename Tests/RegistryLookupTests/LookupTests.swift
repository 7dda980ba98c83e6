import BuiltInRegistry
import RegistryLookup
import RegistryModel
import RegistryReaders
import RegistryWriters
import Testing
import TestSupport

@Suite struct LookupQueryTests {
    @Test func portsRangesProtocolsAndNames() throws {
        #expect(try LookupQuery(parsing: "5432") == .ports(PortRange(port: 5432), nil))
        #expect(try LookupQuery(parsing: "4250/TCP") == .ports(PortRange(port: 4250), .tcp))
        #expect(try LookupQuery(parsing: "6000-6010") == .ports(PortRange(lower: 6000, upper: 6010)!, nil))
        #expect(try LookupQuery(parsing: "whois++") == .name("whois++", nil))
        #expect(try LookupQuery(parsing: "cl/1") == .name("cl/1", nil))
        #expect(try LookupQuery(parsing: "ssh/TCP") == .name("ssh", .tcp))
        for bad in ["70000", "10-5", "80/xtp", ""] {
            #expect(throws: LookupError.self, "\(bad)") { try LookupQuery(parsing: bad) }
        }
    }
}

@Suite struct RegistryLookupTests {
    static let records: [Record] = [
        Record(name: Parsed("postgresql"), number: Parsed("5432"), transportProtocol: Parsed("tcp"), description: "PostgreSQL Database"),
        Record(name: Parsed("vrml-multi-use"), number: Parsed("4200-4299"), description: "VRML Multi User Systems"),
        Record(name: Parsed("x11"), number: Parsed("6000-6063"), transportProtocol: Parsed("udp"), description: "X Window System"),
        Record(name: Parsed("whois++"), number: Parsed("63"), transportProtocol: Parsed("tcp"), description: "whois++"),
        Record(number: Parsed("4300-4310"), transportProtocol: Parsed("tcp"), description: "Unassigned"),
    ]
    let lookup = RegistryLookup(records: records)

    @Test func aPortInsideARangeFindsTheRangeOnEveryProtocolOrItsOwn() throws {
        #expect(lookup.answer(try LookupQuery(parsing: "4250/tcp")).records.map { $0.name?.text } == ["vrml-multi-use"])
        #expect(lookup.answer(try LookupQuery(parsing: "6010/tcp")).records.isEmpty)
        #expect(lookup.answer(try LookupQuery(parsing: "6010")).records.map { $0.name?.text } == ["x11"])
        #expect(lookup.answer(try LookupQuery(parsing: "6000-6010/udp")).records.map { $0.name?.text } == ["x11"])
    }

    @Test func namesMatchInAnyCaseLegacyNamesToo() throws {
        #expect(lookup.answer(try LookupQuery(parsing: "PostgreSQL")).found)
        #expect(lookup.answer(try LookupQuery(parsing: "WHOIS++")).records.map { $0.number?.text } == ["63"])
        #expect(lookup.answer(try LookupQuery(parsing: "vrml-multi-use/udp")).found)
        #expect(!lookup.answer(try LookupQuery(parsing: "postgresql/udp")).found)
        #expect(!lookup.answer(try LookupQuery(parsing: "nosuchservice")).found)
    }

    @Test func anUnheldPortSaysItsRangeAndState() throws {
        let unassigned = lookup.answer(try LookupQuery(parsing: "4305"))
        #expect(!unassigned.found)
        #expect(unassigned.states.map { $0.description?.plainText } == ["Unassigned"])
        #expect(unassigned.portClasses == [.user])
        let dynamic = lookup.answer(try LookupQuery(parsing: "50000/udp"))
        #expect(!dynamic.found && dynamic.states.isEmpty && dynamic.portClasses == [.dynamic])
        #expect(lookup.answer(try LookupQuery(parsing: "1000-1100")).portClasses == [.system, .user])
    }

    @Test func theReportNamesTheRegistryAndEachQuery() throws {
        let report = LookupReport(source: "built-in", updated: "2026-08-17", answers: [lookup.answer(try LookupQuery(parsing: "50000"))])
        #expect(report.text == """
            registry: built-in, updated 2026-08-17
            50000: Dynamic and/or Private Ports (49152-65535)
              not assigned: IANA never assigns Dynamic Ports (RFC 6335 §6)

            """)
        #expect(!report.allFound)
        #expect(String(decoding: report.json, as: UTF8.self).contains("\"portRanges\" : [\n        \"Dynamic and/or Private Ports (49152-65535)\""))
    }
}

@Suite struct BuiltInRegistryTests {
    /// The embedded CSV is the newest fixture as the CSV writer writes it (rows end in LF):
    /// run Scripts/embed-registry.sh when the fixture or the writer changes.
    @Test func isTheNewestFixtureAsCSV() throws {
        var diagnostics: [Diagnostic] = []
        let xml = try XMLReader.read(InputFile(displayName: "xml", bytes: try Paths.bytes(Paths.registry2026XML)), diagnostics: &diagnostics)
        let csv = CSVWriter.render(xml).bytes.filter { $0 != 0x0D }
        #expect(csv == Array((BuiltInRegistry.csv + "\n").utf8))
        #expect(BuiltInRegistry.updated == xml.updated?.text)
    }

    @Test func readsOnlyTheRowsAQueryMayName() throws {
        let records = try BuiltInRows.records(for: [try LookupQuery(parsing: "4250/tcp"), try LookupQuery(parsing: "WhoisPP")])
        #expect(Set(records.compactMap { $0.name?.text }) == ["vrml-multi-use", "whoispp"])
        let lookup = RegistryLookup(records: records)
        #expect(lookup.answer(try LookupQuery(parsing: "4250/tcp")).records.map { $0.number?.text } == ["4200-4299"])
    }
}
