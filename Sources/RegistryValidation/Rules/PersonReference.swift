import RegistryModel

/// A person xref that names no one in the people table.
enum PersonReference: ModelRule {
    static let description = RuleDescription(
        id: "person-reference", name: "Person reference", severity: .error,
        summary: "An assignee or contact id is missing from the people table (when the input has one).",
        rationale: """
            RFC 6335 §8.1.1 requires an assignee and a contact for each registration; the \
            registry names them by id and lists them in its people table. An id with no entry \
            leaves the registration without a reachable contact. CSV has no people table, so \
            there is nothing to check against.
            """,
        triggering: [
            .xml("""
                <record date="2020-01-02">
                  <name>example</name><protocol>tcp</protocol><number>40001</number>
                  <description>Example</description>
                  ↓<xref type="person" data="Nobody"/>
                </record>
                <people>
                  <person id="Ann"><name>Ann Example</name></person>
                </people>
                """),
        ],
        nonTriggering: [
            .xml("""
                <record date="2020-01-02">
                  <name>example</name><protocol>tcp</protocol><number>40001</number>
                  <description>Example</description>
                  <xref type="person" data="Ann"/>
                </record>
                <people>
                  <person id="Ann"><name>Ann Example</name></person>
                </people>
                """),
            .csv("example,40001,tcp,Example,[Nobody],[Nobody],2020-01-02,,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        guard let people = input.registry.people else { return }
        let ids = Set(people.map { $0.id })
        for record in input.registry.records {
            check(record.assignees ?? [], of: record, ids, &findings)
            check(record.xrefs, of: record, ids, &findings)
            // Xrefs inside text are rare: look only where there is markup.
            for text in [record.description, record.unauthorizedUse] where text?.hasMarkup == true {
                check(text?.xrefs ?? [], of: record, ids, &findings)
            }
            for note in record.notes where note.hasMarkup { check(note.xrefs, of: record, ids, &findings) }
        }
    }

    private static func check(
        _ xrefs: [Xref], of record: Record, _ ids: Set<String>, _ findings: inout Findings
    ) {
        for xref in xrefs where xref.type == .person && !ids.contains(xref.data ?? "") {
            findings.report(
                "[\(xref.label)] is not in the people table",
                at: xref.location ?? record.locations.best(.contact), about: Subject(record))
        }
    }
}

extension RichText {
    /// True when the text holds more than character data (line breaks, xrefs, paragraphs).
    var hasMarkup: Bool {
        content.contains { if case .text = $0 { false } else { true } }
    }
}
