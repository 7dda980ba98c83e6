import RegistryModel

/// What matches a record of one release with a record of another: its service name, port or
/// range and transport protocol as written, each "" when absent. Records are not matched on
/// anything else, so a port that moved is a removal and an addition.
public struct RecordIdentity: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    /// `N`, `N-M`, or "".
    public let port: String
    public let transportProtocol: String

    public init(name: String = "", port: String = "", transportProtocol: String = "") {
        self.name = name
        self.port = port
        self.transportProtocol = transportProtocol
    }

    /// An empty element (`<name/>`) counts as absent: the flat layouts cannot tell them apart.
    public init(_ record: Record) {
        self.init(
            name: record.name?.text ?? "", port: record.number?.text ?? "",
            transportProtocol: record.transportProtocol?.text ?? "")
    }

    /// `name port/protocol` as a changelog writes it, absent parts left out (`6/tcp` for an
    /// Unassigned port, `name` alone for a name-only registration).
    public var description: String {
        let place = [port, transportProtocol].filter { !$0.isEmpty }.joined(separator: "/")
        return [name, place].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
