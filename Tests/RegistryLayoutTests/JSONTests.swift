import Testing
import RegistryModel
import RegistryReaders
import RegistryWriters
import TestSupport

/// The JSON layout: the shape the writer gives, the model read back whole, JSON Lines, and
/// errors that say where.
@Suite struct JSONTests {
    /// A record with every kind of value: markup, empty elements, an unusual order, a range,
    /// an invalid port, xref attributes, text that needs escaping.
    static let record = Record(
        name: Parsed(""), number: Parsed("4200-4299"), transportProtocol: Parsed("tcp"),
        description: RichText([.text("a \"b\"\\c\u{1}"), .lineBreak, .xref(Xref(type: .rfc, data: "rfc6335", attributes: [XrefAttribute(name: "section", value: "5"), XrefAttribute(name: "page", value: "2")])),
                               .paragraph(RichText([.text("p")]))]),
        assignees: [], xrefs: [Xref(type: .person, data: "Jon"), Xref(type: .other("odd"), text: "")],
        registrationDate: Parsed("2020-01"), serviceCode: Parsed("07"), notes: ["", "ünïcode\ttab"],
        elementOrder: [.number, .name, .transportProtocol, .assignee, .xref, .description, .xref, .serviceCode, .note, .note])

    @Test func writesOneRecordPerLineInIANAsTerms() {
        let plain = Record(name: Parsed("echo"), number: Parsed("7"), transportProtocol: Parsed("tcp"), description: "Echo",
                           xrefs: [Xref(type: .person, data: "Jon_Postel")], serviceCode: Parsed("12"))
        let (json, losses) = render(Registry(records: [plain, Self.record]), with: JSONWriter.self)
        #expect(losses.isEmpty)
        let lines = json.split(separator: "\n")
        #expect(lines[2] == #"    {"name": "echo", "protocol": "tcp", "number": 7, "description": "Echo", "xrefs": [{"type": "person", "data": "Jon_Postel"}], "sc": 12},"#)
        #expect(lines[3] == #"    {"name": "", "protocol": "tcp", "number": "4200-4299", "description": ["a \"b\"\\c\u0001", {"br": true}, {"type": "rfc", "data": "rfc6335", "attributes": [{"name": "section", "value": "5"}, {"name": "page", "value": "2"}]}, {"paragraph": "p"}], "assignee": [], "xrefs": [{"type": "person", "data": "Jon"}, {"type": "odd", "text": ""}], "sc": "07", "notes": ["", "ünïcode\ttab"], "date": "2020-01", "order": ["number", "name", "protocol", "assignee", "xref", "description", "xref", "sc", "note", "note"]}"#)
        #expect(json.hasSuffix("  \"references\": [],\n  \"experts\": [],\n  \"notes\": [],\n  \"footnotes\": []\n}\n"), "no people key: the input had no people table")
    }

    @Test func theModelComesBackWhole() throws {
        let registry = Registry(
            id: "service-names-port-numbers", title: "T", category: "C", updated: Parsed("2026-08-17"),
            references: [Xref(type: .rfc, data: "rfc6335")], experts: ["E", RichText([.text("x"), .lineBreak])],
            notes: [RegistryNote(title: "Request", text: "n"), RegistryNote(text: "")],
            records: [Self.record, Record(number: Parsed("080"))],
            footnotes: [Footnote(anchor: "1", text: RichText([.paragraph("f")]))],
            people: [Person(id: "Jon", name: "", organization: "O", uris: ["mailto:a&b", ""], updated: Parsed("2001-02-03")), Person(id: "Bare")])
        let (json, _) = render(registry, with: JSONWriter.self)
        let (back, _) = try read(json, with: JSONReader.self)
        #expect(back.withoutLocations() == registry.withoutLocations())
        #expect(back.records[1].locations[.record] == SourceLocation(line: 4, column: 5))
        #expect(render(back, with: JSONWriter.self).0 == json, "the second pass is byte-identical")

        var noPeople = registry
        noPeople.people = []
        #expect(try read(render(noPeople, with: JSONWriter.self).0, with: JSONReader.self).0.people == [], "an empty people table stays one")
    }

    @Test func theSampleRoundTripsThroughTheModel() throws {
        let (registry, _) = try read(String(decoding: try Paths.bytes("Samples/registry.xml"), as: UTF8.self), with: XMLReader.self)
        let (json, _) = render(registry, with: JSONWriter.self)
        var (back, _) = try read(json, with: JSONReader.self)
        // The XML prolog (the processing instructions around the root) is how an XML file is
        // dressed, not registry data: JSON gets today's, as every other layout does.
        #expect(back.prolog == nil && registry.prolog != nil)
        back.prolog = registry.prolog
        #expect(back.withoutLocations() == registry.withoutLocations())
        #expect(render(back, with: XMLWriter.self).0 == render(registry, with: XMLWriter.self).0)
    }

    @Test func jsonLinesCarryTheRecordsOneToALine() throws {
        let registry = Registry(title: "T", records: [Self.record, Record(name: Parsed("b"))], people: [Person(id: "Jon")])
        let (lines, losses) = render(registry, with: JSONLinesWriter.self)
        #expect(Set(losses.counts.keys) == [.metadata, .people])
        #expect(lines.split(separator: "\n").count == 2 && lines.hasPrefix(#"{"name": "", "#) && lines.hasSuffix("{\"name\": \"b\"}\n"))
        let (back, _) = try read("\n" + lines + "\n  \n", with: JSONLinesReader.self)
        #expect(back.records == registry.records)
        #expect(back.records.map { $0.locations[.record]?.line } == [2, 3])
    }

    @Test func detectsEitherForm() {
        let document = Array(render(Registry(records: [Self.record]), with: JSONWriter.self).0.utf8)
        let lines = Array(render(Registry(records: [Self.record]), with: JSONLinesWriter.self).0.utf8)
        #expect(Readers.detect(document) == JSONReader.self)
        #expect(Readers.detect(lines) == JSONLinesReader.self)
        #expect(Readers.detect(Array(#"{"records": [], "title": "one line"}"#.utf8) + [0x0A]) == JSONReader.self, "a document on one line (jq -c)")
        #expect(Readers.reader(named: "NDJSON") == JSONLinesReader.self)
    }

    @Test(arguments: [
        ("{\n  \"records\": [\n    {\"name\": \"a\"},\n    {\"name\": \"b\" \"protocol\": \"tcp\"}\n  ]\n}\n", "bad:4:18: error: not valid JSON: expected ',' or '}'"),
        ("{\"records\": [\n{\"name\": \"a\"},\n  {\"number\": 70000}]}", "bad:3:14: error: records[1].number: 70000 is out of range; write text that is not a valid value as a string"),
        ("{\"records\": [\n{\"name\": \"a\"},\n  {\"name\": \"b\", \"protocl\": \"tcp\"}]}", "bad:3:28: error: records[1].protocl: a record has no key 'protocl'"),
        ("{\"records\": [{\"xrefs\": [{\"data\": \"x\"}]}]}", "bad:1:25: error: records[0].xrefs[0]: missing key 'type'"),
        ("{\"records\": [{\"name\": 3}]}", "bad:1:23: error: records[0].name: Expected to decode String but found number instead."),
        ("{\"records\": [{\"name\": \"a\", \"order\": [\"number\"]}]}", "bad:1:37: error: records[0].order: the order must name each of the record's elements once (each xref and note as often as there are)"),
        ("{\"records\": [{\"description\": [{\"br\": false}]}]}", "bad:1:38: error: records[0].description[0].br: a line break is {\"br\": true}"),
        ("{\"records\": [{\"name\": \"a\u{1}\"}]}", "bad:1:25: error: not valid JSON: expected a control character escaped (\\n, \\t, \\u00XX)"),
        ("\n[1]", "bad:2:1: error: the top level: Expected to decode Dictionary<String, Any> but found an array instead."),
    ])
    func errorsSayWhere(_ text: String, _ message: String) {
        #expect(readError(Array(text.utf8), with: JSONReader.self)?.description == message)
    }

    @Test func jsonLinesErrorsNameTheirLine() {
        let error = readError(Array("{\"name\": \"a\"}\n\n{\"name\": \"b\" \"c\"}\n".utf8), with: JSONLinesReader.self)
        #expect(error?.description == "bad:3:14: error: not valid JSON: expected ',' or '}'")
        #expect(readError(Array("{\"name\": \"a\"}\n[1]\n".utf8), with: JSONLinesReader.self)?.description.hasPrefix("bad:2:1: error: ") == true)
    }
}
