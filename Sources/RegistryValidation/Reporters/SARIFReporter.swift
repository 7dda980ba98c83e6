import RegistryModel

/// SARIF 2.1.0 for code-scanning uploads: the tool driver lists every rule (from `Rules.all`)
/// with its rationale as help; each result names its rule, level and physical location, the
/// other record it concerns, and a fingerprint of rule and record that survives moved lines.
/// Paths are relative to %SRCROOT% (the current directory) where they can be; files that could
/// not be read are the invocation's notifications.
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
        var originalUriBaseIds: [String: BaseURI]?
        var invocations: [Invocation]
        var results: [Result]
    }

    struct BaseURI: Encodable { var uri: String }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        var level = "error"
        var message: Message
        var locations: [Location]
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
        var help: Message
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
        var relatedLocations: [RelatedLocation]?
        var partialFingerprints: [String: String]
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct RelatedLocation: Encodable {
        var id: Int
        var message: Message
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: UInt32
        var startColumn: UInt32
    }

    /// The base relative URIs resolve against.
    static let sourceRoot = "%SRCROOT%"
    /// The key of the fingerprint each result carries.
    static let fingerprintKey = "ianaconvRuleAndRecord/v1"

    /// `sourceRoot` is the absolute path of the folder relative paths start from (the current
    /// directory); paths under it are written relative to %SRCROOT%, others as file: URIs.
    public static func render(_ report: Report, toolVersion: String, sourceRoot root: String? = nil) -> [UInt8] {
        let descriptions = Rules.descriptions
        var index: [String: Int] = [:]
        for (i, rule) in descriptions.enumerated() { index[rule.id] = i }
        let rules = descriptions.map {
            RuleMetadata(
                id: $0.id, name: $0.name, shortDescription: Message(text: $0.summary),
                fullDescription: Message(text: $0.rationale), help: Message(text: $0.rationale),
                defaultConfiguration: Configuration(level: level($0.severity)),
                properties: Properties(strictOnly: $0.strictOnly))
        }
        let results = report.files.flatMap { file in
            let artifact = artifactLocation(file.path, root: root)
            var occurrences: [String: Int] = [:]
            return file.findings.map { finding in
                // Rule and record, numbered when one rule says several things of one record.
                let identity = "\(finding.ruleID):\(finding.subject.description)"
                occurrences[identity, default: 0] += 1
                return Result(
                    ruleId: finding.ruleID, ruleIndex: index[finding.ruleID] ?? 0, level: level(finding.severity),
                    message: Message(text: finding.message),
                    locations: [Location(physicalLocation: PhysicalLocation(
                        artifactLocation: artifact, region: finding.location.map(region)))],
                    relatedLocations: finding.related.map { related in
                        [RelatedLocation(
                            id: 1, message: Message(text: "the other record"),
                            physicalLocation: PhysicalLocation(artifactLocation: artifact, region: region(related)))]
                    },
                    partialFingerprints: [fingerprintKey: "\(identity):\(occurrences[identity]!)"])
            }
        }
        let invocation = Invocation(
            executionSuccessful: report.unreadable.isEmpty,
            toolExecutionNotifications: report.unreadable.map { file in
                Notification(
                    message: Message(text: file.message),
                    locations: [Location(physicalLocation: PhysicalLocation(
                        artifactLocation: artifactLocation(file.file, root: root), region: nil))])
            })
        let run = Run(
            tool: Tool(driver: Driver(version: toolVersion, rules: rules)),
            originalUriBaseIds: root.map { [sourceRoot: BaseURI(uri: fileURI(directory: $0))] },
            invocations: [invocation], results: results)
        return JSONReporter.encode(Log(runs: [run]))
    }

    private static func region(_ location: SourceLocation) -> Region {
        Region(startLine: location.line, startColumn: location.column)
    }

    /// A path as SARIF names it: relative to %SRCROOT% when it is under the source root (or
    /// relative already), a file: URI when it is absolute elsewhere; `<stdin>` as it is.
    static func artifactLocation(_ path: String, root: String?) -> ArtifactLocation {
        if path.hasPrefix("<") { return ArtifactLocation(uri: uri(path)) }
        guard path.hasPrefix("/") else {
            return ArtifactLocation(uri: uri(path), uriBaseId: root == nil ? nil : sourceRoot)
        }
        if let root {
            let folder = root.hasSuffix("/") ? root : root + "/"
            if path.hasPrefix(folder) {
                return ArtifactLocation(uri: uri(String(path.dropFirst(folder.count))), uriBaseId: sourceRoot)
            }
        }
        return ArtifactLocation(uri: "file://" + uri(path))
    }

    /// `file:///work/repo/`: a folder's URI ends with a slash, so relative URIs resolve inside it.
    static func fileURI(directory: String) -> String {
        "file://" + uri(directory.hasSuffix("/") ? directory : directory + "/")
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
