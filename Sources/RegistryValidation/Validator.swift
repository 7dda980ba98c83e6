import RegistryModel

/// Which rules run and how loud they are.
public struct ValidationOptions: Sendable {
    /// Warnings become errors and strict-only rules run (for new registrations).
    public var strict: Bool
    public var disabled: Set<String>
    public var severities: [String: Severity]

    public init(strict: Bool = false, disabled: Set<String> = [], severities: [String: Severity] = [:]) {
        self.strict = strict
        self.disabled = disabled
        self.severities = severities
    }

    /// True when a finding of this severity makes the run fail.
    public func fails(_ severity: Severity) -> Bool {
        severity == .error
    }
}

/// Runs the rules over one input.
public enum Validator {
    public static func validate(
        _ input: ValidationInput, options: ValidationOptions = .init(), rules: [any Rule.Type] = Rules.all
    ) -> [Finding] {
        var all: [Finding] = []
        for rule in rules {
            let description = rule.description
            guard !options.disabled.contains(description.id), !description.strictOnly || options.strict else { continue }
            var findings = Findings(rule: description)
            rule.check(input, into: &findings)
            let override = options.severities[description.id]
            for var finding in findings.items {
                if let override { finding.severity = override }
                if options.strict, finding.severity == .warning { finding.severity = .error }
                all.append(finding)
            }
        }
        return all.sorted(by: Finding.reportOrder)
    }
}
