/// The whole registry: its metadata, its records in order, its footnotes and its people.
/// Every reader produces one, every writer consumes one, the validator inspects one.
public struct Registry: Hashable, Sendable {
    public var id: String?
    public var title: String?
    public var category: String?
    public var updated: Parsed<RegistryDate>?
    public var references: [Xref]
    public var experts: [RichText]
    public var notes: [RegistryNote]
    public var records: [Record]
    public var footnotes: [Footnote]
    /// nil when the input had no people table (CSV has none), as opposed to an empty one.
    public var people: [Person]?
    /// The input files, in the order read; `SourceLocation.file` indexes this list.
    public var sourceFiles: [String]
    /// The CSV rule the registry was read in (or was told to be written in); nil to write the
    /// rule in force on `updated`. See `csvStyleToWrite`.
    public var csvStyle: CSVStyle?
    /// Processing instructions and comments before and after the root element, in order
    /// (XML only); nil when the input had no prolog of its own, so XML gets today's.
    public var prolog: XMLProlog?
    /// Where the input held what the model has no place for and the reader had to leave out
    /// (comments and processing instructions inside the XML registry): no writer can give it
    /// back, so converting reports it as a loss and `fmt` does not rewrite the file.
    public var unkeptMarkup: [SourceLocation] = []

    public init(
        id: String? = nil, title: String? = nil, category: String? = nil,
        updated: Parsed<RegistryDate>? = nil, references: [Xref] = [], experts: [RichText] = [],
        notes: [RegistryNote] = [], records: [Record] = [], footnotes: [Footnote] = [],
        people: [Person]? = nil, sourceFiles: [String] = []
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.updated = updated
        self.references = references
        self.experts = experts
        self.notes = notes
        self.records = records
        self.footnotes = footnotes
        self.people = people
        self.sourceFiles = sourceFiles
    }

    /// Adds a registry read from a further input (the next served page, say): its records
    /// follow ours; metadata we lack is taken from it; people and footnotes we do not have yet
    /// are added. Source locations keep pointing at their own file.
    public mutating func append(_ other: Registry) {
        id = id ?? other.id
        title = title ?? other.title
        category = category ?? other.category
        updated = updated ?? other.updated
        if references.isEmpty { references = other.references }
        if experts.isEmpty { experts = other.experts }
        if notes.isEmpty { notes = other.notes }
        records += other.records
        let anchors = Set(footnotes.map(\.anchor))
        footnotes += other.footnotes.filter { !anchors.contains($0.anchor) }
        if let theirs = other.people {
            let ours = people ?? []
            let ids = Set(ours.map(\.id))
            people = ours + theirs.filter { !ids.contains($0.id) }
        }
        sourceFiles += other.sourceFiles.filter { !sourceFiles.contains($0) }
        csvStyle = csvStyle ?? other.csvStyle
        prolog = prolog ?? other.prolog
        unkeptMarkup += other.unkeptMarkup
    }

    /// The registry with `other`'s metadata, people, footnotes and XML prolog in place of its
    /// own, and its own records: a CSV edited by a curator, made whole again with the XML it
    /// came from. The CSV rule it was read in stays its own.
    public func withMetadata(of other: Registry) -> Registry {
        var merged = other
        merged.records = records
        merged.sourceFiles = sourceFiles
        merged.csvStyle = csvStyle
        return merged
    }

    /// The CSV rule to write the registry in: the one it was read in, else the one in force on
    /// its `<updated>` date, else today's.
    public var csvStyleToWrite: CSVStyle {
        csvStyle ?? CSVStyle(inForceOn: updated?.value)
    }
}
