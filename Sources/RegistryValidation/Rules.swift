/// Every validation rule. Adding a rule is one file in Rules/ and one line here; the command
/// line, the generated docs/rules.md, SARIF's rule list and the example tests all read this list.
public enum Rules {
    public static let all: [any Rule.Type] = [
        XMLSchema.self,
        ServiceNameSyntax.self,
        LegacyServiceName.self,
        PortNumberSyntax.self,
        PortRangeBounds.self,
        DynamicPortAssigned.self,
        TransportProtocolRule.self,
        ServiceCodeRule.self,
        DateFormat.self,
        DateOrder.self,
        ReservedEntry.self,
        UnassignedEntry.self,
        DuplicateRecord.self,
        PortStateConflict.self,
        ServiceNameReuse.self,
        TCPUDPCounterpart.self,
        PersonReference.self,
        RegistrationTemplate.self,
        RecordOrder.self,
        CoverageGap.self,
        SuspiciousText.self,
    ]

    public static var descriptions: [RuleDescription] { all.map { $0.description } }

    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }

    public static var ids: [String] { all.map { $0.description.id } }
}
