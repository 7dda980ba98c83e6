import RegistryDiff
import RegistryModel
import RegistryReaders
import Testing
import TestSupport

/// Registries of different layouts compared on what both carry.
@Suite struct LayoutScopeTests {
    @Test func everyReaderHasItsCapabilities() {
        #expect(Set(LayoutCapabilities.all.map(\.layout)) == Set(Readers.names))
    }

    @Test func theScopeIsWhatBothLayoutsCarryAndSaysWhatItLeavesOut() {
        let scope = DiffScope(old: .xml, new: .csv, exact: true)
        #expect(scope.xrefs == .labels)
        #expect(!scope.exactText, "CSV flattens text: no exact comparison with XML")
        #expect(scope.metadata.isEmpty && !scope.people && !scope.footnotes)
        #expect(scope.notCompared.contains { $0.hasPrefix("exact text") })
        #expect(scope.notCompared.contains { $0.hasPrefix("the people table") })
        let same = DiffScope(old: .xml, new: .xml, exact: true)
        #expect(same.exactText && same.xrefs == .full && same.notCompared.isEmpty)
    }

    /// An `<assignee>` equal to the contacts reads back from CSV as no assignee: the diff
    /// compares who IANA shows as the assignee.
    @Test func anAssigneeEqualToTheContactsMatchesACSVRowWithoutOne() throws {
        let xml = try read(xmlRegistry("""
              <record date="2020-01-02">
                <name>foo</name><protocol>tcp</protocol><number>5000</number>
                <description>Foo<br/>  over two lines</description>
                <assignee><xref type="person" data="Ann"/></assignee>
                <xref type="person" data="Ann"/><xref type="rfc" data="rfc9999" section="4"/>
              </record>
            """), with: XMLReader.self)
        let csv = try read(IANACSV.file("foo,5000,tcp,Foo over two lines,[Ann],[Ann],2020-01-02,,[RFC9999],,,"), with: CSVReader.self)
        let changes = RegistryChanges(from: xml, to: csv, scope: DiffScope(old: .xml, new: .csv))
        #expect(changes.isEmpty, "\(changes.changed)")
        let moved = try read(IANACSV.file("foo,5000,tcp,Foo over two lines,[Bob],[Ann],2020-01-02,,[RFC9999],,,"), with: CSVReader.self)
        let assigned = RegistryChanges(from: xml, to: moved, scope: DiffScope(old: .xml, new: .csv))
        #expect(assigned.changed.first?.fields == [FieldChange(field: "assignee", old: "[Ann]", new: "[Bob]")])
    }

    /// Between two XML files an xref's target counts, though its label stays the same.
    @Test func xrefTargetsCountWhereBothLayoutsKeepThem() throws {
        func registry(_ data: String) throws -> Registry {
            try read(xmlRegistry("""
                  <record><name>foo</name><protocol>tcp</protocol><number>5000</number>
                    <xref type="uri" data="\(data)">Spec</xref></record>
                """), with: XMLReader.self)
        }
        let old = try registry("https://a.example/spec")
        let new = try registry("https://b.example/spec")
        let full = RegistryChanges(from: old, to: new, scope: DiffScope(old: .xml, new: .xml))
        #expect(full.changed.first?.fields.map(\.field) == ["reference"])
        #expect(full.changed.first?.fields.first?.new == "[Spec](uri https://b.example/spec)")
        #expect(RegistryChanges(from: old, to: new, scope: DiffScope(old: .xml, new: .csv)).isEmpty)
    }

    @Test func metadataPeopleAndFootnotesChangesAreReported() throws {
        func registry(updated: String, person: String, footnote: String) throws -> Registry {
            try read("""
                <?xml version='1.0' encoding='UTF-8'?>
                <registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">
                  <title>T</title>
                  <updated>\(updated)</updated>
                  <record><name>foo</name><protocol>tcp</protocol><number>5000</number></record>
                  <people>
                    <person id="Ann"><name>\(person)</name></person>
                  </people>
                  <footnote anchor="1">\(footnote)</footnote>
                </registry>

                """, with: XMLReader.self)
        }
        let old = try registry(updated: "2024-04-30", person: "Ann Example", footnote: "A note.")
        let new = try registry(updated: "2026-08-17", person: "Ann  Example", footnote: "Another note.")
        let changes = RegistryChanges(from: old, to: new, scope: DiffScope(old: .xml, new: .xml))
        #expect(changes.metadata == [FieldChange(field: "updated", old: "2024-04-30", new: "2026-08-17")])
        #expect(changes.people.isEmpty, "a name that differs only in white space")
        #expect(changes.footnotes.changed.map(\.key) == ["1"])
        #expect(changes.added.isEmpty && changes.removed.isEmpty && changes.changed.isEmpty && !changes.isEmpty)
        let exact = RegistryChanges(from: old, to: new, scope: DiffScope(old: .xml, new: .xml, exact: true))
        #expect(exact.people.changed.first?.fields == [FieldChange(field: "name", old: "Ann Example", new: "Ann  Example")])
    }
}

/// A registry document around some records, as IANA's XML has them.
func xmlRegistry(_ records: String) -> String {
    """
    <?xml version='1.0' encoding='UTF-8'?>
    <registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">
      <title>T</title>
    \(records)
    </registry>

    """
}
