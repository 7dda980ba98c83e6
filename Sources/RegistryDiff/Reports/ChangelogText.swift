/// The changes as a changelog for a terminal: records grouped by class, each as
/// `name port/protocol`, each changed field as `field: old → new`, then what was not compared
/// and a summary line.
public enum ChangelogText: ChangelogStyle {
    public static func opening(_ changes: RegistryChanges) -> String { "" }

    public static func closing(_ changes: RegistryChanges) -> String {
        let notCompared = changes.scope.notCompared
        return (notCompared.isEmpty ? "" : "Not compared: " + notCompared.joined(separator: "; ") + "\n")
            + summary(changes) + "\n"
    }

    public static func heading(_ title: String) -> String { title + ":\n" }

    public static func item(_ text: String, depth: Int) -> String {
        String(repeating: "  ", count: depth + 1) + text + "\n"
    }

    public static func name(_ text: String) -> String { text }

    /// An empty value shows as `(none)`, a line break as `\n`.
    public static func value(_ text: String) -> String {
        text.isEmpty ? "(none)" : text.replacing("\n", with: "\\n")
    }

    /// `130 added, 44 removed, 79 changed, 14324 unchanged`, and the other parts that changed.
    public static func summary(_ changes: RegistryChanges) -> String {
        var parts = [
            "\(changes.added.count) added", "\(changes.removed.count) removed",
            "\(changes.changed.count) changed", "\(changes.unchangedCount) unchanged",
        ]
        let metadata = changes.metadata.count
        if metadata > 0 { parts.append("\(metadata) metadata change\(metadata == 1 ? "" : "s")") }
        for (title, entries) in [("people", changes.people), ("footnotes", changes.footnotes)] where !entries.isEmpty {
            parts.append("\(title): \(entries.added.count) added, \(entries.removed.count) removed, \(entries.changed.count) changed")
        }
        return parts.joined(separator: ", ")
    }
}
