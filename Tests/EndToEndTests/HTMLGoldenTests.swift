import Foundation
import Testing
import TestSupport
import XMLTreeDiff

/// The HTML layout over IANA's real pages, through the release binary. Models are compared as
/// the XML the binary writes for them, with libxml2's tree API.
@Suite(.serialized) struct HTMLGoldenTests {
    @Test func theWholePageReadsAsTheSameRegistryAsTheSameDayXML() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let fromPage = try Binary.run(["html", "xml", Paths.registry2026HTML])
        #expect(fromPage.status == 0, "\(fromPage.stderr)")
        #expect(fromPage.stderr.isEmpty, "the whole page needs no guess: \(fromPage.stderr)")
        let original = try Paths.bytes(Paths.registry2026XML)
        let differences = XMLTree.differences(original, fromPage.stdout, view: .htmlPage)
        #expect(differences.isEmpty, "first differences: \(differences)")
        // What the page view leaves out must be all that differs, not hide real changes.
        let whole = XMLTree.differences(original, fromPage.stdout, limit: 1)
        #expect(!whole.isEmpty, "the XML has things the page cannot show (category, element order)")
        let xml = fromPage.stdoutText
        #expect(xml.components(separatedBy: "<record").count - 1 == 14533)
        #expect(xml.components(separatedBy: "<person ").count - 1 == 5615)
        #expect(xml.contains(#"<xref type="draft" data="draft-zubov-snif-05" section="4.3">draft-zubov-snif-05, Section 4.3</xref>"#))
        #expect(xml.contains(#"<xref type="draft" data="RFC-ietf-emailcore-rfc5321bis-43"/>"#))
        #expect(xml.contains(#"<xref type="note" data="1"/>"#))
        #expect(xml.contains(#"<footnote anchor="1">It is only appropriate"#))
        #expect(xml.contains("<description>whois++<br/><br/>\nIANA assigned"))
        #expect(xml.contains("<note>\n      <paragraph>Defined TXT keys:</paragraph>"))
    }

    @Test func theComparisonOfThePageViewFailsOnRealChanges() throws {
        let original = try Paths.bytes("Samples/registry.xml")
        func edited(_ from: String, _ to: String) -> [UInt8] {
            Array(String(decoding: original, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
        }
        #expect(XMLTree.differences(original, edited("<category>", "<category>x"), view: .htmlPage).isEmpty)
        #expect(!XMLTree.differences(original, edited("TCP Port Service Multiplexer", "TCP Port Multiplexer"), view: .htmlPage).isEmpty)
        #expect(!XMLTree.differences(original, edited("data=\"Mark_Lottor\"", "data=\"Mark_Lotter\""), view: .htmlPage).isEmpty)
    }

    @Test func aServedPageGivesItsRecordsItsPeopleAndSaysItIsOneOfSeveral() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["html", "xml", Paths.registry2015Page1HTML])
        #expect(result.status == 0, "\(result.stderr)")
        let xml = result.stdoutText
        #expect(xml.components(separatedBy: "<record").count - 1 == 100)
        #expect(xml.components(separatedBy: "<person ").count - 1 == 11)
        #expect(xml.contains("<person id=\"Rina_Nethaniel\">\n      <name>Rina Nethaniel</name>\n    </person>"))
        #expect(xml.contains(#"<xref type="rfc" data="rfc6335"/>"#), "http:// links of 2015 are RFCs too")
        #expect(xml.contains("<updated>2015-03-16</updated>"))
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.count == 1, "\(result.stderr)")
        #expect(warnings.first?.contains(":74:5: warning: this is page 1 of 137") == true, "\(result.stderr)")
    }

    @Test func severalServedPagesReadAsOneRegistry() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ianaconv-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Page 1 cut in two served pages by hand: rows 1–60 and rows 61–100, each with the pager
        // and the whole people table, as iana.org serves them.
        let page = String(decoding: try Paths.bytes(Paths.registry2015Page1HTML), as: UTF8.self)
        let body = try #require(page.range(of: "<tbody>"))
        let end = try #require(page.range(of: "</tbody>"))
        let rows = page[body.upperBound..<end.lowerBound].components(separatedBy: "</tr>").dropLast()
        #expect(rows.count == 100)
        func served(_ part: ArraySlice<String>, page number: Int) -> String {
            (page[..<body.upperBound] + part.map { $0 + "</tr>" }.joined() + page[end.lowerBound...])
                .replacingOccurrences(of: "> 1 <a", with: "> \(number) <a")
        }
        try served(rows[0..<60], page: 1).write(to: directory.appendingPathComponent("p1.html"), atomically: true, encoding: .utf8)
        try served(rows[60...], page: 2).write(to: directory.appendingPathComponent("p2.html"), atomically: true, encoding: .utf8)
        let joined = try Binary.run(["html", "xml", "p1.html", "p2.html"], in: directory)
        #expect(joined.status == 0, "\(joined.stderr)")
        let whole = try Binary.run(["html", "xml", Paths.registry2015Page1HTML])
        #expect(joined.stdout == whole.stdout, "the two pages make the page they were cut from")
        #expect(joined.stderr.contains("p1.html:74:5: warning: this is page 1 of 137"), "\(joined.stderr)")
        #expect(joined.stderr.contains("p2.html:74:5: warning: this is page 2 of 137"), "\(joined.stderr)")
    }

    @Test func xmlToHTMLToXMLKeepsEverythingThePageShows() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let original = try Paths.bytes(Paths.registry2026XML)
        let html = try Binary.run(["xml", "html", Paths.registry2026XML])
        #expect(html.status == 0)
        let page = html.stdoutText
        #expect(page.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
        #expect(page.contains("<table id=\"table-service-names-port-numbers\" class=\"sortable records\">"))
        #expect(!page.contains("src=\"") && !page.contains("<link"), "no external assets")
        let back = try Binary.run(["html", "xml"], stdin: html.stdout)
        #expect(back.status == 0, "\(back.stderr)")
        let differences = XMLTree.differences(original, back.stdout, view: .htmlPage)
        #expect(differences.isEmpty, "first differences: \(differences)")
        #expect(back.stdoutText.contains("<category>Service Names and Transport Protocol Port Numbers</category>"), "our page carries the category")
        // Exactly what the page view leaves out is reported, nothing else.
        let warnings = html.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.count == 3, "\(html.stderr)")
        #expect(warnings.contains { $0.contains("110 <assignee> elements identical to the contacts") })
        #expect(warnings.contains { $0.contains("the element order of 1751 records") })
        #expect(warnings.contains { $0.contains("18 empty elements") })
    }

    @Test func htmlIsWellFormedXHTML() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let page = try Binary.run(["xml", "html", Paths.registry2026XML]).stdout
        #expect(XMLTree.isWellFormed(page), "libxml2's XML parser, as `xmllint --noout`, reads the page")
        #expect(!XMLTree.isWellFormed(try Paths.bytes(Paths.registry2015Page1HTML) + Array("<br>".utf8)), "the check can fail")
    }

    @Test func htmlToHTMLIsByteIdenticalOnTheSecondPass() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let first = try Binary.run(["html", "html", Paths.registry2026HTML])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty, "IANA's page has nothing our page cannot carry: \(first.stderr)")
        let second = try Binary.run(["html", "html"], stdin: first.stdout)
        #expect(second.stdout == first.stdout)
        let fromXML = try Binary.run(["xml", "html", Paths.registry2026XML])
        let again = try Binary.run(["xhtml", "xhtml"], stdin: fromXML.stdout)
        #expect(try Binary.run(["html", "html"], stdin: again.stdout).stdout == again.stdout)
    }

    @Test func theLayoutIsDetectedFromThePage() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let detected = try Binary.run(["auto", "csv", Paths.registry2015Page1HTML])
        let named = try Binary.run(["html", "csv", Paths.registry2015Page1HTML])
        #expect(detected.status == 0)
        #expect(detected.stdout == named.stdout)
        #expect(detected.stdoutText.hasPrefix("Service Name,Port Number"))
    }
}
