/// How a changelog spells its parts. `render` walks the changes the same way for every style:
/// records by class, each with its changed fields, then metadata, people and footnotes.
public protocol ChangelogStyle {
    /// What comes before the sections, and after them.
    static func opening(_ changes: RegistryChanges) -> String
    static func closing(_ changes: RegistryChanges) -> String
    static func heading(_ title: String) -> String
    /// One line of a section: a record or an entry at depth 0, a changed field under it at 1.
    static func item(_ text: String, depth: Int) -> String
    /// A record's identity, a person's id, a footnote's anchor.
    static func name(_ text: String) -> String
    /// A field's value, old or new.
    static func value(_ text: String) -> String
}

extension ChangelogStyle {
    public static func render(_ changes: RegistryChanges) -> String {
        var out = opening(changes)
        for (title, records) in [("Added", changes.added), ("Removed", changes.removed), ("Changed", changes.changed)]
        where !records.isEmpty {
            out += heading("\(title) (\(records.count))")
            for record in records {
                out += item(name(record.identity.description), depth: 0)
                for change in record.fields { out += item(field(change), depth: 1) }
            }
        }
        if !changes.metadata.isEmpty {
            out += heading("Metadata")
            for change in changes.metadata { out += item(field(change), depth: 0) }
        }
        entries("People", changes.people, into: &out)
        entries("Footnotes", changes.footnotes, into: &out)
        return out + closing(changes)
    }

    private static func entries(_ title: String, _ changes: EntryChanges, into out: inout String) {
        guard !changes.isEmpty else { return }
        out += heading(title)
        for key in changes.added { out += item("added " + name(key), depth: 0) }
        for key in changes.removed { out += item("removed " + name(key), depth: 0) }
        for entry in changes.changed {
            out += item("changed " + name(entry.key), depth: 0)
            for change in entry.fields { out += item(field(change), depth: 1) }
        }
    }

    /// `field: old → new`.
    private static func field(_ change: FieldChange) -> String {
        "\(change.field): \(value(change.old)) → \(value(change.new))"
    }
}
