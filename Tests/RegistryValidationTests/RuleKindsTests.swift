import RegistryModel
import RegistryReaders
import RegistryValidation
import Testing

/// Rules over the source bytes and rules over the model, run by one entry point.
@Suite struct RuleKindsTests {
    /// A record the schema refuses (no description) that the reader still takes.
    let noDescription = """
        <registry xmlns="http://www.iana.org/assignments">
        <record><name>echo</name><protocol>tcp</protocol><number>7</number></record>
        </registry>
        """

    private func read(_ text: String) throws -> (SourceInput, Registry) {
        let input = InputFile(displayName: "r.xml", bytes: Array(text.utf8))
        var diagnostics: [Diagnostic] = []
        return (SourceInput(input, reader: XMLReader.self), try XMLReader.read(input, diagnostics: &diagnostics))
    }

    @Test func everyRuleIsOfOneKindAndTheSourceRulesAreListedFirst() {
        #expect(Rules.all.count == Rules.source.count + Rules.model.count)
        #expect(Rules.ids == Rules.source.map { $0.description.id } + Rules.model.map { $0.description.id })
    }

    @Test func theEntryPointRunsBothKinds() throws {
        let (source, registry) = try read(noDescription)
        let findings = Validator.validate(registry, sources: [source])
        #expect(findings.contains { $0.ruleID == "xml-schema" })
        #expect(findings.contains { $0.ruleID == "registration-template" } == false, "strict-only rules wait for --strict")
        #expect(Set(findings.map(\.ruleID)).count > 1, "model rules ran too: \(findings.map(\.ruleID))")
        #expect(findings == findings.sorted(by: Finding.reportOrder))
        #expect(Validator.validate(registry, sources: []).allSatisfy { $0.ruleID != "xml-schema" }, "no bytes, no source rules")
    }

    @Test func sourceRulesReadOnlyTheirLayout() throws {
        let (xml, _) = try read(noDescription)
        let asCSV = SourceInput(xml.input, reader: CSVReader.self)
        #expect(Validator.validate(asCSV).isEmpty)
        #expect(Validator.sourceRules(for: CSVReader.self, options: .init()).isEmpty)
        #expect(Validator.sourceRules(for: XMLReader.self, options: .init()).map { $0.description.id } == ["xml-schema"])
        #expect(Validator.sourceRules(for: XMLReader.self, options: ValidationOptions(disabled: ["xml-schema"])).isEmpty)
    }

    @Test func sourceFindingsTakeTheOptionsAndTheirInputsIndex() throws {
        let (source, _) = try read(noDescription)
        let second = SourceInput(InputFile(displayName: "r.xml", bytes: source.input.bytes, index: 3), reader: XMLReader.self)
        let findings = Validator.validate(second, options: ValidationOptions(severities: ["xml-schema": .info]))
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.severity == .info && $0.location?.file == 3 })
    }
}
