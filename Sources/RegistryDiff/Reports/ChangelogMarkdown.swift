/// The changes as Markdown for release notes: the summary, then a section per class with each
/// record as a list item and each changed field under it, values as code spans.
public enum ChangelogMarkdown: ChangelogStyle {
    public static func opening(_ changes: RegistryChanges) -> String {
        "## Registry changes\n\n\(ChangelogText.summary(changes)).\n"
    }

    public static func closing(_ changes: RegistryChanges) -> String {
        let notCompared = changes.scope.notCompared
        return notCompared.isEmpty ? "" : "\n*Not compared:* " + notCompared.joined(separator: "; ") + ".\n"
    }

    public static func heading(_ title: String) -> String { "\n### \(title)\n\n" }

    public static func item(_ text: String, depth: Int) -> String {
        String(repeating: "  ", count: depth) + "- " + text + "\n"
    }

    public static func name(_ text: String) -> String { code(text) }

    public static func value(_ text: String) -> String { code(text) }

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
