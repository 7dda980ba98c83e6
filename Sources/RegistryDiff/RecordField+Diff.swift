import RegistryModel

/// The fields of a record compared once two records share an identity, named as the JSON
/// output names them.
public enum ComparedField: String, CaseIterable, Sendable, Hashable {
    case description, assignee, contact
    case registrationDate = "registration_date", modificationDate = "modification_date"
    case reference
    case serviceCode = "service_code", unauthorizedUse = "unauthorized_use"
    case notes
}

extension ComparableText {
    /// The field of `record` as compared. The assignee is who IANA shows (the `<assignee>`,
    /// or the contacts when there is none): a CSV row gives no `<assignee>` back when it equals
    /// the contacts.
    func value(of field: ComparedField, in record: Record) -> String {
        switch field {
        case .description: text(record.description)
        case .assignee: xrefs(record.effectiveAssignees, people: true)
        case .contact: xrefs(record.contacts, people: true)
        case .registrationDate: record.registrationDate?.text ?? ""
        case .modificationDate: record.modificationDate?.text ?? ""
        case .reference: xrefs(record.references, people: false)
        case .serviceCode: record.serviceCode?.text ?? ""
        case .unauthorizedUse: text(record.unauthorizedUse)
        case .notes: texts(record.notes, separate: scope.separateNotes)
        }
    }

    /// The fields that differ between two records of one identity, in `ComparedField` order.
    func changes(from old: Record, to new: Record) -> [FieldChange] {
        FieldChange.between(ComparedField.allCases, named: \.rawValue) { value(of: $0, in: old) } new: { value(of: $0, in: new) }
    }
}

/// One field's value before and after.
public struct FieldChange: Sendable, Hashable {
    public let field: String
    public let old: String
    public let new: String

    public init(field: String, old: String, new: String) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// The fields whose values differ, in the order given.
    static func between<Field>(
        _ fields: [Field], named name: (Field) -> String, old: (Field) -> String, new: (Field) -> String
    ) -> [FieldChange] {
        fields.compactMap { field in
            let before = old(field)
            let after = new(field)
            return before == after ? nil : FieldChange(field: name(field), old: before, new: after)
        }
    }
}
