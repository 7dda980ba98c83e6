import FoundationEssentials
import RegistryDiff
import RegistryModel
import RegistryReaders
import Testing
import TestSupport

/// The three renderings of one small set of changes.
@Suite struct ChangelogTests {
    let changes: RegistryChanges

    init() throws {
        let old = try read(IANACSV.file(
            "foo,5000,tcp,Foo,[Ann],[Ann],,,,,,",
            ",5001-5010,tcp,Unassigned,,,,,,,,"), with: CSVReader.self)
        let new = try read(IANACSV.file(
            "foo,5000,tcp,Foo v2,[Ann],[Ann],,,,,,",
            "bar,5001,tcp,Bar,[Bob],[Bob],2026-01-02,,,,,",
            ",5002-5010,tcp,Unassigned,,,,,,,,"), with: CSVReader.self)
        changes = RegistryChanges(from: old, to: new, scope: DiffScope(old: .csv, new: .csv))
    }

    @Test func textGroupsByClassAndEndsWithASummary() {
        let text = ChangelogText.render(changes)
        #expect(text.contains("Added (2):\n  bar 5001/tcp\n  5002-5010/tcp\n"))
        #expect(text.contains("Removed (1):\n  5001-5010/tcp\n"))
        #expect(text.contains("Changed (1):\n  foo 5000/tcp\n    description: Foo → Foo v2\n"))
        #expect(text.hasSuffix("2 added, 1 removed, 1 changed, 0 unchanged\n"))
    }

    @Test func markdownHasASectionPerClass() {
        let markdown = ChangelogMarkdown.render(changes)
        #expect(markdown.contains("### Added (2)\n\n- `bar 5001/tcp`\n"))
        #expect(markdown.contains("- `foo 5000/tcp`\n  - description: `Foo` → `Foo v2`\n"))
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let json = try JSONDecoder().decode(DiffDocument.self, from: Data(ChangelogJSON.render(changes)))
        #expect(json.added.first == DiffDocument.Item(name: "bar", port: "5001", protocol: "tcp"))
        #expect(json.removed == [DiffDocument.Item(name: "", port: "5001-5010", protocol: "tcp")])
        #expect(json.changed == [DiffDocument.Item(
            name: "foo", port: "5000", protocol: "tcp", fields: ["description": ["old": "Foo", "new": "Foo v2"]])])
        #expect(json.notCompared.first?.hasPrefix("xref types and targets") == true)
    }
}
