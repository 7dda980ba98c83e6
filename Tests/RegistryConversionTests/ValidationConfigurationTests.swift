import RegistryConversion
import RegistryValidation
import Testing

/// `.ianaconv.yml`: every key, `off`, paths relative to the file, and errors at their line.
@Suite struct ValidationConfigurationTests {
    let path = "/repo/registry/.ianaconv.yml"

    @Test func readsEveryKey() throws {
        let configuration = try ValidationConfiguration(yaml: """
            # the curator's settings
            disable: [coverage-gap, record-order]
            severity:
              suspicious-text: error
              tcp-udp-counterpart: off
            baseline: baseline.json
            min-severity: warning
            against: git:HEAD
            """, path: path)
        #expect(configuration.disabled == ["coverage-gap", "record-order", "tcp-udp-counterpart"])
        #expect(configuration.severities == ["suspicious-text": .error])
        #expect(configuration.baseline == "/repo/registry/baseline.json", "relative to the file's folder")
        #expect(configuration.minimumSeverity == .warning)
        #expect(configuration.against == "git:HEAD")
    }

    @Test func oneRuleNeedsNoList() throws {
        let configuration = try ValidationConfiguration(yaml: "disable: coverage-gap\nagainst: old.xml\n", path: path)
        #expect(configuration.disabled == ["coverage-gap"])
        #expect(configuration.against == "/repo/registry/old.xml")
    }

    @Test func anEmptyFileSetsNothing() throws {
        #expect(try ValidationConfiguration(yaml: "# nothing yet\n", path: path) == ValidationConfiguration())
    }

    @Test(arguments: [
        ("disable: [coverage-gap]\nseverities:\n  record-order: off\n", 2, "unknown key 'severities'"),
        ("disable:\n  - coverage-gap\n  - no-such-rule\n", 3, "unknown rule 'no-such-rule'"),
        ("severity:\n  record-order: loud\n", 2, "unknown level 'loud'"),
        ("min-severity: [error]\n", 1, "a level must be a single value"),
        ("severity: [record-order]\n", 1, "must be a mapping"),
        ("disable: [coverage-gap\n", 2, "not valid YAML"),
    ])
    func refusesWhatItCannotUseAtItsLine(yaml: String, line: Int, message: String) {
        #expect {
            try ValidationConfiguration(yaml: yaml, path: path)
        } throws: { error in
            let error = error as! ConfigurationError
            return error.line == line && error.message.contains(message)
                && error.description.hasPrefix("\(path):\(line): error: ")
        }
    }
}
