import RegistryModel

/// A port or range written in decimal but outside 0–65535, or backwards.
enum PortRangeBounds: ModelRule {
    static let description = RuleDescription(
        id: "port-range-bounds", name: "Port range bounds", severity: .error,
        summary: "A port above 65535, or a range whose low bound is above its high bound (equal bounds: a warning, with the fix).",
        rationale: """
            RFC 6335 §6: port numbers are 16-bit, 0 to 65535, in three ranges (System 0-1023, \
            User 1024-49151, Dynamic and/or Private 49152-65535). A range N-M lists N up to M, \
            so N < M; a single port is written N.
            """,
        triggering: [
            .csv("example,↓70000,tcp,Out of bounds,[Ann],[Ann],,,,,,"),
            .csv(",↓2000-1000,tcp,Unassigned,,,,,,,,"),
            .csv("example,↓5-5,tcp,A range of one port,[Ann],[Ann],,,,,,"),
        ],
        nonTriggering: [
            .csv(",49152-65535,,Unassigned,,,,,,,,"),
            .csv(",65535,tcp,Reserved,[IANA],[IANA],,,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records {
            guard case .invalid(let raw)? = record.number, let port = PortText(raw) else { continue }
            let message: String
            var severity: Severity?
            if let upper = port.upper {
                if port.lower > 65535 || upper > 65535 {
                    message = "range '\(raw)' goes above 65535, the highest port (RFC 6335 §6)"
                } else if port.lower == upper {
                    message = "range '\(raw)' has equal bounds; write the single port \(upper)"
                    severity = .warning  // harmless, but not how the registry writes one port
                } else {
                    message = "range '\(raw)' runs backwards; write \(upper)-\(port.lower)"
                }
            } else {
                message = "port \(raw) is above 65535, the highest port (RFC 6335 §6)"
            }
            findings.report(message, on: record, field: .number, severity: severity)
        }
    }
}
