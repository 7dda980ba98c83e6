import ASCIIBytes
import RegistryModel

/// A port field that is not `N` or `N-M` in decimal.
enum PortNumberSyntax: ModelRule {
    static let description = RuleDescription(
        id: "port-number-syntax", name: "Port number syntax", severity: .error,
        summary: "The port field is not a decimal number N or range N-M (no signs, blanks or leading zeros).",
        rationale: """
            RFC 6335 §6 numbers ports 0 to 65535; the registry writes a port as N and a range \
            as N-M in plain decimal. Anything else cannot be matched against a port by the \
            programs that read the registry. Numbers that are well written but out of bounds \
            are port-range-bounds.
            """,
        triggering: [
            .csv("http,↓80/tcp,tcp,World Wide Web HTTP,[Berners-Lee],[Berners-Lee],,,,,,"),
            .csv("http,↓080,tcp,World Wide Web HTTP,[Berners-Lee],[Berners-Lee],,,,,,"),
            .csv("example,↓1000 - 1010,tcp,Spaced range,[Ann],[Ann],,,,,,"),
        ],
        nonTriggering: [
            .csv("http,80,tcp,World Wide Web HTTP,[Berners-Lee],[Berners-Lee],,,,,,"),
            .csv(",1000-1010,tcp,Unassigned,,,,,,,,"),
            .csv("example,70000,tcp,Out of bounds but decimal,[Ann],[Ann],,,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records {
            guard case .invalid(let raw)? = record.number, !raw.isEmpty, PortText(raw) == nil else { continue }
            let reason = raw.utf8.first == UInt8(ascii: "0") || raw.contains("-0")
                ? "has a leading zero" : "is not a decimal number N or range N-M"
            findings.report("port '\(raw)' \(reason)", on: record, field: .number)
        }
    }
}

/// A port field in plain decimal, `N` or `N-M`, whatever its values: what port-range-bounds
/// checks. Nil for anything else (port-number-syntax's case).
struct PortText {
    var lower: UInt64
    var upper: UInt64?

    init?(_ text: String) {
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        var values: [UInt64] = []
        for part in parts {
            // Twelve digits at most: far out of bounds, and clear of overflow.
            let digits = Array(part)
            guard let value = ASCII.canonicalDecimal(digits.span, limit: 999_999_999_999) else { return nil }
            values.append(value)
        }
        lower = values[0]
        upper = values.count == 2 ? values[1] : nil
    }
}
