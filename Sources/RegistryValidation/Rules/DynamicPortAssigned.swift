import RegistryModel

/// An assignment in the Dynamic and/or Private range, which IANA never assigns.
enum DynamicPortAssigned: ModelRule {
    static let description = RuleDescription(
        id: "dynamic-port-assigned", name: "Dynamic port assigned", severity: .error,
        summary: "An entry other than Reserved or Unassigned lies in 49152-65535.",
        rationale: """
            RFC 6335 §6: the Dynamic and/or Private Ports, 49152-65535, are never assigned by \
            IANA; they are left for local and temporary use.
            """,
        triggering: [
            .csv("example,↓50000,tcp,A private service,[Ann],[Ann],2020-01-02,,,,,"),
            .csv("example,↓49000-49200,udp,Straddles the boundary,[Ann],[Ann],2020-01-02,,,,,"),
        ],
        nonTriggering: [
            .csv(",49152-65535,,Unassigned,,,,,,,,"),
            .csv("example,49151,tcp,The last User Port,[Ann],[Ann],2020-01-02,,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records {
            guard let range = record.portRange, range.upper >= 49152, record.state == .assigned else { continue }
            findings.report(
                "\(record.summary) is assigned in the Dynamic and/or Private range 49152-65535, which IANA never assigns (RFC 6335 §6)",
                on: record, field: .number)
        }
    }
}
