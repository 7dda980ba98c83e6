import RegistryModel

extension Record {
    /// The ports the record describes: its port or range, also when written `N-N` (IANA
    /// writes six single ports that way; port-range-bounds reports the spelling).
    var portRange: PortRange? {
        if let range = self.number?.value { return range }
        guard case .invalid(let raw)? = self.number, let text = PortText(raw), let upper = text.upper,
              text.lower == upper, upper <= 65535 else { return nil }
        return PortRange(port: UInt16(upper))
    }

    /// A protocol, when the record has a valid one.
    var transport: TransportProtocol? { self.transportProtocol?.value }

    /// `whois++ 43/tcp`: how messages name a record.
    var summary: String { Subject(self).description }
}
