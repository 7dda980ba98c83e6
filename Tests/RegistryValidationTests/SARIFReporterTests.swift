import Foundation
import RegistryModel
import RegistryReaders
import RegistryValidation
import Testing

/// What GitHub code scanning needs of the SARIF: help on every rule, fingerprints that do not
/// depend on lines, URIs relative to a declared base, the other record of a conflict, and the
/// files that could not be read.
@Suite struct SARIFReporterTests {
    let header = "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes\r\n"

    func findings(_ csv: String) throws -> [Finding] {
        let input = InputFile(displayName: "r.csv", bytes: Array((header + csv).utf8))
        var diagnostics: [Diagnostic] = []
        let registry = try CSVReader.read(input, diagnostics: &diagnostics)
        return Validator.validate(registry, sources: [], options: ValidationOptions(disabled: ["coverage-gap"]))
    }

    func log(_ report: Report, root: String? = "/work/repo") throws -> [String: Any] {
        let bytes = SARIFReporter.render(report, toolVersion: "0.1.0", sourceRoot: root)
        return try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    func run(_ log: [String: Any]) -> [String: Any] { (log["runs"] as! [[String: Any]])[0] }

    @Test func everyRuleHasHelp() throws {
        let driver = (run(try log(Report(files: [])))["tool"] as! [String: Any])["driver"] as! [String: Any]
        let rules = driver["rules"] as! [[String: Any]]
        #expect(rules.count == Rules.ids.count)
        for rule in rules {
            let help = (rule["help"] as? [String: String])?["text"] ?? ""
            #expect(!help.isEmpty, "\(rule["id"]!)")
        }
    }

    @Test func fingerprintsNameRuleAndRecordNotLines() throws {
        let rows = "rdp,3389,tcp,Reliable Data Protocol,,,,,,,,\r\nRDP,3389,tcp,Remote Desktop,,,,,,,,\r\n"
        let moved = "echo,7,tcp,Echo,,,,,,,,\r\n" + rows
        func fingerprints(_ csv: String) throws -> [String] {
            let results = run(try log(Report(files: [.init(path: "r.csv", findings: try findings(csv))])))["results"] as! [[String: Any]]
            return results.map { ($0["partialFingerprints"] as! [String: String]).values.joined() }
        }
        let before = try fingerprints(rows)
        #expect(before.contains("duplicate-record:RDP 3389/tcp:1"))
        #expect(Set(before).count == before.count, "no two results share one")
        #expect(try fingerprints(moved).filter { !$0.contains("echo") } == before, "lines moved, fingerprints kept")
    }

    @Test func aDuplicateNamesTheOtherRecord() throws {
        let found = try findings(",40001,tcp,Unassigned,,,,,,,,\r\n,40001,tcp,Unassigned,,,,,,,,\r\n")
        let results = run(try log(Report(files: [.init(path: "r.csv", findings: found)])))["results"] as! [[String: Any]]
        let duplicate = try #require(results.first { $0["ruleId"] as? String == "duplicate-record" })
        let related = try #require(duplicate["relatedLocations"] as? [[String: Any]])
        let region = (related[0]["physicalLocation"] as! [String: Any])["region"] as! [String: Int]
        #expect(region["startLine"] == 2, "the first of the two, on the line after the header")
    }

    @Test func pathsAreRelativeToTheDeclaredRoot() throws {
        let finding = Finding(ruleID: "record-order", severity: .error, message: "m", location: nil, subject: Subject())
        let report = Report(files: [
            .init(path: "registry/a.xml", findings: [finding]),
            .init(path: "/work/repo/registry/b.xml", findings: [finding]),
            .init(path: "/tmp/c d.xml", findings: [finding]),
        ], unreadable: [.init(file: "gone.xml", message: "gone.xml: error: cannot read")])
        let run = run(try log(report))
        let bases = run["originalUriBaseIds"] as! [String: [String: String]]
        #expect(bases["%SRCROOT%"]?["uri"] == "file:///work/repo/")
        let artifacts = (run["results"] as! [[String: Any]]).map {
            (($0["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["artifactLocation"] as! [String: String]
        }
        #expect(artifacts == [  // in the report's order, by path
            ["uri": "file:///tmp/c%20d.xml"],
            ["uri": "registry/b.xml", "uriBaseId": "%SRCROOT%"],
            ["uri": "registry/a.xml", "uriBaseId": "%SRCROOT%"],
        ])
        let invocation = (run["invocations"] as! [[String: Any]])[0]
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notice = (invocation["toolExecutionNotifications"] as! [[String: Any]])[0]
        #expect((notice["message"] as! [String: String])["text"] == "gone.xml: error: cannot read")
    }

    @Test func jsonListsTheUnreadableFiles() throws {
        let bytes = JSONReporter.render(Report(files: [], unreadable: [.init(file: "gone.xml", message: "cannot read")]))
        let document = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(document["unreadable"] as? [[String: String]] == [["file": "gone.xml", "message": "cannot read"]])
    }
}
