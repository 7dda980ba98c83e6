import RegistryModel

/// SARIF 2.1.0 for code-scanning uploads: the tool driver lists every rule (from `Rules.all`),
/// each result names its rule, level and physical location.
public enum SARIFReporter {
    struct Log: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case version, runs
            case schema = "$schema"
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "ianaconv"
        var version: String
        var informationUri = "https://www.rfc-editor.org/rfc/rfc6335"
        var rules: [RuleMetadata]
    }

    struct RuleMetadata: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    struct Configuration: Encodable { var level: String }
    struct Properties: Encodable { var strictOnly: Bool }
    struct Message: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: UInt32
        var startColumn: UInt32
    }

    public static func render(_ report: Report, toolVersion: String) -> [UInt8] {
        let descriptions = Rules.descriptions
        var index: [String: Int] = [:]
        for (i, rule) in descriptions.enumerated() { index[rule.id] = i }
        let rules = descriptions.map {
            RuleMetadata(
                id: $0.id, name: $0.name, shortDescription: Message(text: $0.summary),
                fullDescription: Message(text: $0.rationale),
                defaultConfiguration: Configuration(level: level($0.severity)),
                properties: Properties(strictOnly: $0.strictOnly))
        }
        let results = report.files.flatMap { file in
            file.findings.map { finding in
                Result(
                    ruleId: finding.ruleID, ruleIndex: index[finding.ruleID] ?? 0, level: level(finding.severity),
                    message: Message(text: finding.message),
                    locations: [Location(physicalLocation: PhysicalLocation(
                        artifactLocation: ArtifactLocation(uri: uri(file.path)),
                        region: finding.location.map { Region(startLine: $0.line, startColumn: $0.column) }))])
            }
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: toolVersion, rules: rules)), results: results)])
        return JSONReporter.encode(log)
    }

    /// SARIF's levels: error, warning, note.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI reference for a path (spaces and the like percent-encoded).
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let safe = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~/".utf8.contains(byte)
            if safe {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
            }
        }
        return out
    }
}
