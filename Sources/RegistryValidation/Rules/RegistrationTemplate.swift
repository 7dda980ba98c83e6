import RegistryModel

/// A registration missing a field RFC 6335 §8.1.1 requires (strict only).
enum RegistrationTemplate: ModelRule {
    static let description = RuleDescription(
        id: "registration-template", name: "Registration template", severity: .warning,
        summary: "An assignment registered under RFC 6335 lacks a field §8.1.1 requires.",
        rationale: """
            RFC 6335 §8.1.1: a registration request names the service name, transport \
            protocol(s), assignee, contact, description and reference (the port is optional; a \
            DCCP registration also gives a service code). Older entries predate the template, \
            so the rule runs only with --strict, for checking new registrations.
            """,
        strictOnly: true,
        triggering: [
            .csv("↓example,40001,tcp,Example,[Ann],[Ann],2020-01-02,,,,,"),
            .csv("↓example,40001,dccp,Example,[Ann],[Ann],2020-01-02,,[RFC9999],,,"),
        ],
        nonTriggering: [
            .csv("example,40001,tcp,Example,[Ann],[Ann],2020-01-02,,[RFC9999],,,"),
            .csv("echo,7,tcp,Echo,[Postel],[Postel],,,[RFC862],,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records where record.state == .assigned && isUnderTemplate(record) {
            var missing: [String] = []
            if record.serviceNameText == nil { missing.append("service name") }
            if record.transport == nil { missing.append("transport protocol") }
            if record.effectiveAssignees.isEmpty { missing.append("assignee") }
            if record.contacts.isEmpty { missing.append("contact") }
            if record.description?.plainText.isEmpty ?? true { missing.append("description") }
            if record.references.isEmpty { missing.append("reference") }
            if record.transport == .dccp, record.serviceCode == nil { missing.append("service code") }
            guard !missing.isEmpty else { continue }
            findings.report(
                "the registration lacks: \(missing.joined(separator: ", ")) (RFC 6335 §8.1.1)",
                on: record, field: .name)
        }
    }

    /// Registered since RFC 6335: older entries predate the template.
    private static func isUnderTemplate(_ record: Record) -> Bool {
        record.registrationDate?.value?.isAfterRFC6335 ?? false
    }
}
