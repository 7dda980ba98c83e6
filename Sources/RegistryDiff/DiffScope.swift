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
        case .labels: notCompared.append("xref types and targets (compared by [label], as \(weaker(old, new, \.xrefs)) shows them)")
        case .links: notCompared.append("xref attributes beyond the link (compared as \(weaker(old, new, \.xrefs)) links them)")
        case .full: break
        }
        if exact && !exactText {
            notCompared.append("exact text (\(old.layout) and \(new.layout) keep text differently; compared after white-space normalisation)")
        }
        if !separateNotes { notCompared.append("how a record's notes are split (compared run together)") }
        let missing = MetadataField.allCases.filter { !metadata.contains($0) }
        if !missing.isEmpty {
            notCompared.append("metadata: \(missing.map(\.rawValue).joined(separator: ", ")) (not in both layouts)")
        }
        if !people { notCompared.append("the people table (not in both layouts)") }
        if !footnotes { notCompared.append("footnotes (not in both layouts)") }
    }

    private func weaker<Value: Comparable>(
        _ old: LayoutCapabilities, _ new: LayoutCapabilities, _ value: KeyPath<LayoutCapabilities, Value>
    ) -> String {
        old[keyPath: value] <= new[keyPath: value] ? old.layout : new.layout
    }
}
