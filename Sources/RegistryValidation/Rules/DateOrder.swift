import RegistryModel

/// A record modified before it was registered.
enum DateOrder: ModelRule {
    static let description = RuleDescription(
        id: "date-order", name: "Date order", severity: .warning,
        summary: "The modification date is before the registration date.",
        rationale: """
            A record cannot change before it exists: one of the two dates is wrong. Dates with \
            only a month are compared by month, so 2011-05 and 2011-05-16 are not out of order.
            """,
        triggering: [
            .csv("hpbladems,5316,tcp,HPBladeSystem Monitor Service,[Ann],[Ann],2011-05-23,↓2011-05-16,,,,"),
        ],
        nonTriggering: [
            .csv("example,40001,tcp,Same month,[Ann],[Ann],2011-05-16,2011-05,,,,"),
            .csv("example,40001,tcp,Later,[Ann],[Ann],2011-05-16,2012-01-01,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records {
            guard let registered = record.registrationDate?.value, let modified = record.modificationDate?.value,
                  isBefore(modified, registered) else { continue }
            findings.report(
                "modified \(modified.text), before it was registered (\(registered.text))",
                on: record, field: .modificationDate)
        }
    }

    /// Strictly earlier at the precision both dates have.
    private static func isBefore(_ a: RegistryDate, _ b: RegistryDate) -> Bool {
        if let dayA = a.day, let dayB = b.day { return (a.year, a.month, dayA) < (b.year, b.month, dayB) }
        return (a.year, a.month) < (b.year, b.month)
    }
}
