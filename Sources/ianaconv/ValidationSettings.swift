import ArgumentParser
import RegistryConversion
import RegistryValidation

/// What `validate` runs with on one file: the nearest `.ianaconv.yml` from the file's folder
/// upwards (as SwiftLint finds `.swiftlint.yml`), overridden by the command line.
struct ValidationSettings {
    var options: ValidationOptions
    var against: String?
    var baseline: String?
    /// Findings below it are not reported.
    var minimumSeverity: Severity?
}

/// The rule settings given on the command line: `--disable RULE`, `--severity RULE=LEVEL`
/// (`off` turns the rule off).
struct CommandLineRules {
    var disabled: Set<String> = []
    var severities: [String: Severity] = [:]

    init(disable: [String], severity: [String]) throws {
        func checked(_ id: String, _ option: String) throws -> String {
            guard Rules.ids.contains(id) else {
                throw ValidationError("\(option): unknown rule '\(id)'; 'ianaconv rules' lists them")
            }
            return id
        }
        for setting in severity {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            let level = parts.count == 2 ? parts[1].lowercased() : ""
            guard level == "off" || Severity(rawValue: level) != nil else {
                throw ValidationError("--severity \(setting): write RULE=LEVEL with LEVEL error, warning, info or off")
            }
            let id = try checked(parts[0], "--severity")
            if let severity = Severity(rawValue: level) { severities[id] = severity } else { disabled.insert(id) }
        }
        for id in disable { disabled.insert(try checked(id, "--disable")) }
    }

    /// A configuration's rule settings with these over them: a level given here turns a rule
    /// the file disables back on.
    func over(_ configuration: ValidationConfiguration) -> (disabled: Set<String>, severities: [String: Severity]) {
        let disabled = configuration.disabled.subtracting(severities.keys).union(self.disabled)
        return (disabled, configuration.severities.merging(severities) { _, given in given })
    }
}

/// Finds the configuration of each input, reading each folder's file at most once.
final class ConfigurationLookup {
    private var byFolder: [String: ValidationConfiguration?] = [:]

    /// The nearest configuration up from the folder of `path` (the current directory for
    /// standard input); nil when there is none up to the root.
    func configuration(for path: String) throws(ConfigurationError) -> ValidationConfiguration? {
        let folder = path == "-" ? "." : path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        return try configuration(in: FileIO.resolvingLinks(folder))
    }

    private func configuration(in folder: String) throws(ConfigurationError) -> ValidationConfiguration? {
        if let known = byFolder[folder] { return known }
        let candidate = (folder == "/" ? "" : folder) + "/" + ValidationConfiguration.fileName
        let found: ValidationConfiguration?
        if FileIO.size(of: candidate) != nil {
            let bytes: [UInt8]
            do {
                bytes = try FileIO.readFile(candidate)
            } catch {
                throw ConfigurationError(path: candidate, line: nil, message: "cannot read: \(error.reason)")
            }
            found = try ValidationConfiguration(yaml: String(decoding: bytes, as: UTF8.self), path: candidate)
        } else if folder == "/" {
            found = nil
        } else {
            let parent = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
            found = try configuration(in: parent.isEmpty ? "/" : parent)
        }
        byFolder[folder] = found
        return found
    }
}
