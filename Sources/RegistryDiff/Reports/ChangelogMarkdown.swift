/// The changes as Markdown for release notes: a summary, then a section per class with each
/// record as a list item and each changed field under it.
public enum ChangelogMarkdown {
    public static func render(_ changes: RegistryChanges) -> String {
        var out = "## Registry changes\n\n\(ChangelogText.summary(changes)).\n"
        section("Added", changes.added, into: &out)
        section("Removed", changes.removed, into: &out)
        section("Changed", changes.changed, into: &out)
        if !changes.metadata.isEmpty {
            out += "\n### Metadata\n\n"
            for change in changes.metadata { out += "- " + item(change) + "\n" }
        }
        entries("People", changes.people, into: &out)
        entries("Footnotes", changes.footnotes, into: &out)
        if !changes.scope.notCompared.isEmpty {
            out += "\n*Not compared:* " + changes.scope.notCompared.joined(separator: "; ") + ".\n"
        }
        return out
    }

    private static func section(_ title: String, _ records: [RecordChange], into out: inout String) {
        guard !records.isEmpty else { return }
        out += "\n### \(title) (\(records.count))\n\n"
        for record in records {
            out += "- \(code(record.identity.description))\n"
            for change in record.fields { out += "  - " + item(change) + "\n" }
        }
    }

    private static func entries(_ title: String, _ changes: EntryChanges, into out: inout String) {
        guard !changes.isEmpty else { return }
        out += "\n### \(title)\n\n"
        for key in changes.added { out += "- added \(code(key))\n" }
        for key in changes.removed { out += "- removed \(code(key))\n" }
        for entry in changes.changed {
            out += "- changed \(code(entry.key))\n"
            for change in entry.fields { out += "  - " + item(change) + "\n" }
        }
    }

    /// `field: `old` → `new``.
    private static func item(_ change: FieldChange) -> String {
        "\(change.field): \(code(change.old)) → \(code(change.new))"
    }

    /// A code span that holds any text: fenced with more backticks than the text's longest
    /// run, padded when the text starts or ends with one; empty text as *none*.
    private static func code(_ text: String) -> String {
        guard !text.isEmpty else { return "*none*" }
        let flat = text.replacing("\n", with: " ")
        var longest = 0
        var run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }
}
