/// The transport protocols of RFC 6335 §5 and §8, declared in the order IANA lists the
/// protocols of one port (which is how they compare). The registry spells them in lower case.
public enum TransportProtocol: UTF8Parsable, CaseIterable, Comparable {
    case tcp, udp, sctp, dccp

    public init?(canonicalUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let found = Self.allCases.first(where: { utf8(bytes, spells: $0.spelling) }) else { return nil }
        self = found
    }

    /// Static bytes, so readers compare a buffer with them without making a String.
    private var spelling: StaticString {
        switch self {
        case .tcp: "tcp"
        case .udp: "udp"
        case .sctp: "sctp"
        case .dccp: "dccp"
        }
    }

    public var text: String { spelling.description }
}
