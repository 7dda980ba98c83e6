import RegistryModel

/// What matches a record of one release with a record of another: its service name, port or
/// range and transport protocol as written, each absent or empty alike. Records are not
/// matched on anything else, so a port that moved is a removal and an addition.
public struct RecordIdentity: Hashable, Sendable, CustomStringConvertible {
    /// "" when absent.
    public let name: String
    /// The parsed values, whose spelling is the text as written: hashed without printing a
    /// port for each of the thousands of records.
    public let number: Parsed<PortRange>?
    public let transportProtocol: Parsed<TransportProtocol>?

    /// An empty element (`<name/>`) counts as absent: the flat layouts cannot tell them apart.
    public init(_ record: Record) {
        name = record.name?.text ?? ""
        number = record.number.flatMap { $0.isEmpty ? nil : $0 }
        transportProtocol = record.transportProtocol.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `N`, `N-M`, or "".
    public var port: String { number?.text ?? "" }

    /// `tcp`, …, or "".
    public var protocolName: String { transportProtocol?.text ?? "" }

    /// `name port/protocol` as a changelog writes it, absent parts left out (`6/tcp` for an
    /// Unassigned port, `name` alone for a name-only registration).
    public var description: String {
        let place = [port, protocolName].filter { !$0.isEmpty }.joined(separator: "/")
        return [name, place].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
