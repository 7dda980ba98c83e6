import RegistryModel

/// A record that names nothing: no service name, no port number, no transport protocol.
enum EmptyRecord: ModelRule {
    static let description = RuleDescription(
        id: "empty-record", name: "Empty record", severity: .error,
        summary: "A record with no service name, port number or transport protocol.",
        rationale: """
            A record is identified by its service name, port number and transport protocol \
            (RFC 6335 §8.1.1); one with none of them identifies nothing, and no other rule \
            has anything to check in it. It is usually a blank or stray row.
            """,
        triggering: [
            .csv("↓,,,Unassigned,,,,,,,,"),
            .xml("↓<record><description>Stray text</description></record>"),
        ],
        nonTriggering: [
            .csv(",40001,,Unassigned,,,,,,,,"),
            .csv("example,,,Example service,[Ann],[Ann],2024-01-01,,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records
        where record.serviceNameText == nil && record.number == nil && record.transportProtocol == nil {
            findings.report(
                "a record with no service name, port number or transport protocol: nothing identifies it",
                on: record, field: .record)
        }
    }
}
