import Testing
@testable import RegistryModel

@Suite struct XrefTests {
    @Test func locationsAreNotPartOfTheValue() {
        let a = Xref(type: .rfc, data: "rfc1", location: SourceLocation(line: 1, column: 2))
        let b = Xref(type: .rfc, data: "rfc1", location: SourceLocation(line: 9, column: 9))
        #expect(a == b)
    }
}

@Suite struct RichTextTests {
    @Test func adjacentTextMergesSoChunkingDoesNotMatter() {
        var text = RichText()
        text.append(text: "Defined ")
        text.append(text: "TXT keys")
        #expect(text.content == [.text("Defined TXT keys")])
    }

    @Test func appendingGrowsTheTextInPlaceYetLeavesACopyAsItWas() {
        var text = RichText()
        text.append(text: "a")
        let copy = text
        text.append(text: "b")
        #expect(copy.content == [.text("a")] && text.content == [.text("ab")])
    }

    @Test func plainTextShowsBreaksAndLabels() {
        let text = RichText([.text("a"), .lineBreak, .xref(Xref(type: .rfc, data: "rfc6335")), .paragraph("p")])
        #expect(text.plainText == "a\n[RFC6335]p")
        #expect(text.xrefs.map(\.data) == ["rfc6335"])
    }
}

@Suite struct RecordTests {
    @Test func stateComesFromTheDescription() {
        #expect(Record(description: "Reserved").state == .reserved)
        #expect(Record(description: "Unassigned").state == .unassigned)
        #expect(Record(description: "Echo").state == .assigned)
    }

    @Test func assigneesDefaultToContacts() {
        let contact = Xref(type: .person, data: "Mark_Lottor")
        let rfc = Xref(type: .rfc, data: "rfc6335")
        var record = Record(xrefs: [contact, rfc])
        #expect(record.contacts == [contact])
        #expect(record.references == [rfc])
        #expect(record.effectiveAssignees == [contact])
        record.assignees = [Xref(type: .person, data: "IESG")]
        #expect(record.effectiveAssignees.map(\.data) == ["IESG"])
    }

    @Test func keepsTheOrderReadWhileItMatchesTheFields() {
        var record = Record(name: Parsed("echo"), number: Parsed("7"), description: "Echo")
        record.elementOrder = [.number, .description, .name]
        #expect(record.orderedElements == [.number, .description, .name])
        #expect(!record.isInUsualOrder)
        record.serviceCode = Parsed("1")  // the recorded order no longer covers every field
        #expect(record.orderedElements == [.name, .description, .number, .serviceCode])
        #expect(record.isInUsualOrder)
    }

    /// A streaming reader empties its record for the next one; a copy the sink kept must not
    /// change with it.
    @Test func emptyingARecordLeavesItsCopiesAlone() {
        var record = Record(
            name: Parsed("echo"), number: Parsed("7"), transportProtocol: Parsed("tcp"), description: "Echo",
            assignees: [Xref(type: .person, data: "IESG")], xrefs: [Xref(type: .rfc, data: "rfc862")],
            registrationDate: Parsed("2006-12"), modificationDate: Parsed("2024-01-05"), serviceCode: Parsed("1"),
            unauthorizedUse: "x", notes: ["n"], elementOrder: [.number, .name])
        record.locations[.name] = SourceLocation(line: 3, column: 5)
        let kept = record
        record.removeAll()
        #expect(record == Record())
        #expect(record.locations[.name] == nil)
        #expect(kept.name?.text == "echo" && kept.xrefs.count == 1 && kept.notes.count == 1)
        #expect(kept.locations[.name]?.line == 3)
        record.name = Parsed("discard")  // now unshared: emptied in place
        record.xrefs = [Xref(type: .person, data: "Jon_Postel")]
        record.notes = ["m"]
        record.locations[.notes] = SourceLocation(line: 9, column: 1)
        record.removeAll()
        #expect(record == Record())
        #expect(record.locations[.notes] == nil)
    }

    /// `<name/>`, `<number/>` and a lone `<note/>` would be empty cells; two notes share one.
    @Test func countsTheEmptyElementsACellWouldLose() {
        #expect(Record(name: Parsed("echo"), notes: ["n"]).emptyCellElements == 0)
        #expect(Record(name: Parsed(""), number: Parsed(""), notes: [""]).emptyCellElements == 3)
        #expect(Record(notes: ["", ""]).emptyCellElements == 0)
    }

    @Test func fieldLocationsStoreEveryField() {
        var locations = FieldLocations()
        #expect(locations[.notes] == nil)
        for (index, field) in RecordField.allCases.enumerated() {
            locations[field] = SourceLocation(file: 1, line: UInt32(index + 1), column: 3)
        }
        for (index, field) in RecordField.allCases.enumerated() {
            #expect(locations[field]?.line == UInt32(index + 1))
        }
        var partial = FieldLocations()
        partial[.record] = SourceLocation(line: 7, column: 3)
        #expect(partial.best(.name)?.line == 7)
    }
}

@Suite struct RegistryTests {
    @Test func appendingAPageAddsRecordsAndNewPeopleOnly() {
        var first = Registry(title: "T", records: [Record(name: Parsed("a"))], people: [Person(id: "p1")], sourceFiles: ["1.xml"])
        let second = Registry(
            title: "other", records: [Record(name: Parsed("b"))], footnotes: [Footnote(anchor: "1", text: "f")],
            people: [Person(id: "p1", name: "dup"), Person(id: "p2")], sourceFiles: ["2.xml"])
        first.append(second)
        #expect(first.title == "T")
        #expect(first.records.map { $0.name?.text } == ["a", "b"])
        #expect(first.people?.map(\.id) == ["p1", "p2"])
        #expect(first.people?.first?.name == nil)
        #expect(first.footnotes.count == 1)
        #expect(first.sourceFiles == ["1.xml", "2.xml"])
    }

    @Test func withMetadataTakesEverythingButTheRecordsAndTheCSVRule() {
        var edited = Registry(records: [Record(name: Parsed("edited"))], sourceFiles: ["edited.csv"])
        edited.csvStyle = .from2019
        var master = Registry(
            id: "r", title: "T", updated: Parsed("2024-04-30"), records: [Record(name: Parsed("old"))],
            footnotes: [Footnote(anchor: "1", text: "f")], people: [Person(id: "p")], sourceFiles: ["master.xml"])
        master.prolog = XMLProlog(beforeRoot: [.comment("c")])
        let merged = edited.withMetadata(of: master)
        #expect(merged.records.map { $0.name?.text } == ["edited"])
        #expect(merged.title == "T" && merged.id == "r" && merged.updated?.text == "2024-04-30")
        #expect(merged.footnotes.count == 1 && merged.people?.map(\.id) == ["p"])
        #expect(merged.prolog == master.prolog)
        #expect(merged.sourceFiles == ["edited.csv"], "source locations still point into the inputs")
        #expect(merged.csvStyle == .from2019)
        #expect(merged.csvStyleToWrite == .from2019, "the rule it was read in outranks the date")
        #expect(master.csvStyleToWrite == .from2020, "the rule in force on 2024-04-30")
        #expect(Registry().csvStyleToWrite == .from2025, "no date: today's")
    }
}
