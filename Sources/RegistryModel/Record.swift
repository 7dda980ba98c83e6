/// One row of the registry: a service name, a port or range, or both, on one transport protocol
/// (or none, for name-only registrations and some legacy ranges).
public struct Record: Hashable, Sendable {
    /// The fields live in one shared box, copied only when a shared record is changed: rules,
    /// writers and arrays copy records all the time, and a plain struct of thirteen fields paid
    /// a retain and a release for each of them on every copy.
    private var storage: Storage

    public var name: Parsed<ServiceName>? {
        get { storage.name }
        _modify {
            makeUnique()
            yield &storage.name
        }
    }

    public var number: Parsed<PortRange>? {
        get { storage.number }
        _modify {
            makeUnique()
            yield &storage.number
        }
    }

    public var transportProtocol: Parsed<TransportProtocol>? {
        get { storage.transportProtocol }
        _modify {
            makeUnique()
            yield &storage.transportProtocol
        }
    }

    public var description: RichText? {
        get { storage.description }
        _modify {
            makeUnique()
            yield &storage.description
        }
    }

    /// The xrefs inside `<assignee>`; nil when the record has no `<assignee>` element, in which
    /// case IANA shows the contacts as the assignee.
    public var assignees: [Xref]? {
        get { storage.assignees }
        _modify {
            makeUnique()
            yield &storage.assignees
        }
    }

    /// The record's own xrefs, in order: people (contacts) and references mixed as read.
    public var xrefs: [Xref] {
        get { storage.xrefs }
        _modify {
            makeUnique()
            yield &storage.xrefs
        }
    }

    public var registrationDate: Parsed<RegistryDate>? {
        get { storage.registrationDate }
        _modify {
            makeUnique()
            yield &storage.registrationDate
        }
    }

    public var modificationDate: Parsed<RegistryDate>? {
        get { storage.modificationDate }
        _modify {
            makeUnique()
            yield &storage.modificationDate
        }
    }

    public var serviceCode: Parsed<ServiceCode>? {
        get { storage.serviceCode }
        _modify {
            makeUnique()
            yield &storage.serviceCode
        }
    }

    public var unauthorizedUse: RichText? {
        get { storage.unauthorizedUse }
        _modify {
            makeUnique()
            yield &storage.unauthorizedUse
        }
    }

    public var notes: [RichText] {
        get { storage.notes }
        _modify {
            makeUnique()
            yield &storage.notes
        }
    }

    /// The order of the record's elements as read, so a layout that keeps order (XML) writes the
    /// record back as it was. Empty means IANA's usual order.
    public var elementOrder: [RecordElement] {
        get { storage.elementOrder }
        _modify {
            makeUnique()
            yield &storage.elementOrder
        }
    }

    public var locations: FieldLocations {
        get { storage.locations }
        _modify {
            makeUnique()
            yield &storage.locations
        }
    }

    public init(
        name: Parsed<ServiceName>? = nil, number: Parsed<PortRange>? = nil,
        transportProtocol: Parsed<TransportProtocol>? = nil, description: RichText? = nil,
        assignees: [Xref]? = nil, xrefs: [Xref] = [],
        registrationDate: Parsed<RegistryDate>? = nil, modificationDate: Parsed<RegistryDate>? = nil,
        serviceCode: Parsed<ServiceCode>? = nil, unauthorizedUse: RichText? = nil,
        notes: [RichText] = [], elementOrder: [RecordElement] = [], locations: FieldLocations = .init()
    ) {
        storage = Storage(
            name: name, number: number, transportProtocol: transportProtocol, description: description, assignees: assignees, xrefs: xrefs, registrationDate: registrationDate, modificationDate: modificationDate, serviceCode: serviceCode, unauthorizedUse: unauthorizedUse, notes: notes, elementOrder: elementOrder, locations: locations)
    }

    /// Empties the record for reuse, keeping its box and its arrays' capacity when no copy
    /// shares them: a streaming reader fills one record after another without allocating a
    /// box and the arrays for each.
    public mutating func removeAll() {
        guard isKnownUniquelyReferenced(&storage) else { return self = Record() }
        storage.name = nil
        storage.number = nil
        storage.transportProtocol = nil
        storage.description = nil
        storage.assignees = nil
        storage.registrationDate = nil
        storage.modificationDate = nil
        storage.serviceCode = nil
        storage.unauthorizedUse = nil
        // Most records have no notes and the usual order: skip the generic removal for them.
        if !storage.xrefs.isEmpty { storage.xrefs.removeAll(keepingCapacity: true) }
        if !storage.notes.isEmpty { storage.notes.removeAll(keepingCapacity: true) }
        if !storage.elementOrder.isEmpty { storage.elementOrder.removeAll(keepingCapacity: true) }
        storage.locations = FieldLocations()
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
    }

    /// Shared between copies of a record until one of them changes (copy on write), so no two
    /// owners ever mutate one box: that is what makes it Sendable and its fields safe without
    /// run-time exclusivity checks.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var name: Parsed<ServiceName>?
        @exclusivity(unchecked) var number: Parsed<PortRange>?
        @exclusivity(unchecked) var transportProtocol: Parsed<TransportProtocol>?
        @exclusivity(unchecked) var description: RichText?
        @exclusivity(unchecked) var assignees: [Xref]?
        @exclusivity(unchecked) var xrefs: [Xref]
        @exclusivity(unchecked) var registrationDate: Parsed<RegistryDate>?
        @exclusivity(unchecked) var modificationDate: Parsed<RegistryDate>?
        @exclusivity(unchecked) var serviceCode: Parsed<ServiceCode>?
        @exclusivity(unchecked) var unauthorizedUse: RichText?
        @exclusivity(unchecked) var notes: [RichText]
        @exclusivity(unchecked) var elementOrder: [RecordElement]
        @exclusivity(unchecked) var locations: FieldLocations

        init(
            name: Parsed<ServiceName>?,
            number: Parsed<PortRange>?,
            transportProtocol: Parsed<TransportProtocol>?,
            description: RichText?,
            assignees: [Xref]?,
            xrefs: [Xref],
            registrationDate: Parsed<RegistryDate>?,
            modificationDate: Parsed<RegistryDate>?,
            serviceCode: Parsed<ServiceCode>?,
            unauthorizedUse: RichText?,
            notes: [RichText],
            elementOrder: [RecordElement],
            locations: FieldLocations
        ) {
            self.name = name
            self.number = number
            self.transportProtocol = transportProtocol
            self.description = description
            self.assignees = assignees
            self.xrefs = xrefs
            self.registrationDate = registrationDate
            self.modificationDate = modificationDate
            self.serviceCode = serviceCode
            self.unauthorizedUse = unauthorizedUse
            self.notes = notes
            self.elementOrder = elementOrder
            self.locations = locations
        }

        convenience init(copying other: Storage) {
            self.init(
                name: other.name,
                number: other.number,
                transportProtocol: other.transportProtocol,
                description: other.description,
                assignees: other.assignees,
                xrefs: other.xrefs,
                registrationDate: other.registrationDate,
                modificationDate: other.modificationDate,
                serviceCode: other.serviceCode,
                unauthorizedUse: other.unauthorizedUse,
                notes: other.notes,
                elementOrder: other.elementOrder,
                locations: other.locations)
        }
    }

    /// The elements present but empty (`<name/>`, `<note/>`) among those a layout of cells
    /// shows one to a cell: such a cell reads back as no element. Counted on the box's fields
    /// in place, as writers ask it of every record.
    public var emptyCellElements: Int {
        func count(_ isEmpty: Bool?) -> Int { isEmpty == true ? 1 : 0 }
        return count(storage.name?.isEmpty) + count(storage.number?.isEmpty)
            + count(storage.transportProtocol?.isEmpty) + count(storage.registrationDate?.isEmpty)
            + count(storage.modificationDate?.isEmpty) + count(storage.serviceCode?.isEmpty)
            + count(storage.unauthorizedUse?.isEmpty)
            + (storage.notes.count == 1 && storage.notes[0].isEmpty ? 1 : 0)
    }

    /// The record's own person xrefs: its contacts.
    public var contacts: [Xref] { xrefs.filter { $0.type == .person } }

    /// Every record-level xref that is not a person: RFCs, drafts, URIs, text, footnotes.
    public var references: [Xref] { xrefs.filter { $0.type != .person } }

    /// Who IANA shows as the assignee: the `<assignee>` xrefs, or the contacts when there is none.
    public var effectiveAssignees: [Xref] { assignees ?? contacts }

    /// Reserved and Unassigned rows carry the state as their whole description.
    /// Looked at directly, without flattening the text: the validator asks this of every record.
    public var state: RecordState {
        guard let content = description?.content, content.count == 1, case .text(let text) = content[0] else {
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
        a.name == b.name && a.number == b.number && a.transportProtocol == b.transportProtocol
            && a.description == b.description && a.assignees == b.assignees && a.xrefs == b.xrefs
            && a.registrationDate == b.registrationDate && a.modificationDate == b.modificationDate
            && a.serviceCode == b.serviceCode && a.unauthorizedUse == b.unauthorizedUse
            && a.notes == b.notes && a.elementOrder == b.elementOrder
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(number)
        hasher.combine(transportProtocol)
    }
}

public enum RecordState: String, Hashable, Sendable {
    case assigned, reserved, unassigned
}

/// The child elements of an XML `<record>`. `xref` and `note` repeat: the n-th `.xref` in an
/// order stands for `xrefs[n]`, the n-th `.note` for `notes[n]`.
public enum RecordElement: Hashable, Sendable {
    case name, transportProtocol, number, description, assignee, xref, serviceCode, unauthorized, note
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
