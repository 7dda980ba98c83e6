import FoundationEssentials

/// Findings a curator has accepted, so that only new ones fail a run. Entries are keyed by the
/// rule and the subject (name, port, protocol, or person), never by line or file: inserting
/// records, re-ordering them or converting the registry to another layout keeps the baseline
/// valid. An entry accepts as many findings as its count; any more still fail.
public struct Baseline: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Hashable {
        public var rule: String
        public var name: String?
        public var port: String?
        public var `protocol`: String?
        public var person: String?
        public var count: Int

        var key: Key { Key(rule: rule, subject: Subject(name: name, port: port, protocol: `protocol`, person: person)) }
    }

    struct Key: Hashable {
        var rule: String
        var subject: Subject
    }

    public var version = 1
    public var entries: [Entry]

    /// A baseline accepting every finding given.
    public init(accepting findings: [Finding]) {
        var counts: [Key: Int] = [:]
        for finding in findings { counts[Key(rule: finding.ruleID, subject: finding.subject), default: 0] += 1 }
        entries = counts.map { key, count in
            Entry(
                rule: key.rule, name: key.subject.name, port: key.subject.port, protocol: key.subject.protocol,
                person: key.subject.person, count: count)
        }.sorted { ($0.rule, Subject(name: $0.name, port: $0.port, protocol: $0.protocol, person: $0.person))
            < ($1.rule, Subject(name: $1.name, port: $1.port, protocol: $1.protocol, person: $1.person)) }
    }

    /// A baseline as `--write-baseline` writes it: a version ianaconv knows, known rules and
    /// counts of at least 1 (anything else would accept findings no one recorded, or none).
    public init(json bytes: [UInt8]) throws {
        self = try JSONDecoder().decode(Baseline.self, from: Data(bytes))
        guard version == 1 else { throw Invalid(reason: "version \(version) is not one ianaconv knows (1)") }
        let known = Set(Rules.ids)
        for (index, entry) in entries.enumerated() {
            guard known.contains(entry.rule) else {
                throw Invalid(reason: "entry \(index + 1) names an unknown rule '\(entry.rule)' ('ianaconv rules' lists them)")
            }
            guard entry.count >= 1 else { throw Invalid(reason: "entry \(index + 1) has a count of \(entry.count); counts start at 1") }
        }
    }

    /// Why a file is not a baseline ianaconv can use.
    public struct Invalid: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    public var json: [UInt8] { JSONReporter.encode(self) }

    /// Decides, finding by finding (in report order), which ones the baseline accepts.
    public func matcher() -> Matcher {
        var remaining: [Key: Int] = [:]
        for entry in entries { remaining[entry.key, default: 0] += entry.count }
        return Matcher(remaining: remaining)
    }

    public struct Matcher {
        var remaining: [Key: Int]

        /// True when the finding is accepted (and uses up one of its entry's count).
        public mutating func accepts(_ finding: Finding) -> Bool {
            let key = Key(rule: finding.ruleID, subject: finding.subject)
            guard let left = remaining[key], left > 0 else { return false }
            remaining[key] = left - 1
            return true
        }
    }
}
