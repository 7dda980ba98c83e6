@testable import RegistryValidation
import RegistryModel
import TestSupport
import Testing

/// The port index against the plain reading of its questions, port by port, on random
/// registries: overlapping and touching ranges, repeated ports, protocol-less entries, ports 0
/// and 65535.
@Suite struct PortIndexTests {
    static func randomRecords(seed: UInt64) -> [Record] {
        var random = SeededGenerator(seed: seed)
        // A narrow window, so runs touch and overlap; the edges of the port space too.
        let base = [0, 100, 65_500][Int.random(in: 0..<3, using: &random)]
        return (0..<Int.random(in: 0..<40, using: &random)).map { _ in
            let lower = min(base + Int.random(in: 0..<36, using: &random), 65535)
            let upper = Bool.random(using: &random) ? lower : min(lower + Int.random(in: 0..<6, using: &random), 65535)
            let transport = [nil, TransportProtocol.tcp, .udp, .sctp, .dccp][Int.random(in: 0..<5, using: &random)]
            return Record(
                number: .valid(PortRange(lower: UInt16(lower), upper: UInt16(upper))!),
                transportProtocol: transport.map { .valid($0) })
        }
    }

    /// Whether `record` describes `port` on `transport`.
    static func describes(_ record: Record, _ port: Int, _ transport: TransportProtocol) -> Bool {
        guard let range = record.portRange, Int(range.lower) <= port, port <= Int(range.upper) else { return false }
        return record.transport == nil || record.transport == transport
    }

    @Test(arguments: 0..<200)
    func answersAsAPortByPortScanWould(seed: UInt64) throws {
        let records = Self.randomRecords(seed: seed)
        let index = PortIndex(records) { _ in true }
        var random = SeededGenerator(seed: seed &+ 1000)
        for transport in TransportProtocol.allCases {
            for _ in 0..<20 {
                let lower = [0, 90, 65_490][Int.random(in: 0..<3, using: &random)] + Int.random(in: 0..<60, using: &random)
                let upper = min(lower + Int.random(in: 0..<12, using: &random), 65535)
                let range = PortRange(lower: UInt16(min(lower, 65535)), upper: UInt16(upper))!
                let ports = Int(range.lower)...Int(range.upper)
                let expectedAny = ports.contains { port in records.contains { Self.describes($0, port, transport) } }
                #expect(index.describes(any: range, on: transport) == expectedAny, "seed \(seed), \(range) \(transport)")
                // The first single-port record on the lowest port, else the first range.
                let single = ports.lazy.compactMap { port in
                    records.firstIndex { $0.portRange == PortRange(port: UInt16(port)) && Self.describes($0, port, transport) }
                }.first
                let wide = records.indices.first { i in
                    records[i].portRange.map { !$0.isSinglePort && $0.overlaps(range) } == true
                        && ports.contains { Self.describes(records[i], $0, transport) }
                }
                #expect(index.record(overlapping: range, on: transport) == (single ?? wide), "seed \(seed), \(range) \(transport)")
                let free = ports.filter { port in !records.contains { Self.describes($0, port, transport) } }
                let gaps = index.gaps(on: transport, in: ports)
                #expect(gaps.flatMap { Int($0.lower)...Int($0.upper) } == free, "seed \(seed), \(range) \(transport)")
                #expect(zip(gaps, gaps.dropFirst()).allSatisfy { Int($0.upper) + 1 < Int($1.lower) }, "gaps are maximal runs")
            }
        }
    }

    @Test func recordsOfOtherProtocolsAndExcludedRecordsDescribeNothing() {
        let records = [
            Record(number: .valid(PortRange(port: 80)), transportProtocol: .valid(.tcp)),
            Record(number: .valid(PortRange(lower: 90, upper: 99)!), transportProtocol: .valid(.udp)),
            Record(number: .valid(PortRange(port: 7)), transportProtocol: .invalid("xtp")),
        ]
        let index = PortIndex(records) { $0.transport != .udp }
        #expect(index.describes(any: PortRange(port: 80), on: .tcp))
        #expect(!index.describes(any: PortRange(port: 80), on: .udp))
        #expect(!index.describes(any: PortRange(lower: 90, upper: 99)!, on: .udp), "excluded")
        #expect(!TransportProtocol.allCases.contains { index.describes(any: PortRange(port: 7), on: $0) }, "an unknown protocol counts nowhere")
        #expect(index.gaps(on: .tcp, in: 0...65535).map { [$0.lower, $0.upper] } == [[0, 79], [81, 65535]])
    }
}
