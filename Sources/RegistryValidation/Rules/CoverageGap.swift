import RegistryModel

/// TCP or UDP ports below the Dynamic range that no entry describes.
enum CoverageGap: ModelRule {
    static let description = RuleDescription(
        id: "coverage-gap", name: "Coverage gap", severity: .info,
        summary: "Ports 0-49151 of tcp or udp that no entry describes (assigned, Reserved or Unassigned), reported as ranges.",
        rationale: """
            RFC 6335 §6: every System and User port is Assigned, Reserved or Unassigned, and \
            IANA's registry lists Unassigned runs explicitly. A number that no entry mentions \
            is a sign of truncated or hand-edited data (the 2026-08-17 registry has 17 such tcp \
            and 19 udp numbers). A file with no numbered entry is not checked.
            """,
        triggering: [
            .csv("""
                ,↓0-79,,Unassigned,,,,,,,,
                http,80,udp,World Wide Web HTTP,[Berners-Lee],[Berners-Lee],,,,,,
                ,↓81-49150,,Unassigned,,,,,,,,
                ,49151,tcp,Reserved,,,,,,,,
                """),
        ],
        nonTriggering: [
            .csv("""
                ,0-79,,Unassigned,,,,,,,,
                http,80,tcp,World Wide Web HTTP,[Berners-Lee],[Berners-Lee],,,,,,
                ,80,udp,Reserved,,,,,,,,
                ,81-49151,,Unassigned,,,,,,,,
                """),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        let records = input.registry.records
        guard records.contains(where: { $0.portRange != nil }) else { return }
        let described = input.describedPorts
        for transport in [TransportProtocol.tcp, .udp] {
            for gap in described.gaps(on: transport, in: 0...49151) {
                // Point at the entry just before the gap (or just after one at port 0).
                let neighbour = gap.lower > 0
                    ? described.record(overlapping: PortRange(port: gap.lower - 1), on: transport)
                    : gap.upper < 65535 ? described.record(overlapping: PortRange(port: gap.upper + 1), on: transport) : nil
                let location = neighbour.flatMap { records[$0].locations.best(.number) }
                let what = gap.isSinglePort ? "\(transport.text) port \(gap.text) is" : "\(transport.text) ports \(gap.text) are"
                findings.report(
                    "\(what) described by no entry (not even Reserved or Unassigned); the data may be truncated",
                    at: location, about: Subject(port: gap.text, protocol: transport.text))
            }
        }
    }
}
