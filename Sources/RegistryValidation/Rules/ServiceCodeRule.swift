import RegistryModel

/// A DCCP service code where none belongs, or one that is not a valid code.
enum ServiceCodeRule: ModelRule {
    static let description = RuleDescription(
        id: "service-code", name: "DCCP service code", severity: .error,
        summary: "A service code on a record that is not DCCP, or one that is not a valid 32-bit code.",
        rationale: """
            RFC 4340 §8.1.2 and RFC 5595: a DCCP service code is an unsigned 32-bit number and \
            4294967295 is invalid; RFC 6335 §8.1.1 asks for one on DCCP registrations only, so \
            only DCCP records carry one.
            """,
        triggering: [
            .csv("example,40001,tcp,Not DCCP,[Ann],[Ann],2020-01-02,,,↓1234,,"),
            .csv("example,40001,dccp,Reserved value,[Ann],[Ann],2020-01-02,,,↓4294967295,,"),
            .csv("example,40001,dccp,Too big,[Ann],[Ann],2020-01-02,,,↓4294967296,,"),
        ],
        nonTriggering: [
            .csv("ltp-deepspace,1113,dccp,Licklider Transmission Protocol,[Ann],[Ann],2008-09,,,7107696,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records {
            guard let code = record.serviceCode, !code.text.isEmpty else { continue }
            switch code {
            case .invalid(let raw):
                findings.report(
                    "service code '\(raw)' is not an unsigned 32-bit decimal number (RFC 4340 §8.1.2)",
                    on: record, field: .serviceCode)
            case .valid(let value) where value.value == UInt32.max:
                findings.report(
                    "service code 4294967295 is the invalid code (RFC 4340 §8.1.2)",
                    on: record, field: .serviceCode)
            case .valid:
                break
            }
            if record.transport != .dccp {
                let carrier = record.transportProtocol.map { "a \($0.text) record" } ?? "a record without a protocol"
                findings.report(
                    "service code \(code.text) on \(carrier): only DCCP records carry one",
                    on: record, field: .serviceCode)
            }
        }
    }
}
