/// Every validation rule, by kind. Adding a rule is one file in Rules/ and one line in its
/// kind's list; the command line, the generated docs/rules.md, SARIF's rule list and the
/// example tests all read these lists.
public enum Rules {
    /// The rules over an input's bytes as written.
    public static let source: [any SourceRule.Type] = [
        XMLSchema.self,
    ]

    /// The rules over the registry as read.
    public static let model: [any ModelRule.Type] = [
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
        AssignmentConflict.self,
        ServiceNameReuse.self,
        TCPUDPCounterpart.self,
        PersonReference.self,
        RegistrationTemplate.self,
        RecordOrder.self,
        CoverageGap.self,
        SuspiciousText.self,
        EmptyRegistry.self,
        EmptyRecord.self,
    ]

    /// Both kinds, the source rules first: the order of the rule list and documentation.
    /// Each element converted in a closure, where the compiler knows the conformance: an
    /// array cast would ask the runtime, which scans every conformance in the binary per rule.
    public static let all: [any Rule.Type] = source.map { $0 } + model.map { $0 }

    public static var descriptions: [RuleDescription] { all.map { $0.description } }

    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }

    public static var ids: [String] { all.map { $0.description.id } }
}
