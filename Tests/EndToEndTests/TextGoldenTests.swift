import Foundation
import Testing
import TestSupport
import XMLTreeDiff

/// The plain-text page over IANA's real files, through the release binary.
@Suite(.serialized) struct TextGoldenTests {
    /// Reads both documents' records and compares them field by field: the share of records
    /// equal in every field, and the first that are not.
    private func recovery(expected: [UInt8], actual: [UInt8]) throws -> (percent: Double, differing: [String]) {
        let want = try #require(RecordFields.all(in: expected))
        let got = try #require(RecordFields.all(in: actual))
        #expect(got.count == want.count, "record count")
        var differing: [String] = []
        for (index, (a, b)) in zip(want, got).enumerated() {
            let fields = a.differences(b)
            if !fields.isEmpty { differing.append("#\(index + 1) \(a.name) \(a.number)/\(a.transportProtocol): \(fields) expected \(a) got \(b)") }
        }
        let equal = min(want.count, got.count) - differing.count
        return (100 * Double(equal) / Double(max(want.count, 1)), differing)
    }

    @Test func readingIANAsPageRecoversTheSameDayXML() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["txt", "xml", Paths.registry2026Text])
        #expect(result.status == 0, "\(result.stderr)")
        let guesses = result.stderr.split(separator: "\n").filter { $0.contains("can be grouped two ways") }
        #expect(guesses.count == result.stderr.split(separator: "\n").count, "only grouping guesses are reported")
        let (percent, differing) = try recovery(expected: try Paths.bytes(Paths.registry2026XML), actual: result.stdout)
        print("2026-08-17 .txt → XML: \(String(format: "%.2f", percent)) % of 14,533 records equal the same-day XML in every field")
        // The target is 100 %. Reached for every exact field (name, port, protocol, dates,
        // people, references, service code); some free text still differs where IANA's centred
        // rows can be grouped two ways (a 1-line row then a 3-line row, or two 2-line rows);
        // the reader warns at each such place.
        let exactFields: Set = ["name", "number", "protocol", "dates", "assignee", "contact", "reference", "service code"]
        let wrongExactly = differing.filter { line in exactFields.contains { line.contains("\"\($0)\"") } }
        #expect(wrongExactly.isEmpty, "exact fields differ: \(wrongExactly.prefix(5).joined(separator: "\n"))")
        // Every record read wrong is in a row the reader reported as a guess.
        let unflagged = differing.filter { line in
            let name = line.split(separator: " ")[1]
            return !guesses.contains { $0.contains("'\(name)'") }
        }
        #expect(unflagged.isEmpty, "differing records without a warning: \(unflagged.prefix(3))")
        print("\(guesses.count) rows reported as guesses; \(differing.count) records differ, each among them")
        #expect(percent >= 99.98, "\(String(format: "%.2f", percent)) % recovered; \(differing.count) differ, first: \(differing.prefix(5).joined(separator: "\n"))")
        withKnownIssue("target 100 %: \(differing.count) rows of IANA's page are geometrically ambiguous") {
            #expect(percent == 100, "first differing: \(differing.prefix(3).joined(separator: "\n"))")
        }
    }

    @Test func readsTheMetadataPeopleAndFootnotesOfIANAsPage() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let xml = try Binary.run(["txt", "xml", Paths.registry2026Text]).stdoutText
        #expect(xml.contains("<title>Service Name and Transport Protocol Port Number Registry</title>"))
        #expect(xml.contains("<updated>2026-08-17</updated>"))
        #expect(xml.contains("<expert>TCP/UDP: Joe Touch; Eliot Lear, Kumiko Ono, Wes Eddy, Brian Trammell,\nand Michael Scharf\nSCTP: Michael Tuexen\nDCCP: Eddie Kohler and Yoshifumi Nishida</expert>"))
        #expect(xml.contains(#"<note title="Request an Assignment"><xref type="uri" data="https://www.iana.org/protocols/apply"/></note>"#))
        #expect(xml.contains("<footnote anchor=\"1\">It is only appropriate to use these values in explicitly-\nconfigured experiments; they MUST NOT be shipped as defaults in\nimplementations.  See RFC 3692 for details.</footnote>"))
        #expect(xml.components(separatedBy: "<person id=").count - 1 == 5615, "every person of the same-day XML")
        #expect(xml.contains("<person id=\"David_Walend\">\n      <name>David Walend</name>\n      <uri>mailto:david&amp;walend.net</uri>\n      <uri>mailto:dev&amp;salutafugijms.dev.java.net</uri>"), "two URIs, one per line")
        #expect(xml.contains("<org>ZigBee Alliance's Network Device working group</org>"), "a name wrapped over three lines")
    }

    @Test func readsIANAs2013Page() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["txt", "xml", Paths.registry2013Text])
        #expect(result.status == 0, "\(result.stderr)")
        let xml = result.stdoutText
        let records = try #require(RecordFields.all(in: result.stdout))
        #expect(records.count == 13306, "records on the 2013-06-26 page")
        // A legacy name with blanks wraps in its column there; it is one record, not three.
        #expect(records.filter { $0.name == "Apple Remote Desktop (Net Assistant)" }.map(\.transportProtocol) == ["tcp", "udp"])
        // Every row of that page has a port or a name; none is lost or split.
        #expect(records.allSatisfy { !$0.name.isEmpty || !$0.number.isEmpty })
        #expect(xml.contains("<updated>2013-06-26</updated>"))
        #expect(xml.components(separatedBy: "<person id=").count - 1 > 4000)
        // Column 11 was "Known Unauthorized Uses"; a long [Person] there overflows its column.
        let oma = try #require(records.first { $0.name == "omadm-bootstrap" })
        #expect(oma.assignees == ["Open_Mobile_Alliance", "Open_Mobile_Alliance_Device_Management_DM_Working_Group"])
        #expect(oma.contacts == ["Open_Mobile_Alliance_Device_Management_DM_Working_Group"])
        #expect(oma.registered == "2011-08-19")
        #expect(oma.notes == "Defined TXT keys: None")
        // The 2013 browser counted bytes: the cells after "Štěpánek" are where bytes put them.
        let areaguard = try #require(records.first { $0.name == "areaguard-neo" })
        #expect(areaguard.contacts == ["Roman_Štěpánek"])
        #expect(areaguard.registered == "2012-05-31")
        #expect(records.first { $0.name == "discard" && $0.transportProtocol == "dccp" }?.serviceCode == "1145656131")
    }

    @Test func xmlToTextToXMLKeepsEveryRecordFieldAsText() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let original = try Paths.bytes(Paths.registry2026XML)
        let text = try Binary.run(["xml", "txt", Paths.registry2026XML])
        #expect(text.status == 0)
        #expect(!String(decoding: text.stdout, as: UTF8.self).split(separator: "\n").contains { $0.hasSuffix(" ") }, "no trailing blanks")
        let back = try Binary.run(["txt", "xml"], stdin: text.stdout)
        #expect(back.status == 0, "\(back.stderr)")
        let (percent, differing) = try recovery(expected: original, actual: back.stdout)
        print("2026-08-17 XML → TXT → XML: \(String(format: "%.2f", percent)) % of records keep every field")
        #expect(percent == 100, "\(differing.count) differ, first: \(differing.prefix(5).joined(separator: "\n"))")
        let warnings = text.stderr.split(separator: "\n")
        #expect(warnings.allSatisfy { $0.hasPrefix("\(Paths.registry2026XML) → txt: warning: TXT cannot carry") }, "\(text.stderr)")
        #expect(warnings.contains { $0.contains("xrefs") } && warnings.contains { $0.contains("reflowed") })
        #expect(!warnings.contains { $0.contains("people table") || $0.contains("footnote") }, "the page carries people and footnotes")
    }

    @Test func textToTextIsByteIdenticalOnTheSecondPass() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let first = try Binary.run(["txt", "txt", Paths.registry2026Text])
        #expect(first.status == 0)
        let second = try Binary.run(["txt", "txt"], stdin: first.stdout)
        #expect(second.stdout == first.stdout, "IANA's page → txt → txt")
        let fromXML = try Binary.run(["xml", "txt", Paths.registry2026XML]).stdout
        let again = try Binary.run(["txt", "txt"], stdin: fromXML).stdout
        #expect(try Binary.run(["txt", "txt"], stdin: again).stdout == again, "XML → txt → txt → txt")
        let detected = try Binary.run(["auto", "txt", Paths.registry2026Text])
        #expect(detected.stdout == first.stdout, "auto detects IANA's page")
    }
}
