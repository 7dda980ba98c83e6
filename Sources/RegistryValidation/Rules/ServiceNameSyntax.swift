import RegistryModel

/// A name registered under RFC 6335 that breaks its §5.1 syntax.
enum ServiceNameSyntax: ModelRule {
    static let description = RuleDescription(
        id: "service-name-syntax", name: "Service name syntax", severity: .error,
        summary: "A service name registered under RFC 6335 breaks its syntax (the message says which clause).",
        rationale: """
            RFC 6335 §5.1: a service name is 1 to 15 characters, only US-ASCII letters, digits \
            and hyphens, at least one letter, no hyphen at the start or end and no two hyphens \
            in a row. Names registered before RFC 6335 (no registration date, or one before \
            2011-08) are grandfathered: see legacy-service-name.
            """,
        triggering: [
            .csv("↓edi_service,34567,udp,EDI Service,[Girish],[Girish],2016-10-26,,,,,"),
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
            guard let name = record.name?.value, let violation = name.violation, !record.isLegacyRegistration
            else { continue }
            let date = record.registrationDate?.text ?? ""
            findings.report(
                "service name '\(name.text)' \(violation.rawValue) (RFC 6335 §5.1); registered \(date), after RFC 6335",
                on: record, field: .name)
        }
    }
}

extension Record {
    /// Registered before RFC 6335 (or with no usable registration date): its name may be legacy.
    var isLegacyRegistration: Bool {
        guard let date = self.registrationDate?.value else { return true }
        return !date.isAfterRFC6335
    }
}
