import RegistryModel

/// The differences between two releases of the registry: records added, removed and changed
/// (matched by `RecordIdentity`, repeats in order), and changes to the metadata, the people
/// table and the footnotes, compared as far as both layouts carry them (`scope`).
public struct RegistryChanges: Sendable {
    /// Records of NEW with no partner in OLD, in NEW's order.
    public private(set) var added: [RecordChange] = []
    /// Records of OLD with no partner in NEW, in OLD's order.
    public private(set) var removed: [RecordChange] = []
    /// Partners that differ in some field, in NEW's order.
    public private(set) var changed: [RecordChange] = []
    /// What became of each record of NEW, by its index: what `validate --against` checks.
    public private(set) var statusOfNew: [RecordStatus] = []
    public private(set) var metadata: [FieldChange] = []
    public private(set) var people = EntryChanges()
    public private(set) var footnotes = EntryChanges()
    public let scope: DiffScope

    public init(from old: Registry, to new: Registry, scope: DiffScope) {
        self.scope = scope
        let comparable = ComparableText(scope: scope)
        compareRecords(old.records, new.records, comparable)
        metadata = Self.metadataChanges(old, new, comparable)
        if scope.people, let before = old.people, let after = new.people {
            people = EntryChanges(old: before, new: after, key: \.id, fields: [
                ("name", { comparable.plain($0.name) }),
                ("organization", { comparable.plain($0.organization) }),
                ("uris", { $0.uris.joined(separator: " ") }),
                ("updated", { $0.updated?.text ?? "" }),
            ])
        }
        if scope.footnotes {
            footnotes = EntryChanges(old: old.footnotes, new: new.footnotes, key: \.anchor, fields: [
                ("text", { comparable.text($0.text) })
            ])
        }
    }

    /// True when nothing compared differs.
    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && metadata.isEmpty && people.isEmpty
            && footnotes.isEmpty
    }

    public var unchangedCount: Int { statusOfNew.count - added.count - changed.count }

    private mutating func compareRecords(_ old: [Record], _ new: [Record], _ comparable: ComparableText) {
        let matching = InOrderMatching(old: old.map(RecordIdentity.init), new: new.map(RecordIdentity.init))
        statusOfNew.reserveCapacity(new.count)
        for (newIndex, oldIndex) in matching.oldIndexOfNew.enumerated() {
            guard let oldIndex else {
                added.append(RecordChange(new[newIndex], oldIndex: nil, newIndex: newIndex))
                statusOfNew.append(.added)
                continue
            }
            // Records equal as read differ in nothing compared: most records of two releases.
            let fields = old[oldIndex] == new[newIndex] ? [] : comparable.changes(from: old[oldIndex], to: new[newIndex])
            if fields.isEmpty {
                statusOfNew.append(.unchanged)
            } else {
                changed.append(RecordChange(new[newIndex], oldIndex: oldIndex, newIndex: newIndex, fields: fields))
                statusOfNew.append(.changed)
            }
        }
        removed = matching.removed.map { RecordChange(old[$0], oldIndex: $0, newIndex: nil) }
    }

    private static func metadataChanges(_ old: Registry, _ new: Registry, _ comparable: ComparableText) -> [FieldChange] {
        func value(_ field: MetadataField, _ registry: Registry) -> String {
            switch field {
            case .id: comparable.plain(registry.id)
            case .title: comparable.plain(registry.title)
            case .category: comparable.plain(registry.category)
            case .updated: registry.updated?.text ?? ""
            case .references: comparable.xrefs(registry.references, people: false)
            case .experts: comparable.texts(registry.experts, separate: true)
            case .notes: comparable.texts(registry.notes.map { note in
                RichText([.text(note.title.map { $0 + ": " } ?? "")] + note.text.content)
            }, separate: true)
            }
        }
        let fields = MetadataField.allCases.filter(comparable.scope.metadata.contains)
        return FieldChange.between(fields, named: \.rawValue) { value($0, old) } new: { value($0, new) }
    }
}

/// What became of a record of NEW.
public enum RecordStatus: Sendable, Hashable {
    case added, changed, unchanged
}

/// One record added, removed or changed, with where it stands in OLD and NEW.
public struct RecordChange: Sendable, Hashable {
    public let identity: RecordIdentity
    public let oldIndex: Int?
    public let newIndex: Int?
    /// For a changed record, the fields that differ.
    public let fields: [FieldChange]

    init(_ record: Record, oldIndex: Int?, newIndex: Int?, fields: [FieldChange] = []) {
        identity = RecordIdentity(record)
        self.oldIndex = oldIndex
        self.newIndex = newIndex
        self.fields = fields
    }
}

/// Changes to entries known by a key (people by id, footnotes by anchor).
public struct EntryChanges: Sendable, Hashable {
    public private(set) var added: [String] = []
    public private(set) var removed: [String] = []
    public private(set) var changed: [EntryChange] = []

    init() {}

    init<Entry: Equatable>(old: [Entry], new: [Entry], key: (Entry) -> String, fields: [(name: String, value: (Entry) -> String)]) {
        let matching = InOrderMatching(old: old.map(key), new: new.map(key))
        for (newIndex, oldIndex) in matching.oldIndexOfNew.enumerated() {
            guard let oldIndex else {
                added.append(key(new[newIndex]))
                continue
            }
            guard old[oldIndex] != new[newIndex] else { continue }  // equal as read: nothing compared differs
            let differences = FieldChange.between(fields, named: \.name) { $0.value(old[oldIndex]) } new: {
                $0.value(new[newIndex])
            }
            if !differences.isEmpty { changed.append(EntryChange(key: key(new[newIndex]), fields: differences)) }
        }
        removed = matching.removed.map { key(old[$0]) }
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
}

public struct EntryChange: Sendable, Hashable {
    public let key: String
    public let fields: [FieldChange]
}
