import RegistryModel

/// A service name that breaks RFC 6335 §5.1 and is not one of the names grandfathered from before it.
enum ServiceNameSyntax: ModelRule {
    static let description = RuleDescription(
        id: "service-name-syntax", name: "Service name syntax", severity: .error,
        summary: "A service name breaks RFC 6335 §5.1 and was not in the registry before RFC 6335 (the message says which clause).",
        rationale: """
            RFC 6335 §5.1: a service name is 1 to 15 characters, only US-ASCII letters, digits \
            and hyphens, at least one letter, no hyphen at the start or end and no two hyphens \
            in a row. Only the names that were in the registry when RFC 6335 was published \
            (August 2011) are grandfathered (see legacy-service-name); any other name that \
            breaks §5.1 is an error, whatever its registration date says: an undated record in \
            a curator's change is usually a new one.
            """,
        triggering: [
            .csv("↓edi_service,34567,udp,EDI Service,[Girish],[Girish],2016-10-26,,,,,"),
            .csv("↓my_service,7000,tcp,My Service Protocol,[Jane_Doe],[Jane_Doe],,,,,,"),
            .csv("↓my--service,40001,tcp,Two hyphens,[Ann],[Ann],2020-01-02,,,,,"),
            .csv("↓a-very-long-service-name,40002,tcp,Too long,[Ann],[Ann],2012-03,,,,,"),
        ],
        nonTriggering: [
            .csv("docker-s,2376,tcp,Docker REST API (ssl),[Docker],[Docker],2014-04-17,,,,,"),
            .csv("whois++,63,tcp,whois++,[Deutsch],[Deutsch],,,,,,"),
            .csv(",360,tcp,Reserved,,,,,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records {
            guard let name = record.name?.value, let violation = name.violation, !name.isGrandfathered
            else { continue }
            let when = if let date = record.registrationDate?.value, date.isAfterRFC6335 {
                "registered \(date.text), after RFC 6335"
            } else {
                "not among the names registered before RFC 6335"
            }
            findings.report("service name '\(name.text)' \(violation.rawValue) (RFC 6335 §5.1); \(when)", on: record, field: .name)
        }
    }
}

extension ServiceName {
    /// In the registry when RFC 6335 was published: a name that may break §5.1.
    var isGrandfathered: Bool { grandfatheredServiceNames.contains(text) }
}
