import ASCIIBytes
import RegistryModel

/// A name grandfathered from before RFC 6335 that breaks §5.1.
enum LegacyServiceName: ModelRule {
    static let description = RuleDescription(
        id: "legacy-service-name", name: "Legacy service name", severity: .warning,
        summary: "A name registered before RFC 6335 breaks §5.1; the message names its well-formed replacement when the registry has one.",
        rationale: """
            RFC 6335 §5.1 fixed the syntax of service names in August 2011. 99 names then in \
            the registry break it (whois++, sql*net, z39.50, names with _ or spaces). ianaconv \
            ships them as a list: Scripts/grandfathered-names.sh reads the oldest registry in \
            its suite, IANA's text page of 2013-06-26, and keeps each name that breaks §5.1 \
            on a record with no registration date or one before 2011-08 (no such name was \
            registered after). They stay in the registry, and IANA added well-formed \
            replacements beside many of them on the same port. Software that needs §5.1 names (DNS-SD, SRV records) should use the \
            replacement. Any other name that breaks §5.1 is a service-name-syntax error.
            """,
        triggering: [
            .csv("""
                ↓whois++,63,tcp,whois++,[Deutsch],[Deutsch],,,,,,
                whoispp,63,tcp,whois++,[Deutsch],[Deutsch],,,,,,
                """),
            .csv("↓sql*net,150,tcp,SQL-NET,[Martin],[Martin],,,,,,"),
            .csv("↓z39.50,210,tcp,ANSI Z39.50,[Lynch],[Lynch],1995-06,,,,,"),
        ],
        nonTriggering: [
            .csv("whoispp,63,tcp,whois++,[Deutsch],[Deutsch],,,,,,"),
            .csv("edi_service,34567,udp,EDI Service,[Girish],[Girish],2016-10-26,,,,,"),
            .csv("my_service,7000,tcp,My Service Protocol,[Jane_Doe],[Jane_Doe],,,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        let records = input.registry.records
        // An added record's name is service-name-syntax's, with no exemption.
        let legacy = records.indices.filter {
            !input.isAdded($0) && records[$0].name?.value.map { $0.isLegacy && $0.isGrandfathered } == true
        }
        guard !legacy.isEmpty else { return }
        // Well-formed names on the legacy names' ports and protocols: where a replacement stands.
        var wellFormed: [Slot: [String]] = [:]
        for index in legacy where records[index].number != nil {
            wellFormed[Slot(records[index])] = []
        }
        for index in records.indices {
            // Field by field: binding the whole record would copy every field of it.
            guard let number = records[index].number, case .valid(let name)? = records[index].name, !name.isLegacy
            else { continue }
            let slot = Slot(number: number, transport: records[index].transportProtocol)
            wellFormed[slot]?.append(name.text)
        }
        for record in legacy.map({ records[$0] }) {
            guard let name = record.name?.value, let violation = name.violation
            else { continue }
            var message = "legacy service name '\(name.text)' \(violation.rawValue) (RFC 6335 §5.1)"
            if let replacement = wellFormed[Slot(record)]?.first(where: { resembles($0, name.text) }) {
                message += "; use its well-formed replacement '\(replacement)'"
            } else {
                message += "; kept as registered before RFC 6335"
            }
            findings.report(message, on: record, field: .name)
        }
    }

    /// A port (or range) and protocol: where a replacement name would stand.
    private struct Slot: Hashable {
        var number: Parsed<PortRange>?
        var transport: Parsed<TransportProtocol>?

        init(_ record: Record) {
            self.init(number: record.number, transport: record.transportProtocol)
        }

        init(number: Parsed<PortRange>?, transport: Parsed<TransportProtocol>?) {
            self.number = number
            self.transport = transport
        }
    }

    /// `whoispp` for `whois++`, `sql-net` for `sql*net`: the same letters and digits, or one
    /// spelling's letters and digits starting the other's.
    private static func resembles(_ candidate: String, _ legacy: String) -> Bool {
        let a = letterAndDigitKey(candidate)
        let b = letterAndDigitKey(legacy)
        return !a.isEmpty && !b.isEmpty && (a.starts(with: b) || b.starts(with: a))
    }

    private static func letterAndDigitKey(_ text: String) -> [UInt8] {
        ASCII.lowercased(text).utf8.filter {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
        }
    }
}
