import RegistryModel
import Synchronization

/// A validation rule: one type per rule, in `Rules/`, listed once in `Rules.all`. Its
/// description is its documentation (`ianaconv rules`, docs/rules.md, SARIF's rule list) and
/// its examples are its tests.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Appends what the rule finds in `input` to `findings`.
    static func check(_ input: ValidationInput, into findings: inout Findings)
}

public struct RuleDescription: Sendable {
    /// Stable kebab-case id: what `--disable`, `--severity` and baselines name.
    public var id: String
    public var name: String
    public var severity: Severity
    /// One line: what the rule checks.
    public var summary: String
    /// Why: the RFC 6335 section, or the data reason.
    public var rationale: String
    /// Runs only under `--strict` (checks meant for new registrations).
    public var strictOnly: Bool
    /// Inputs that must trigger the rule, a `↓` marking where each finding lands.
    public var triggering: [RuleExample]
    /// Inputs that must not trigger it.
    public var nonTriggering: [RuleExample]

    public init(
        id: String, name: String, severity: Severity, summary: String, rationale: String,
        strictOnly: Bool = false, triggering: [RuleExample], nonTriggering: [RuleExample]
    ) {
        self.id = id
        self.name = name
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.strictOnly = strictOnly
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// What a rule sees: the registry read from one input, and the input's bytes when it is XML
/// (for the schema).
public struct ValidationInput: Sendable {
    public let registry: Registry
    public let xmlBytes: [UInt8]?
    /// The index of the XML input among the registry's source files.
    public let xmlFile: UInt16
    private let shared = SharedIndexes()

    public init(registry: Registry, xmlBytes: [UInt8]? = nil, xmlFile: UInt16 = 0) {
        self.registry = registry
        self.xmlBytes = xmlBytes
        self.xmlFile = xmlFile
    }

    /// The ports every record describes, for the rules that ask whether a port has any entry
    /// (counterparts, gaps). Built on first use and then shared: it walks and sorts every
    /// record.
    var describedPorts: PortIndex {
        shared.describedPorts(of: registry.records)
    }
}

/// Indexes that several rules need, built once per input by the first rule that asks; rules
/// may run on several threads at once, so the first asker builds under the lock.
private final class SharedIndexes: Sendable {
    private let described = Mutex<PortIndex?>(nil)

    func describedPorts(of records: [Record]) -> PortIndex {
        described.withLock { described in
            if let described { return described }
            let index = PortIndex(records) { _ in true }
            described = index
            return index
        }
    }
}

/// Where a rule puts its findings: it stamps each with the rule's id and default severity.
public struct Findings: Sendable {
    public let rule: RuleDescription
    public private(set) var items: [Finding] = []

    public init(rule: RuleDescription) { self.rule = rule }

    public mutating func report(
        _ message: String, at location: SourceLocation?, about subject: Subject, severity: Severity? = nil
    ) {
        items.append(Finding(
            ruleID: rule.id, severity: severity ?? rule.severity, message: message,
            location: location, subject: subject))
    }

    /// A finding on a record's field, at the field (or the record when the field has no place).
    public mutating func report(_ message: String, on record: Record, field: RecordField, severity: Severity? = nil) {
        report(message, at: record.locations.best(field), about: Subject(record), severity: severity)
    }
}
