/// What a diff between two layouts compares: what both carry, and in words what it leaves out.
public struct DiffScope: Sendable, Hashable {
    public var xrefs: XrefDetail
    /// Texts compared as read; otherwise after white-space normalisation.
    public var exactText: Bool
    public var separateNotes: Bool
    public var metadata: Set<MetadataField>
    public var people: Bool
    public var footnotes: Bool
    /// What was not compared, one phrase each, in a fixed order.
    public var notCompared: [String]

    public init(old: LayoutCapabilities, new: LayoutCapabilities, exact: Bool = false) {
        xrefs = min(old.xrefs, new.xrefs)
        exactText = exact && old.text == new.text
        separateNotes = old.separateNotes && new.separateNotes
        metadata = old.metadata.intersection(new.metadata)
        people = old.people && new.people
        footnotes = old.footnotes && new.footnotes
        notCompared = []
        switch xrefs {
        case .labels: notCompared.append("xref types and targets (compared by [label], as in \(lacking(old, new) { $0.xrefs > .labels }))")
        case .links: notCompared.append("xref attributes beyond the link (compared by link and label, as in \(lacking(old, new) { $0.xrefs > .links }))")
        case .full: break
        }
        if exact && !exactText {
            notCompared.append("exact text (\(old.layout) and \(new.layout) keep text differently; compared after white-space normalisation)")
        }
        if !separateNotes {
            notCompared.append("how a record's notes are split (run together, as in \(lacking(old, new, \.separateNotes)))")
        }
        let missing = MetadataField.allCases.filter { !metadata.contains($0) }
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            notCompared.append("metadata: \(names) (not in \(lacking(old, new) { missing.allSatisfy($0.metadata.contains) }))")
        }
        if !people { notCompared.append("the people table (not in \(lacking(old, new, \.people)))") }
        if !footnotes { notCompared.append("footnotes (not in \(lacking(old, new, \.footnotes)))") }
    }

    /// The layout(s) of the two without something: `csv`, or `csv and txt`.
    private func lacking(_ old: LayoutCapabilities, _ new: LayoutCapabilities, _ has: (LayoutCapabilities) -> Bool) -> String {
        let without = [old, new].filter { !has($0) }.map(\.layout)
        return without.count == 2 && without[0] != without[1] ? without.joined(separator: " and ") : without.first ?? ""
    }
}
