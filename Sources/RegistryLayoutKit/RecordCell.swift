import RegistryModel

/// What a record shows in one column of the flat table, in the model's terms: each layout
/// only decides how to print (or read) it. `Record.forEachCell` is the one record → row mapping,
/// `RecordRow` the one row → record mapping.
public enum RecordCell {
    /// A value as its text; nil when the record has no such element (name, port, protocol,
    /// dates, service code).
    case text(String?)
    /// Free text (description, unauthorized use); nil when the record has none.
    case richText(RichText?)
    /// The record's notes, all in one cell.
    case notes([RichText])
    /// Xrefs shown as `[label]`s, those of `only` kind among them (all when nil): the record's
    /// own xrefs are picked in place rather than filtered into a new array for every record.
    case xrefs([Xref], only: XrefKind? = nil)
}

/// Which of a record's xrefs a people or Reference column shows.
public enum XrefKind: Sendable {
    case people, references

    @inlinable
    public func includes(_ xref: Xref) -> Bool { (xref.type == .person) == (self == .people) }
}

extension Record {
    /// What the record shows in each column, in column order: the one record → row mapping.
    /// The Assignee column shows the contacts when the record has no `<assignee>`
    /// (`effectiveAssignees`); Contact shows the person xrefs, Reference the others.
    /// Written out column by column and always inlined: writers call it for every record,
    /// and inlined, each `body` call knows its column and its case at compile time.
    @inlinable @inline(__always)
    public func forEachCell(_ body: (RegistryColumn, RecordCell) throws -> Void) rethrows {
        try body(.name, .text(self.name?.text))
        try body(.number, .text(self.number?.text))
        try body(.transportProtocol, .text(self.transportProtocol?.text))
        try body(.description, .richText(self.description))
        try body(.assignee, self.assignees.map { .xrefs($0) } ?? .xrefs(self.xrefs, only: .people))
        try body(.contact, .xrefs(self.xrefs, only: .people))
        try body(.registrationDate, .text(self.registrationDate?.text))
        try body(.modificationDate, .text(self.modificationDate?.text))
        try body(.reference, .xrefs(self.xrefs, only: .references))
        try body(.serviceCode, .text(self.serviceCode?.text))
        try body(.unauthorizedUse, .richText(self.unauthorizedUse))
        try body(.notes, .notes(self.notes))
    }
}

/// A row of the flat table as a reader found it, cell by cell (`set`); `record()` turns it
/// into a record the same way for every layout: an empty cell is no element, the Assignee
/// column is the record's `<assignee>` only where it differs from Contact (IANA shows the
/// contacts there otherwise), and the contacts come before the references, in the usual
/// element order.
public struct RecordRow {
    /// The record's fields so far but its xrefs and locations, which `record()` adds: kept
    /// apart so that setting a cell never reaches into the record's box twice.
    private var fields = Record(description: RichText())
    private var locations = FieldLocations()
    private var assignees: [Xref] = []
    private var contacts: [Xref] = []
    private var references: [Xref] = []
    private let location: SourceLocation?

    /// `location`: where the row starts; when nil, its first cell with a location.
    public init(location: SourceLocation? = nil) { self.location = location }

    /// The content of the row's cell in `column`, read as the column holds it
    /// (`RegistryColumn.content`), and where it stands. An xrefs cell gives all its xrefs
    /// (`only` is not read).
    public mutating func set(_ column: RegistryColumn, _ content: RecordCell, at location: SourceLocation?) {
        locations[column.field] = location
        switch (column, content) {
        case (.name, .text(let text)): fields.name = Self.value(text)
        case (.number, .text(let text)): fields.number = Self.value(text)
        case (.transportProtocol, .text(let text)): fields.transportProtocol = Self.value(text)
        case (.registrationDate, .text(let text)): fields.registrationDate = Self.value(text)
        case (.modificationDate, .text(let text)): fields.modificationDate = Self.value(text)
        case (.serviceCode, .text(let text)): fields.serviceCode = Self.value(text)
        case (.description, .richText(let text)): fields.description = text ?? RichText()
        case (.unauthorizedUse, .richText(let text)): fields.unauthorizedUse = text?.isEmpty == false ? text : nil
        case (.notes, .notes(let notes)): fields.notes = notes
        case (.assignee, .xrefs(let xrefs, _)): assignees = xrefs
        case (.contact, .xrefs(let xrefs, _)): contacts = xrefs
        case (.reference, .xrefs(let xrefs, _)): references = xrefs
        default: preconditionFailure("a \(column) cell read as \(content)")
        }
    }

    private static func value<Value: TextRepresentable>(_ text: String?) -> Parsed<Value>? {
        guard let text, !text.isEmpty else { return nil }
        return Parsed(text)
    }

    /// The record the row stands for. Mutating: it completes the record in place, in a box no
    /// one else holds, rather than in a copy of it.
    public mutating func record() -> Record {
        let cells = locations
        locations[.record] = location ?? RegistryColumn.allCases.lazy.compactMap { cells[$0.field] }.first
        fields.xrefs = contacts + references
        fields.assignees = assignees == contacts ? nil : assignees
        fields.locations = locations
        return fields
    }
}
