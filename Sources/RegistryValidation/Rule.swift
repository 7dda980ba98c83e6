import RegistryModel
import RegistryReaders

/// A validation rule: one type per rule, in `Rules/`, listed once in `Rules.model` or
/// `Rules.source` by its kind. Its description is its documentation (`ianaconv rules`,
/// docs/rules.md, SARIF's rule list) and its examples are its tests.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
}

/// A rule over the registry as read: it sees the shared model, so it gives the same findings
/// in every layout.
public protocol ModelRule: Rule {
    /// Appends what the rule finds in `input` to `findings`.
    static func check(_ input: ValidationInput, into findings: inout Findings)
}

/// A rule over an input's bytes as written, in the one layout whose syntax it knows (the XML
/// schema): it runs whether or not the reader can take the input, so it can also say why the
/// reader could not.
public protocol SourceRule: Rule {
    /// The layout whose bytes the rule reads, named by its reader.
    static var layout: any RegistryReader.Type { get }
    /// Appends what the rule finds in `source` to `findings`.
    static func check(_ source: SourceInput, into findings: inout Findings)
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

/// Where a rule puts its findings: it stamps each with the rule's id and default severity.
public struct Findings: Sendable {
    public let rule: RuleDescription
    public private(set) var items: [Finding] = []

    public init(rule: RuleDescription) { self.rule = rule }

    public mutating func report(
        _ message: String, at location: SourceLocation?, about subject: Subject, severity: Severity? = nil,
        related: SourceLocation? = nil
    ) {
        items.append(Finding(
            ruleID: rule.id, severity: severity ?? rule.severity, message: message,
            location: location, subject: subject, related: related))
    }

    /// A finding on a record's field, at the field (or the record when the field has no place);
    /// `other` is the record it conflicts with, if any.
    public mutating func report(
        _ message: String, on record: Record, field: RecordField, severity: Severity? = nil, other: Record? = nil
    ) {
        report(
            message, at: record.locations.best(field), about: Subject(record), severity: severity,
            related: other?.locations[.record])
    }
}
