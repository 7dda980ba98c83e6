/// An entry of the people table, the target of `person` xrefs.
public struct Person: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var organization: String?
    /// Usually one `mailto:` URI with `&` for `@`; a few people have two.
    public var uris: [String]
    public var updated: Parsed<RegistryDate>?
    public var location: SourceLocation?

    public init(
        id: String, name: String? = nil, organization: String? = nil, uris: [String] = [],
        updated: Parsed<RegistryDate>? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.organization = organization
        self.uris = uris
        self.updated = updated
        self.location = location
    }

    public static func == (a: Person, b: Person) -> Bool {
        a.id == b.id && a.name == b.name && a.organization == b.organization && a.uris == b.uris
            && a.updated == b.updated
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A footnote, the target of `note` xrefs.
public struct Footnote: Hashable, Sendable {
    public var anchor: String
    public var text: RichText
    public var location: SourceLocation?

    public init(anchor: String, text: RichText, location: SourceLocation? = nil) {
        self.anchor = anchor
        self.text = text
        self.location = location
    }

    public static func == (a: Footnote, b: Footnote) -> Bool { a.anchor == b.anchor && a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(anchor) }
}

/// A registry-level note; IANA titles some ("Request an Assignment").
public struct RegistryNote: Hashable, Sendable {
    public var title: String?
    public var text: RichText

    public init(title: String? = nil, text: RichText) {
        self.title = title
        self.text = text
    }
}
