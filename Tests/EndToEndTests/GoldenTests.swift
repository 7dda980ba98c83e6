import Foundation
import Testing
import TestSupport
import XMLTreeDiff

/// The acceptance tests over IANA's real files, run through the release binary.
@Suite(.serialized) struct GoldenTests {
    @Test func xmlToCSVReproducesIANAsCSVByteForByte() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["xml", "csv", Paths.registry2024XML])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try Paths.bytes(Paths.registry2024CSV)
        let (rows, differing) = compareRows(result.stdout, expected)
        #expect(differing.isEmpty, "\(differing.count) of \(rows) rows differ; first: \(differing.prefix(3))")
        #expect(result.stdout == expected, "byte for byte")
    }

    @Test func csvToXMLToCSVIsByteIdentical() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let csv = try Paths.bytes(Paths.registry2024CSV)
        let xml = try Binary.run(["csv", "xml"], stdin: csv)
        #expect(xml.status == 0, "\(xml.stderr)")
        let back = try Binary.run(["xml", "csv"], stdin: xml.stdout)
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout == csv)
        #expect(try Binary.run(["csv", "csv", Paths.registry2024CSV]).stdout == csv, "csv → csv changes nothing")
    }

    @Test func csvToXMLRestoresXrefTypes() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let xml = try Binary.run(["csv", "xml", Paths.registry2024CSV]).stdoutText
        #expect(xml.contains(#"<xref type="rfc" data="rfc6335"/>"#))
        #expect(xml.contains(#"<xref type="rfc" data="rfc8765">RFC8765, Section 6.1</xref>"#))
        #expect(xml.contains(#"<xref type="draft" data="RFC-ietf-dnssd-srp-25"/>"#))
        #expect(xml.contains(#"<xref type="note" data="1"/>"#))
        #expect(xml.contains(#"<xref type="text">n/a</xref>"#))
        #expect(xml.contains("<assignee>\n      <xref type=\"person\" data=\"IESG\"/>"))
    }

    @Test func xmlToXMLKeepsEveryElementAttributeAndText() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let original = try Paths.bytes(Paths.registry2026XML)
        let first = try Binary.run(["xml", "xml", Paths.registry2026XML])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty, "XML carries everything: no loss warnings")
        let differences = XMLTree.differences(original, first.stdout)
        #expect(differences.isEmpty, "first differences: \(differences)")
        let second = try Binary.run(["xml", "xml"], stdin: first.stdout)
        #expect(second.stdout == first.stdout, "the second pass is byte-identical")
    }

    @Test func theComparisonFailsOnRealChangesOnly() throws {
        // The element-by-element check above must be able to fail.
        let original = try Paths.bytes("Samples/registry.xml")
        func edited(_ from: String, _ to: String) -> [UInt8] {
            Array(String(decoding: original, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
        }
        #expect(XMLTree.differences(original, original).isEmpty)
        let text = XMLTree.differences(original, edited("TCP Port Service Multiplexer", "TCP Port Service Multiplexor"))
        #expect(text.first?.contains("Multiplexor") == true, "\(text)")
        let attribute = XMLTree.differences(original, edited("date=\"2013-05-28\"", "date=\"2013-05-29\""))
        #expect(attribute.first?.contains("attributes") == true, "\(attribute)")
        let inNote = XMLTree.differences(original, edited("Defined TXT keys:<br/>", "Defined TXT keys: <br/>"))
        #expect(!inNote.isEmpty, "white space inside rich text counts")
        #expect(XMLTree.differences(original, edited("\n    <name>", "\n\t<name>")).isEmpty, "indentation between elements does not")
    }

    @Test func xmlToCSVNamesWhatCSVCannotCarry() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["xml", "csv", Paths.registry2026XML])
        #expect(result.status == 0)
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.contains { $0.contains("the people table (5615 people)") }, "\(result.stderr)")
        #expect(warnings.contains { $0.contains("metadata") })
        #expect(warnings.contains { $0.contains("1 footnote") })
        #expect(warnings.allSatisfy { $0.hasPrefix("\(Paths.registry2026XML) → csv: warning: CSV cannot carry") }, "labelled by what was converted")
    }

    /// Row count and the differing rows (1-based), splitting on CRLF outside quotes.
    private func compareRows(_ a: [UInt8], _ b: [UInt8]) -> (Int, [Int]) {
        let left = rows(a)
        let right = rows(b)
        var differing: [Int] = []
        for index in 0..<max(left.count, right.count) where index >= left.count || index >= right.count || left[index] != right[index] {
            differing.append(index + 1)
        }
        return (right.count, differing)
    }

    private func rows(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var rows: [ArraySlice<UInt8>] = []
        var start = 0
        var quoted = false
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == 0x0A {
                rows.append(bytes[start...index])
                start = index + 1
            }
        }
        return rows
    }
}
