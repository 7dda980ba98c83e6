import RegistryModel

/// Which ports of each protocol a set of records describes, for the rules that ask "is there
/// an entry on this port?" (conflicts, counterparts, gaps) without comparing records pairwise.
/// A record without a protocol (a legacy range) describes its ports on every protocol.
///
/// Sorted and merged runs, searched by bisection: building costs the records' sort, not a
/// slot per port, so validating a small file (a pre-commit hook's usual input) does not fill
/// and fault in megabytes of tables.
struct PortIndex {
    /// Per protocol: the described ports as sorted, disjoint runs, neighbours merged.
    private var runs: [[ClosedRange<Int>]]
    /// Per protocol: the single-port records by port, the first record on each port only.
    private var singlePorts: [[(port: Int, index: Int)]]
    /// Per protocol: the records that are ranges (few), in record order.
    private var ranges: [[(range: PortRange, index: Int)]]

    init(_ records: [Record], including include: (Record) -> Bool) {
        let count = TransportProtocol.allCases.count
        var spans = Array(repeating: [ClosedRange<Int>](), count: count)
        singlePorts = Array(repeating: [], count: count)
        ranges = Array(repeating: [], count: count)
        for (index, record) in records.enumerated() {
            guard let range = record.portRange, include(record),
                  let protocols = Self.protocols(of: record) else { continue }
            for p in protocols {
                spans[p].append(Int(range.lower)...Int(range.upper))
                if range.isSinglePort {
                    singlePorts[p].append((Int(range.lower), index))
                } else {
                    ranges[p].append((range, index))
                }
            }
        }
        runs = spans.map(Self.merged)
        for p in 0..<count {
            let sorted = singlePorts[p].sorted { ($0.port, $0.index) < ($1.port, $1.index) }
            singlePorts[p] = sorted.indices.filter { $0 == 0 || sorted[$0 - 1].port != sorted[$0].port }.map { sorted[$0] }
        }
    }

    /// Sorted, disjoint runs covering the same ports as `spans`, touching runs merged.
    private static func merged(_ spans: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = runs.last, span.lowerBound <= last.upperBound + 1 {
                runs[runs.count - 1] = last.lowerBound...max(last.upperBound, span.upperBound)
            } else {
                runs.append(span)
            }
        }
        return runs
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
        let runs = self.runs[Self.slot(transport)]
        let first = Self.firstIndex(in: runs) { $0.upperBound >= Int(range.lower) }
        return first < runs.count && runs[first].lowerBound <= Int(range.upper)
    }

    /// The index of a record describing some port of `range` on `transport`: the first
    /// single-port record on the lowest such port, else the first range that overlaps.
    func record(overlapping range: PortRange, on transport: TransportProtocol) -> Int? {
        let p = Self.slot(transport)
        let singles = singlePorts[p]
        let first = Self.firstIndex(in: singles) { $0.port >= Int(range.lower) }
        if first < singles.count, singles[first].port <= Int(range.upper) { return singles[first].index }
        return ranges[p].first { $0.range.overlaps(range) }?.index
    }

    /// The runs of ports in `bounds` that no record describes on `transport`.
    func gaps(on transport: TransportProtocol, in bounds: ClosedRange<Int>) -> [PortRange] {
        let runs = self.runs[Self.slot(transport)]
        var gaps: [PortRange] = []
        var next = bounds.lowerBound  // the first port not yet known to be described
        var index = Self.firstIndex(in: runs) { $0.upperBound >= bounds.lowerBound }
        while next <= bounds.upperBound {
            let end = index < runs.count ? min(runs[index].lowerBound, bounds.upperBound + 1) : bounds.upperBound + 1
            if next < end { gaps.append(PortRange(lower: UInt16(next), upper: UInt16(end - 1))!) }
            guard index < runs.count else { break }
            next = runs[index].upperBound + 1
            index += 1
        }
        return gaps
    }

    /// The first index of `sorted` where `isAtOrAfter` holds (it holds from some index on).
    private static func firstIndex<Element>(in sorted: [Element], where isAtOrAfter: (Element) -> Bool) -> Int {
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAfter(sorted[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
