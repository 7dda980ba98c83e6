import RegistryModel

/// Records out of IANA's order.
enum RecordOrder: ModelRule {
    static let description = RuleDescription(
        id: "record-order", name: "Record order", severity: .warning,
        summary: "A record is out of IANA's order: by first port, name-only entries last.",
        rationale: """
            IANA lists the registry by port number (a range by its first port) and puts the \
            service names without a port at the end. Readers and diff tools rely on it, and a \
            record out of place is often a copy-and-paste slip. Only the record where the order \
            breaks is reported, not every record after it.
            """,
        triggering: [
            .csv("""
                http,80,tcp,World Wide Web HTTP,[Berners-Lee],[Berners-Lee],,,,,,
                echo,↓7,tcp,Echo,[Postel],[Postel],,,,,,
                """),
            .csv("""
                rdp,,,Reliable Data Protocol,,,,,,,,
                echo,↓7,tcp,Echo,[Postel],[Postel],,,,,,
                """),
        ],
        nonTriggering: [
            .csv("""
                echo,7,tcp,Echo,[Postel],[Postel],,,,,,
                echo,7,udp,Echo,[Postel],[Postel],,,,,,
                ,8,tcp,Unassigned,,,,,,,,
                rdp,,,Reliable Data Protocol,,,,,,,,
                """),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        var previous: Int?
        for record in input.registry.records {
            let key: Int
            if let range = record.portRange {
                key = Int(range.lower)
            } else if record.number == nil || record.number?.text.isEmpty == true {
                key = 65536  // name-only: after every port
            } else {
                continue  // a port that does not parse has no place to check
            }
            if let previous, key < previous {
                let after = previous == 65536 ? "the name-only entries" : "port \(previous)"
                findings.report(
                    "\(record.summary) is listed after \(after), out of IANA's order (by first port, name-only entries last)",
                    on: record, field: record.number == nil ? .name : .number)
            }
            previous = key
        }
    }
}
