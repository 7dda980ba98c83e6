import RegistryModel

/// A Reserved or Unassigned entry over a port that is assigned on the same protocol.
enum PortStateConflict: ModelRule {
    static let description = RuleDescription(
        id: "port-state-conflict", name: "Port state conflict", severity: .error,
        summary: "A Reserved or Unassigned entry overlaps an assigned entry on the same port and protocol.",
        rationale: """
            Each number of each protocol is in one of the registry's states (RFC 6335: \
            Assigned, Reserved, Unassigned). A port that is both assigned and Unassigned (or \
            Reserved) tells readers two things: one entry is stale, typically an Unassigned \
            range that was not split when a number in it was assigned. An entry without a \
            protocol covers all four.
            """,
        triggering: [
            .csv("""
                http,80,tcp,World Wide Web HTTP,[Berners-Lee],[Berners-Lee],,,,,,
                ,↓70-90,tcp,Unassigned,,,,,,,,
                """),
            .csv("""
                ,↓4400,,Reserved,,,,,,,,
                example,4400,sctp,Example,[Ann],[Ann],2020-01-02,,,,,
                """),
        ],
        nonTriggering: [
            .csv("""
                cognex-dataman,44444,tcp,Cognex DataMan Management Protocol,[Ann],[Ann],2013-08-13,,,,,
                ,44444,udp,Reserved,,,,,,,,
                """),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        let records = input.registry.records
        let assigned = PortIndex(records) { $0.state == .assigned }
        for record in records where record.state != .assigned {
            guard let range = record.portRange, let slots = PortIndex.protocols(of: record) else { continue }
            for slot in slots {
                let transport = TransportProtocol.allCases[slot]
                guard let other = assigned.record(overlapping: range, on: transport) else { continue }
                let line = records[other].locations[.record].map { " (line \($0.line))" } ?? ""
                findings.report(
                    "this \(record.state.rawValue.capitalized) entry overlaps \(records[other].summary)\(line), which is assigned on \(transport.text)",
                    on: record, field: .number, other: records[other])
                break
            }
        }
    }
}
