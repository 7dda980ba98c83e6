import ASCIIBytes
import RegistryModel

/// Answers lookup queries from a registry's records: the assigned records a query names (a
/// port inside a range finds the range), the Reserved and Unassigned entries over its ports,
/// and the RFC 6335 ranges the ports lie in, which say what an unheld port is.
public struct RegistryLookup: Sendable {
    public let records: [Record]

    public init(records: [Record]) {
        self.records = records
    }

    public func answer(_ query: LookupQuery) -> LookupAnswer {
        let matching = records.filter { Self.matches($0, query) }
        var answer = LookupAnswer(query: query)
        answer.records = matching.filter { $0.state == .assigned }
        answer.states = matching.filter { $0.state != .assigned }
        if case .ports(let range, _) = query { answer.portClasses = PortClass.of(range) }
        return answer
    }

    static func matches(_ record: Record, _ query: LookupQuery) -> Bool {
        switch query {
        case .name(let name, let transport):
            guard let held = record.name?.text, ASCII.lowercased(held) == ASCII.lowercased(name) else { return false }
            return holds(record, transport)
        case .ports(let range, let transport):
            guard let ports = record.number?.value, ports.overlaps(range) else { return false }
            return holds(record, transport)
        }
    }

    /// A record without a protocol (vrml-multi-use 4200-4299) holds its ports on every one.
    private static func holds(_ record: Record, _ transport: TransportProtocol?) -> Bool {
        guard let transport, let held = record.transportProtocol else { return true }
        return held.value == transport
    }
}

/// What a registry says to one query.
public struct LookupAnswer: Sendable {
    public let query: LookupQuery
    /// Assigned records the query names, in the registry's order.
    public internal(set) var records: [Record] = []
    /// Reserved and Unassigned entries over the queried ports.
    public internal(set) var states: [Record] = []
    /// For ports: the RFC 6335 ranges they lie in.
    public internal(set) var portClasses: [PortClass] = []

    /// An assigned record answers the query.
    public var found: Bool { !records.isEmpty }
}
