import RegistryConversion
import RegistryModel
import RegistryReaders
import RegistryValidation
import Testing
import TestSupport

/// Validation as inputs are read: the rules of both kinds, whichever command asks.
@Suite struct ValidationRunTests {
    let schemaSample = Paths.file("Samples/invalid/xml-schema.xml").path

    @Test func bothKindsOfRuleRunAndAgreeWithTheValidatorRunOnOneThread() throws {
        let validation = ValidationRun()
        let (source, registry) = try Notices().input(.detected, validation: validation).readOne(schemaSample)
        let findings = validation.findings(for: registry)
        #expect(findings.contains { $0.ruleID == "xml-schema" && $0.location?.line == 4 && $0.location?.column == 1 })
        #expect(findings.contains { $0.ruleID != "xml-schema" }, "the model rules ran too")
        #expect(findings == Validator.validate(registry, sources: [source]))
    }

    @Test func aSourceRuleTurnedOffDoesNotRun() throws {
        let validation = ValidationRun(options: ValidationOptions(disabled: ["xml-schema"]))
        let (_, registry) = try Notices().input(.detected, validation: validation).readOne(schemaSample)
        #expect(validation.sourceFindings().isEmpty)
        #expect(!validation.findings(for: registry).contains { $0.ruleID == "xml-schema" })
    }

    @Test func anInputTheReaderRefusesStillGetsItsSourceFindings() throws {
        let files = try ScratchFiles()
        let path = try files.write(
            "<registry xmlns=\"http://www.iana.org/assignments\"><record><description>x</description><colour/></record></registry>",
            to: "colour.xml")
        let validation = ValidationRun()
        #expect(throws: ReadError.self) { try Notices().input(.detected, validation: validation).readOne(path) }
        #expect(validation.sourceFindings().map(\.message) == ["Did not expect element colour there"])
    }

    @Test func layoutsWithoutSourceRulesGetOnlyTheModelRules() throws {
        let files = try ScratchFiles()
        let path = try files.write("\(csvHeader)\r\necho,7,tcp,Echo,,,,,,,,\r\n", to: "r.csv")
        let validation = ValidationRun()
        let registry = try Notices().input(.detected, validation: validation).read([path])
        #expect(validation.sourceFindings().isEmpty)
        #expect(validation.findings(for: registry) == Validator.validate(ValidationInput(registry: registry)))
    }

    @Test func sourceFindingsAreLocatedInTheirOwnInput() throws {
        let files = try ScratchFiles()
        let csv = try files.write("\(csvHeader)\r\necho,7,tcp,Echo,,,,,,,,\r\n", to: "r.csv")
        let validation = ValidationRun()
        let registry = try Notices().input(.detected, validation: validation).read([csv, schemaSample])
        let schema = validation.findings(for: registry).filter { $0.ruleID == "xml-schema" }
        #expect(!schema.isEmpty)
        #expect(schema.allSatisfy { $0.location?.file == 1 }, "the second input's")
    }
}
