/// What a layout carries of a registry, as its reader gives it back: a diff between two
/// layouts compares only what both carry. Taken from the writers' loss reports and the
/// readers (what `LossKind` says each layout drops), one entry per layout.
public struct LayoutCapabilities: Sendable, Hashable {
    /// The layout's name, as the readers know it.
    public var layout: String
    public var xrefs: XrefDetail
    public var text: TextForm
    /// Whether a record's several notes stay apart (CSV runs them together).
    public var separateNotes: Bool
    public var metadata: Set<MetadataField>
    public var people: Bool
    public var footnotes: Bool

    public init(
        layout: String, xrefs: XrefDetail, text: TextForm, separateNotes: Bool,
        metadata: Set<MetadataField>, people: Bool, footnotes: Bool
    ) {
        self.layout = layout
        self.xrefs = xrefs
        self.text = text
        self.separateNotes = separateNotes
        self.metadata = metadata
        self.people = people
        self.footnotes = footnotes
    }

    /// The registry's XML carries everything.
    public static let xml = LayoutCapabilities(
        layout: "xml", xrefs: .full, text: .markup, separateNotes: true,
        metadata: Set(MetadataField.allCases), people: true, footnotes: true)

    /// IANA's CSV: the 12 columns, xrefs as `[label]`, text flattened; no metadata, people or
    /// footnotes, one notes column.
    public static let csv = LayoutCapabilities(
        layout: "csv", xrefs: .labels, text: .flattened, separateNotes: false,
        metadata: [], people: false, footnotes: false)

    /// The registry page: xrefs as links, text with its markup; no registry id, and a category
    /// only when ianaconv wrote the page (IANA's leaves it out).
    public static let html = LayoutCapabilities(
        layout: "html", xrefs: .links, text: .markup, separateNotes: true,
        metadata: [.title, .updated, .references, .experts, .notes], people: true, footnotes: true)

    /// The plain-text page: labels, text reflowed into columns, notes run together; no id or
    /// category.
    public static let text = LayoutCapabilities(
        layout: "txt", xrefs: .labels, text: .reflowed, separateNotes: false,
        metadata: [.title, .updated, .references, .experts, .notes], people: true, footnotes: true)

    /// A page scraped from a browser (Markdown, or collapsed text): labels and the records,
    /// people and metadata as far as the scrape kept them; no footnotes.
    public static let scrapedMarkdown = scraped(layout: "scraped-md")
    public static let scrapedText = scraped(layout: "scraped-txt")

    private static func scraped(layout: String) -> LayoutCapabilities {
        LayoutCapabilities(
            layout: layout, xrefs: .labels, text: .scraped, separateNotes: false,
            metadata: [.title, .updated, .references, .experts, .notes], people: true, footnotes: false)
    }

    /// The JSON layout carries everything, like XML.
    public static let json = LayoutCapabilities(
        layout: "json", xrefs: .full, text: .markup, separateNotes: true,
        metadata: Set(MetadataField.allCases), people: true, footnotes: true)

    /// JSON Lines: the records as JSON carries them, and nothing else.
    public static let jsonLines = LayoutCapabilities(
        layout: "jsonl", xrefs: .full, text: .markup, separateNotes: true, metadata: [], people: false, footnotes: false)

    /// A services(5) file: name, port, protocol and a one-line description; the registry's
    /// title and date from the header ianaconv writes.
    public static let services = LayoutCapabilities(
        layout: "services", xrefs: .labels, text: .flattened, separateNotes: false,
        metadata: [.title, .updated], people: false, footnotes: false)

    public static let all: [LayoutCapabilities] = [
        .xml, .csv, .html, .text, .scrapedMarkdown, .scrapedText, .json, .jsonLines, .services,
    ]

    /// The capabilities of a layout by its reader's name; an unknown layout is assumed to
    /// carry as little as CSV.
    public static func of(layout name: String) -> LayoutCapabilities {
        all.first { $0.layout == name } ?? LayoutCapabilities(
            layout: name, xrefs: .labels, text: .scraped, separateNotes: false, metadata: [], people: false,
            footnotes: false)
    }
}

/// How much of an xref a layout keeps, from least to most.
public enum XrefDetail: Int, Comparable, Sendable, Hashable {
    /// `[LABEL]` only: the reader guesses the type from the label (CSV, the text page).
    case labels
    /// A link and a label: what `Xref(link:label:)` gives back (the HTML page).
    case links
    /// Type, target, text and attributes (XML).
    case full

    public static func < (a: XrefDetail, b: XrefDetail) -> Bool { a.rawValue < b.rawValue }
}

/// How a layout keeps text. Texts compare exactly only between layouts of one form: each form
/// has its own white space and markup.
public enum TextForm: String, Sendable, Hashable {
    /// Character data, line breaks, inline xrefs and paragraphs as registered (XML, HTML).
    case markup
    /// Folded into one line as IANA's CSV does.
    case flattened
    /// Wrapped into the text page's columns.
    case reflowed
    /// As a browser showed the page.
    case scraped
}

/// The registry-level fields besides records, people and footnotes.
public enum MetadataField: String, CaseIterable, Sendable, Hashable {
    case id, title, category, updated, references, experts, notes
}
