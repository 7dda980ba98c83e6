import RegistryModel
import RegistryReaders
import RegistryValidation
import Testing

/// Every rule's documented examples are its tests: triggering examples give findings exactly
/// where their `↓` markers stand, non-triggering ones give none.
@Suite struct RuleExampleTests {
    static let rules: [String] = Rules.ids

    @Test(arguments: rules)
    func triggeringExamplesTriggerWhereMarked(_ id: String) throws {
        let rule = try #require(Rules.rule(id: id))
        #expect(!rule.description.triggering.isEmpty, "every rule shows at least one triggering example")
        for example in rule.description.triggering {
            let findings = try run(rule, on: example)
            let places = findings.compactMap { $0.location }.map { "\($0.line):\($0.column)" }
            let marked = example.markers.map { "\($0.line):\($0.column)" }
            #expect(!findings.isEmpty, "\(id) should trigger on:\n\(example.text)")
            #expect(places.sorted() == marked.sorted(), "\(id) findings \(findings.map { $0.message }) on:\n\(example.text)")
            #expect(findings.allSatisfy { $0.ruleID == id })
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesDoNotTrigger(_ id: String) throws {
        let rule = try #require(Rules.rule(id: id))
        #expect(!rule.description.nonTriggering.isEmpty, "every rule shows at least one non-triggering example")
        for example in rule.description.nonTriggering {
            let findings = try run(rule, on: example)
            #expect(findings.isEmpty, "\(id) should not trigger on:\n\(example.text)\nbut said \(findings.map { $0.message })")
            #expect(example.markers.isEmpty, "non-triggering examples carry no markers")
        }
    }

    @Test func ruleIDsAreUniqueKebabCaseAndDocumented() {
        let ids = Rules.ids
        #expect(Set(ids).count == ids.count)
        for rule in Rules.descriptions {
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id)")
            #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty && !rule.name.isEmpty)
        }
    }

    /// Reads the example with its layout's reader and runs the one rule on it, whatever its
    /// kind, through the validator's entry point (strict-only rules included).
    private func run(_ rule: any Rule.Type, on example: RuleExample) throws -> [Finding] {
        let input = InputFile(displayName: "example.\(example.layout.rawValue)", bytes: Array(example.document.utf8))
        let reader: any RegistryReader.Type = switch example.layout {
        case .csv: CSVReader.self
        case .xml: XMLReader.self
        }
        var diagnostics: [Diagnostic] = []
        let registry = try reader.read(input, diagnostics: &diagnostics)
        let others = Set(Rules.ids).subtracting([rule.description.id])
        return Validator.validate(
            registry, sources: [SourceInput(input, reader: reader)], options: ValidationOptions(strict: true, disabled: others))
    }
}
