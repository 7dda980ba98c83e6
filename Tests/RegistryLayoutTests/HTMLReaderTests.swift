import Testing
import RegistryModel
import RegistryReaders

/// IANA's header row, with the given name for column 11.
private func header(unauthorized: String = "Unauthorized Use Reported") -> String {
    let names = ["Service Name", "Port Number", "Transport Protocol", "Description", "Assignee", "Contact",
                 "Registration Date", "Modification Date", "Reference", "Service Code", unauthorized, "Assignment Notes"]
    return "<tr>" + names.map { "<th>\($0)</th>" }.joined() + "</tr>"
}

/// A page as IANA's stylesheet makes it, around some record rows.
private func page(_ rows: String, before: String = "", after: String = "", tableID: String? = "table-service-names-port-numbers") -> String {
    """
    <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head><body>
    \(before)<table\(tableID.map { " id=\"\($0)\"" } ?? "") class="sortable"><thead>\(header())</thead><tbody>
    \(rows)
    </tbody></table>\(after)</body></html>
    """
}

private func cells(_ values: [String]) -> String {
    "<tr>" + values.map { "<td>\($0)</td>" }.joined() + "</tr>"
}

private func firstRecord(_ html: String) throws -> Record {
    try #require(try read(html, with: HTMLReader.self).0.records.first)
}

@Suite struct HTMLReaderTests {
    /// The UTF-8 check skips ASCII eight bytes at a time: a bad byte is still found where it
    /// stands, in a long ASCII run, after a good multi-byte sequence, or in the last bytes.
    @Test(arguments: [
        ("<html><body>\n<p>plain ascii text before it \u{FF}", 2, 31),
        ("<html>\n<p>café\n  x\u{FF}", 3, 4),
        ("<html><p>\n\u{FF}", 2, 1),
    ])
    func invalidUTF8IsReportedWhereItStands(_ page: String, _ line: Int, _ column: Int) throws {
        // U+00FF stands for the invalid byte 0xFF (its UTF-8 is C3 BF).
        var bytes = Array(page.utf8)
        let marker = try #require(bytes.indices.first { bytes[$0] == 0xC3 && bytes[$0 + 1] == 0xBF })
        bytes.replaceSubrange(marker...(marker + 1), with: [0xFF])
        let error = try #require(readError(bytes, with: HTMLReader.self))
        #expect(error.line == line && error.column == column, "\(error.description)")
        #expect(error.message.contains("invalid UTF-8 (byte 0xFF)"))
    }

    @Test func readsEveryColumnOfARow() throws {
        let row = cells([
            "zigbee-ip", "17756", "dccp", "ZigBee <br />IP", "[<a href=\"#ZigBee\">ZigBee</a>]",
            "[<a href=\"#Leslie_Mulder\">Leslie_Mulder</a>]", "2013-05-28", "2024-01-02",
            "[<a href=\"https://www.iana.org/go/rfc6335\">RFC6335</a>][n/a]", "1145656131",
            "Known UNAUTHORIZED USE", "<p>A</p><p>B [<a href=\"#note1\">1</a>]</p>",
        ])
        let record = try firstRecord(page(row))
        #expect(record.name?.text == "zigbee-ip")
        #expect(record.number?.value == PortRange(port: 17756))
        #expect(record.transportProtocol == .valid(.dccp))
        #expect(record.description == RichText([.text("ZigBee "), .lineBreak, .text("IP")]))
        #expect(record.assignees == [Xref(type: .person, data: "ZigBee")])
        #expect(record.contacts == [Xref(type: .person, data: "Leslie_Mulder")])
        #expect(record.registrationDate?.text == "2013-05-28")
        #expect(record.modificationDate?.text == "2024-01-02")
        #expect(record.references == [Xref(type: .rfc, data: "rfc6335"), Xref(type: .text, text: "n/a")])
        #expect(record.serviceCode?.value?.value == 1_145_656_131)
        #expect(record.unauthorizedUse?.plainText == "Known UNAUTHORIZED USE")
        #expect(record.notes == [RichText([.paragraph("A"), .paragraph(RichText([.text("B "), .xref(Xref(type: .note, data: "1"))]))])])
    }

    @Test(arguments: [
        ("https://www.iana.org/go/rfc6335", "RFC6335", Xref(type: .rfc, data: "rfc6335")),
        ("http://www.iana.org/go/rfc8765", "RFC8765, Section 6.1", Xref(type: .rfc, data: "rfc8765", text: "RFC8765, Section 6.1")),
        ("https://www.iana.org/go/draft-ietf-x-43", "RFC-ietf-x-43", Xref(type: .draft, data: "RFC-ietf-x-43")),
        ("https://www.iana.org/go/draft-herbert-gue-02", "draft-herbert-gue-02", Xref(type: .draft, data: "draft-herbert-gue-02")),
        ("https://www.iana.org/go/draft-zubov-snif-05#section-4.3", "draft-zubov-snif-05, Section 4.3",
         Xref(type: .draft, data: "draft-zubov-snif-05", text: "draft-zubov-snif-05, Section 4.3", attributes: [XrefAttribute(name: "section", value: "4.3")])),
        ("#Jon_Postel", "Jon_Postel", Xref(type: .person, data: "Jon_Postel")),
        ("#note1", "1", Xref(type: .note, data: "1")),
        ("https://xahau.network", "https://xahau.network", Xref(type: .uri, data: "https://xahau.network")),
        ("https://example.org/TR-352.pdf", "TR-352", Xref(type: .uri, data: "https://example.org/TR-352.pdf", text: "TR-352")),
    ])
    func recoversTheXrefTypeFromTheLinkTarget(_ target: String, _ label: String, _ expected: Xref) throws {
        let row = cells(["x", "1", "tcp", "d", "", "", "", "", "[<a href=\"\(target)\">\(label)</a>]", "", "", ""])
        #expect(try firstRecord(page(row)).xrefs == [expected])
    }

    @Test func bracketedPlainTextIsATextXrefInReferencesButTextInsideText() throws {
        let row = cells(["x", "1", "tcp", "see [RFC7595]", "", "", "", "", "[ITU-T X.510 / ISO [1]]", "", "", ""])
        let record = try firstRecord(page(row))
        #expect(record.references == [Xref(type: .text, text: "ITU-T X.510 / ISO [1]")])
        #expect(record.description == "see [RFC7595]")
    }

    @Test func theAssigneeIsTheContactsUnlessItDiffers() throws {
        let same = cells(["x", "1", "tcp", "d", "[<a href=\"#A\">A</a>]", "[<a href=\"#A\">A</a>]", "", "", "", "", "", ""])
        let other = cells(["x", "1", "tcp", "d", "[<a href=\"#IESG\">IESG</a>]", "[<a href=\"#A\">A</a>]", "", "", "", "", "", ""])
        let records = try read(page(same + other), with: HTMLReader.self).0.records
        #expect(records[0].assignees == nil)
        #expect(records[1].assignees == [Xref(type: .person, data: "IESG")])
    }

    @Test func findsTheTableByItsHeaderRowInAnyColumnOrder() throws {
        let html = """
            <html><body><table><tr><th>Port Number</th><th>Service Name</th><th>Transport Protocol</th><th>Description</th>\
            <th>Known Unauthorized Uses</th></tr><tr><td>7</td><td>echo</td><td>udp</td><td>Echo</td><td>yes</td></tr></table></body></html>
            """
        let (registry, diagnostics) = try read(html, with: HTMLReader.self)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(registry.id == nil, "no table id, no registry id")
        let record = try #require(registry.records.first)
        #expect(record.name?.text == "echo")
        #expect(record.number?.text == "7")
        #expect(record.unauthorizedUse == "yes", "the older name of column 11")
    }

    @Test func readsThePageEvenWhenItIsNotWellFormedXML() throws {
        // Unclosed cells and rows, <br> without a slash, a bare &, unquoted attributes.
        let html = """
            <html><body><h1>Ports</h1><table id=table-service-names-port-numbers><thead>\(header())</thead>
            <tr><td>echo<td align=center>7<td>tcp<td>Echo & more<br>lines<td><td><td><td><td><td><td><td>
            <tr><td>discard<td>9<td>udp<td>Discard<td><td><td><td><td><td><td><td><td>
            </table>
            """
        let (registry, _) = try read(html, with: HTMLReader.self)
        #expect(registry.title == "Ports")
        #expect(registry.records.count == 2)
        #expect(registry.records[0].description == RichText([.text("Echo & more"), .lineBreak, .text("lines")]))
        #expect(registry.records[1].name?.text == "discard")
        #expect(registry.records[1].transportProtocol == .valid(.udp))
    }

    @Test func aPageWithoutTheRecordsTableIsAnError() throws {
        let html = "<html><body><h1>Something else</h1><table><tr><th>A</th></tr><tr><td>1</td></tr></table></body></html>"
        let error = try #require(readError(Array(html.utf8), with: HTMLReader.self))
        #expect(error.line == 1)
        #expect(error.column == 1)
        #expect(error.message.contains("no records table"))
        #expect(error.description.hasPrefix("bad:1:1: error: "))
        #expect(readError([], with: HTMLReader.self)?.message.contains("empty") == true)
    }

    @Test func aPageCutInsideATableIsAnErrorAtItsEnd() throws {
        let whole = page(cells(["echo", "7", "tcp", "Echo", "", "", "", "", "", "", "", ""]) + "\n" + cells(["discard", "9", "tcp", "Discard", "", "", "", "", "", "", "", ""]))
        let cut = String(whole[..<whole.range(of: "discard")!.upperBound])
        let error = try #require(readError(Array(cut.utf8), with: HTMLReader.self))
        #expect(error.message.contains("cut short"), "\(error)")
        #expect(error.line == cut.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(error.column == cut.split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1)
        // A page that stops right after its table has every row: it reads.
        let tableOnly = String(whole[..<whole.range(of: "</table>")!.upperBound])
        #expect(try read(tableOnly, with: HTMLReader.self).0.records.count == 2)
    }

    @Test func crOnlyLineEndsReadAsLineFeeds() throws {
        let html = page(cells(["echo", "7", "tcp", "Echo<br/>two", "", "", "", "", "", "", "", ""])).replacingOccurrences(of: "\n", with: "\r")
        #expect(try firstRecord(html).description?.plainText == "Echo\ntwo")
    }

    @Test func badBytesAreErrorsWithTheirPlace() throws {
        let invalid = Array("<html>\n<body>\u{e9}".utf8).dropLast(1) + [0xFF]
        let error = try #require(readError(Array(invalid), with: HTMLReader.self))
        #expect(error.line == 2)
        #expect(error.message.contains("UTF-8"))
        let nul = try #require(readError(Array("<html>\n<body>a\u{0}b".utf8), with: HTMLReader.self))
        #expect((nul.line, nul.column) == (2, 8))
    }

    @Test func aPageSavedAsUTF16IsRead() throws {
        let html = page(cells(["caf\u{e9}", "1", "tcp", "d", "", "", "", "", "", "", "", ""]))
        let utf16: [UInt8] = [0xFF, 0xFE] + html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        var diagnostics: [Diagnostic] = []
        let registry = try HTMLReader.read(InputFile(displayName: "p", bytes: utf16), diagnostics: &diagnostics)
        #expect(registry.records.first?.name?.text == "caf\u{e9}")
    }

    @Test func readsTheMetadataList() throws {
        let before = """
            <h1>Service Name and Transport Protocol Port Number Registry</h1><dl>
            <dt>Last Updated</dt><dd>2026-08-17</dd>
            <dt>Expert(s)</dt><dd>
              <pre>TCP/UDP: Joe Touch
            SCTP: Michael Tuexen</pre>
            </dd>
            <dt>Reference</dt><dd>[<a href="https://www.iana.org/go/rfc6335">RFC6335</a>]</dd>
            <dt>Note</dt><dd><pre>
            Assigned by [<a href="https://www.iana.org/go/rfc6335">RFC6335</a>].
            </pre></dd>
            <dt>Request an Assignment</dt><dd><pre>[<a href="https://www.iana.org/protocols/apply">https://www.iana.org/protocols/apply</a>]</pre></dd>
            <dt>Available Formats</dt><dd><a href="x.csv">CSV</a></dd>
            </dl>
            """
        let registry = try read(page(cells(Array(repeating: "", count: 12)), before: before), with: HTMLReader.self).0
        #expect(registry.id == "service-names-port-numbers")
        #expect(registry.title == "Service Name and Transport Protocol Port Number Registry")
        #expect(registry.updated?.text == "2026-08-17")
        #expect(registry.experts == ["TCP/UDP: Joe Touch\nSCTP: Michael Tuexen"])
        #expect(registry.references == [Xref(type: .rfc, data: "rfc6335")])
        #expect(registry.notes.count == 2)
        #expect(registry.notes[0] == RegistryNote(text: RichText([.text("\nAssigned by "), .xref(Xref(type: .rfc, data: "rfc6335")), .text(".\n")])))
        #expect(registry.notes[1].title == "Request an Assignment")
        #expect(registry.notes[1].text.xrefs == [Xref(type: .uri, data: "https://www.iana.org/protocols/apply")])
    }

    @Test func readsThePeopleTableAndTheFootnotes() throws {
        let after = """
            <h1 class="people">Contact Information</h1><table class="sortable"><thead><tr><th>ID</th><th>Name</th>\
            <th>Organization</th><th>Contact URI</th><th>Last Updated</th></tr></thead><tbody>
            <tr><td>
                <a name="David_Walend" id="David_Walend">[David_Walend]</a>
              </td><td>David Walend</td><td></td><td><a href="mailto:david&amp;walend.net">mailto:david&amp;walend.net</a><br />\
            <a href="mailto:dev&amp;x.net">mailto:dev&amp;x.net</a></td><td>2011-08</td></tr>
            <tr><td><a name="Zixi" id="Zixi">[Zixi]</a></td><td></td><td>Zixi</td><td></td><td></td></tr>
            </tbody></table><h1>Footnote</h1><table class="fn"><tr><td class="fn" valign="top"><a name="note1" id="note1">[1]</a></td>\
            <td class="fn"><pre>Only for experiments.
            See RFC 3692.</pre></td></tr></table>
            """
        let registry = try read(page("", after: after), with: HTMLReader.self).0
        #expect(registry.people == [
            Person(id: "David_Walend", name: "David Walend", uris: ["mailto:david&walend.net", "mailto:dev&x.net"], updated: Parsed("2011-08")),
            Person(id: "Zixi", organization: "Zixi"),
        ])
        #expect(registry.footnotes == [Footnote(anchor: "1", text: "Only for experiments.\nSee RFC 3692.")])
    }

    @Test func aPeopleRowWithoutItsAnchorTakesTheIDFromTheName() throws {
        let after = """
            <table><tr><th>ID</th><th>Name</th><th>Organization</th><th>Contact URI</th><th>Last Updated</th></tr>
            <tr><td>Rina Nethaniel</td><td></td><td></td><td></td></tr></table>
            """
        let (registry, diagnostics) = try read(page("", after: after), with: HTMLReader.self)
        #expect(registry.people == [Person(id: "Rina_Nethaniel", name: "Rina Nethaniel")])
        #expect(diagnostics.map(\.line) == [6])
        #expect(diagnostics.first?.message.contains("no ID anchor") == true)
    }

    @Test func severalNotesEachInTheirDiv() throws {
        let row = cells(["x", "1", "tcp", "d", "", "", "", "", "", "", "", "<div class=\"note\">one</div><div class=\"note\"></div>"])
        #expect(try firstRecord(page(row)).notes == ["one", ""])
    }

    @Test func warnsThatAServedPageIsOneOfSeveral() throws {
        let pager = "<div class=\"pagination\"> 3 <a href=\"?&amp;page=1\">1</a> <a href=\"?&amp;page=4\">4</a> ... <a href=\"?&amp;page=137\">137</a></div>"
        let (_, diagnostics) = try read(page(cells(Array(repeating: "", count: 12)), before: pager, after: pager), with: HTMLReader.self)
        #expect(diagnostics.count == 1, "once per page: \(diagnostics)")
        #expect(diagnostics.first?.message.hasPrefix("this is page 3 of 137 of the registry") == true)
        #expect(diagnostics.first?.line == 3)
    }

    @Test func remembersWhereEachCellWasRead() throws {
        let html = page("<tr><td>echo</td><td>7</td>\n  <td>tcp</td><td>Echo</td><td></td><td></td><td></td><td></td>"
            + "<td>[<a href=\"https://www.iana.org/go/rfc862\">RFC862</a>]</td><td></td><td></td><td></td></tr>")
        let record = try firstRecord(html)
        #expect(record.locations[.record] == SourceLocation(line: 4, column: 1))
        #expect(record.locations[.name] == SourceLocation(line: 4, column: 5))
        #expect(record.locations[.number] == SourceLocation(line: 4, column: 18))
        #expect(record.locations[.transportProtocol] == SourceLocation(line: 5, column: 3))
        #expect(record.references.first?.location == SourceLocation(line: 5, column: 69))
    }

    @Test func recognizesHTMLButNotTheOtherLayouts() {
        #expect(HTMLReader.recognizes(Array("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC".utf8)[...]))
        #expect(HTMLReader.recognizes(Array("  <HTML><body>".utf8)[...]))
        #expect(!HTMLReader.recognizes(Array("<?xml version='1.0'?><registry".utf8)[...]))
        #expect(!HTMLReader.recognizes(Array("Service Name,Port Number".utf8)[...]))
        // The byte search: any case, a near miss before the match, the match at the very end,
        // a match cut short by the end of the head, a slice that does not start at 0.
        #expect(HTMLReader.recognizes(Array("<!-- x --><!DocType HTML>".utf8)[...]))
        #expect(HTMLReader.recognizes(Array("<<htm <hTmL".utf8)[...]))
        #expect(!HTMLReader.recognizes(Array("<?xml?><registry><htm".utf8)[...]))
        #expect(HTMLReader.recognizes(Array("<registry><html".utf8)[10...]))
        #expect(!HTMLReader.recognizes(Array("<html><registry>".utf8)[1...]))
        #expect(Readers.reader(named: "XHTML")?.name == "html")
    }
}
