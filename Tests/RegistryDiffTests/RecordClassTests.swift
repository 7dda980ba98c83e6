import RegistryDiff
import RegistryModel
import RegistryReaders
import Testing
import TestSupport

/// Each class of change on small hand-made registries (CSV rows under IANA's header).
@Suite struct RecordClassTests {
    func registry(_ rows: String) throws -> Registry {
        try read(IANACSV.header + rows, with: CSVReader.self)
    }

    func changes(_ old: String, _ new: String, exact: Bool = false) throws -> RegistryChanges {
        try RegistryChanges(from: registry(old), to: registry(new), scope: DiffScope(old: .csv, new: .csv, exact: exact))
    }

    func shown(_ records: [RecordChange]) -> [String] { records.map(\.identity.description) }

    @Test func aPortThatMovedIsARemovalAndAnAddition() throws {
        let diff = try changes("foo,5000,tcp,Foo,[Ann],[Ann],,,,,,\n", "foo,5001,tcp,Foo,[Ann],[Ann],,,,,,\n")
        #expect(shown(diff.added) == ["foo 5001/tcp"])
        #expect(shown(diff.removed) == ["foo 5000/tcp"])
        #expect(diff.changed.isEmpty)
        #expect(diff.statusOfNew == [.added])
    }

    @Test func aRenamedServiceIsARemovalAndAnAddition() throws {
        let diff = try changes("foo,5000,tcp,Foo,[Ann],[Ann],,,,,,\n", "bar,5000,tcp,Foo,[Ann],[Ann],,,,,,\n")
        #expect(shown(diff.added) == ["bar 5000/tcp"])
        #expect(shown(diff.removed) == ["foo 5000/tcp"])
    }

    @Test func aSplitRangeRemovesTheRangeAndAddsItsParts() throws {
        let diff = try changes(
            ",5000-5010,tcp,Unassigned,,,,,,,,\n",
            ",5000-5004,tcp,Unassigned,,,,,,,,\nfoo,5005,tcp,Foo,[Ann],[Ann],2026-01-02,,,,,\n,5006-5010,tcp,Unassigned,,,,,,,,\n")
        #expect(shown(diff.removed) == ["5000-5010/tcp"])
        #expect(shown(diff.added) == ["5000-5004/tcp", "foo 5005/tcp", "5006-5010/tcp"])
        #expect(diff.added.map(\.newIndex) == [0, 1, 2])
        #expect(diff.removed.map(\.oldIndex) == [0])
    }

    @Test func repeatedIdentitiesAreMatchedInOrder() throws {
        let diff = try changes(
            "foo,5000,tcp,First,[Ann],[Ann],,,,,,\nfoo,5000,tcp,Second,[Ann],[Ann],,,,,,\n",
            "foo,5000,tcp,First,[Ann],[Ann],,,,,,\nfoo,5000,tcp,Second changed,[Ann],[Ann],,,,,,\nfoo,5000,tcp,Third,[Ann],[Ann],,,,,,\n")
        #expect(diff.statusOfNew == [.unchanged, .changed, .added])
        #expect(diff.changed.map(\.fields) == [[FieldChange(field: "description", old: "Second", new: "Second changed")]])
        #expect(diff.changed.map(\.oldIndex) == [1])
        #expect(diff.added.map(\.newIndex) == [2])
        #expect(diff.removed.isEmpty)
    }

    @Test func aNoteThatChangedOnlyInWhiteSpaceIsNoChangeUnlessExact() throws {
        let old = "foo,5000,tcp,Foo,[Ann],[Ann],,,,,,\"Defined  in\n TS 1\"\n"
        let new = "foo,5000,tcp,Foo,[Ann],[Ann],,,,,,Defined in TS 1\n"
        #expect(try changes(old, new).isEmpty)
        let exact = try changes(old, new, exact: true)
        #expect(exact.changed.map(\.fields) == [[FieldChange(field: "notes", old: "Defined  in\n TS 1", new: "Defined in TS 1")]])
    }

    @Test func anotherFieldThatDiffersIsAChange() throws {
        let diff = try changes(
            "foo,5000,tcp,Foo,[Ann],[Ann],2020-01-01,,[RFC1],,,\n",
            "foo,5000,tcp,Foo,[Bob],[Ann],2020-01-01,2026-02-03,[RFC2],,,\n")
        #expect(diff.changed.first?.fields == [
            FieldChange(field: "assignee", old: "[Ann]", new: "[Bob]"),
            FieldChange(field: "modification_date", old: "", new: "2026-02-03"),
            FieldChange(field: "reference", old: "[RFC1]", new: "[RFC2]"),
        ])
        #expect(diff.unchangedCount == 0)
    }
}
