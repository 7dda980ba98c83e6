import RegistryLayoutKit
import RegistryModel

/// GNU style, one finding a line, what editors and CI annotate:
/// `path:line:column: severity: message [rule-id]`.
public enum TextReporter {
    public static func render(_ report: Report) -> [UInt8] {
        var out = ByteBuffer(capacity: 1 << 16)
        for file in report.files {
            for finding in file.findings {
                out.append(line(finding, path: file.path))
                out.append(0x0A)
            }
        }
        return Array(out.bytes)
    }

    public static func line(_ finding: Finding, path: String) -> String {
        var place = path
        if let location = finding.location { place += ":\(location.line):\(location.column)" }
        // The message quotes the data, the path is the user's: neither may control the terminal.
        return VisibleText.escaped("\(place): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]")
    }
}
