import Foundation
import Testing
import TestSupport

/// `ianaconv validate` and `ianaconv rules` through the release binary: the real registry in
/// two layouts, the invalid samples' golden reports, exit codes, baselines, formats.
@Suite struct ValidateTests {
    let registryXML = Paths.registry2026XML

    /// `rule-id` → count, from a text report.
    private func counts(_ report: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in report.split(separator: "\n") {
            guard let open = line.lastIndex(of: "[") else { continue }
            counts[String(line[line.index(after: open)..<line.index(before: line.endIndex)]), default: 0] += 1
        }
        return counts
    }

    @Test func theRealRegistryGivesTheCheckedFindings() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["validate", registryXML])
        #expect(result.status == 1, "the 2026-08-17 registry has true errors")
        let found = counts(result.stdoutText)
        // Each error kind checked by hand: docs/findings.md.
        #expect(found["xml-schema"] == nil, "IANA's XML matches the schema")
        #expect(found["service-name-syntax"] == 1)  // edi_service, 2016
        #expect(found["legacy-service-name"] == 184)
        #expect(found["duplicate-record"] == 1)  // rdp, twice without a port
        #expect(found["unassigned-entry"] == 1)  // 4501 with contact IANA
        #expect(found["port-state-conflict"] == 2)  // 7748-7776, 7983-7997
        #expect(found["port-range-bounds"] == 6)  // N-N ranges, warnings
        #expect(found["tcp-udp-counterpart"] == 3)
        #expect(found["coverage-gap"] == 25)  // 17 tcp and 19 udp numbers, as ranges
        #expect(found["date-order"] == 1)
        #expect(found["service-name-reuse"] == 62)
        #expect(found["suspicious-text"] == 8)  // mojibake: 2 references, 6 people
        #expect(result.stdoutText.contains("docker-s 2376/tcp") && result.stdoutText.contains("jute 5883/tcp")
            && result.stdoutText.contains("sal 21801/tcp"))
        #expect(result.stdoutText.contains("tcp ports 11997-11999 are described by no entry"))
        #expect(result.stderr.hasSuffix("5 errors, 264 warnings, 25 info in 1 file\n"), "\(result.stderr)")
        let errors = result.stdoutText.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 5, "every error is a true defect, listed in docs/findings.md")
    }

    /// Findings of the same registry read from any layout: the same rules on the same records
    /// (and people, where the layout has a people table), IANA's own pages of 2026-08-17 included.
    @Test func theSameRecordsAndRulesInEveryLayout() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("registry.csv").path
        #expect(try Binary.run(["xml", "csv", registryXML, "-o", csv]).status == 0)
        func identities(_ file: String, people: Bool) throws -> [String] {
            let result = try Binary.run(["validate", "--format", "json", file])
            #expect(result.status == 1, "\(file): \(result.stderr)")
            let document = try JSONSerialization.jsonObject(with: Data(result.stdout)) as! [String: Any]
            let findings = document["findings"] as! [[String: Any]]
            return findings.compactMap { finding in
                let subject = finding["subject"] as! [String: String]
                guard people || subject["person"] == nil else { return nil }
                return "\(finding["rule"]!) \(finding["severity"]!) \(subject["name"] ?? "") \(subject["port"] ?? "") \(subject["protocol"] ?? "") \(subject["person"] ?? "")"
            }.sorted()
        }
        let xml = try identities(registryXML, people: true)
        #expect(xml.count > 250)
        let xmlWithoutPeople = try identities(registryXML, people: false)
        #expect(xmlWithoutPeople == (try identities(csv, people: false)), "CSV has no people table")
        let page = registryXML.replacingOccurrences(of: ".xml", with: ".xhtml")
        #expect(xml == (try identities(page, people: true)), "IANA's HTML page")
        let text = registryXML.replacingOccurrences(of: ".xml", with: ".txt")
        #expect(xml == (try identities(text, people: true)), "IANA's plain-text page")
    }

    @Test(arguments: try! FileManager.default.contentsOfDirectory(atPath: Paths.file("Samples/invalid").path)
        .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".xml") }.sorted())
    func invalidSampleGivesItsExpectedFindings(_ name: String) throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = Paths.file("Samples/invalid")
        let stem = String(name[..<name.lastIndex(of: ".")!])
        let argumentsFile = directory.appendingPathComponent(stem + ".args")
        let arguments = FileManager.default.fileExists(atPath: argumentsFile.path)
            ? try String(contentsOf: argumentsFile, encoding: .utf8).split(whereSeparator: \.isWhitespace).map(String.init)
            : ["--disable", "coverage-gap"]
        let before = try Data(contentsOf: directory.appendingPathComponent(name))
        let result = try Binary.run(["validate"] + arguments + [name], in: directory)
        let expected = try String(contentsOf: directory.appendingPathComponent(name + ".expected"), encoding: .utf8)
        #expect(result.stdoutText == expected)
        #expect(result.stdoutText.contains("[\(stem)]"), "the sample shows its own rule")
        #expect(result.status == (expected.contains(": error: ") ? 1 : 0))
        #expect(try Data(contentsOf: directory.appendingPathComponent(name)) == before, "validate never writes")
    }

    @Test func everyRuleHasASampleInTwoLayouts() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let ids = try Binary.run(["rules"]).stdoutText.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: Paths.file("Samples/invalid").path))
        #expect(ids.count >= 20)
        for id in ids {
            #expect(files.contains("\(id).xml"), "\(id) has an XML sample")
        }
        #expect(ids.filter { files.contains("\($0).csv") }.count >= ids.count - 2, "and most a CSV one")
    }

    @Test func outputDoesNotDependOnOrderOrBatching() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = Paths.file("Samples/invalid")
        let files = ["service-code.csv", "duplicate-record.xml", "date-order.csv"]
        let together = try Binary.run(["validate"] + files, in: directory)
        let reversed = try Binary.run(["validate"] + files.reversed(), in: directory)
        var separately = ""
        for file in files.sorted() { separately += try Binary.run(["validate", file], in: directory).stdoutText }
        #expect(together.stdoutText == reversed.stdoutText)
        #expect(together.stdoutText == separately)
        #expect(together.status == 1)
        #expect(together.stderr.hasSuffix("in 3 files\n"), "\(together.stderr)")
    }

    @Test func baselineAcceptsKnownFindingsAndStillFailsOnNewOnes() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let baseline = directory.appendingPathComponent("baseline.json").path
        let written = try Binary.run(["validate", registryXML, "--write-baseline", baseline])
        #expect(written.status == 0)
        let json = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(!json.contains("\"line\""), "keyed by record identity, never by line")
        let clean = try Binary.run(["validate", registryXML, "--baseline", baseline])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.isEmpty)
        // The same registry as CSV, with records moved: the baseline still holds.
        let csv = directory.appendingPathComponent("registry.csv").path
        _ = try Binary.run(["xml", "csv", registryXML, "-o", csv])
        var lines = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\r\n")
        lines.insert(lines.remove(at: 5), at: 3)  // swap two early rows: a new record-order finding
        lines.insert("new_one,40001,udp,New,[Ann],[Ann],2024-01-02,,,,,", at: lines.count - 1)
        try lines.joined(separator: "\r\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let changed = try Binary.run(["validate", csv, "--baseline", baseline])
        #expect(changed.status == 1)
        #expect(changed.stdoutText.contains("'new_one'"), "\(changed.stdoutText)")
        #expect(!changed.stdoutText.contains("legacy-service-name"), "old findings stay accepted")
        #expect(changed.stderr.contains("accepted by the baseline"))
    }

    /// Issue #18: an undated name that breaks §5.1 is not legacy unless it was in the registry
    /// before RFC 6335; in a curator's file it is usually a new registration.
    @Test func anUndatedNewNameThatBreaksTheSyntaxIsAnError() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let csv = IANACSV.file("my_service,7000,tcp,My Service Protocol,[Jane_Doe],[Jane_Doe],,,,,,")
        let result = try Binary.run(["validate", "--disable", "coverage-gap", "-"], stdin: Array(csv.utf8))
        #expect(result.status == 1)
        #expect(result.stdoutText.contains("error: service name 'my_service'") && result.stdoutText.contains("[service-name-syntax]"))
        #expect(!result.stdoutText.contains("legacy-service-name"))
    }

    @Test func strictDisableAndSeverityChangeTheOutcome() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = Paths.file("Samples/invalid")
        #expect(try Binary.run(["validate", "legacy-service-name.csv"], in: directory).status == 0)
        let strict = try Binary.run(["validate", "--strict", "legacy-service-name.csv"], in: directory)
        #expect(strict.status == 1)
        #expect(strict.stdoutText.contains(": error: legacy service name"))
        let relaxed = try Binary.run(["validate", "--severity", "date-format=warning", "date-format.csv"], in: directory)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdoutText.contains(": warning: registration date"))
        let off = try Binary.run(["validate", "--disable", "date-format", "date-format.csv"], in: directory)
        #expect(!off.stdoutText.contains("[date-format]"))
        let unknown = try Binary.run(["validate", "--disable", "no-such-rule", "date-format.csv"], in: directory)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown rule 'no-such-rule'"))
        let missing = try Binary.run(["validate", "no-such-file.xml"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.xml: error: cannot read"))
        let mixed = try Binary.run(["validate", "no-such-file.xml", "date-order.csv"], in: directory)
        #expect(mixed.status == 2, "an unreadable file fails the run")
        #expect(mixed.stdoutText.contains("[date-order]"), "the readable files are still checked")
        #expect(mixed.stderr.hasSuffix("in 1 file; 1 file could not be read\n"), "\(mixed.stderr)")
    }

    @Test func sarifListsEveryRuleAndLocatesResults() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["validate", "--format", "sarif", "duplicate-record.xml"], in: Paths.file("Samples/invalid"))
        #expect(result.status == 1)
        let log = try JSONSerialization.jsonObject(with: Data(result.stdout)) as! [String: Any]
        #expect(log["version"] as? String == "2.1.0")
        let run = (log["runs"] as! [[String: Any]])[0]
        let driver = (run["tool"] as! [String: Any])["driver"] as! [String: Any]
        let rules = driver["rules"] as! [[String: Any]]
        let listed = try Binary.run(["rules"]).stdoutText.split(separator: "\n").count
        #expect(rules.count == listed)
        let results = run["results"] as! [[String: Any]]
        let duplicate = try #require(results.first { $0["ruleId"] as? String == "duplicate-record" })
        #expect(duplicate["level"] as? String == "error")
        let physical = ((duplicate["locations"] as! [[String: Any]])[0]["physicalLocation"]) as! [String: Any]
        #expect((physical["artifactLocation"] as! [String: Any])["uri"] as? String == "duplicate-record.xml")
        #expect((physical["artifactLocation"] as! [String: Any])["uriBaseId"] as? String == "%SRCROOT%")
        #expect(duplicate["relatedLocations"] != nil, "the first of the two records")
        #expect((physical["region"] as! [String: Any])["startLine"] as? Int == 10)
    }

    @Test func convertWithValidateStopsOnErrors() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let stopped = try Binary.run(["xml", "csv", "--validate", registryXML])
        #expect(stopped.status == 1)
        #expect(stopped.stdout.isEmpty, "nothing written")
        #expect(stopped.stderr.contains("service name 'edi_service'"))
        #expect(stopped.stderr.contains("5 validation errors"))
        let clean = try Binary.run(["xml", "csv", "--validate", "Samples/registry.xml"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout == (try Paths.bytes("Samples/registry.csv")))
    }

    /// The rules over the source bytes run too: the schema is checked as `validate` checks it.
    @Test func convertWithValidateChecksTheSchema() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let stopped = try Binary.run(["xml", "csv", "--validate", "xml-schema.xml"], in: Paths.file("Samples/invalid"))
        #expect(stopped.status == 1)
        #expect(stopped.stdout.isEmpty, "nothing written")
        #expect(stopped.stderr.contains("xml-schema.xml:4:1: error: <record> ends without an element the schema requires"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("[xml-schema]"))
        let unchecked = try Binary.run(["xml", "csv", "xml-schema.xml"], in: Paths.file("Samples/invalid"))
        #expect(unchecked.status == 0, "without --validate the file converts: \(unchecked.stderr)")
    }

    @Test func otherLayoutsGetLocatedFindingsWithoutChangesToTheRules() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        // The scraped layouts' readers were written apart from the validator.
        let seed = "Tests/Fixtures/seeds/001_d68114fa3e47cc32.txt"
        let result = try Binary.run(["validate", seed])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 3)
            #expect(parts.count == 4 && Int(parts[1]) != nil && Int(parts[2]) != nil, "located: \(line)")
        }
    }

    @Test func theCommittedRulesDocumentIsCurrent() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let generated = try Binary.run(["rules", "--format", "markdown"])
        #expect(generated.status == 0)
        #expect(generated.stdout == (try Paths.bytes("docs/rules.md")), "run: ianaconv rules --format markdown > docs/rules.md")
    }

    @Test func schemaAcceptsIANAsFilesAndReportsWithLocations() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        for file in [Paths.registry2024XML, Paths.registry2026XML, "Samples/registry.xml"] {
            let result = try Binary.run(["validate", file])
            #expect(!result.stdoutText.contains("[xml-schema]"), "\(file)")
        }
        let broken = try Binary.run(["validate", "xml-schema.xml"], in: Paths.file("Samples/invalid"))
        #expect(broken.stdoutText.contains("xml-schema.xml:4:1: error: <record> ends without an element the schema requires"))
        // XML the reader refuses but libxml2 parses: the schema says what is wrong, exit 2.
        let unknown = Array("<registry xmlns=\"http://www.iana.org/assignments\"><record><description>x</description><colour/></record></registry>".utf8)
        let refused = try Binary.run(["validate", "-"], stdin: unknown)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("<stdin>:1:87: error: Did not expect element colour there [xml-schema]"), "\(refused.stderr)")
        // Each element out of place is reported once, and nothing after it is blamed: libxml2's
        // streaming validator loses its place there, so such a document is checked as a tree.
        let twoMisplaced = Array("""
            <registry xmlns="http://www.iana.org/assignments">
            <record><description>x</description><colour/><name>a</name></record>
            <record><name>b</name><description>y</description></record>
            <record><description>z</description><br/></record>
            <record><name>c</name><description>w</description></record>
            </registry>
            """.utf8)
        let misplaced = try Binary.run(["validate", "-"], stdin: twoMisplaced)
        let schemaFindings = misplaced.stderr.split(separator: "\n").filter { $0.hasSuffix("[xml-schema]") }
        #expect(schemaFindings == [
            "<stdin>:2:37: error: Did not expect element colour there [xml-schema]",
            "<stdin>:4:37: error: Did not expect element br there [xml-schema]",
        ], "\(misplaced.stderr)")
        // Not well-formed: only the reader's message, nothing from the schema.
        let cut = try Binary.run(["validate", "-"], stdin: Array(unknown.prefix(70)))
        #expect(cut.status == 2)
        #expect(!cut.stderr.contains("[xml-schema]"))
        // A DOCTYPE is refused by the reader and never handed to the schema check.
        let doctype = Array("<?xml version=\"1.0\"?>\n<!DOCTYPE registry [<!ENTITY a \"aaaa\">]>\n<registry xmlns=\"http://www.iana.org/assignments\"><record><description>&a;</description><colour/></record></registry>".utf8)
        let refusedDoctype = try Binary.run(["validate", "-"], stdin: doctype)
        #expect(refusedDoctype.status == 2)
        #expect(refusedDoctype.stderr.contains("<!DOCTYPE> is not accepted"))
        #expect(!refusedDoctype.stderr.contains("[xml-schema]"))
    }
}
