/// What each layout carries of the registry: the one table the README shows (its "Layouts and
/// what each carries" section must equal `markdown`, which a test checks) and the round-trip
/// matrix asserts (a row survives a path when every layout on it carries that row).
struct LayoutCapabilities {
    /// One cell: the README's words, and whether the layout carries the row in full (a cell
    /// that folds or drops something is `partly`, and the matrix does not ask for it to survive).
    struct Cell {
        var text: String
        var carried: Bool

        static let yes = Cell(text: "yes", carried: true)
        static func yes(_ detail: String) -> Cell { Cell(text: "yes (\(detail))", carried: true) }
        /// Carried in full, in the layout's own way (a link target for an xref type).
        static func full(_ text: String) -> Cell { Cell(text: text, carried: true) }
        static func partly(_ text: String) -> Cell { Cell(text: text, carried: false) }
        static let no = Cell(text: "no", carried: false)
        static func no(_ detail: String) -> Cell { Cell(text: "no (\(detail))", carried: false) }
    }

    /// What a row stands for, so the matrix knows what to compare.
    enum Feature: CaseIterable {
        case recordFields, richText, xrefTypes, assignee, elementOrder, emptyElements, metadata, people, footnotes
    }

    struct Row {
        var feature: Feature
        var title: String
        /// In the order of `layouts`.
        var cells: [Cell]
    }

    static let layouts = ["xml", "csv", "html", "txt", "json"]

    static let rows: [Row] = [
        Row(feature: .recordFields, title: "records: every field as text",
            cells: [.yes, .yes, .yes, .yes("text reflowed into its column"), .yes]),
        Row(feature: .richText, title: "rich text structure (`<br/>`, `<paragraph>`, inline xrefs)",
            cells: [.yes, .partly("folded into text, exactly as IANA's CSV folds it"), .yes("`<br/>`, `<p>`, links"),
                    .partly("line breaks where the next word would have fitted, empty lines; inline xrefs as `[label]` text"),
                    .yes("a string, or an array of parts")]),
        Row(feature: .xrefTypes, title: "xref types and targets",
            cells: [.yes, .partly("from the `[label]`: person, RFC, draft, footnote, text; a URI keeps only its label"),
                    .full("from the link target, as IANA links them"), .partly("as CSV"), .yes("and every attribute")]),
        Row(feature: .assignee, title: "`<assignee>` element",
            cells: [.yes, .partly("when it differs from the contacts"), .partly("when it differs from the contacts"), .partly("as CSV"), .yes]),
        Row(feature: .elementOrder, title: "element order inside a record",
            cells: [.yes, .partly("IANA's usual order"), .partly("IANA's usual order"), .partly("IANA's usual order"), .yes("`order`, where it is not the usual one")]),
        Row(feature: .emptyElements, title: "empty elements (`<name/>`, `<note/>`, …)",
            cells: [.yes, .no, .no("an empty cell"), .no, .yes("`\"\"`, `[]`")]),
        Row(feature: .metadata, title: "registry metadata (title, updated, experts, notes)",
            cells: [.yes, .no, .yes("and the category, which IANA's page leaves out"), .yes("not the id and category"), .yes]),
        Row(feature: .people, title: "people table",
            cells: [.yes, .no("only the `[ids]`"), .yes, .yes("not an empty URI"), .yes]),
        Row(feature: .footnotes, title: "footnotes",
            cells: [.yes, .no("only the `[anchors]`"), .yes, .yes, .yes]),
    ]

    /// True when every layout of `path` carries `feature` in full.
    static func survives(_ feature: Feature, along path: [String]) -> Bool {
        let row = rows.first { $0.feature == feature }!
        return path.allSatisfy { layout in row.cells[layouts.firstIndex(of: layout)!].carried }
    }

    /// The table as the README shows it.
    static var markdown: [String] {
        ["| | " + layouts.map { $0.uppercased() }.joined(separator: " | ") + " |",
         "|---|" + String(repeating: "---|", count: layouts.count)]
            + rows.map { row in "| \(row.title) | " + row.cells.map(\.text).joined(separator: " | ") + " |" }
    }
}
