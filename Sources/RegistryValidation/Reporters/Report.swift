import RegistryModel

/// The findings of one run: each input file with its findings, files in name order so the
/// output does not depend on the order or batching of the command line.
public struct Report: Sendable {
    public struct File: Sendable {
        public var path: String
        public var findings: [Finding]

        public init(path: String, findings: [Finding]) {
            self.path = path
            self.findings = findings
        }
    }

    /// An input that could not be read, and why (also on stderr).
    public struct Unreadable: Sendable, Encodable {
        public var file: String
        public var message: String

        public init(file: String, message: String) {
            self.file = file
            self.message = message
        }
    }

    public var files: [File]
    /// Findings the baseline accepted (not shown).
    public var accepted: Int
    /// Inputs that could not be read: JSON and SARIF list them, the summary counts them.
    public var unreadable: [Unreadable]
    /// Judged against an earlier release: findings on records the change did not touch, which
    /// do not count (listed with `--all`).
    public var untouched: Int

    public init(files: [File], accepted: Int = 0, unreadable: [Unreadable] = [], untouched: Int = 0) {
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.accepted = accepted
        self.unreadable = unreadable
        self.untouched = untouched
    }

    public func count(_ severity: Severity) -> Int {
        files.reduce(0) { $0 + $1.findings.filter { $0.severity == severity }.count }
    }

    /// `3 errors, 12 warnings, 2 info in 1 file`: the line for stderr.
    public var summary: String {
        func counted(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var out = "\(counted(count(.error), "error")), \(counted(count(.warning), "warning"))"
        let infos = count(.info)
        if infos > 0 { out += ", \(infos) info" }
        out += " in \(counted(files.count, "file"))"
        if accepted > 0 { out += " (\(accepted) more accepted by the baseline)" }
        if untouched > 0 { out += "; \(counted(untouched, "finding")) on records the change does not touch (--all lists them)" }
        if !unreadable.isEmpty { out += "; \(counted(unreadable.count, "file")) could not be read" }
        return out
    }
}
