import RegistryModel

/// Which ports of each protocol a set of records describes, for the rules that ask "is there
/// an entry on this port?" (conflicts, counterparts, gaps) without comparing records pairwise.
/// A record without a protocol (a legacy range) describes its ports on every protocol.
/// Building is linear in the records plus a fixed 65,536 slots per protocol.
struct PortIndex {
    private static let slots = 65536
    /// Per protocol: how many ports below p are described (prefix counts, 65,537 entries).
    private var describedBefore: [[Int32]]
    /// Per protocol: the first single-port record on each port, or -1.
    private var singlePort: [[Int32]]
    /// Per protocol: the records that are ranges (few), with their index.
    private var ranges: [[(range: PortRange, index: Int)]]

    init(_ records: [Record], including include: (Record) -> Bool) {
        let count = TransportProtocol.allCases.count
        // Per protocol: +1 where a described run starts, -1 after it ends; summed in place
        // below into the prefix counts, so the index allocates its big arrays once.
        var counts = Array(repeating: [Int32](repeating: 0, count: Self.slots + 1), count: count)
        singlePort = Array(repeating: [Int32](repeating: -1, count: Self.slots), count: count)
        ranges = Array(repeating: [], count: count)
        for (index, record) in records.enumerated() {
            guard let range = record.portRange, include(record),
                  let protocols = Self.protocols(of: record) else { continue }
            for p in protocols {
                counts[p][Int(range.lower)] += 1
                counts[p][Int(range.upper) + 1] -= 1
                if range.isSinglePort {
                    if singlePort[p][Int(range.lower)] < 0 { singlePort[p][Int(range.lower)] = Int32(index) }
                } else {
                    ranges[p].append((range, index))
                }
            }
        }
        for p in 0..<count {
            counts[p].withUnsafeMutableBufferPointer { slots in
                var depth: Int32 = 0
                var described: Int32 = 0
                for port in 0..<Self.slots {
                    depth += slots[port]
                    slots[port] = described  // ports described before `port`
                    described += depth > 0 ? 1 : 0
                }
                slots[Self.slots] = described
            }
        }
        describedBefore = counts
    }

    /// The protocol slots a record's entry counts on: its own, or all four when it has none;
    /// nil when its protocol is not one of the four.
    static func protocols(of record: Record) -> ClosedRange<Int>? {
        guard let parsed = record.transportProtocol, !parsed.text.isEmpty else {
            return 0...(TransportProtocol.allCases.count - 1)
        }
        guard let value = parsed.value else { return nil }
        return slot(value)...slot(value)
    }

    static func slot(_ transport: TransportProtocol) -> Int {
        switch transport {
        case .tcp: 0
        case .udp: 1
        case .sctp: 2
        case .dccp: 3
        }
    }

    /// True when some port of `range` is described on `transport`.
    func describes(any range: PortRange, on transport: TransportProtocol) -> Bool {
        let before = describedBefore[Self.slot(transport)]
        return before[Int(range.upper) + 1] - before[Int(range.lower)] > 0
    }

    /// The index of a record describing some port of `range` on `transport`.
    func record(overlapping range: PortRange, on transport: TransportProtocol) -> Int? {
        guard describes(any: range, on: transport) else { return nil }
        let p = Self.slot(transport)
        for port in Int(range.lower)...Int(range.upper) where singlePort[p][port] >= 0 {
            return Int(singlePort[p][port])
        }
        return ranges[p].first { $0.range.overlaps(range) }?.index
    }

    /// The runs of ports in `bounds` that no record describes on `transport`.
    func gaps(on transport: TransportProtocol, in bounds: ClosedRange<Int>) -> [PortRange] {
        let before = describedBefore[Self.slot(transport)]
        var gaps: [PortRange] = []
        var start: Int?
        for port in bounds {
            let described = before[port + 1] > before[port]
            if !described, start == nil { start = port }
            if described || port == bounds.upperBound, let first = start {
                let last = described ? port - 1 : port
                gaps.append(PortRange(lower: UInt16(first), upper: UInt16(last))!)
                start = nil
            }
        }
        return gaps
    }
}

extension RegistryDate {
    /// RFC 6335 was published in August 2011: names registered before it may break §5.1.
    static let rfc6335 = RegistryDate(year: 2011, month: 8, day: nil)!

    /// True when registered under RFC 6335's procedures.
    var isAfterRFC6335: Bool { !(self < Self.rfc6335) }
}

extension Record {
    /// The ports the record describes: its port or range, also when written `N-N` (IANA
    /// writes six single ports that way; port-range-bounds reports the spelling).
    var portRange: PortRange? {
        if let range = number?.value { return range }
        guard case .invalid(let raw)? = number, let text = PortText(raw), let upper = text.upper,
              text.lower == upper, upper <= 65535 else { return nil }
        return PortRange(port: UInt16(upper))
    }

    /// A protocol, when the record has a valid one.
    var transport: TransportProtocol? { transportProtocol?.value }

    /// `whois++ 43/tcp`: how messages name a record.
    var summary: String { Subject(self).description }
}
