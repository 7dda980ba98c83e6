import Foundation
import Testing
import TestSupport

/// `ianaconv diff` through the release binary: exit codes as diff(1), the JSON keys, the
/// formats, and IANA's releases.
@Suite struct DiffCommandTests {
    let sample = "Samples/registry.xml"
    let next = "Samples/registry-next.xml"

    @Test func exitCodesFollowDiff() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let same = try Binary.run(["diff", sample, sample])
        #expect(same.status == 0)
        #expect(same.stdoutText.hasSuffix("0 added, 0 removed, 0 changed, 27 unchanged\n"))
        #expect(try Binary.run(["diff", sample, next]).status == 1)
        let missing = try Binary.run(["diff", sample, "no-such-file.xml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.xml: error: cannot read"))
        #expect(try Binary.run(["diff", "--from", "nonsense", sample, next]).status == 2)
        #expect(try Binary.run(["diff", sample]).status == 2, "NEW is required")
    }

    /// The same registry as XML and as CSV: no record differs, and the output says what CSV
    /// cannot show.
    @Test func layoutsAreComparedOnWhatBothCarry() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["diff", sample, "-"], stdin: try Paths.bytes("Samples/registry.csv"))
        #expect(result.status == 0, "\(result.stdoutText)")
        #expect(result.stdoutText.contains("Not compared: xref types and targets"))
    }

    @Test func jsonListsEachClassWithItsKeys() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["diff", "--format", "json", sample, next])
        #expect(result.status == 1)
        let json = try JSONDecoder().decode(DiffDocument.self, from: Data(result.stdout))
        #expect(json.added.map { [$0.name, $0.port, $0.protocol] } == [["newsvc", "4", "tcp"]])
        #expect(json.removed.map { [$0.name, $0.port, $0.protocol] } == [["", "4", "tcp"]])
        #expect(json.changed.map(\.name) == ["docker-s"])
        #expect(json.changed.first?.fields?["modification_date"] == ["old": "", "new": "2026-09-01"])
        #expect(json.metadata["updated"] == ["old": "2026-08-17", "new": "2026-09-01"])
        #expect(json.notCompared.isEmpty, "XML against XML compares everything")
    }

    @Test func markdownIsAChangelogForReleaseNotes() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["diff", "--format", "markdown", sample, next])
        #expect(result.stdoutText.hasPrefix("## Registry changes\n\n1 added, 1 removed, 1 changed, 25 unchanged"))
        #expect(result.stdoutText.contains("### Changed (1)\n\n- `docker-s 2376/tcp`\n  - description: `Docker REST API (ssl)` → `Docker REST API (TLS)`\n"))
    }

    /// Issue #18's acceptance: IANA's 2024-04-30 and 2026-08-17 releases.
    @Test func ianasReleases2024To2026() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["diff", "--format", "json", Paths.registry2024XML, Paths.registry2026XML])
        #expect(result.status == 1)
        let json = try JSONDecoder().decode(DiffDocument.self, from: Data(result.stdout))
        #expect(json.added.count == 130 && json.removed.count == 44 && json.changed.count == 79)
        let page = try Binary.run(["diff", Paths.registry2026XML, Paths.registry2026HTML])
        #expect(page.status == 0, "IANA's XML and its own page: \(page.stdoutText.prefix(500))")
    }
}
