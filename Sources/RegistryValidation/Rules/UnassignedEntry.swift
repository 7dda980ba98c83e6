import RegistryModel

/// An Unassigned entry that carries something only an assignment has.
enum UnassignedEntry: ModelRule {
    static let description = RuleDescription(
        id: "unassigned-entry", name: "Unassigned entry", severity: .error,
        summary: "An Unassigned entry with a service name, assignee, contact or service code.",
        rationale: """
            The registry's three states (RFC 6335: Assigned, Reserved, Unassigned): an \
            Unassigned number is free for assignment, so it has no service, no name, assignee, \
            contact or service code. One that has them is either assigned, or was de-assigned \
            without being cleared.
            """,
        triggering: [
            .csv(",4501,,Unassigned,[IANA],↓[IANA],,,,,,De-registered 08 June 2001"),
            .csv("↓example,40001,tcp,Unassigned,,,,,,,,"),
        ],
        nonTriggering: [
            .csv(",34568-34961,,Unassigned,,,,,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records where record.state == .unassigned {
            var carried: [String] = []
            var field = RecordField.record
            if record.serviceNameText != nil { carried.append("a service name"); field = .name }
            let people = record.effectiveAssignees
            if !people.isEmpty {
                carried.append("an assignee or contact (\(people.map { "[\($0.label)]" }.joined()))")
                if field == .record { field = record.assignees == nil ? .contact : .assignee }
            }
            if let code = record.serviceCode, !code.text.isEmpty {
                carried.append("a service code")
                if field == .record { field = .serviceCode }
            }
            guard !carried.isEmpty else { continue }
            let location = field == .contact || field == .assignee
                ? people.first?.location ?? record.locations.best(field) : record.locations.best(field)
            findings.report(
                "an Unassigned entry carries \(carried.joined(separator: ", "))",
                at: location, about: Subject(record))
        }
    }
}
