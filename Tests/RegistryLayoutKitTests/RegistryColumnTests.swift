import Testing
import RegistryLayoutKit
import RegistryModel

@Suite struct RegistryColumnTests {
    @Test func titlesAreIANAsInOrder() {
        #expect(RegistryColumn.titles == [
            "Service Name", "Port Number", "Transport Protocol", "Description", "Assignee", "Contact",
            "Registration Date", "Modification Date", "Reference", "Service Code",
            "Unauthorized Use Reported", "Assignment Notes",
        ])
    }

    @Test func eitherTitleOfColumn11NamesIt() {
        #expect(RegistryColumn(title: "Known Unauthorized Uses") == .unauthorizedUse)
        #expect(RegistryColumn(title: "Unauthorized Use Reported") == .unauthorizedUse)
        #expect(RegistryColumn(title: "Port Number") == .number)
        #expect(RegistryColumn(title: "Port") == nil)
    }

    @Test func portProtocolAndServiceCodeAreCentred() {
        #expect(RegistryColumn.allCases.filter(\.isCentred) == [.number, .transportProtocol, .serviceCode])
    }
}

@Suite struct RecordCellTests {
    static let contact = Xref(type: .person, data: "Jon_Postel")
    static let rfc = Xref(type: .rfc, data: "rfc862")

    /// Each column once, in column order, with what the record shows there.
    @Test func aRecordShowsEachColumnInOrder() {
        let record = Record(
            name: Parsed("echo"), number: Parsed("7"), transportProtocol: Parsed("tcp"), description: "Echo",
            xrefs: [Self.rfc, Self.contact], notes: ["n"])
        var columns: [RegistryColumn] = []
        var assignee: [Xref] = []
        var references: [Xref] = []
        record.forEachCell { column, cell in
            columns.append(column)
            switch (column, cell) {
            case (.name, .text(let text)): #expect(text == "echo")
            case (.serviceCode, .text(let text)): #expect(text == nil)
            case (.description, .richText(let text)): #expect(text == "Echo")
            case (.notes, .notes(let notes)): #expect(notes == ["n"])
            case (.assignee, .xrefs(let xrefs, let kind)): assignee = xrefs.filter { kind?.includes($0) ?? true }
            case (.reference, .xrefs(let xrefs, let kind)): references = xrefs.filter { kind?.includes($0) ?? true }
            default: break
            }
        }
        #expect(columns == RegistryColumn.allCases)
        #expect(assignee == [Self.contact], "no <assignee>: the contacts stand for it")
        #expect(references == [Self.rfc])
    }

    @Test func aRowWhoseAssigneeIsItsContactHasNoAssignee() {
        var row = RecordRow()
        row.set(.assignee, xrefs: [Self.contact], at: nil)
        row.set(.contact, xrefs: [Self.contact], at: nil)
        row.set(.reference, xrefs: [Self.rfc], at: nil)
        let record = row.record()
        #expect(record.assignees == nil)
        #expect(record.xrefs == [Self.contact, Self.rfc], "contacts before references")
        row.set(.assignee, xrefs: [Xref(type: .person, data: "IESG")], at: nil)
        #expect(row.record().assignees?.map(\.data) == ["IESG"])
    }

    @Test func anEmptyCellIsNoElementButTheDescriptionIsAlwaysThere() {
        var row = RecordRow()
        row.set(.name, text: "", at: nil)
        row.set(.unauthorizedUse, richText: RichText(), at: nil)
        let record = row.record()
        #expect(record.name == nil)
        #expect(record.unauthorizedUse == nil)
        #expect(record.description == RichText())
    }

    @Test func aRowWithoutALocationStartsAtItsFirstLocatedCell() {
        var row = RecordRow()
        row.set(.name, text: "", at: SourceLocation(line: 0, column: 0))  // not shown
        row.set(.number, text: "7", at: SourceLocation(line: 4, column: 9))
        #expect(row.record().locations[.record] == SourceLocation(line: 4, column: 9))
        var located = RecordRow(location: SourceLocation(line: 2, column: 1))
        #expect(located.record().locations[.record]?.line == 2)
    }

    @Test func aRecordReadBackFromItsCellsIsTheRecord() {
        let record = Record(
            name: Parsed("echo"), number: Parsed("7"), transportProtocol: Parsed("udp"), description: "Echo",
            assignees: [Xref(type: .person, data: "IESG")], xrefs: [Self.contact, Self.rfc],
            registrationDate: Parsed("2006-12"), serviceCode: Parsed("1"), unauthorizedUse: "yes", notes: ["n"])
        var row = RecordRow()
        record.forEachCell { column, cell in
            switch cell {
            case .text(let text): row.set(column, text: text, at: nil)
            case .richText(let text): row.set(column, richText: text, at: nil)
            case .notes(let notes): row.set(notes: notes, at: nil)
            case .xrefs(let xrefs, let kind): row.set(column, xrefs: xrefs.filter { kind?.includes($0) ?? true }, at: nil)
            }
        }
        #expect(row.record() == record)
    }
}
