import RegistryModel

extension Registry {
    /// The registry read from consecutive parts of one input, or nil when a later part holds
    /// something that belongs before the first record (metadata), where a whole read would
    /// place it differently: the input is then read whole.
    public static func joining(parts: [Registry]) -> Registry? {
        guard var joined = parts.first else { return nil }
        for part in parts.dropFirst() {
            guard part.title == nil, part.category == nil, part.updated == nil, part.references.isEmpty,
                part.experts.isEmpty, part.notes.isEmpty, part.id == joined.id
            else { return nil }
            // The people, the footnotes and (when streamed) the records are usually in one part
            // only: taken over as they are, not copied.
            joined.records = joined.records.isEmpty ? part.records : joined.records + part.records
            joined.footnotes = joined.footnotes.isEmpty ? part.footnotes : joined.footnotes + part.footnotes
            if let people = part.people { joined.people = joined.people.map { $0 + people } ?? people }
            if let after = part.prolog?.afterRoot, !after.isEmpty { joined.prolog?.afterRoot += after }
            joined.unkeptMarkup += part.unkeptMarkup
        }
        return joined
    }
}
