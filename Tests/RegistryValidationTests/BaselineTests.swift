import RegistryModel
import RegistryValidation
import Testing

@Suite struct BaselineTests {
    func finding(_ rule: String, _ name: String, line: UInt32) -> Finding {
        Finding(
            ruleID: rule, severity: .error, message: "m", location: SourceLocation(line: line, column: 1),
            subject: Subject(name: name, port: "80", protocol: "tcp"))
    }

    @Test func acceptsByRuleAndSubjectWhateverTheLine() throws {
        let baseline = Baseline(accepting: [finding("duplicate-record", "http", line: 10)])
        let reread = try Baseline(json: baseline.json)
        #expect(reread == baseline)
        var matcher = reread.matcher()
        let first = matcher.accepts(finding("duplicate-record", "http", line: 99))
        let second = matcher.accepts(finding("duplicate-record", "http", line: 99))
        #expect(first, "lines do not matter")
        #expect(!second, "one entry accepts one finding")
        var other = reread.matcher()
        let otherRecord = other.accepts(finding("duplicate-record", "ftp", line: 10))
        let otherRule = other.accepts(finding("record-order", "http", line: 10))
        #expect(!otherRecord, "another record is new")
        #expect(!otherRule, "another rule is new")
    }

    @Test func theFileHoldsNoLineNumbers() {
        let json = String(decoding: Baseline(accepting: [finding("duplicate-record", "http", line: 10)]).json, as: UTF8.self)
        #expect(json.contains("\"rule\" : \"duplicate-record\""))
        #expect(!json.contains("10"))
    }

    @Test(arguments: [
        ("{\"version\": 2, \"entries\": []}", "version 2"),
        ("{\"version\": 1, \"entries\": [{\"rule\": \"no-such-rule\", \"count\": 1}]}", "unknown rule 'no-such-rule'"),
        ("{\"version\": 1, \"entries\": [{\"rule\": \"duplicate-record\", \"count\": -3}]}", "count of -3"),
    ])
    func aBaselineNoRunCouldHaveWrittenIsRefusedWithTheReason(_ json: String, _ reason: String) {
        do {
            _ = try Baseline(json: Array(json.utf8))
            Issue.record("accepted: \(json)")
        } catch {
            #expect("\(error)".contains(reason))
        }
    }
}
