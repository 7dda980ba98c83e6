import RegistryModel
import RegistryReaders

/// Registry XML that does not match the project's RELAX NG schema.
enum XMLSchema: SourceRule {
    static let description = RuleDescription(
        id: "xml-schema", name: "XML schema", severity: .error,
        summary: "XML input breaks the registry's RELAX NG schema (Schemas/service-names-port-numbers.rng).",
        rationale: """
            IANA's XML is the master copy; its structure (which elements and attributes may \
            appear where, a description in every record, the xref types) is fixed by the \
            registry's schema. The project's own schema checks that structure and leaves field \
            values to the other rules, so every layout gets the same value findings. A second \
            name, protocol, number or other single field in a record is the reader's error, \
            not this rule's: it would be lost. XML only.
            """,
        triggering: [
            .xml("""
                ↓<record date="2020-01-02">
                  <name>example</name><protocol>tcp</protocol><number>40001</number>
                </record>
                """),
            .xml("""
                <record date="2020-01-02">
                  <name>example</name><protocol>tcp</protocol><number>40001</number>
                  <description>Example</description>
                  ↓<xref type="website" data="https://example.com/"/>
                </record>
                """),
            .xml("""
                ↓<record date="2020-01-02">
                  <name>example</name><protocol>tcp</protocol><number>40001</number>
                  <assignee><xref type="person" data="A_Person"/></assignee>
                </record>
                <record date="2020-01-02">
                  <name>example</name><protocol>udp</protocol><number>40001</number>
                  <description>Example</description>
                  ↓<assignee></assignee>
                </record>
                """),
        ],
        nonTriggering: [
            .xml("""
                <record date="2020-01-02">
                  <number>40001</number><description>Any <br/>order, <br/><br/>line breaks</description>
                  <name>example</name><protocol>tcp</protocol>
                  <xref type="rfc" data="rfc6335" section="8.1.1"/>
                </record>
                """),
        ])

    static var layout: any RegistryReader.Type { XMLReader.self }

    static func prepare() {
        Validator.prepareSchema()
    }

    static func check(_ source: SourceInput, into findings: inout Findings) {
        for violation in SchemaCheck.violations(in: source.input.bytes) {
            findings.report(
                violation.message,
                at: SourceLocation(file: source.input.index, line: UInt32(violation.line), column: UInt32(violation.column)),
                about: Subject())
        }
    }
}
