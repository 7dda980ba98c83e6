import ASCIIBytes
import RegistryModel

/// A protocol outside RFC 6335's four.
enum TransportProtocolRule: ModelRule {
    static let description = RuleDescription(
        id: "transport-protocol", name: "Transport protocol", severity: .error,
        summary: "A protocol other than tcp, udp, sctp or dccp (in upper case: a warning, with the fix).",
        rationale: """
            RFC 6335 §5 and §8: the registry covers TCP, UDP, SCTP and DCCP, written in lower \
            case. A record may have no protocol (a name-only registration or a legacy range), \
            but one it has must be one of the four.
            """,
        triggering: [
            .csv("example,40001,↓xtp,Unknown protocol,[Ann],[Ann],2020-01-02,,,,,"),
            .csv("example,40001,↓TCP,Upper case,[Ann],[Ann],2020-01-02,,,,,"),
        ],
        nonTriggering: [
            .csv("example,40001,sctp,Lower case,[Ann],[Ann],2020-01-02,,,,,"),
            .csv("vrml-multi-use,4200-4299,,VRML Multi User Systems,[Ellis],[Ellis],,,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records {
            guard case .invalid(let raw)? = record.transportProtocol, !raw.isEmpty else { continue }
            if let fixed = TransportProtocol(canonicalText: ASCII.lowercased(raw)) {
                findings.report(
                    "protocol '\(raw)' is written in upper case; write '\(fixed.text)'",
                    on: record, field: .transportProtocol, severity: .warning)
            } else {
                findings.report(
                    "protocol '\(raw)' is not one of tcp, udp, sctp, dccp (RFC 6335 §5)",
                    on: record, field: .transportProtocol)
            }
        }
    }
}
