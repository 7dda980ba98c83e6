import ASCIIBytes
import RegistryModel

/// A record a change adds on a port that another entry already holds on the same protocol.
enum AssignmentConflict: ModelRule {
    static let description = RuleDescription(
        id: "assignment-conflict", name: "Assignment conflict", severity: .error,
        summary: "A record added since the earlier release (--against) takes a port another entry already holds on its protocol.",
        rationale: """
            RFC 6335 §8: a port number is assigned to one service per transport protocol, and \
            only a number that is Unassigned can be assigned. A new assignment therefore \
            replaces the Unassigned entry it is taken from (splitting a range), and never stands \
            beside another service's entry, a Reserved one or a stale Unassigned one. Judged \
            only for what a change adds: the registry's own history has older overlaps, which \
            port-state-conflict reports.
            """,
        triggering: [
            .csv(
                """
                http,80,tcp,World Wide Web HTTP,[Berners-Lee],[Berners-Lee],,,,,,
                my-web,↓80,tcp,My Web,[Ann],[Ann],2026-01-02,,[RFC9999],,,
                """,
                before: "http,80,tcp,World Wide Web HTTP,[Berners-Lee],[Berners-Lee],,,,,,"),
            .csv(
                """
                ,7000-7099,tcp,Unassigned,,,,,,,,
                example,↓7001,tcp,Example,[Ann],[Ann],2026-01-02,,[RFC9999],,,
                """,
                before: ",7000-7099,tcp,Unassigned,,,,,,,,"),
        ],
        nonTriggering: [
            .csv(
                """
                ,7000,tcp,Unassigned,,,,,,,,
                example,7001,tcp,Example,[Ann],[Ann],2026-01-02,,[RFC9999],,,
                ,7002-7099,tcp,Unassigned,,,,,,,,
                """,
                before: ",7000-7099,tcp,Unassigned,,,,,,,,"),
            .csv(
                """
                vision-mon,4413,tcp,Vision Monitor,[Ann],[Ann],2013-01-02,,[RFC9999],,,
                vision-mon-disc,4413,udp,Vision Monitor Discovery,[Ann],[Ann],2026-01-02,,[RFC9999],,,
                """,
                before: "vision-mon,4413,tcp,Vision Monitor,[Ann],[Ann],2013-01-02,,[RFC9999],,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        let records = input.registry.records
        for index in records.indices where input.isAdded(index) {
            let record = records[index]
            guard record.state == .assigned, let range = record.portRange,
                  let protocols = PortIndex.protocols(of: record) else { continue }
            let holder = records.indices.first { other in
                guard other != index, let otherRange = records[other].portRange, otherRange.overlaps(range),
                      let otherProtocols = PortIndex.protocols(of: records[other]), otherProtocols.overlaps(protocols)
                else { return false }
                return records[other].state != .assigned || !sameService(records[other], record)
            }
            guard let holder else { continue }
            let other = records[holder]
            let line = other.locations[.record].map { " (line \($0.line))" } ?? ""
            let message = switch other.state {
            case .assigned: "this new entry takes a port already assigned to \(other.summary)\(line); choose an Unassigned port"
            case .reserved: "this new entry takes a port IANA holds as Reserved: \(other.summary)\(line)"
            case .unassigned: "this new entry stands inside the Unassigned entry \(other.summary)\(line); split that entry around it"
            }
            findings.report(message, on: record, field: .number)
        }
    }

    /// The same service written twice is duplicate-record's, not a conflict.
    private static func sameService(_ a: Record, _ b: Record) -> Bool {
        a.serviceNameText.map(ASCII.lowercased) == b.serviceNameText.map(ASCII.lowercased)
    }
}
