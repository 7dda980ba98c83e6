import RegistryModel

/// How much a finding matters. Errors fail a run; warnings fail it under `--strict`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info, warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
}

/// What a finding is about, independent of where it sits in a file: a record by its name,
/// port and protocol (the registry's own identity), a person by id, or the registry itself.
/// Baselines match on this, never on line numbers, so inserting records does not break them.
public struct Subject: Hashable, Sendable, Comparable, Codable {
    public var name: String?
    public var port: String?
    public var `protocol`: String?
    public var person: String?

    public init(name: String? = nil, port: String? = nil, protocol: String? = nil, person: String? = nil) {
        self.name = name
        self.port = port
        self.protocol = `protocol`
        self.person = person
    }

    public init(_ record: Record) {
        self.init(
            name: record.serviceNameText, port: record.number?.text,
            protocol: record.transportProtocol?.text)
    }

    public static func < (a: Subject, b: Subject) -> Bool {
        (a.name ?? "", a.port ?? "", a.protocol ?? "", a.person ?? "")
            < (b.name ?? "", b.port ?? "", b.protocol ?? "", b.person ?? "")
    }

    /// `whois++ 43/tcp`, `person Ari_Huisken`: how messages and reports name the subject.
    public var description: String {
        if let person { return "person \(person)" }
        var out = name ?? ""
        if let port { out += (out.isEmpty ? "" : " ") + port }
        if let `protocol` { out += (port == nil ? (out.isEmpty ? "" : " ") : "/") + `protocol` }
        return out.isEmpty ? "registry" : out
    }
}

/// One problem a rule found, with where it is and what it is about.
public struct Finding: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// The offending field's place in the input (nil only when the input has no place for it).
    public var location: SourceLocation?
    public var subject: Subject
    /// The other record a finding is about, when it has one (the first of two duplicates, the
    /// assigned entry a Reserved one overlaps): SARIF lists it as a related location.
    public var related: SourceLocation?

    public init(
        ruleID: String, severity: Severity, message: String, location: SourceLocation?, subject: Subject,
        related: SourceLocation? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.subject = subject
        self.related = related
    }

    /// Report order: by place, then rule and message, so output never depends on rule order.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        let aPlace = a.location ?? SourceLocation(file: 0, line: 0, column: 0)
        let bPlace = b.location ?? SourceLocation(file: 0, line: 0, column: 0)
        if aPlace != bPlace { return aPlace < bPlace }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}

extension Record {
    /// The service name as written, or nil when there is none. IANA writes `<name/>` on some
    /// Reserved rows; an empty name is no name (CSV cannot tell the two apart either).
    public var serviceNameText: String? {
        guard let text = self.name?.text, !text.isEmpty else { return nil }
        return text
    }
}
