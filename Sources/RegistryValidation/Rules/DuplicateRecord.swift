import ASCIIBytes
import RegistryModel

/// The same name, port and protocol twice.
enum DuplicateRecord: ModelRule {
    static let description = RuleDescription(
        id: "duplicate-record", name: "Duplicate record", severity: .error,
        summary: "The same (name, port, protocol) appears twice; names compare case-insensitively.",
        rationale: """
            RFC 6335 §5.1: service names compare case-insensitively and are the registry's \
            unique key; with the port and protocol they identify an entry. Two entries with \
            one identity make lookups ambiguous (which description, which contact?).
            """,
        triggering: [
            .csv("""
                rdp,,,Reliable Data Protocol,,,,,,,,
                ↓RDP,,,Windows Remote Desktop Protocol,[Jugaari],[Jugaari],,,,,,
                """),
            .csv("""
                ,40001,tcp,Unassigned,,,,,,,,
                ,↓40001,tcp,Unassigned,,,,,,,,
                """),
        ],
        nonTriggering: [
            .csv("""
                http,80,tcp,World Wide Web HTTP,[Berners-Lee],[Berners-Lee],,,,,,
                http,80,udp,World Wide Web HTTP,[Berners-Lee],[Berners-Lee],,,,,,
                """),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        let records = input.registry.records
        var seen: [Identity: Int] = [:]
        seen.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            let name = record.serviceNameText.map(ASCII.lowercased)
            guard name != nil || record.number != nil else { continue }
            let identity = Identity(name: name, number: record.number, transport: record.transportProtocol)
            let first = seen.storedValue(for: identity, storingIfAbsent: index)
            guard first != index else { continue }
            let line = records[first].locations[.record].map { " at line \($0.line)" } ?? ""
            findings.report(
                "\(record.summary) repeats the record\(line) (same name, port and protocol)",
                on: record, field: name != nil ? .name : .number, other: records[first])
        }
    }

    /// The parsed values, not their text: hashing a port range is cheaper than printing it.
    private struct Identity: Hashable {
        var name: String?
        var number: Parsed<PortRange>?
        var transport: Parsed<TransportProtocol>?
    }
}
