import RegistryDiff
import RegistryModel
import RegistryReaders
import Testing
import TestSupport

/// IANA's own releases in the suite.
@Suite struct IANAReleaseTests {
    /// The counts issue #18 gives, which an independent xml.etree computation confirms.
    @Test func from2024To2026() throws {
        let old = try readFixture(Paths.registry2024XML, with: XMLReader.self)
        let new = try readFixture(Paths.registry2026XML, with: XMLReader.self)
        let changes = RegistryChanges(from: old, to: new, scope: DiffScope(old: .xml, new: .xml))
        #expect(changes.added.count == 130)
        #expect(changes.removed.count == 44)
        #expect(changes.changed.count == 79)
        #expect(changes.statusOfNew.count == new.records.count)
        #expect(changes.statusOfNew.count { $0 == .unchanged } == changes.unchangedCount)
        // Every added and changed record points at its own record of NEW, every removed one at OLD's.
        #expect(changes.added.allSatisfy { RecordIdentity(new.records[$0.newIndex!]) == $0.identity })
        #expect(changes.removed.allSatisfy { RecordIdentity(old.records[$0.oldIndex!]) == $0.identity })
        #expect(changes.metadata.map(\.field) == ["updated", "experts"])
    }

    @Test func theXMLAgainstItsOwnPageDiffersInNothing() throws {
        let xml = try readFixture(Paths.registry2026XML, with: XMLReader.self)
        let page = try readFixture(Paths.registry2026HTML, with: HTMLReader.self)
        let changes = RegistryChanges(from: xml, to: page, scope: DiffScope(old: .xml, new: .html))
        #expect(changes.added.isEmpty && changes.removed.isEmpty && changes.changed.isEmpty, "\(changes.changed.prefix(3))")
        #expect(changes.isEmpty, "metadata, people and footnotes too")
        #expect(changes.scope.notCompared.contains { $0.hasPrefix("metadata: id, category") })
    }

    @Test func theXMLAgainstItsOwnCSVDiffersInNothing() throws {
        let xml = try readFixture(Paths.registry2024XML, with: XMLReader.self)
        let csv = try readFixture(Paths.registry2024CSV, with: CSVReader.self)
        #expect(RegistryChanges(from: xml, to: csv, scope: DiffScope(old: .xml, new: .csv)).isEmpty)
    }
}
