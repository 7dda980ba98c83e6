import Testing
import RegistryModel
import RegistryReaders
import RegistryWriters

/// Writes the registry as HTML and reads it back.
private func roundTrip(_ registry: Registry) throws -> (Registry, LossReport) {
    let (html, losses) = render(registry, with: HTMLWriter.self)
    return (try read(html, with: HTMLReader.self).0, losses)
}

private let richRecord = Record(
    name: Parsed("zigbee-ip"), number: Parsed("17756"), transportProtocol: Parsed("dccp"),
    description: RichText([.text("ZigBee "), .lineBreak, .lineBreak, .text("\nIP <&> ]]>")]),
    assignees: [Xref(type: .person, data: "ZigBee")],
    xrefs: [
        Xref(type: .person, data: "Leslie_Mulder"), Xref(type: .rfc, data: "rfc6335"),
        Xref(type: .draft, data: "RFC-ietf-x-12"),
        Xref(type: .draft, data: "draft-z-05", text: "draft-z-05, Section 4.3", attributes: [XrefAttribute(name: "section", value: "4.3")]),
        Xref(type: .uri, data: "https://example.org/a?b=1&c=2", text: "TR-352"), Xref(type: .text, text: "n/a"),
        Xref(type: .note, data: "1"),
    ],
    registrationDate: Parsed("2013-05"), modificationDate: Parsed("2024-01-02"), serviceCode: Parsed("1145656131"),
    unauthorizedUse: "Known UNAUTHORIZED USE",
    notes: [RichText([.text("\n  "), .paragraph("Defined TXT keys:"), .text("\n  "),
                      .paragraph(RichText([.text("see "), .xref(Xref(type: .uri, data: "http://x.org/#dnssd")), .paragraph("nested")]))])])

@Suite struct HTMLWriterTests {
    @Test func writesIANAsStructure() {
        let registry = Registry(id: "service-names-port-numbers", title: "T", records: [richRecord], people: [])
        let (html, _) = render(registry, with: HTMLWriter.self)
        #expect(html.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"))
        #expect(html.contains("<h1>T</h1>"))
        #expect(html.contains("<table id=\"table-service-names-port-numbers\" class=\"sortable records\">"))
        #expect(html.contains("<th>Service Name</th><th class=\"sortNumeric\">Port Number</th><th>Transport Protocol</th>"))
        #expect(html.contains("<td align=\"center\">17756</td><td align=\"center\">dccp</td>"))
        #expect(html.contains("<td>[<a href=\"#ZigBee\">ZigBee</a>]</td><td>[<a href=\"#Leslie_Mulder\">Leslie_Mulder</a>]</td>"))
        #expect(html.contains("[<a href=\"https://www.iana.org/go/rfc6335\">RFC6335</a>]"))
        #expect(html.contains("[<a href=\"https://www.iana.org/go/draft-ietf-x-12\">RFC-ietf-x-12</a>]"))
        #expect(html.contains("[<a href=\"https://www.iana.org/go/draft-z-05#section-4.3\">draft-z-05, Section 4.3</a>]"))
        #expect(html.contains("[<a href=\"https://example.org/a?b=1&amp;c=2\">TR-352</a>][n/a][<a href=\"#note1\">1</a>]"))
        #expect(html.contains("ZigBee <br/><br/>\nIP &lt;&amp;&gt; ]]&gt;"), "markup in text is escaped")
        #expect(html.contains("<p>Defined TXT keys:</p>"))
        #expect(html.contains("<span class=\"paragraph\">nested</span>"), "a paragraph in a paragraph cannot be <p>")
        #expect(html.contains("<h1 class=\"people\">Contact Information</h1>"))
        #expect(!html.contains("<h1>Footnote"), "no footnotes, no section")
    }

    @Test func aRecordComesBackFieldForField() throws {
        let registry = Registry(id: "service-names-port-numbers", records: [richRecord])
        let (back, losses) = try roundTrip(registry)
        #expect(losses.isEmpty, "\(losses.messages(layout: "HTML"))")
        #expect(back.records == [richRecord])
        #expect(back.id == "service-names-port-numbers")
    }

    @Test func metadataPeopleAndFootnotesComeBack() throws {
        let registry = Registry(
            id: "r", title: "Title", category: "Category A", updated: Parsed("2026-08-17"),
            references: [Xref(type: .rfc, data: "rfc6335")], experts: ["A\nB", "C"],
            notes: [RegistryNote(text: RichText([.text("\nSee "), .xref(Xref(type: .rfc, data: "rfc6335")), .text(".\n")])),
                    RegistryNote(title: "Request an Assignment", text: RichText([.xref(Xref(type: .uri, data: "https://x.org"))]))],
            records: [Record(description: "Reserved")],
            footnotes: [Footnote(anchor: "1", text: "Only\n  for experiments.")],
            people: [Person(id: "A_B", name: "A B", organization: "O & Co", uris: ["mailto:a&b.org", "mailto:c&d.org"], updated: Parsed("2003-01")),
                     Person(id: "Zixi", organization: "Zixi")])
        let (back, losses) = try roundTrip(registry)
        #expect(losses.isEmpty, "\(losses.messages(layout: "HTML"))")
        #expect(back == Registry(
            id: registry.id, title: registry.title, category: registry.category, updated: registry.updated,
            references: registry.references, experts: registry.experts, notes: registry.notes, records: registry.records,
            footnotes: registry.footnotes, people: registry.people, sourceFiles: back.sourceFiles))
    }

    @Test func severalNotesStayApart() throws {
        let record = Record(description: "d", notes: ["one", "", "three"])
        let (html, _) = render(Registry(records: [record]), with: HTMLWriter.self)
        #expect(html.contains("<div class=\"note\">one</div><div class=\"note\"></div><div class=\"note\">three</div>"))
        #expect(try roundTrip(Registry(records: [record])).0.records == [record])
    }

    @Test func withoutARegistryIDTheTableHasNoneAndIsFoundByItsHeader() throws {
        let (html, _) = render(Registry(records: [Record(description: "Reserved")]), with: HTMLWriter.self)
        #expect(html.contains("<table class=\"sortable records\">"))
        let (back, _) = try roundTrip(Registry(records: [Record(description: "Reserved")]))
        #expect(back.id == nil)
        #expect(back.records.count == 1)
        #expect(back.people == nil, "no people table written for a registry without one")
    }

    @Test func reportsWhatThePageCannotCarry() {
        let unusual = Record(
            name: Parsed(""), transportProtocol: Parsed("tcp"), description: "d",
            assignees: [Xref(type: .person, data: "A")],
            xrefs: [Xref(type: .rfc, data: "rfc1"), Xref(type: .person, data: "A"),
                    Xref(type: .rfc, data: "rfc2", attributes: [XrefAttribute(name: "page", value: "3")]),
                    Xref(type: .other("iso"), data: "x")],
            notes: [RichText([.xref(Xref(type: .text, text: "inline"))])],
            elementOrder: [.description, .transportProtocol, .name, .assignee, .xref, .xref, .xref, .xref, .note])
        let (_, losses) = render(Registry(records: [unusual]), with: HTMLWriter.self)
        #expect(losses.counts == [.assigneeElement: 1, .elementOrder: 1, .emptyElements: 1, .xrefTargets: 3])
        let messages = losses.messages(layout: "HTML")
        #expect(messages.contains("HTML cannot carry 1 empty element (<name/>, <note/>, <uri/>, …); an empty cell reads back as no element"))
    }

    @Test func theOutputIsTheSameEveryTime() {
        let registry = Registry(id: "r", title: "T", records: [richRecord, Record(description: "Unassigned")], people: [Person(id: "A")])
        #expect(render(registry, with: HTMLWriter.self).0 == render(registry, with: HTMLWriter.self).0)
    }
}
