import Foundation
import Testing
import RegistryModel
@testable import RegistryReaders
import TestSupport

private let mdHeader = """
    Service Name | Port Number | Transport Protocol | Description | Assignee | Contact | Registration Date | Modification Date | Reference | Service Code | Unauthorized Use Reported | Assignment Notes |
    ---|---|---|---|---|---|---|---|---|---|---|---|

    """

/// A Markdown-like scrape of some records table rows (the rows start on line 3).
private func md(_ rows: String) -> String { mdHeader + rows + "\n" }

private func labels(_ xrefs: [Xref]?) -> [String]? { xrefs?.map(\.label) }

/// The seeds' Markdown-like layout, one point per fixture.
@Suite struct ScrapedMarkdownReaderTests {
    @Test func matchesCellsToColumnsWhenEmptyCellsWereDropped() throws {
        let (registry, warnings) = try read(
            md("svc | 100 | tcp | A service | [Org] | [Jane_Doe] | 2020-01-02 | |||||"), with: ScrapedMarkdownReader.self)
        let record = try #require(registry.records.first)
        #expect(record.name?.text == "svc")
        #expect(record.number?.text == "100")
        #expect(record.transportProtocol?.text == "tcp")
        #expect(record.description?.plainText == "A service")
        #expect(labels(record.assignees) == ["Org"])
        #expect(record.contacts.map(\.label) == ["Jane_Doe"])
        #expect(record.registrationDate?.text == "2020-01-02")
        #expect(record.modificationDate == nil)
        #expect(record.references.isEmpty && record.notes.isEmpty && record.unauthorizedUse == nil)
        #expect(record.locations[.transportProtocol] == SourceLocation(line: 3, column: 13))
        #expect(record.locations[.registrationDate] == SourceLocation(line: 3, column: 52))
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func aNoteHoldingABarIsOneCellAndAWarning() throws {
        let (registry, warnings) = try read(
            md("svc | 100 | tcp | A service | [Jane_Doe] | [Jane_Doe] | [RFC1234] | keys: a | b | c |\n||||"),
            with: ScrapedMarkdownReader.self)
        let record = try #require(registry.records.first)
        #expect(record.notes.map(\.plainText) == ["keys: a | b | c"])
        #expect(record.references.map(\.label) == ["RFC1234"])
        #expect(record.assignees == nil, "Assignee equal to Contact: no <assignee>")
        #expect(registry.records.count == 1, "the line of markers continues the row")
        let warning = try #require(warnings.first)
        #expect(warning.line == 3)
        #expect(warning.message.contains("a cell holds '|'"))
    }

    @Test func readsARangeWithoutProtocol() throws {
        let (registry, _) = try read(md("vrml-multi-use | 4200-4299 | VRML Multi User Systems | [Mitra] | [Mitra] | |||||||"), with: ScrapedMarkdownReader.self)
        let record = try #require(registry.records.first)
        #expect(record.number?.value == PortRange(lower: 4200, upper: 4299))
        #expect(record.transportProtocol == nil)
        #expect(record.description?.plainText == "VRML Multi User Systems")
    }

    @Test func readsANameOnlyRecord() throws {
        let (registry, _) = try read(md("jnx-kcsync | tcp | jollys keychain | [Patrick_Stein] | [Patrick_Stein] | 2011-10-24 | Defined TXT keys: hash | |||||"), with: ScrapedMarkdownReader.self)
        let record = try #require(registry.records.first)
        #expect(record.name?.text == "jnx-kcsync")
        #expect(record.number == nil)
        #expect(record.transportProtocol?.text == "tcp")
        #expect(record.notes.map(\.plainText) == ["Defined TXT keys: hash"])
        #expect(record.unauthorizedUse == nil)
    }

    @Test func tellsUnauthorizedUseFromNotesAndReservedRows() throws {
        let (registry, _) = try read(md("""
            44446-44543 | Unassigned | Known UNAUTHORIZED USE: Ports 44515 & 44516 | |||||||||
            44445 | udp | Reserved | |||||||||
            """), with: ScrapedMarkdownReader.self)
        #expect(registry.records.map { $0.description?.plainText } == ["Unassigned", "Reserved"])
        #expect(registry.records[0].unauthorizedUse?.plainText == "Known UNAUTHORIZED USE: Ports 44515 & 44516")
        #expect(registry.records[1].name == nil && registry.records[1].transportProtocol?.text == "udp")
    }

    @Test func aLoneDateWithoutPeopleIsTheModificationDate() throws {
        let (registry, warnings) = try read(md("ipsec-nat-t | 4500 | tcp | IPsec NAT-Traversal | 2022-09-15 | [RFC9329] | ||||||"), with: ScrapedMarkdownReader.self)
        let record = try #require(registry.records.first)
        #expect(record.registrationDate == nil)
        #expect(record.modificationDate?.text == "2022-09-15")
        #expect(warnings.isEmpty, "39 of 41 such records in IANA's registry: not reported as a guess")
    }

    @Test func aLoneDateWithPeopleAndAReferenceIsAReportedGuess() throws {
        let (registry, warnings) = try read(md("ntske | 4460 | tcp | NTS-KE | [IESG] | [IETF_Chair] | 2020-04-07 | [RFC8915] | ||||"), with: ScrapedMarkdownReader.self)
        #expect(registry.records.first?.registrationDate?.text == "2020-04-07")
        #expect(warnings.map(\.line) == [3])
        #expect(warnings.first?.message.contains("one date") == true)
    }

    @Test func aRowCutShortIsReadAndReported() throws {
        let (registry, warnings) = try read(mdHeader + "prelude | 4690 | tcp | Prelude IDS | [Y_V] | [Y_V] | 2005-08 |", with: ScrapedMarkdownReader.self)
        #expect(registry.records.first?.registrationDate?.text == "2005-08")
        #expect(warnings.map(\.line) == [3])
    }

    @Test func tooFewCellsForTheMarkersIsReadAndReported() throws {
        // 2 cells and 2 markers: 10 filled columns cannot be; found by fuzzing (it crashed).
        let (registry, warnings) = try read(md("svc | 100 | ||"), with: ScrapedMarkdownReader.self)
        #expect(registry.records.first?.number?.text == "100")
        #expect(warnings.map(\.line) == [3])
        #expect(warnings.first?.message.contains("do not make 12 columns") == true)
        let (empty, emptyWarnings) = try read(md("4196 | Unassigned | ||||||||||\n | | |"), with: ScrapedMarkdownReader.self)
        #expect(empty.records.count == 1)
        #expect(emptyWarnings.map(\.line) == [4])
        #expect(emptyWarnings.first?.message == "row without cells; skipped")
    }

    @Test func inputItCannotReadIsAnErrorWithItsPlace() {
        #expect(readError([], with: ScrapedMarkdownReader.self)?.message.hasPrefix("no records table") == true)
        #expect(readError(Array("just text\n".utf8), with: ScrapedTextReader.self)?.line == 1)
        let invalid = readError(Array((mdHeader + "svc | 1 | tcp | caf").utf8) + [0xE9] + Array(" | ||||||||".utf8), with: ScrapedMarkdownReader.self)
        #expect(invalid?.line == 3)
        #expect(invalid?.message.contains("invalid UTF-8") == true)
    }

    @Test func readsTheMetadataItems() throws {
        let page = """
            Service Name and Transport Protocol Port Number Registry
            - Last Updated
            - 2024-09-23
            - Expert(s)
            -
            TCP/UDP: Joe Touch
            - Reference
            - [RFC6335]
            - Note
            -
            Service names are assigned as documented in [RFC6335].
            - Request an Assignment
            -
            [https://www.iana.org/protocols/apply]
            - Available Formats
            -
            CSV
            XML

            """ + md("4196 | Unassigned | ||||||||||")
        let (registry, warnings) = try read(page, with: ScrapedMarkdownReader.self)
        #expect(registry.title == "Service Name and Transport Protocol Port Number Registry")
        #expect(registry.updated?.text == "2024-09-23")
        #expect(registry.experts == ["TCP/UDP: Joe Touch"])
        #expect(registry.references == [Xref(type: .rfc, data: "rfc6335")])
        #expect(registry.notes.count == 2)
        #expect(registry.notes.first == RegistryNote(text: "Service names are assigned as documented in [RFC6335]."))
        #expect(registry.notes.last == RegistryNote(title: "Request an Assignment", text: RichText([.xref(Xref(type: .uri, data: "https://www.iana.org/protocols/apply"))])))
        #expect(registry.records.count == 1)
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func readsTheContactsTable() throws {
        let page = md("4196 | Unassigned | ||||||||||") + """
            Contact Information
            ID | Name | Organization | Contact URI | Last Updated |
            ---|---|---|---|---|
            [Cognex] | Cognex Corporation | mailto:contactus&cognex.com | 2012-08-28 | |
            [Mario_Joussen] | Mario Joussen | Cognex Corporation | mailto:mario.joussen&cognex.com | 2012-08-28 |
            [Ron_Frederick] | Ron Frederick | mailto:frederick&parc.xerox.com | ||
            [Acronis] | Acronis | mailto:kr&acronis.com | 2019-11-25 | |

            """
        let (registry, warnings) = try read(page, with: ScrapedMarkdownReader.self)
        let people = try #require(registry.people)
        #expect(people == [
            Person(id: "Cognex", organization: "Cognex Corporation", uris: ["mailto:contactus&cognex.com"], updated: Parsed("2012-08-28")),
            Person(id: "Mario_Joussen", name: "Mario Joussen", organization: "Cognex Corporation", uris: ["mailto:mario.joussen&cognex.com"], updated: Parsed("2012-08-28")),
            Person(id: "Ron_Frederick", name: "Ron Frederick", uris: ["mailto:frederick&parc.xerox.com"]),
            Person(id: "Acronis", organization: "Acronis", uris: ["mailto:kr&acronis.com"], updated: Parsed("2019-11-25")),
        ])
        #expect(people.first?.location == SourceLocation(line: 7, column: 1))
        #expect(warnings.map(\.line) == [10], "a single word may be a name or an organization")
    }
}

/// The seeds' collapsed plain text.
@Suite struct ScrapedTextReaderTests {
    private let page = """
        Service Name and Transport Protocol Port Number Registry

        Last Updated
        2024-04-19
        Expert(s)
        TCP/UDP: Joe Touch; Eliot Lear,
        and Michael Scharf
        Reference
        [RFC6335]
        Service Name Port Number Transport Protocol Description Assignee Contact Registration Date Modification Date Reference Service Code Unauthorized Use Reported Assignment Notes
        timezone tcp Time Zone Service - non-TLS [IESG] [IETF_Chair] 2015-08-03 [RFC7808] An extension of http (see [RFC6763]).
        4489-4499 Unassigned Known UNAUTHORIZED USE: Ports 4490 and 4491
        dtn-bundle 4556 dccp DTN Bundle DCCP CL Protocol 2013-11-12 2014-02-21 [RFC7122] 1685351985

        Contact Information

        ID Name Organization Contact URI Last Updated
        [IETF_Chair] IETF Chair IETF mailto:chair&ietf.org
        """

    @Test func recoversRecordsWordByWord() throws {
        let (registry, warnings) = try read(page, with: ScrapedTextReader.self)
        #expect(registry.records.count == 3)
        let timezone = registry.records[0]
        #expect(timezone.name?.text == "timezone" && timezone.number == nil && timezone.transportProtocol?.text == "tcp")
        #expect(timezone.description?.plainText == "Time Zone Service - non-TLS")
        #expect(labels(timezone.assignees) == ["IESG"] && timezone.contacts.map(\.label) == ["IETF_Chair"])
        #expect(timezone.registrationDate?.text == "2015-08-03")
        #expect(timezone.references.map(\.label) == ["RFC7808"])
        #expect(timezone.notes.map(\.plainText) == ["An extension of http (see [RFC6763])."])
        #expect(timezone.locations[.reference] == SourceLocation(line: 11, column: 73))
        let unassigned = registry.records[1]
        #expect(unassigned.description?.plainText == "Unassigned")
        #expect(unassigned.unauthorizedUse?.plainText == "Known UNAUTHORIZED USE: Ports 4490 and 4491")
        let dccp = registry.records[2]
        #expect(dccp.serviceCode?.text == "1685351985")
        #expect(dccp.registrationDate?.text == "2013-11-12" && dccp.modificationDate?.text == "2014-02-21")
        #expect(warnings.contains { $0.line == 11 && $0.message.contains("one date") })
        #expect(warnings.contains { $0.line == 12 && $0.message.contains("is a guess") }, "where the description ends")
    }

    @Test func readsMetadataAndSplitsNameFromOrganizationByTheID() throws {
        let (registry, warnings) = try read(page, with: ScrapedTextReader.self)
        #expect(registry.updated?.text == "2024-04-19")
        #expect(registry.experts == ["TCP/UDP: Joe Touch; Eliot Lear,\nand Michael Scharf"])
        #expect(registry.references.map(\.label) == ["RFC6335"])
        #expect(registry.people == [Person(id: "IETF_Chair", name: "IETF Chair", organization: "IETF", uris: ["mailto:chair&ietf.org"])])
        #expect(warnings.contains { $0.line == 18 })
    }
}

/// The three seed files, read whole, against the records IANA's XML has for them.
@Suite struct SeedTests {
    static let seeds = ["000_812350396cd55e8a", "001_d68114fa3e47cc32", "002_bce9228d55e95aa1"]

    private func readSeed(_ seed: String) throws -> (Registry, [Diagnostic]) {
        let bytes = try Paths.bytes("Tests/Fixtures/seeds/\(seed).txt")
        let reader = try #require(Readers.detect(bytes), "auto detection")
        var diagnostics: [Diagnostic] = []
        return (try reader.read(InputFile(displayName: seed, bytes: bytes), diagnostics: &diagnostics), diagnostics)
    }

    @Test func detectsEachSeedsLayoutAndNotIANAsOwnFiles() throws {
        for seed in Self.seeds {
            let reader = Readers.detect(try Paths.bytes("Tests/Fixtures/seeds/\(seed).txt"))
            #expect(reader?.name == (seed.hasPrefix("002") ? "scraped-txt" : "scraped-md"), "\(seed)")
        }
        let others = [
            "Tests/Fixtures/detection/iana-2026-08-17-head.txt", "Tests/Fixtures/detection/iana-2013-06-26-head.txt",
            Paths.registry2024CSV, Paths.registry2026XML,
        ]
        for path in others {
            let head = try Paths.bytes(path).prefix(4096)
            #expect(!ScrapedMarkdownReader.recognizes(head) && !ScrapedTextReader.recognizes(head), "\(path)")
        }
    }

    /// Field by field against the expected records (see Tests/Fixtures/seeds/SOURCES.md);
    /// `guesses` are the rows where the seed does not tell and the reader's reported guess
    /// differs from IANA's record.
    @Test(arguments: [
        ("000_812350396cd55e8a", 10, [Int]()),
        ("001_d68114fa3e47cc32", 101, [86]),  // dtn-bundle tcp: one date, people and a reference
        ("002_bce9228d55e95aa1", 3, []),
    ])
    func recoversEveryRecordTheSeedShows(_ seed: String, _ count: Int, _ guesses: [Int]) throws {
        let (registry, diagnostics) = try readSeed(seed)
        let (expected, _) = try read(
            String(decoding: try Paths.bytes("Tests/Fixtures/seeds/expected/\(seed).csv"), as: UTF8.self), with: CSVReader.self)
        #expect(registry.records.count == count)
        #expect(expected.records.count == count)
        var equal = 0
        for (got, want) in zip(registry.records, expected.records) {
            let line = Int(got.locations[.record]?.line ?? 0)
            let same = Self.columns(got) == Self.columns(want)
            if same { equal += 1 }
            if guesses.contains(line) {
                #expect(!same && diagnostics.contains { $0.line == line }, "line \(line): the known guess, reported")
            } else {
                #expect(Self.columns(got) == Self.columns(want), "\(seed):\(line)")
            }
        }
        #expect(equal == count - guesses.count)
    }

    /// The 12 columns as text, white space normalised.
    static func columns(_ record: Record) -> [String] {
        func norm(_ text: String?) -> String { (text ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
        let assignees = record.assignees ?? record.contacts
        return [
            record.name?.text, record.number?.text, record.transportProtocol?.text, record.description?.plainText,
            assignees.map { "[\($0.label)]" }.joined(), record.contacts.map { "[\($0.label)]" }.joined(),
            record.registrationDate?.text, record.modificationDate?.text,
            record.references.map { "[\($0.label)]" }.joined(), record.serviceCode?.text,
            record.unauthorizedUse?.plainText, record.notes.map(\.plainText).joined(separator: " "),
        ].map(norm)
    }

    @Test func readsEachSeedsMetadataAndContacts() throws {
        let (first, _) = try readSeed("000_812350396cd55e8a")
        #expect(first.title == "Service Name and Transport Protocol Port Number Registry")
        #expect(first.updated?.text == "2024-09-23")
        #expect(first.experts.first?.plainText.hasPrefix("TCP/UDP: Joe Touch;") == true)
        #expect(first.references.map(\.label) == ["RFC6335"])
        #expect(first.notes.map(\.title) == [nil, "Request an Assignment"])
        #expect(first.notes.first?.text.plainText.hasSuffix("REGISTERED OR NOT. * ************************************************************************") == true)
        #expect(first.people?.map(\.id) == ["Acronis", "B_Clifford_Neuman", "Cognex", "Kevin_Reed", "Mario_Joussen", "Ron_Frederick"])
        #expect(first.people?[4] == Person(id: "Mario_Joussen", name: "Mario Joussen", organization: "Cognex Corporation", uris: ["mailto:mario.joussen&cognex.com"], updated: Parsed("2012-08-28")))
        #expect(first.people?[5] == Person(id: "Ron_Frederick", name: "Ron Frederick", uris: ["mailto:frederick&parc.xerox.com"]), "the cut last row")

        let (second, _) = try readSeed("001_d68114fa3e47cc32")
        #expect(second.updated?.text == "2025-08-15")
        #expect(second.people == nil, "the scrape was cut before its contacts table")

        let (third, _) = try readSeed("002_bce9228d55e95aa1")
        #expect(third.updated?.text == "2024-04-19")
        #expect(third.experts.first?.plainText.components(separatedBy: "\n").count == 4)
        #expect(third.notes.first?.text.plainText.hasPrefix("Service names and port numbers are used") == true)
        #expect(third.notes.last?.title == "Request an Assignment")
        #expect(third.people == [
            Person(id: "IESG", organization: "IESG", uris: ["mailto:iesg&ietf.org"]),
            Person(id: "IETF_Chair", name: "IETF Chair", organization: "IETF", uris: ["mailto:chair&ietf.org"]),
            Person(id: "Patrick_Stein", name: "Patrick Stein", uris: ["mailto:Patrick.Stein&jinx.eu"], updated: Parsed("2011-10-24")),
        ])
    }

    @Test func reportsTheAmbiguousRowsWithTheirLines() throws {
        let (_, diagnostics) = try readSeed("001_d68114fa3e47cc32")
        #expect(diagnostics.filter { $0.message.contains("a cell holds '|'") }.map(\.line) == [90, 92], "iax tcp and udp")
        #expect(diagnostics.filter { $0.message.contains("one date") }.map(\.line) == [79, 86], "ntske, dtn-bundle")
        #expect(diagnostics.filter { $0.message.contains("cut here") }.map(\.line) == [125])
    }
}
