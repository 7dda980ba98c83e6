import ASCIIBytes
import RegistryModel

/// A registration or modification date that is not `YYYY-MM(-DD)` or not a real date.
enum DateFormat: ModelRule {
    static let description = RuleDescription(
        id: "date-format", name: "Date format", severity: .error,
        summary: "A registration or modification date is not YYYY-MM or YYYY-MM-DD, or not a real calendar date.",
        rationale: """
            The registry writes dates as YYYY-MM-DD, or YYYY-MM for old entries whose day was \
            never recorded (layout of IANA's XML). Other spellings cannot be compared or sorted, \
            and a date like 2021-02-30 is a typing error.
            """,
        triggering: [
            .csv("example,40001,tcp,Slashes,[Ann],[Ann],↓2011/05/23,,,,,"),
            .csv("example,40001,tcp,No such day,[Ann],[Ann],2021-01-02,↓2021-02-30,,,,"),
            .xml("""
                ↓<record date="23 May 2011">
                  <name>example</name><protocol>tcp</protocol><number>40001</number>
                  <description>Day first</description>
                </record>
                """),
        ],
        nonTriggering: [
            .csv("example,40001,tcp,Month only,[Ann],[Ann],2004-11,2024-02-29,,,,"),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records {
            check(record.registrationDate, "registration date", record, .registrationDate, &findings)
            check(record.modificationDate, "modification date", record, .modificationDate, &findings)
        }
    }

    private static func check(
        _ date: Parsed<RegistryDate>?, _ what: String, _ record: Record, _ field: RecordField,
        _ findings: inout Findings
    ) {
        guard case .invalid(let raw)? = date, !raw.isEmpty else { return }
        let shapeIsRight = raw.utf8.count == 7 || raw.utf8.count == 10
            ? raw.utf8.enumerated().allSatisfy { index, byte in
                index == 4 || index == 7 ? byte == UInt8(ascii: "-") : ASCII.isDigit(byte)
            }
            : false
        findings.report(
            shapeIsRight
                ? "\(what) '\(raw)' is not a real calendar date"
                : "\(what) '\(raw)' is not YYYY-MM-DD or YYYY-MM",
            on: record, field: field)
    }
}
