import Testing
import RegistryModel
import RegistryReaders
import RegistryWriters

/// Nothing is dropped in silence: for each kind of loss, a small registry that has that one
/// thing, written by every writer. A writer that cannot carry it reports exactly that kind; a
/// writer that can reports nothing; and whether anything was reported is checked against what
/// the layout's own reader gives back (reported ⇔ not read back equal), so a silent drop fails.
@Suite struct LossReportTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var kind: LossKind
        /// The registry's children before and after its one record, and inside the record.
        var head = "", record: String, tail = ""
        var registryAttributes = ""
        /// The record's dates, which a text page finds its row by when nothing else is there.
        var recordAttributes = " date=\"2020-01-01\" updated=\"2021-02-03\""
        /// The kinds each writer must report (absent: none).
        var reported: [String: Set<LossKind>]

        var testDescription: String { "\(kind)" }

        var xml: String {
            """
            <registry xmlns="http://www.iana.org/assignments"\(registryAttributes)>\(head)
            <record\(recordAttributes)>\(record)</record>\(tail)
            </registry>
            """
        }
    }

    static let plain = "<name>echo</name><protocol>tcp</protocol><xref type=\"person\" data=\"Jon_Postel\"/><description>Echo</description><number>7</number>"

    static let cases: [Case] = [
        Case(kind: .metadata, head: "<title>T</title><updated>2026-08-17</updated><expert>E</expert>", record: plain,
             reported: ["csv": [.metadata], "jsonl": [.metadata]]),
        Case(kind: .registryIdentity, head: "<category>C</category>", record: plain, registryAttributes: " id=\"service-names-port-numbers\"",
             reported: ["csv": [.metadata], "txt": [.registryIdentity], "jsonl": [.metadata]]),
        Case(kind: .people, record: plain, tail: "<people><person id=\"Jon_Postel\"><name>Jon Postel</name></person></people>",
             reported: ["csv": [.people], "jsonl": [.people]]),
        Case(kind: .footnotes, record: plain.replacingOccurrences(of: "<description>", with: "<xref type=\"note\" data=\"1\"/><description>"), tail: "<footnote anchor=\"1\">See RFC 3692.</footnote>",
             reported: ["csv": [.footnotes], "jsonl": [.footnotes]]),
        Case(kind: .xrefTargets, record: plain.replacingOccurrences(of: "<description>", with: "<xref type=\"uri\" data=\"https://example.com/spec\">Spec</xref><description>"),
             reported: ["csv": [.xrefTargets], "txt": [.xrefTargets]]),
        Case(kind: .textMarkup, record: plain + "<note><paragraph>First</paragraph><paragraph>Second</paragraph></note>",
             reported: ["csv": [.textMarkup], "txt": [.reflowedText]]),
        Case(kind: .assigneeElement, record: plain.replacingOccurrences(of: "<xref", with: "<assignee><xref type=\"person\" data=\"Jon_Postel\"/></assignee><xref"),
             reported: ["csv": [.assigneeElement], "html": [.assigneeElement], "txt": [.assigneeElement]]),
        Case(kind: .elementOrder, record: "<number>7</number>" + plain.replacingOccurrences(of: "<number>7</number>", with: ""),
             reported: ["csv": [.elementOrder], "html": [.elementOrder], "txt": [.elementOrder]]),
        Case(kind: .reflowedText, record: plain.replacingOccurrences(of: "Echo", with: "Echo  with  runs  of  blanks"),
             reported: ["txt": [.reflowedText]]),
        Case(kind: .personDetails, record: plain, tail: "<people><person id=\"Jon_Postel\"><name>Jon\n   Postel</name></person></people>",
             reported: ["csv": [.people], "txt": [.personDetails], "jsonl": [.people]]),
        Case(kind: .unkeptMarkup, head: "<!-- curated by hand -->", record: plain,
             reported: [
                "xml": [.unkeptMarkup], "csv": [.unkeptMarkup], "html": [.unkeptMarkup], "txt": [.unkeptMarkup],
                "json": [.unkeptMarkup], "jsonl": [.unkeptMarkup],
             ]),
        Case(kind: .emptyElements, record: plain + "<unauthorized/>",
             reported: ["csv": [.emptyElements], "html": [.emptyElements], "txt": [.emptyElements]]),
        Case(kind: .unanchoredRecords, head: "<record>\(plain)</record>", record: "<description>Only a description</description>",
             recordAttributes: "", reported: ["txt": [.unanchoredRecords]]),
        Case(kind: .cutWords, record: plain.replacingOccurrences(of: "echo", with: String(repeating: "e", count: 600)),
             reported: ["txt": [.cutWords]]),
    ] + servicesCases

    /// What only a services(5) file cannot carry: records without a line, ranges cut into
    /// ports, descriptions on one line. Its plain record keeps name, port, protocol and
    /// description, but not the contact and dates every case's record has.
    static let servicesCases: [Case] = [
        Case(kind: .recordsWithoutService, record: "<protocol>tcp</protocol><description>Unassigned</description><number>7</number>", reported: [:]),
        Case(kind: .nameOnlyRecords, record: "<name>echo</name><description>Echo</description>", reported: [:]),
        Case(kind: .protocolLessRecords, record: "<name>echo</name><description>Echo</description><number>7</number>", reported: [:]),
        Case(kind: .unwritableRecords, record: "<name>echo#1</name><protocol>tcp</protocol><description>Echo</description><number>7</number>", reported: [:]),
        Case(kind: .expandedRanges, record: plain.replacingOccurrences(of: ">7<", with: ">7-8<"), reported: [:]),
        Case(kind: .recordDetails, record: plain, reported: [:]),
        Case(kind: .foldedDescriptions, record: plain.replacingOccurrences(of: "Echo", with: "Echo\n  Reply"), reported: ["txt": [.reflowedText]]),
        Case(kind: .metadataBeyondHeader, head: "<category>C</category>", record: plain,
             reported: ["csv": [.metadata], "txt": [.registryIdentity], "jsonl": [.metadata]]),
        Case(kind: .peopleTable, record: plain, tail: "<people><person id=\"Jon_Postel\"><name>Jon Postel</name></person></people>",
             reported: ["csv": [.people], "jsonl": [.people]]),
        Case(kind: .footnotesDropped, record: plain.replacingOccurrences(of: "<description>", with: "<xref type=\"note\" data=\"1\"/><description>"), tail: "<footnote anchor=\"1\">See RFC 3692.</footnote>",
             reported: ["csv": [.footnotes], "jsonl": [.footnotes]]),
    ]

    /// What the services writer reports for each case: the record of every case but those it
    /// leaves out has a contact and dates (`recordDetails`).
    static func servicesReported(_ testCase: Case) -> Set<LossKind> {
        let leftOut: Set<LossKind> = [.recordsWithoutService, .nameOnlyRecords, .protocolLessRecords, .unwritableRecords]
        if leftOut.contains(testCase.kind) { return [testCase.kind] }
        let alsoReported: [LossKind: LossKind] = [
            .metadata: .metadataBeyondHeader, .registryIdentity: .metadataBeyondHeader, .people: .peopleTable,
            .personDetails: .peopleTable, .footnotes: .footnotesDropped, .reflowedText: .foldedDescriptions,
            .expandedRanges: .expandedRanges, .foldedDescriptions: .foldedDescriptions,
            .metadataBeyondHeader: .metadataBeyondHeader, .peopleTable: .peopleTable, .footnotesDropped: .footnotesDropped,
            .unanchoredRecords: .recordsWithoutService, .unkeptMarkup: .unkeptMarkup,
        ]
        return Set([.recordDetails] + [alsoReported[testCase.kind]].compactMap { $0 })
    }

    @Test func everyKindHasACase() {
        #expect(Set(Self.cases.map(\.kind)) == Set(LossKind.allCases))
    }

    @Test(arguments: cases)
    func eachWriterReportsExactlyWhatItCannotCarry(_ testCase: Case) throws {
        let (original, _) = try read(testCase.xml, with: XMLReader.self)
        for writer in Writers.all {
            let (bytes, losses) = writer.render(original)
            let reported = Set(losses.counts.keys)
            let expected = writer.name == "services" ? Self.servicesReported(testCase) : testCase.reported[writer.name] ?? []
            #expect(reported == expected, "\(writer.name) reported \(reported)")
            let reader = try #require(Readers.reader(named: writer.name))
            var diagnostics: [Diagnostic] = []
            let back = try reader.read(InputFile(displayName: "out", bytes: bytes), diagnostics: &diagnostics)
            let equal = comparable(back) == comparable(original)
            #expect(equal == reported.isEmpty,
                    "\(writer.name): \(equal ? "read back equal, yet reported \(reported)" : "read back different, yet nothing reported (a silent drop)")\n\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test func messagesAreCountedPerKind() {
        var losses = LossReport()
        losses.note(.people, count: 3)
        losses.note(.xrefTargets)
        losses.note(.xrefTargets)
        #expect(losses.messages(layout: "CSV") == [
            "CSV cannot carry the people table (3 people); dropped, only [ids] remain",
            "CSV cannot carry the type or target of 2 xrefs (URLs, attributes); only the [label] remains",
        ])
    }

    /// What reading back can be asked to restore: not where things were read.
    private func comparable(_ registry: Registry) -> Registry {
        var registry = registry
        registry.sourceFiles = []
        if registry.people == [] { registry.people = nil }
        // How the file was dressed, not what it says: XML's prolog, the CSV rule read in.
        (registry.prolog, registry.csvStyle) = (nil, nil)
        // A page needs a title: the text page shows IANA's when the registry has none.
        if registry.title == "Service Name and Transport Protocol Port Number Registry" { registry.title = nil }
        return registry
    }
}
