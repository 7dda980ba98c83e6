import RegistryModel
import RegistryReaders

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

/// Runs the rules of both kinds over what was read.
public enum Validator {
    /// Every rule on one read: the source rules on the bytes of each input whose layout they
    /// know, the model rules on the registry read from the inputs. In report order.
    public static func validate(
        _ registry: Registry, sources: [SourceInput], options: ValidationOptions = .init()
    ) -> [Finding] {
        let fromSources = sources.flatMap { validate($0, options: options) }
        return (fromSources + validate(ValidationInput(registry: registry), options: options)).sorted(by: Finding.reportOrder)
    }

    /// The model rules on a registry.
    public static func validate(
        _ input: ValidationInput, options: ValidationOptions = .init(), rules: [any ModelRule.Type] = Rules.model
    ) -> [Finding] {
        rules.flatMap { rule in
            findings(of: rule.description, options: options) { rule.check(input, into: &$0) }
        }.sorted(by: Finding.reportOrder)
    }

    /// The source rules that know the input's layout, on its bytes.
    public static func validate(
        _ source: SourceInput, options: ValidationOptions = .init(), rules: [any SourceRule.Type] = Rules.source
    ) -> [Finding] {
        rules.filter { $0.layout == source.reader }.flatMap { rule in
            findings(of: rule.description, options: options) { rule.check(source, into: &$0) }
        }.sorted(by: Finding.reportOrder)
    }

    /// The source rules that would run on an input of `reader`'s layout, prepared to run on
    /// another thread; empty when there is nothing to check in its bytes.
    public static func sourceRules(for reader: any RegistryReader.Type, options: ValidationOptions) -> [any SourceRule.Type] {
        let rules = Rules.source.filter { $0.layout == reader && options.runs($0.description) }
        rules.forEach { $0.prepare() }
        return rules
    }

    /// One rule's findings at the severities the options give.
    private static func findings(
        of rule: RuleDescription, options: ValidationOptions, check: (inout Findings) -> Void
    ) -> [Finding] {
        guard options.runs(rule) else { return [] }
        var findings = Findings(rule: rule)
        check(&findings)
        let override = options.severities[rule.id]
        return findings.items.map { finding in
            var finding = finding
            if let override { finding.severity = override }
            if options.strict, finding.severity == .warning { finding.severity = .error }
            return finding
        }
    }
}

extension ValidationOptions {
    /// False for a rule turned off, or a strict-only rule without `--strict`.
    func runs(_ rule: RuleDescription) -> Bool {
        !disabled.contains(rule.id) && (!rule.strictOnly || strict)
    }
}
