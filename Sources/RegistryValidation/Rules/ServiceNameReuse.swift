import ASCIIBytes
import RegistryModel

/// One name on several ports of one protocol.
enum ServiceNameReuse: ModelRule {
    static let description = RuleDescription(
        id: "service-name-reuse", name: "Service name reuse", severity: .warning,
        summary: "One service name (case-insensitive) is on different ports of the same protocol.",
        rationale: """
            RFC 6335 §5.1: a service name is the registry's unique key for one service; SRV \
            and getservbyname lookups turn it into one port per protocol. A name on two ports \
            of one protocol cannot be resolved to a port; new registrations must not do it, \
            and old ones are worth a second look.
            """,
        triggering: [
            .csv("""
                msp,18,tcp,Message Send Protocol,[Ann],[Ann],,,,,,
                ↓msp,2438,tcp,MSP,[Bob],[Bob],,,,,,
                """),
        ],
        nonTriggering: [
            .csv("""
                vision-mon,4413,tcp,Vision monitoring,[Ann],[Ann],2020-01-02,,,,,
                vision-mon,4413,udp,Vision monitoring,[Ann],[Ann],2020-01-02,,,,,
                """),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        let records = input.registry.records
        var first: [Key: Int] = [:]
        first.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            guard let name = record.serviceNameText, let number = record.number, !number.text.isEmpty else { continue }
            let key = Key(name: ASCII.lowercased(name), transport: record.transportProtocol)
            let earlier = first.storedValue(for: key, storingIfAbsent: index)
            guard earlier != index else { continue }
            let other = records[earlier]
            guard other.number != number else { continue }  // the same port: duplicate-record's case
            let line = other.locations[.record].map { " (line \($0.line))" } ?? ""
            let place = (other.number?.text ?? "") + (other.transportProtocol.map { "/" + $0.text } ?? "")
            findings.report(
                "service name '\(name)' is also on port \(place)\(line); one name should mean one port per protocol",
                on: record, field: .name)
        }
    }

    private struct Key: Hashable {
        var name: String
        var transport: Parsed<TransportProtocol>?
    }
}
