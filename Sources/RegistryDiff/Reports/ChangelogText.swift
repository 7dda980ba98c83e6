/// The changes as a changelog for a terminal: records grouped by class, each as
/// `name port/protocol`, each changed field as `field: old → new`, then a summary line.
public enum ChangelogText {
    public static func render(_ changes: RegistryChanges) -> String {
        var out = ""
        section("Added", changes.added, into: &out)
        section("Removed", changes.removed, into: &out)
        section("Changed", changes.changed, into: &out)
        if !changes.metadata.isEmpty {
            out += "Metadata:\n"
            for change in changes.metadata { out += "  " + line(change) + "\n" }
        }
        entries("People", changes.people, into: &out)
        entries("Footnotes", changes.footnotes, into: &out)
        if !changes.scope.notCompared.isEmpty {
            out += "Not compared: " + changes.scope.notCompared.joined(separator: "; ") + "\n"
        }
        return out + summary(changes) + "\n"
    }

    /// `130 added, 44 removed, 79 changed, 14123 unchanged`, and the other parts that changed.
    public static func summary(_ changes: RegistryChanges) -> String {
        var parts = [
            "\(changes.added.count) added", "\(changes.removed.count) removed",
            "\(changes.changed.count) changed", "\(changes.unchangedCount) unchanged",
        ]
        if !changes.metadata.isEmpty { parts.append("\(changes.metadata.count) metadata \(noun(changes.metadata.count, "change"))") }
        if !changes.people.isEmpty { parts.append("people: \(counts(changes.people))") }
        if !changes.footnotes.isEmpty { parts.append("footnotes: \(counts(changes.footnotes))") }
        return parts.joined(separator: ", ")
    }

    private static func section(_ title: String, _ records: [RecordChange], into out: inout String) {
        guard !records.isEmpty else { return }
        out += "\(title) (\(records.count)):\n"
        for record in records {
            out += "  \(record.identity)\n"
            for change in record.fields { out += "    " + line(change) + "\n" }
        }
    }

    private static func entries(_ title: String, _ changes: EntryChanges, into out: inout String) {
        guard !changes.isEmpty else { return }
        out += "\(title):\n"
        for key in changes.added { out += "  added \(key)\n" }
        for key in changes.removed { out += "  removed \(key)\n" }
        for entry in changes.changed {
            out += "  changed \(entry.key)\n"
            for change in entry.fields { out += "    " + line(change) + "\n" }
        }
    }

    /// `field: old → new`; an empty value shows as `(none)`, a line break as `\n`.
    static func line(_ change: FieldChange) -> String {
        "\(change.field): \(shown(change.old)) → \(shown(change.new))"
    }

    private static func shown(_ value: String) -> String {
        value.isEmpty ? "(none)" : value.replacing("\n", with: "\\n")
    }

    static func counts(_ changes: EntryChanges) -> String {
        "\(changes.added.count) added, \(changes.removed.count) removed, \(changes.changed.count) changed"
    }

    static func noun(_ count: Int, _ word: String) -> String { count == 1 ? word : word + "s" }
}
