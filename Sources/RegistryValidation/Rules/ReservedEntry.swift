import RegistryModel

/// A Reserved entry that carries a service, or is held by someone other than IANA or the IETF.
enum ReservedEntry: ModelRule {
    static let description = RuleDescription(
        id: "reserved-entry", name: "Reserved entry", severity: .error,
        summary: "A Reserved entry with a service name, a service code, or an assignee or contact other than IANA or the IETF.",
        rationale: """
            RFC 6335 §6 holds the numbers at the edges of the ranges as Reserved, and since RFC \
            6335 the other protocol of a single-protocol assignment is marked Reserved too. \
            Reserved numbers are held by IANA for the IETF and carry no service: no name, no \
            service code, no other holder.
            """,
        triggering: [
            .csv("↓example,40001,udp,Reserved,,,,,,,,"),
            .csv(",40001,udp,Reserved,[Ann],↓[Ann],,,,,,"),
        ],
        nonTriggering: [
            .csv(",1023,tcp,Reserved,[IANA],[IANA],,,,,,"),
            .csv(",44444,udp,Reserved,,,,,,,,"),
        ])

    static let holders: Set<String> = ["IANA", "IETF"]

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records where record.state == .reserved {
            if let name = record.serviceNameText {
                findings.report("a Reserved entry carries the service name '\(name)'", on: record, field: .name)
            }
            if let code = record.serviceCode, !code.text.isEmpty {
                findings.report("a Reserved entry carries the service code \(code.text)", on: record, field: .serviceCode)
            }
            for person in record.effectiveAssignees + (record.assignees == nil ? [] : record.contacts)
            where !holders.contains(person.label) {
                findings.report(
                    "a Reserved entry is held by [\(person.label)]; only IANA or the IETF hold Reserved numbers",
                    at: person.location ?? record.locations.best(.assignee), about: Subject(record))
            }
        }
    }
}
