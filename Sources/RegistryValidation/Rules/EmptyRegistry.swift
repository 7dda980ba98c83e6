import RegistryModel

/// A registry without a single record: an empty file's worth, a CSV with only its header.
enum EmptyRegistry: ModelRule {
    static let description = RuleDescription(
        id: "empty-registry", name: "Empty registry", severity: .error,
        summary: "A registry with no records.",
        rationale: """
            The registry always holds records (the Reserved port 0 at least). One that reads \
            as empty is a truncated download, a CSV with only its header or the wrong file, \
            and checking it would otherwise pass in silence.
            """,
        triggering: [
            .xml(""),
        ],
        nonTriggering: [
            .csv(",0,tcp,Reserved,,,,,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        guard input.registry.records.isEmpty else { return }
        findings.report("the registry holds no records", at: nil, about: Subject())
    }
}
