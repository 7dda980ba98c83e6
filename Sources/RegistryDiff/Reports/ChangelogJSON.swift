import FoundationEssentials

/// The changes as JSON for scripts. `added` and `removed` list records as
/// `{"name","port","protocol"}` ("" for an absent part), `changed` adds `"fields"`:
/// `{FIELD: {"old","new"}}`; then the metadata, people and footnote changes, what was not
/// compared, and the counts.
public enum ChangelogJSON {
    struct Document: Encodable {
        var added: [Item]
        var removed: [Item]
        var changed: [Item]
        var metadata: [String: Values]
        var people: Entries
        var footnotes: Entries
        var notCompared: [String]
        var summary: Summary

        enum CodingKeys: String, CodingKey {
            case added, removed, changed, metadata, people, footnotes, summary
            case notCompared = "not_compared"
        }
    }

    struct Item: Encodable {
        var name: String
        var port: String
        var `protocol`: String
        var fields: [String: Values]?

        init(_ change: RecordChange, withFields: Bool) {
            name = change.identity.name
            port = change.identity.port
            `protocol` = change.identity.protocolName
            fields = withFields ? fieldValues(change.fields) : nil
        }
    }

    struct Values: Encodable {
        var old: String
        var new: String
    }

    struct Entries: Encodable {
        var added: [String]
        var removed: [String]
        var changed: [Entry]

        init(_ changes: EntryChanges) {
            added = changes.added
            removed = changes.removed
            changed = changes.changed.map { Entry(key: $0.key, fields: fieldValues($0.fields)) }
        }
    }

    struct Entry: Encodable {
        var key: String
        var fields: [String: Values]
    }

    struct Summary: Encodable {
        var added: Int
        var removed: Int
        var changed: Int
        var unchanged: Int
    }

    public static func render(_ changes: RegistryChanges) -> [UInt8] {
        let document = Document(
            added: changes.added.map { Item($0, withFields: false) },
            removed: changes.removed.map { Item($0, withFields: false) },
            changed: changes.changed.map { Item($0, withFields: true) },
            metadata: fieldValues(changes.metadata),
            people: Entries(changes.people), footnotes: Entries(changes.footnotes),
            notCompared: changes.scope.notCompared,
            summary: Summary(
                added: changes.added.count, removed: changes.removed.count, changed: changes.changed.count,
                unchanged: changes.unchangedCount))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Plain structs of strings and numbers: encoding them cannot fail.
        return Array((try? encoder.encode(document)) ?? Data()) + [0x0A]
    }
}

private func fieldValues(_ changes: [FieldChange]) -> [String: ChangelogJSON.Values] {
    Dictionary(changes.map { ($0.field, ChangelogJSON.Values(old: $0.old, new: $0.new)) }, uniquingKeysWith: { first, _ in first })
}
