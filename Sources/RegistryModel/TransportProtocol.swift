/// The transport protocols of RFC 6335 §5 and §8. The registry spells them in lower case.
public enum TransportProtocol: String, TextRepresentable, CaseIterable, Comparable {
    case tcp, udp, sctp, dccp

    public init?(canonicalText text: String) {
        self.init(rawValue: text)
    }

    public init?(canonicalUTF8 bytes: Span<UInt8>) {
        guard let found = Self.allCases.first(where: { utf8(bytes, spells: $0.spelling) }) else { return nil }
        self = found
    }

    /// The raw values again, as static bytes: comparing with a String's UTF-8 cost 3 M
    /// instructions over the full registry. ParsingFromBytesTests checks that both agree.
    private var spelling: StaticString {
        switch self {
        case .tcp: "tcp"
        case .udp: "udp"
        case .sctp: "sctp"
        case .dccp: "dccp"
        }
    }

    public var text: String { rawValue }

    public static func < (a: TransportProtocol, b: TransportProtocol) -> Bool {
        a.sortOrder < b.sortOrder
    }

    // By case, not by raw value: a String raw value would make the standard library hash and
    // compare the spelled name, and the rules hash protocols for every record.
    public static func == (a: TransportProtocol, b: TransportProtocol) -> Bool {
        a.sortOrder == b.sortOrder
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(UInt8(truncatingIfNeeded: sortOrder))
    }

    /// IANA lists the protocols of one port in this order.
    private var sortOrder: Int {
        switch self {
        case .tcp: 0
        case .udp: 1
        case .sctp: 2
        case .dccp: 3
        }
    }
}
