/// One row of the registry: a service name, a port or range, or both, on one transport protocol
/// (or none, for name-only registrations and some legacy ranges).
///
/// Its fields are declared once, in `Record.Fields`, and read and written through the record
/// as if they were its own (`record.name`): the dynamic member lookup below forwards them.
@dynamicMemberLookup
public struct Record: Hashable, Sendable {
    /// What a record says. Where each value was read is kept apart (`locations`): it is not
    /// part of what the record says, so it takes no part in `==`.
    public struct Fields: Equatable, Sendable {
        public var name: Parsed<ServiceName>?
        public var number: Parsed<PortRange>?
        public var transportProtocol: Parsed<TransportProtocol>?
        public var description: RichText?
        /// The xrefs inside `<assignee>`; nil when the record has no `<assignee>` element, in
        /// which case IANA shows the contacts as the assignee.
        public var assignees: [Xref]?
        /// The record's own xrefs, in order: people (contacts) and references mixed as read.
        public var xrefs: [Xref] = []
        public var registrationDate: Parsed<RegistryDate>?
        public var modificationDate: Parsed<RegistryDate>?
        public var serviceCode: Parsed<ServiceCode>?
        public var unauthorizedUse: RichText?
        public var notes: [RichText] = []
        /// The order of the record's elements as read, so a layout that keeps order (XML)
        /// writes the record back as it was. Empty means IANA's usual order.
        public var elementOrder: [RecordElement] = []

        public init() {}

        /// Empties every field, keeping the arrays' capacity when nothing else shares them.
        mutating func removeAll() {
            var (xrefs, notes, elementOrder) = (self.xrefs, self.notes, self.elementOrder)
            self = Fields()  // the copies above now hold the arrays' only references
            xrefs.removeAll(keepingCapacity: true)
            notes.removeAll(keepingCapacity: true)
            elementOrder.removeAll(keepingCapacity: true)
            (self.xrefs, self.notes, self.elementOrder) = (xrefs, notes, elementOrder)
        }
    }

    /// The fields live in one shared box, copied only when a shared record is changed: rules,
    /// writers and arrays copy records all the time, and a plain struct of thirteen fields paid
    /// a retain and a release for each of them on every copy.
    @usableFromInline var storage: Storage

    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: field] }
        _modify {
            makeUnique()
            yield &storage.fields[keyPath: field]
        }
    }

    /// Where each field was read.
    @inlinable
    public var locations: FieldLocations {
        get { storage.locations }
        _modify {
            makeUnique()
            yield &storage.locations
        }
    }

    public init(_ fields: Fields = Fields(), locations: FieldLocations = .init()) {
        storage = Storage(fields: fields, locations: locations)
    }

    /// A record with the given fields; for tests and hand-made registries.
    public init(
        name: Parsed<ServiceName>? = nil, number: Parsed<PortRange>? = nil,
        transportProtocol: Parsed<TransportProtocol>? = nil, description: RichText? = nil,
        assignees: [Xref]? = nil, xrefs: [Xref] = [],
        registrationDate: Parsed<RegistryDate>? = nil, modificationDate: Parsed<RegistryDate>? = nil,
        serviceCode: Parsed<ServiceCode>? = nil, unauthorizedUse: RichText? = nil,
        notes: [RichText] = [], elementOrder: [RecordElement] = []
    ) {
        var fields = Fields()
        (fields.name, fields.number, fields.transportProtocol, fields.description) = (name, number, transportProtocol, description)
        (fields.assignees, fields.xrefs) = (assignees, xrefs)
        (fields.registrationDate, fields.modificationDate) = (registrationDate, modificationDate)
        (fields.serviceCode, fields.unauthorizedUse, fields.notes, fields.elementOrder) = (serviceCode, unauthorizedUse, notes, elementOrder)
        self.init(fields)
    }

    /// Empties the record for reuse, keeping its box and its arrays' capacity when no copy
    /// shares them: a streaming reader fills one record after another without allocating a
    /// box and the arrays for each.
    public mutating func removeAll() {
        guard isKnownUniquelyReferenced(&storage) else { return self = Record() }
        storage.fields.removeAll()
        storage.locations = FieldLocations()
    }

    @inlinable
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(fields: storage.fields, locations: storage.locations) }
    }

    /// Shared between copies of a record until one of them changes (copy on write), so no two
    /// owners ever mutate one box: that is what makes it Sendable and its fields safe without
    /// run-time exclusivity checks.
    @usableFromInline
    final class Storage: @unchecked Sendable {
        @usableFromInline @exclusivity(unchecked) var fields: Fields
        @usableFromInline @exclusivity(unchecked) var locations: FieldLocations

        @usableFromInline
        init(fields: Fields, locations: FieldLocations) {
            self.fields = fields
            self.locations = locations
        }
    }

    /// The elements present but empty (`<name/>`, `<note/>`) among those a layout of cells
    /// shows one to a cell: such a cell reads back as no element. Counted on the box's fields
    /// in place, as writers ask it of every record.
    public var emptyCellElements: Int {
        func count(_ isEmpty: Bool?) -> Int { isEmpty == true ? 1 : 0 }
        let fields = storage.fields
        return count(fields.name?.isEmpty) + count(fields.number?.isEmpty)
            + count(fields.transportProtocol?.isEmpty) + count(fields.registrationDate?.isEmpty)
            + count(fields.modificationDate?.isEmpty) + count(fields.serviceCode?.isEmpty)
            + count(fields.unauthorizedUse?.isEmpty)
            + (fields.notes.count == 1 && fields.notes[0].isEmpty ? 1 : 0)
    }

    /// The record's own person xrefs: its contacts.
    public var contacts: [Xref] { self.xrefs.filter { $0.type == .person } }

    /// Every record-level xref that is not a person: RFCs, drafts, URIs, text, footnotes.
    public var references: [Xref] { self.xrefs.filter { $0.type != .person } }

    /// Who IANA shows as the assignee: the `<assignee>` xrefs, or the contacts when there is none.
    public var effectiveAssignees: [Xref] { self.assignees ?? contacts }

    /// Reserved and Unassigned rows carry the state as their whole description.
    /// Looked at directly, without flattening the text: the validator asks this of every record.
    public var state: RecordState {
        guard let content = self.description?.content, content.count == 1, case .text(let text) = content[0] else {
            return .assigned
        }
        switch text {
        case "Reserved": return .reserved
        case "Unassigned": return .unassigned
        default: return .assigned
        }
    }

    /// Locations are where values were read, not part of the record.
    public static func == (a: Record, b: Record) -> Bool {
        a.storage.fields == b.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.name)
        hasher.combine(self.number)
        hasher.combine(self.transportProtocol)
    }
}

public enum RecordState: String, Hashable, Sendable {
    case assigned, reserved, unassigned
}

/// The child elements of an XML `<record>`, declared in IANA's most common order (8,865 of
/// 14,533 records on 2026-08-17 follow it), which is also the order a layout that cannot keep
/// order reads records back in. `xref` and `note` repeat: the n-th `.xref` in an order stands
/// for `xrefs[n]`, the n-th `.note` for `notes[n]`.
public enum RecordElement: Int, CaseIterable, Comparable, Sendable {
    case name, transportProtocol, assignee, xref, description, number, serviceCode, unauthorized, note

    public static func < (a: RecordElement, b: RecordElement) -> Bool { a.rawValue < b.rawValue }
}

/// The fields a location can be recorded for.
public enum RecordField: Int, CaseIterable, Sendable {
    case record, name, number, transportProtocol, description, assignee, contact
    case registrationDate, modificationDate, reference, serviceCode, unauthorizedUse, notes
}

/// Where each field of a record was read. Stored inline (no allocation per record): a
/// location with line 0 stands for "not recorded".
public struct FieldLocations: Hashable, Sendable {
    /// One place per field, in `RecordField` order; line 0 means none.
    private var storage = InlineArray<13, SourceLocation>(repeating: SourceLocation(line: 0, column: 0))

    public init() {}

    public subscript(field: RecordField) -> SourceLocation? {
        get {
            let location = storage[field.rawValue]
            return location.line == 0 ? nil : location
        }
        set { storage[field.rawValue] = newValue ?? SourceLocation(line: 0, column: 0) }
    }

    /// The field's own location, or the record's when the field was not read on its own.
    public func best(_ field: RecordField) -> SourceLocation? {
        self[field] ?? self[.record]
    }

    public static func == (a: FieldLocations, b: FieldLocations) -> Bool {
        RecordField.allCases.allSatisfy { a[$0] == b[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for field in RecordField.allCases { hasher.combine(self[field]) }
    }
}
