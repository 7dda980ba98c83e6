import RegistryModel

/// A recent TCP or UDP assignment whose number has no entry at all on the other protocol.
enum TCPUDPCounterpart: ModelRule {
    static let description = RuleDescription(
        id: "tcp-udp-counterpart", name: "TCP/UDP counterpart", severity: .warning,
        summary: "A TCP or UDP assignment registered since RFC 6335 has no entry (assigned, Reserved or Unassigned) on the other of the two.",
        rationale: """
            Since RFC 6335 (2011-08), IANA assigns a port for the protocols asked for and marks \
            the other of TCP/UDP Reserved, or assigns it to a related service (the registry \
            shows cognex-dataman 44444 tcp beside 44444 udp Reserved). A number with no entry \
            at all on the other protocol is a row IANA forgot to add.
            """,
        triggering: [
            .csv("↓docker-s,2376,tcp,Docker REST API (ssl),[Docker],[Docker],2014-04-17,,,,,"),
        ],
        nonTriggering: [
            .csv("""
                cognex-dataman,44444,tcp,Cognex DataMan Management Protocol,[Ann],[Ann],2013-08-13,,,,,
                ,44444,udp,Reserved,,,,,,,,
                """),
            .csv("old-service,40001,tcp,Registered before RFC 6335,[Ann],[Ann],2009-01,,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        let records = input.registry.records
        let described = input.describedPorts
        for record in records where record.state == .assigned {
            guard let transport = record.transport, transport == .tcp || transport == .udp,
                  let range = record.portRange, let date = record.registrationDate?.value, date.isAfterRFC6335
            else { continue }
            let other: TransportProtocol = transport == .tcp ? .udp : .tcp
            guard !described.describes(any: range, on: other) else { continue }
            findings.report(
                "\(record.summary), registered \(date.text), has no \(other.text) entry on \(range.text): mark it Reserved or assigned",
                on: record, field: .name)
        }
    }
}
