import RegistryModel

extension RecordElement {
    /// The element's name in IANA's XML, which the JSON layout also uses for a record's keys and
    /// its `order` list.
    public var elementName: String {
        switch self {
        case .name: "name"
        case .transportProtocol: "protocol"
        case .assignee: "assignee"
        case .xref: "xref"
        case .description: "description"
        case .number: "number"
        case .serviceCode: "sc"
        case .unauthorized: "unauthorized"
        case .note: "note"
        }
    }

    public init?(elementName: String) {
        guard let element = Self.allCases.first(where: { $0.elementName == elementName }) else { return nil }
        self = element
    }
}
