import RegistryValidation

/// The settings of a `.ianaconv.yml` file, for `validate`: which rules run, at what severity,
/// the baseline, the lowest severity listed, and the release to judge changes against.
///
///     disable: [coverage-gap]
///     severity:
///       record-order: warning
///       suspicious-text: off
///     baseline: registry/baseline.json
///     min-severity: warning
///     against: git:HEAD
///
/// Paths in it are relative to its folder. An unknown key, rule or level is an error at its line.
public struct ValidationConfiguration: Sendable, Equatable {
    public static let fileName = ".ianaconv.yml"

    /// Rules turned off, by `disable:` or a severity of `off`.
    public var disabled: Set<String> = []
    public var severities: [String: Severity] = [:]
    /// The baseline file, resolved against the configuration's folder.
    public var baseline: String?
    /// Findings below this severity are not reported.
    public var minimumSeverity: Severity?
    /// A file (resolved against the configuration's folder) or `git:REV`.
    public var against: String?

    public init() {}

    /// Parses the text of the configuration file at `path` (which names it in errors and
    /// anchors its relative paths).
    public init(yaml: String, path: String) throws(ConfigurationError) {
        let reader = Reader(path: path)
        let root: YAMLNode?
        do {
            root = try YAMLNode.load(yaml)
        } catch {
            throw ConfigurationError(path: path, line: error.line, message: "not valid YAML: \(error.problem)")
        }
        guard let root else { return }  // an empty file sets nothing
        for (key, value) in try reader.mapping(root, "the file") {
            let name = try reader.text(key, "a key")
            switch name {
            case "disable":
                for rule in try reader.list(value, name) { disabled.insert(try reader.rule(rule)) }
            case "severity":
                for (rule, level) in try reader.mapping(value, name) {
                    let id = try reader.rule(rule)
                    let text = try reader.text(level, "a level")
                    if text.lowercased() == "off" {
                        disabled.insert(id)
                    } else {
                        severities[id] = try reader.severity(level)
                    }
                }
            case "baseline": baseline = reader.resolved(try reader.text(value, name))
            case "min-severity": minimumSeverity = try reader.severity(value)
            case "against":
                let release = try reader.text(value, name)
                against = release.hasPrefix("git:") ? release : reader.resolved(release)
            default:
                throw reader.error(
                    key, "unknown key '\(name)'; the keys are disable, severity, baseline, min-severity, against")
            }
        }
    }

    /// Reads the nodes of one file, failing at the line of the first thing it cannot take.
    private struct Reader {
        let path: String

        func error(_ node: YAMLNode, _ message: String) -> ConfigurationError {
            ConfigurationError(path: path, line: node.line, message: message)
        }

        func text(_ node: YAMLNode, _ what: String) throws(ConfigurationError) -> String {
            guard case .scalar(let text, _) = node else { throw error(node, "\(what) must be a single value") }
            return text
        }

        func mapping(_ node: YAMLNode, _ what: String) throws(ConfigurationError) -> [(key: YAMLNode, value: YAMLNode)] {
            guard case .mapping(let entries, _) = node else { throw error(node, "\(what) must be a mapping of keys to values") }
            return entries
        }

        /// A sequence, or one value standing for a sequence of one.
        func list(_ node: YAMLNode, _ what: String) throws(ConfigurationError) -> [YAMLNode] {
            switch node {
            case .sequence(let items, _): return items
            case .scalar: return [node]
            default: throw error(node, "\(what) must be a list of rule ids")
            }
        }

        func rule(_ node: YAMLNode) throws(ConfigurationError) -> String {
            let id = try text(node, "a rule id")
            guard Rules.ids.contains(id) else { throw error(node, "unknown rule '\(id)'; 'ianaconv rules' lists them") }
            return id
        }

        func severity(_ node: YAMLNode) throws(ConfigurationError) -> Severity {
            let text = try text(node, "a level")
            guard let level = Severity(rawValue: text.lowercased()) else {
                throw error(node, "unknown level '\(text)'; write error, warning, info or off")
            }
            return level
        }

        /// A path relative to the configuration's folder.
        func resolved(_ relative: String) -> String {
            guard !relative.hasPrefix("/"), let slash = path.lastIndex(of: "/") else { return relative }
            return String(path[...slash]) + relative
        }
    }
}

/// A configuration file that cannot be used, at `path:line` when the line is known.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): error: \(message)"
    }
}
