import ASCIIBytes
import RegistryModel

/// One question `ianaconv lookup` answers: a port (`5432`), a port on one protocol
/// (`4250/tcp`), a range (`6000-6010`, `/udp` allowed) or a service name (any case;
/// `ssh/tcp` on one protocol).
public enum LookupQuery: Hashable, Sendable {
    case ports(PortRange, TransportProtocol?)
    case name(String, TransportProtocol?)

    /// Anything that is not digits (`N`, `N-M`, with `/protocol`) is a name: legacy names hold
    /// `/`, `*`, `+` and `.` (`cl/1`, `sql*net`), but none starts with digits and a slash.
    public init(parsing text: String) throws(LookupError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let bounds = parts[0].split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.allSatisfy({ ASCII.isDigits($0.utf8) }) else {
            guard !text.isEmpty else { throw LookupError("an empty query: give a port, a range, or a service name") }
            self = Self.name(text)
            return
        }
        let values = bounds.map { UInt64($0.prefix(6)) ?? .max }
        guard values.allSatisfy({ $0 <= 65535 }), let range = PortRange(lower: UInt16(values[0]), upper: UInt16(values.last!)) else {
            throw LookupError("'\(text)' is not a port (0-65535) or a range N-M with N <= M")
        }
        var transport: TransportProtocol?
        if parts.count == 2 {
            guard let known = TransportProtocol(canonicalText: ASCII.lowercased(String(parts[1]))) else {
                throw LookupError("'\(text)': the protocol is not one of tcp, udp, sctp, dccp")
            }
            transport = known
        }
        self = .ports(range, transport)
    }

    /// A name, with a protocol when it ends in `/tcp`, `/udp`, `/sctp` or `/dccp` (no legacy
    /// name does: `cl/1` and `914c/g` are names whole).
    private static func name(_ text: String) -> LookupQuery {
        if let slash = text.lastIndex(of: "/"), slash != text.startIndex,
           let transport = TransportProtocol(canonicalText: ASCII.lowercased(String(text[text.index(after: slash)...]))) {
            return .name(String(text[..<slash]), transport)
        }
        return .name(text, nil)
    }

    /// The query as the answer names it.
    public var text: String {
        switch self {
        case .ports(let range, let transport): range.text + (transport.map { "/" + $0.text } ?? "")
        case .name(let name, let transport): name + (transport.map { "/" + $0.text } ?? "")
        }
    }
}

public struct LookupError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}

/// The ranges of RFC 6335 §6, and what the RFC says of assigning in each.
public enum PortClass: String, CaseIterable, Sendable, Codable {
    case system = "System Ports (0-1023)"
    case user = "User Ports (1024-49151)"
    case dynamic = "Dynamic and/or Private Ports (49152-65535)"

    var bounds: ClosedRange<UInt16> {
        switch self {
        case .system: 0...1023
        case .user: 1024...49151
        case .dynamic: 49152...65535
        }
    }

    /// The classes a range of ports reaches into.
    static func of(_ range: PortRange) -> [PortClass] {
        allCases.filter { $0.bounds.overlaps(range.lower...range.upper) }
    }
}
