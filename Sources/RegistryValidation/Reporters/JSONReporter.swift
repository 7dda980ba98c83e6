import FoundationEssentials
import RegistryModel

/// Findings as JSON, for scripts: every finding with its place, rule, severity, message and
/// subject, the files that could not be read, and the counts.
public enum JSONReporter {
    struct Document: Encodable {
        var findings: [Item]
        var unreadable: [Report.Unreadable]
        var summary: Summary
    }

    struct Item: Encodable {
        var file: String
        var line: UInt32?
        var column: UInt32?
        var rule: String
        var severity: Severity
        var message: String
        var subject: Subject
    }

    struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var info: Int
        var files: Int
        var acceptedByBaseline: Int
    }

    public static func render(_ report: Report) -> [UInt8] {
        let items = report.files.flatMap { file in
            file.findings.map {
                Item(
                    file: file.path, line: $0.location?.line, column: $0.location?.column, rule: $0.ruleID,
                    severity: $0.severity, message: $0.message, subject: $0.subject)
            }
        }
        let summary = Summary(
            errors: report.count(.error), warnings: report.count(.warning), info: report.count(.info),
            files: report.files.count, acceptedByBaseline: report.accepted)
        return encode(Document(findings: items, unreadable: report.unreadable, summary: summary))
    }

    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data()) + [0x0A]
    }
}
