import RegistryModel

/// What a record shows in one column of the flat table, in the model's terms: each writer only
/// decides how to print it. `Record.forEachCell` is the one record → row mapping, `RecordRow`
/// the one row → record mapping.
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

/// A row of the flat table as a reader found it, cell by cell (`set`, by what the column holds:
/// `RegistryColumn.content`); `record()` turns it
/// into a record the same way for every layout: an empty cell is no element, the Assignee
/// column is the record's `<assignee>` only where it differs from Contact (IANA shows the
/// contacts there otherwise), and the contacts come before the references, in the usual
/// element order.
public struct RecordRow {
    /// The record's fields so far but its xrefs and locations, which `record()` adds: kept
    /// apart so that setting a cell never reaches into the record's box twice.
    private var fields = Record()
    private var locations = FieldLocations()
    private var assignees: [Xref] = []
    private var contacts: [Xref] = []
    private var references: [Xref] = []
    private let location: SourceLocation?

    /// `location`: where the row starts; when nil, its first cell with a location.
    public init(location: SourceLocation? = nil) { self.location = location }

    /// The cell of a column that holds one value (`RegistryColumn.Content.value`) and where it
    /// stands: its text, nil or empty when the cell is.
    public mutating func set(_ column: RegistryColumn, text: String?, at location: SourceLocation?) {
        locations[column.field] = location
        switch column {
        case .name: fields.name = Self.value(text)
        case .number: fields.number = Self.value(text)
        case .transportProtocol: fields.transportProtocol = Self.value(text)
        case .registrationDate: fields.registrationDate = Self.value(text)
        case .modificationDate: fields.modificationDate = Self.value(text)
        case .serviceCode: fields.serviceCode = Self.value(text)
        default: preconditionFailure("the \(column) column holds no single value")
        }
    }

    /// The cell of a column of free text (description, unauthorized use).
    public mutating func set(_ column: RegistryColumn, richText text: RichText?, at location: SourceLocation?) {
        locations[column.field] = location
        switch column {
        case .description: fields.description = text ?? RichText()
        case .unauthorizedUse: fields.unauthorizedUse = text?.isEmpty == false ? text : nil
        default: preconditionFailure("the \(column) column holds no free text")
        }
    }

    /// The notes cell.
    public mutating func set(notes: [RichText], at location: SourceLocation?) {
        locations[.notes] = location
        fields.notes = notes
    }

    /// The cell of a people or Reference column: all its xrefs.
    public mutating func set(_ column: RegistryColumn, xrefs: [Xref], at location: SourceLocation?) {
        locations[column.field] = location
        switch column {
        case .assignee: assignees = xrefs
        case .contact: contacts = xrefs
        case .reference: references = xrefs
        default: preconditionFailure("the \(column) column holds no xrefs")
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
        if fields.description == nil { fields.description = RichText() }  // a row always shows one
        fields.xrefs = contacts + references
        fields.assignees = assignees == contacts ? nil : assignees
        fields.locations = locations
        return fields
    }
}
