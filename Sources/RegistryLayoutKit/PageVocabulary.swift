/// The fixed words of IANA's registry pages and files, which readers look for and writers
/// print: written once, so a page a writer makes is a page the readers know.
public enum RegistryPage {
    /// The XML namespace of IANA's registries.
    public static let namespace = "http://www.iana.org/assignments"
    /// The registry's title, for a registry read without one.
    public static let defaultTitle = "Service Name and Transport Protocol Port Number Registry"
    /// The site banner above the title of IANA's text page.
    public static let banner = "Internet Assigned Numbers Authority"
}

/// The labels of the metadata items above the records table (`<dt>` on the HTML page, a
/// heading line on the text page). Any other label titles a note.
public enum MetadataLabel {
    public static let lastUpdated = "Last Updated"
    public static let experts = "Expert(s)"
    public static let reference = "Reference"
    public static let note = "Note"
    /// Not IANA's: the HTML writer keeps the category there, which IANA's page leaves out.
    public static let category = "Category"
    /// The site's links to the other layouts, not registry data.
    public static let availableFormats = "Available Formats"
}

/// The columns of the people table.
public enum PeopleColumn: Int, CaseIterable, Sendable {
    case id, name, organization, contactURI, lastUpdated

    public var title: String {
        switch self {
        case .id: "ID"
        case .name: "Name"
        case .organization: "Organization"
        case .contactURI: "Contact URI"
        case .lastUpdated: MetadataLabel.lastUpdated
        }
    }

    public static let titles = allCases.map(\.title)
}

/// The titles of the page's sections after the records table.
public enum PageSection {
    /// The people table's heading; 2015 pages say `olderPeople`.
    public static let people = "Contact Information"
    public static let olderPeople = "People"
    public static let footnote = "Footnote"
    public static let footnotes = "Footnotes"
    /// The start of IANA's site footer, below the registry.
    public static let footer = "Licensing Terms"

    /// The footnotes' heading for `count` of them.
    public static func footnotes(count: Int) -> String { count == 1 ? footnote : footnotes }
}
