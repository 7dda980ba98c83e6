import RegistryModel

/// The 12 columns IANA's flat layouts show a record in: the CSV, and the records table of the
/// HTML and text pages and of their scrapes. Each column's title, the field it holds and how
/// it is shown, written once for every layout's reader and writer.
public enum RegistryColumn: Int, CaseIterable, Sendable {
    case name, number, transportProtocol, description, assignee, contact
    case registrationDate, modificationDate, reference, serviceCode, unauthorizedUse, notes

    /// IANA's column titles, in order.
    public static let titles = allCases.map(\.title)

    /// The column's title on IANA's pages and in its CSV.
    public var title: String {
        switch self {
        case .name: "Service Name"
        case .number: "Port Number"
        case .transportProtocol: "Transport Protocol"
        case .description: "Description"
        case .assignee: "Assignee"
        case .contact: "Contact"
        case .registrationDate: "Registration Date"
        case .modificationDate: "Modification Date"
        case .reference: "Reference"
        case .serviceCode: "Service Code"
        case .unauthorizedUse: "Unauthorized Use Reported"
        case .notes: "Assignment Notes"
        }
    }

    /// The title older files and pages (2013) give column 11.
    public static let olderUnauthorizedUseTitle = "Known Unauthorized Uses"

    /// Every title a column has had: its own, and column 11's older one.
    public static let allTitles = titles + [olderUnauthorizedUseTitle]

    /// The column a title names, either title of column 11 included.
    public init?(title: String) {
        if title == Self.olderUnauthorizedUseTitle {
            self = .unauthorizedUse
            return
        }
        guard let column = Self.allCases.first(where: { $0.title == title }) else { return nil }
        self = column
    }

    /// The record field the column shows.
    public var field: RecordField {
        switch self {
        case .name: .name
        case .number: .number
        case .transportProtocol: .transportProtocol
        case .description: .description
        case .assignee: .assignee
        case .contact: .contact
        case .registrationDate: .registrationDate
        case .modificationDate: .modificationDate
        case .reference: .reference
        case .serviceCode: .serviceCode
        case .unauthorizedUse: .unauthorizedUse
        case .notes: .notes
        }
    }

    /// What a column holds, and so how a reader reads its cell into a `RecordCell`.
    public enum Content: Sendable {
        /// One value (`RecordCell.text`): name, port, protocol, dates, service code.
        case value
        /// Free text (`RecordCell.richText`): description, unauthorized use.
        case richText
        /// The notes (`RecordCell.notes`).
        case notes
        /// `[label]`s of people (`RecordCell.xrefs`): assignee, contact.
        case people
        /// `[label]`s of references (`RecordCell.xrefs`): RFCs, drafts, footnotes, text.
        case references
    }

    public var content: Content {
        switch self {
        case .name, .number, .transportProtocol, .registrationDate, .modificationDate, .serviceCode: .value
        case .description, .unauthorizedUse: .richText
        case .notes: .notes
        case .assignee, .contact: .people
        case .reference: .references
        }
    }

    /// Port, protocol and service code are centred, as on IANA's pages.
    public var isCentred: Bool { self == .number || self == .transportProtocol || self == .serviceCode }

    /// The columns whose values never wrap: on a text page a row is found by the line they
    /// sit on, so a row needs one of them.
    public static let oneLine: [RegistryColumn] = [.name, .number, .transportProtocol, .registrationDate, .modificationDate, .serviceCode]
}
