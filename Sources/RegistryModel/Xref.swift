/// A cross-reference: to a person in the people table, an RFC, an Internet-Draft, a URI,
/// a footnote, or plain text.
public struct Xref: Hashable, Sendable {
    public var type: XrefType
    /// The target: a person id, `rfc6335`, a draft name, a URL, a footnote anchor.
    public var data: String?
    /// The element's own text, when it has one (a label such as `TR-352`, or the whole
    /// reference for `text`).
    public var text: String?
    /// Further attributes the schema allows (`section`, `page`, …), in the order read.
    public var attributes: [XrefAttribute]
    public var location: SourceLocation?

    public init(
        type: XrefType, data: String? = nil, text: String? = nil,
        attributes: [XrefAttribute] = [], location: SourceLocation? = nil
    ) {
        self.type = type
        self.data = data
        self.text = text
        self.attributes = attributes
        self.location = location
    }

    /// What IANA prints between the brackets: the element text when there is one, otherwise
    /// the target (an RFC upper-cased, `rfc6335` → `RFC6335`). Inlinable: writers print a
    /// label for every xref, and a call across modules copies the whole xref first.
    @inlinable
    public var label: String {
        if let text, !text.isEmpty { return text }
        guard let data else { return "" }
        return type == .rfc ? data.uppercased() : data
    }

    /// Locations are where a value was read, not part of the value.
    public static func == (a: Xref, b: Xref) -> Bool {
        a.type == b.type && a.data == b.data && a.text == b.text && a.attributes == b.attributes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(data)
        hasher.combine(text)
    }
}

public struct XrefAttribute: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The `type` attribute of an xref. Types outside IANA's list are kept as read.
public enum XrefType: Hashable, Sendable {
    case person, rfc, draft, uri, text, note
    case other(String)

    public init(_ text: String) {
        switch text {
        case "person": self = .person
        case "rfc": self = .rfc
        case "draft": self = .draft
        case "uri": self = .uri
        case "text": self = .text
        case "note": self = .note
        default: self = .other(text)
        }
    }

    /// The same from UTF-8 bytes (a reader's buffer): no String for IANA's own types.
    public init(utf8 bytes: Span<UInt8>) {
        if utf8(bytes, spells: "person") {
            self = .person
        } else if utf8(bytes, spells: "rfc") {
            self = .rfc
        } else {
            self = XrefType(String(decodingUTF8: bytes))  // the rarer ones
        }
    }

    public var text: String {
        switch self {
        case .person: "person"
        case .rfc: "rfc"
        case .draft: "draft"
        case .uri: "uri"
        case .text: "text"
        case .note: "note"
        case .other(let text): text
        }
    }
}
